// The memory part of a lead in the side panel: is this customer new, what matched, the journey so
// far, and other people from the same company. Data comes from the service worker.
import { useEffect, useRef, useState } from 'preact/hooks';
import { actionLabel, stageLabel } from '../core/catalog';
import type { Lang } from '../core/types';
import type { TabLead } from '../messaging/tab-view';
import { send, t } from '../platform/browser';
import type { CustomerView } from '../store/types';
import { formatWhen } from './format';
import { StageChip } from './LeadCard';

const STATUS_KEY = { new: 'statusNew', possible: 'statusPossible', duplicate: 'statusDuplicate' } as const;

/** A matched field's name in the rep's language (unknown codes are shown as they are). */
function fieldName(code: string): string {
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

export function CustomerPanel({ lead, lang, version }: { lead: TabLead; lang: Lang; version: string }) {
  const result = lead.result;
  const [view, setView] = useState<CustomerView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const customerId = result?.customerId ?? null;
  const candidateId = lead.duplicate === 'possible' ? (result?.match.candidateCustomerId ?? null) : null;
  const [candidate, setCandidate] = useState<CustomerView | null>(null);
  useEffect(() => {
    if (!candidateId) return setCandidate(null);
    let current = true;
    send({ type: 'get-customer', customerId: candidateId }).then(
      (c) => {
        if (current) setCandidate(c);
      },
      () => {
        if (current) setCandidate(null);
      },
    );
    return () => {
      current = false;
    };
  }, [candidateId]);

  // Look-ups can overtake each other: confirming a match merges this customer into the earlier one,
  // and a reply about the merged-away id (null) must not blank the journey fetched for the new id.
  // So every look-up asks for the customer the panel shows now, and only the latest reply counts.
  const latestId = useRef(customerId);
  latestId.current = customerId;
  const requests = useRef(0);
  const load = () => {
    const id = latestId.current;
    if (!id) return;
    const ticket = ++requests.current;
    send({ type: 'get-customer', customerId: id }).then(
      (v) => {
        if (ticket === requests.current) setView(v);
      },
      (e: unknown) => {
        if (ticket === requests.current) setError(String(e));
      },
    );
  };
  useEffect(load, [customerId, version]);

  const act = async (run: () => Promise<{ ok?: boolean; error?: string }>) => {
    setBusy(true);
    try {
      const reply = await run();
      setError(reply.error ?? null);
      load();
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
          <button
            type="button"
            class="primary"
            disabled={busy}
            onClick={() => act(() => send({ type: 'decide-match', sightingId: result.sightingId, decision: 'confirmed' }))}
          >
            {t('panelConfirm')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => act(() => send({ type: 'decide-match', sightingId: result.sightingId, decision: 'rejected' }))}
          >
            {t('panelReject')}
          </button>
        </div>
      )}
      {view && view.journey.length > 0 && (
        <>
          <h3>
            {t('panelJourney')} · {view.displayName}
          </h3>
          <ol class="journey" data-testid="journey">
            {view.journey.map((step) => (
              <li
                key={step.sightingId}
                class={step.sightingId === result.sightingId ? 'current' : ''}
                data-stage={step.stage}
                data-action={step.action ?? ''}
              >
                <StageChip stage={step.stage} lang={lang} /> {step.action ? actionLabel(step.action, lang) : stageLabel(step.stage, lang)}
                {step.offer && (
                  <>
                    {' '}
                    · <code>{step.offer}</code>
                  </>
                )}
                <div class="hint">
                  {formatWhen(step.at, lang)}
                  {step.recordUrl && (
                    <>
                      {' '}
                      ·{' '}
                      <a href={step.recordUrl} target="_blank" rel="noreferrer">
                        {step.crm}
                      </a>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      {view && view.colleagues.length > 0 && (
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
      )}
      {view && (
        <div class="actions">
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={() => {
              if (confirm(t('panelForgetConfirm'))) void act(() => send({ type: 'forget-customer', customerId: view.customerId }));
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
