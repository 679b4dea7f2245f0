// The side panel: the marketplace leads of the current tab, each explained with its next steps and
// the customer's history, plus whatever the rep decoded from a selection.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { actionLabel, stageLabel } from '../core/catalog';
import { customerName, leadTime, offerLabel } from '../core/display';
import { offerKey } from '../core/offer-names';
import { playbookFor } from '../core/playbook';
import type { Lang } from '../core/types';
import type { TabLead, TabLeads } from '../messaging/tab-view';
import type { TeamTabView } from '../messaging/team-view';
import { t, uiLang } from '../platform/browser';
import { Contacts } from './Contacts';
import { useDesk } from './desk';
import { DraftBox } from './DraftBox';
import { CustomerPanel, StatusBadge } from './CustomerPanel';
import { formatRelative } from './format';
import { LeadCard, StageChip } from './LeadCard';
import './lead-row.css';
import { Search } from './Search';
import type { CustomerSource } from './sources';
import { TeamPanel } from './TeamPanel';

/** More leads than this (a list view) are shown as one line each, opened on demand. */
const COMPACT_ABOVE = 2;

export interface SidePanelSource {
  /** Current state for the tab, and a subscription to its changes; returns an unsubscribe. */
  watch(onChange: (state: TabLeads | null) => void): () => void;
  /** What the customer panels ask the lead memory. */
  customers: CustomerSource;
  /** The team check's answers for the tab (TeamPanel), when the page has any. */
  team?: (onChange: (view: TeamTabView | null) => void) => () => void;
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
  const lang = uiLang();
  const focused = useRef<HTMLDivElement>(null);
  const [team, setTeam] = useState<TeamTabView | null>(null);
  useEffect(() => source.watch(setState), [source]);
  useEffect(() => source.team?.(setTeam), [source]);
  useEffect(() => {
    focused.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [state?.focusKey]);

  const leads = distinctLeads(state?.leads ?? []);
  const now = new Date();
  return (
    <main class="panel">
      <h1>{t('panelTitle')}</h1>
      <Search lang={lang} customers={source.customers} />
      {state?.skippedRows ? (
        <p class="notice" role="status" data-testid="skipped-rows">
          {t('panelSkippedRows', String(state.skippedRows))}
        </p>
      ) : null}
      {state?.memoryError && (
        <p class="error" role="alert" data-testid="memory-error">
          {t('panelNoStore', state.memoryError)}
        </p>
      )}
      {leads.length === 0 && !state?.selections.length && (
        <p class="hint" data-testid="panel-empty">
          {t('panelEmpty')}
        </p>
      )}
      {state && state.selections.length > 0 && (
        <section data-testid="selections">
          <h2>{t('panelSelections')}</h2>
          {state.selections
            .slice(0, 5)
            .map((sel, i) => sel.decoded.map((d, j) => <LeadCard key={`${sel.at}:${i}:${j}`} decoded={d} lang={lang} now={now} />))}
        </section>
      )}
      {leads.length > 0 && (
        <section data-testid="page-leads">
          {state!.selections.length > 0 && <h2>{t('panelTitle')}</h2>}
          {leads.map((lead) => {
            const isFocus =
              lead.key === state!.focusKey ||
              sameRecord(
                lead,
                state!.leads.find((l) => l.key === state!.focusKey),
              );
            const teamView = team && team.url === state!.url ? team.byKey[lead.key] : undefined;
            const card = (
              <FullLead lead={lead} lang={lang} now={now} version={state!.updatedAt} customers={source.customers}>
                <TeamPanel view={teamView} host={team?.host ?? ''} lang={lang} />
              </FullLead>
            );
            return (
              <div key={lead.key} ref={isFocus ? focused : undefined} data-lead-key={lead.key}>
                {leads.length > COMPACT_ABOVE ? (
                  <LeadRow lead={lead} lang={lang} now={now} focused={isFocus}>
                    {card}
                  </LeadRow>
                ) : (
                  card
                )}
              </div>
            );
          })}
        </section>
      )}
    </main>
  );
}

function FullLead({
  lead,
  lang,
  now,
  version,
  customers,
  children,
}: {
  lead: TabLead;
  lang: Lang;
  now: Date;
  version: string;
  customers: CustomerSource;
  children?: ComponentChildren;
}) {
  return (
    <LeadCard
      decoded={lead.lead.leadSource!}
      lang={lang}
      leadTime={leadTime({ ...lead.lead, firstSeen: lead.firstSeen }, now)}
      now={now}
      sightingId={lead.result?.sightingId}
    >
      <Contacts customer={lead.lead.customer} />
      <LeadDraft lead={lead} lang={lang} />
      <CustomerPanel lead={lead} lang={lang} version={version} customers={customers} />
      {children}
    </LeadCard>
  );
}

/**
 * One line of a list page: stage, action, customer, duplicate status and the next deadline; the full
 * card (and its memory look-ups) only once opened. The lead clicked on the page opens by itself.
 */
function LeadRow({
  lead,
  lang,
  now,
  focused,
  children,
}: {
  lead: TabLead;
  lang: Lang;
  now: Date;
  focused: boolean;
  children: ComponentChildren;
}) {
  const [open, setOpen] = useState(focused);
  useEffect(() => {
    if (focused) setOpen(true);
  }, [focused]);
  const decoded = lead.lead.leadSource!;
  const { followUpHours } = useDesk();
  const next = playbookFor(decoded, leadTime({ ...lead.lead, firstSeen: lead.firstSeen }, now), lang, { followUpHours }).steps.find(
    (s) => s.due !== null,
  );
  const overdue = next?.due ? new Date(next.due) < now : false;
  const c = lead.lead.customer;
  const name = customerName(c);
  return (
    <details class="lead-row" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} data-testid="lead-row">
      <summary>
        <StageChip stage={decoded.stage} lang={lang} />
        <span class="row-main">
          <strong>{name || c.company || c.email || stageLabel(decoded.stage, lang)}</strong>
          {decoded.action && decoded.stage !== 'do-not-contact' && <span class="hint"> · {actionLabel(decoded.action, lang)}</span>}
          {name && c.company && <span class="hint"> · {c.company}</span>}
        </span>
        {lead.duplicate !== 'new' && <StatusBadge status={lead.duplicate} />}
        {next?.due && (
          <time class={overdue ? 'due overdue' : 'due'} dateTime={next.due}>
            {formatRelative(next.due, now, lang)}
          </time>
        )}
      </summary>
      {open && children}
    </details>
  );
}

/** The lead's first-contact draft, naming the offer by its friendly name when the dictionary knows it. */
function LeadDraft({ lead, lang }: { lead: TabLead; lang: Lang }) {
  const { offerNames } = useDesk();
  const decoded = lead.lead.leadSource!;
  const key = offerKey(decoded.offer);
  const offer = (key && offerNames[key]) || offerLabel(decoded.offer);
  return <DraftBox decoded={decoded} customer={lead.lead.customer} offer={offer} lang={lang} />;
}
