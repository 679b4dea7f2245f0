// The side panel: the marketplace leads of the current tab, each explained with its next steps and
// the customer's history, plus whatever the rep decoded from a selection.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TabLeads } from '../messaging/messages';
import { t } from '../platform/browser';
import { CustomerPanel } from './CustomerPanel';
import { LeadCard } from './LeadCard';
import { useLang } from './useLang';

export interface SidePanelSource {
  /** Current state for the tab, and a subscription to its changes; returns an unsubscribe. */
  watch(onChange: (state: TabLeads | null) => void): () => void;
}

function customerLine(lead: TabLeads['leads'][number]): string {
  const c = lead.lead.customer;
  const name = c.fullName ?? [c.firstName, c.lastName].filter(Boolean).join(' ');
  return [name, c.company, c.email].filter(Boolean).join(' · ');
}

/**
 * One card per lead: the same LeadSource often shows twice on one record (Topic and Description),
 * which earns two badges on the page but is still one lead.
 */
export function distinctLeads(leads: TabLeads['leads']): TabLeads['leads'] {
  const seen = new Map<string, TabLeads['leads'][number]>();
  for (const lead of leads) {
    if (!lead.lead.leadSource?.ok) continue;
    const id = lead.recordId ? `${lead.crm}:${lead.recordId}|${lead.lead.leadSource.input}` : lead.key;
    if (!seen.has(id)) seen.set(id, lead);
  }
  return [...seen.values()];
}

function sameRecord(a: TabLeads['leads'][number], b: TabLeads['leads'][number] | undefined): boolean {
  return !!b && !!a.recordId && a.recordId === b.recordId && a.crm === b.crm && a.lead.leadSource?.input === b.lead.leadSource?.input;
}

export function SidePanel({ source }: { source: SidePanelSource }) {
  const [state, setState] = useState<TabLeads | null>(null);
  const lang = useLang();
  const focused = useRef<HTMLDivElement>(null);
  useEffect(() => source.watch(setState), [source]);
  useEffect(() => { focused.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }); }, [state?.focusKey]);

  const leads = distinctLeads(state?.leads ?? []);
  const now = new Date();
  return (
    <main class="panel">
      <h1>{t('panelTitle')}</h1>
      {state?.skippedRows ? <p class="notice" role="status" data-testid="skipped-rows">{t('panelSkippedRows', String(state.skippedRows))}</p> : null}
      {state?.memoryError && <p class="error" role="alert" data-testid="memory-error">{t('panelNoStore', state.memoryError)}</p>}
      {leads.length === 0 && !state?.selections.length && <p class="hint" data-testid="panel-empty">{t('panelEmpty')}</p>}
      {state && state.selections.length > 0 && (
        <section data-testid="selections">
          <h2>{t('panelSelections')}</h2>
          {state.selections.slice(0, 5).map((sel, i) =>
            sel.decoded.map((d, j) => <LeadCard key={`${sel.at}:${i}:${j}`} decoded={d} lang={lang} now={now} />))}
        </section>
      )}
      {leads.length > 0 && (
        <section data-testid="page-leads">
          {state!.selections.length > 0 && <h2>{t('panelTitle')}</h2>}
          {leads.map((lead) => {
            const isFocus = lead.key === state!.focusKey || sameRecord(lead, state!.leads.find((l) => l.key === state!.focusKey));
            const leadTime = new Date(lead.lead.createdAt ?? lead.firstSeen);
            return (
              <div key={lead.key} ref={isFocus ? focused : undefined} data-lead-key={lead.key}>
                <LeadCard decoded={lead.lead.leadSource!} lang={lang} leadTime={Number.isNaN(leadTime.getTime()) ? now : leadTime} now={now}>
                  {customerLine(lead) && <p class="who">{customerLine(lead)}</p>}
                  <CustomerPanel lead={lead} lang={lang} version={state!.updatedAt} />
                </LeadCard>
              </div>
            );
          })}
        </section>
      )}
    </main>
  );
}
