// One decoded lead: what it is (storefront, action, stage, offer), what to watch out for, and
// what to do next with deadlines. Used by the popup and the side panel.
import type { ComponentChildren } from 'preact';
import { actionLabel, reasonLabel, sourceLabel, stageLabel, warningLabel } from '../core/catalog';
import { stageStyle } from '../core/display';
import { playbookFor } from '../core/playbook';
import { offerKey } from '../core/offer-names';
import type { DecodedLeadSource, Lang, Stage } from '../core/types';
import { t } from '../platform/browser';
import { Checklist } from './Checklist';
import { useDesk } from './desk';
import { formatWhen } from './format';

/** A stage's name in its colours: the catalog's, as on the badge on the CRM page (styles.css reads them). */
export function StageChip({ stage, lang }: { stage: Stage; lang: Lang }) {
  return (
    <span class="chip stage" data-stage={stage} style={stageStyle(stage)}>
      {stageLabel(stage, lang)}
    </span>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export interface LeadCardProps {
  decoded: DecodedLeadSource;
  lang: Lang;
  /** The moment deadlines count from (the lead's creation, else when it was first seen). */
  leadTime?: Date;
  now?: Date;
  /** Show next steps (the popup shows them too; lists may hide them). */
  showSteps?: boolean;
  /** The stored lead (sighting) this card shows: its checklist ticks are remembered under it. */
  sightingId?: string;
  children?: ComponentChildren;
}

export function LeadCard({ decoded, lang, leadTime, now = new Date(), showSteps = true, sightingId, children }: LeadCardProps) {
  const desk = useDesk();
  if (!decoded.ok) {
    return (
      <article class="card rejected" data-testid="lead-card" data-ok="false">
        <p class="input">
          <code>{decoded.input}</code>
        </p>
        <dl>
          <Row label={t('fieldReason')}>{decoded.reason ? reasonLabel(decoded.reason, lang) : '—'}</Row>
        </dl>
      </article>
    );
  }
  const playbook = playbookFor(decoded, leadTime ?? now, lang, { followUpHours: desk.followUpHours });
  const offer = decoded.offer;
  const key = offerKey(offer);
  const offerName = key ? desk.offerNames[key] : undefined;
  return (
    <article
      class="card"
      data-testid="lead-card"
      data-ok="true"
      data-source={decoded.source ?? ''}
      data-action={decoded.action ?? ''}
      data-stage={decoded.stage}
    >
      <header>
        <StageChip stage={decoded.stage} lang={lang} />
        <strong class="headline">{playbook.headline}</strong>
      </header>
      <p class="input">
        <code>{decoded.input}</code>
      </p>
      <dl>
        {decoded.source && (
          <Row label={t('fieldSource')}>
            <span data-field="source">{sourceLabel(decoded.source, lang)}</span>
          </Row>
        )}
        {decoded.action && (
          <Row label={t('fieldAction')}>
            <span data-field="action">{actionLabel(decoded.action, lang)}</span> <code>{decoded.action}</code>
          </Row>
        )}
        {offer?.publisherId && (
          <Row label={t('fieldPublisher')}>
            <code data-field="publisher">{offer.publisherId}</code>
          </Row>
        )}
        {offer && (
          <Row label={t('fieldOffer')}>
            {offerName ? (
              <>
                <span data-field="offer-name">{offerName}</span> (<span data-field="offer">{offer.offerId ?? offer.title}</span>)
              </>
            ) : (
              <span data-field="offer">{offer.offerId ?? offer.title}</span>
            )}
            {decoded.warnings.includes('possibly-truncated') && (
              <span class="may-be-cut" data-field="may-be-cut">
                {' '}
                ({t('offerMayBeCut')})
              </span>
            )}
            {offer.completedFrom && (
              <span class="completed-from" data-field="completed-from">
                {' '}
                ({t('offerCompletedFrom', offer.completedFrom)})
              </span>
            )}
          </Row>
        )}
        {decoded.testLead && decoded.testLeadTime && <Row label={t('fieldTestLead')}>{formatWhen(decoded.testLeadTime, lang)}</Row>}
        {decoded.warnings.length > 0 && (
          <Row label={t('fieldWarnings')}>
            <ul class="warnings">
              {decoded.warnings.map((w) => (
                <li key={w} data-warning={w}>
                  {warningLabel(w, lang)}
                </li>
              ))}
            </ul>
          </Row>
        )}
      </dl>
      <p class="explanation">{playbook.explanation}</p>
      {showSteps && playbook.steps.length > 0 && <Checklist steps={playbook.steps} sightingId={sightingId} lang={lang} now={now} />}
      {children}
    </article>
  );
}
