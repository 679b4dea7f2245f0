// The memory part of a lead in the side panel: is this customer new, what matched, the journey so
// far, and other people from the same company. Data comes through the injected CustomerSource.
import { useState } from 'preact/hooks';
import { safeRecordUrl } from '../core/bounds';
import { actionLabel, stageLabel } from '../core/catalog';
import type { Lang, MatchedField } from '../core/types';
import type { CustomerView } from '../messaging/messages';
import type { TabLead } from '../messaging/tab-view';
import { t } from '../platform/browser';
import { formatWhen } from './format';
import { useDesk } from './desk';
import { StageChip } from './LeadCard';
import type { CustomerSource } from './sources';
import { useLatest } from './use-latest';

const STATUS_KEY = { new: 'statusNew', possible: 'statusPossible', duplicate: 'statusDuplicate' } as const;

/** A matched field's name in the rep's language (unknown codes are shown as they are). */
function fieldName(code: MatchedField): string {
  const label = t(`matchField_${code}`);
  return label === `matchField_${code}` ? code : label;
}

export function StatusBadge({ status }: { status: TabLead['duplicate'] }) {
  return (
    <span class={`status status-${status}`} data-testid="duplicate-status" data-status={status}>
      {t(STATUS_KEY[status])}
    </span>
  );
}

export function CustomerPanel({
  lead,
  lang,
  version,
  customers,
}: {
  lead: TabLead;
  lang: Lang;
  version: string;
  customers: CustomerSource;
}) {
  const result = lead.result;
  const [actError, setActError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const candidateId = lead.duplicate === 'possible' ? (result?.match.candidateCustomerId ?? null) : null;
  const candidateLookup = useLatest(candidateId, customers.customer);
  const candidate = candidateId && !candidateLookup.error ? candidateLookup.value : null;
  // Confirming a match merges this customer into the earlier one while a look-up of the old id may
  // still be on its way: useLatest keeps only the reply for the customer the panel shows now.
  const { value: view, error: viewError, reload } = useLatest(result?.customerId ?? null, customers.customer, version);

  const act = async (run: () => Promise<{ ok?: boolean; error?: string }>) => {
    setBusy(true);
    try {
      const reply = await run();
      setActError(reply.error ?? null);
      reload();
    } finally {
      setBusy(false);
    }
  };

  if (!result)
    return (
      <div class="who">
        <StatusBadge status={lead.duplicate} />
      </div>
    );
  const pending = view?.pending.find((p) => p.sightingId === result.sightingId);
  const showDecision = lead.duplicate === 'possible' && (pending !== undefined || result.match.decision === null);
  const error = actError ?? viewError;
  return (
    <section class="memory" data-testid="customer-panel">
      <div class="who">
        <StatusBadge status={lead.duplicate} />
        {result.stageAdvanced && (
          <span class="status status-new" data-testid="stage-advanced">
            {' '}
            {t('stageAdvanced')}
          </span>
        )}
        {result.match.fields.length > 0 && (
          <span data-testid="matched-fields"> {t('panelMatchedOn', result.match.fields.map(fieldName).join(', '))}</span>
        )}
      </div>
      {showDecision && candidate && (
        <p class="who" data-testid="candidate">
          {t('panelMaybe', [candidate.displayName, candidate.company, candidate.email].filter(Boolean).join(' · '))}
        </p>
      )}
      {showDecision && (
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => act(() => customers.decide(result.sightingId, 'confirmed'))}>
            {t('panelConfirm')}
          </button>
          <button type="button" disabled={busy} onClick={() => act(() => customers.decide(result.sightingId, 'rejected'))}>
            {t('panelReject')}
          </button>
        </div>
      )}
      {view && <Journey view={view} current={result.sightingId} lang={lang} />}
      {view && <Colleagues view={view} />}
      {view && (
        <div class="actions">
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={() => {
              if (confirm(t('panelForgetConfirm'))) void act(() => customers.forget(view.customerId));
            }}
          >
            {t('panelForget')}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {t('panelNoStore', error)}
        </p>
      )}
    </section>
  );
}

/** Every lead of the customer, oldest first, the one on the page marked as current. */
export function Journey({ view, current, lang }: { view: CustomerView; current: string; lang: Lang }) {
  const { offerNames } = useDesk();
  if (view.journey.length === 0) return null;
  return (
    <>
      <h3>
        {t('panelJourney')} · {view.displayName}
      </h3>
      <ol class="journey" data-testid="journey">
        {view.journey.map((step) => (
          <li
            key={step.sightingId}
            class={step.sightingId === current ? 'current' : ''}
            data-stage={step.stage}
            data-action={step.action ?? ''}
          >
            <StageChip stage={step.stage} lang={lang} /> {step.action ? actionLabel(step.action, lang) : stageLabel(step.stage, lang)}
            {step.offer && (
              <>
                {' '}
                ·{' '}
                {offerNames[step.offer.toLocaleLowerCase()] && (
                  <span data-field="offer-name">{offerNames[step.offer.toLocaleLowerCase()]} </span>
                )}
                <code>{step.offer}</code>
              </>
            )}
            <div class="hint">
              {formatWhen(step.at, lang)}
              {safeRecordUrl(step.recordUrl) && (
                <>
                  {' '}
                  ·{' '}
                  <a href={safeRecordUrl(step.recordUrl)!} target="_blank" rel="noreferrer">
                    {step.crm}
                  </a>
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Other people LeadLens has seen from the same company. */
function Colleagues({ view }: { view: CustomerView }) {
  if (view.colleagues.length === 0) return null;
  return (
    <>
      <h3>{t('panelColleagues')}</h3>
      <ul data-testid="colleagues">
        {view.colleagues.map((c) => (
          <li key={c.customerId}>
            {c.displayName}
            {c.email && <> · {c.email}</>}
          </li>
        ))}
      </ul>
    </>
  );
}
