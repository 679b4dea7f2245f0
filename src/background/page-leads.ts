// A content script's report of the leads on its page: the marketplace leads go into the lead memory,
// and the tab's view gets every lead with its verdict. A page reports all its leads once per URL, then
// only what changed (`delta`: leads added or changed, keys removed); leads the tab already stored,
// unchanged and on the same URL, keep their verdict instead of being ingested again. The reply goes out as soon as the verdicts are
// known; the tab's view is written after it.
import { dequal } from 'dequal/lite';
import { decodeLeadSource } from '../core/leadsource';
import type { Message, PageLead, Reply } from '../messaging/messages';
import type { TabLead, TabLeads } from '../messaging/tab-view';
import type { IngestResult, SightingInput } from '../store/types';
import { describeError, type MemoryPort } from './memory-port';
import { completeLeads } from './offers';
import { purgeIfDue } from './retention';
import { readTab, updateTab } from './tab-state';

type Statuses = Reply<'page-leads'>['statuses'];

/** The page's own decode is not trusted: the LeadSource is decoded again from its raw text. */
function redecode(lead: PageLead): PageLead {
  const raw = lead.lead.leadSource && typeof lead.lead.leadSource.input === 'string' ? lead.lead.leadSource.input : null;
  return { ...lead, lead: { ...lead.lead, leadSource: raw === null ? null : decodeLeadSource(raw) } };
}

/**
 * The same lead as before: same record, same fields, same LeadSource text. Compared value by value,
 * never as JSON text: storage.session hands objects back with their keys sorted, so the stored lead
 * and the page's never serialise alike.
 */
export function sameLead(before: PageLead, now: PageLead): boolean {
  return before.crm === now.crm && before.recordId === now.recordId && before.recordUrl === now.recordUrl && dequal(before.lead, now.lead);
}

export async function ingestPage(
  message: Extract<Message, { type: 'page-leads' }>,
  tabId: number,
  memory: () => Promise<MemoryPort>,
  now: Date,
): Promise<Reply<'page-leads'>> {
  const { url } = message;
  const leads = await completeLeads(message.leads.map(redecode), memory);
  // Test leads only prove the connector works; they are no customer and stay out of the memory.
  const marketplace = leads.filter((l) => l.lead.leadSource?.ok && !l.lead.leadSource.testLead);
  const previous = await readTab(tabId);
  // Changes to a page this worker holds no report of (its view was dropped): the page is asked for all of it.
  if (message.delta && previous?.url !== url) return { statuses: {}, resync: true };
  const known = new Map((previous?.url === url ? previous.leads : []).filter((l) => l.result).map((l) => [l.key, l]));
  const statuses: Statuses = {};
  const reused = new Set<string>();
  const fresh = marketplace.filter((l) => {
    const before = known.get(l.key);
    if (before && sameLead(before, l)) {
      statuses[l.key] = before.result;
      reused.add(l.key);
      return false;
    }
    return true;
  });
  // A failure after the verdicts went out (the records could not be written) reaches the tab's view.
  const late = (why: string) => void updateTab(tabId, (tab) => ({ ...tab, memoryError: why })).catch(() => undefined);
  const error = await ingestFresh(fresh, statuses, memory, now, late);
  keepLatest(await readTab(tabId), url, leads, reused, statuses);
  const reply = { ...statuses };
  // Written after the reply: the page's badges need only the verdicts.
  void updateTab(tabId, (tab) => {
    keepLatest(tab, url, leads, reused, statuses);
    const before = new Map(tab.leads.map((l) => [l.key, l]));
    const listed: TabLead[] = leads.map((l) => {
      const result = statuses[l.key] ?? null;
      return { ...l, result, duplicate: result?.match.status ?? 'new', firstSeen: before.get(l.key)?.firstSeen ?? now.toISOString() };
    });
    const sameUrl = tab.url === url;
    return {
      ...tab,
      url,
      leads: message.delta && sameUrl ? merged(tab.leads, listed, message.removed ?? []) : listed,
      focusKey: sameUrl ? tab.focusKey : null,
      memoryError: error ?? null,
      skippedRows: message.delta && sameUrl ? (tab.skippedRows ?? 0) : (message.skippedRows ?? 0),
    };
  }).catch(() => undefined);
  return error ? { statuses: reply, error } : { statuses: reply };
}

/** The tab's leads with a page's changes applied: changed ones in their place, new ones at the end. */
function merged(leads: readonly TabLead[], changed: readonly TabLead[], removed: readonly string[]): TabLead[] {
  const gone = new Set(removed);
  const byKey = new Map(changed.map((l) => [l.key, l]));
  const out: TabLead[] = [];
  for (const l of leads) {
    if (gone.has(l.key) && !byKey.has(l.key)) continue;
    out.push(byKey.get(l.key) ?? l);
    byKey.delete(l.key);
  }
  out.push(...byKey.values());
  return out;
}

/**
 * A verdict reused from the tab may have changed since it was read (the rep confirmed or rejected a
 * match, or forgot the customer, meanwhile): the tab's version as it is now wins.
 */
function keepLatest(tab: TabLeads | null, url: string, leads: PageLead[], reused: ReadonlySet<string>, statuses: Statuses): void {
  if (!tab || tab.url !== url || !reused.size) return;
  const byKey = new Map(tab.leads.map((l) => [l.key, l]));
  for (const l of leads) {
    const then = byKey.get(l.key);
    if (reused.has(l.key) && then && sameLead(then, l)) statuses[l.key] = then.result;
  }
}

/**
 * Stores the new or changed leads and fills in their verdicts as soon as the memory knows them (their records
 * are written after: the reply does not wait for that); returns what went wrong, if anything. A failure
 * after the verdicts are known goes to `late`.
 */
async function ingestFresh(
  fresh: PageLead[],
  statuses: Statuses,
  memory: () => Promise<MemoryPort>,
  now: Date,
  late: (why: string) => void,
): Promise<string | undefined> {
  try {
    const m = await memory();
    const inputs: SightingInput[] = fresh.map((l) => ({
      crm: l.crm,
      recordId: l.recordId,
      recordUrl: l.recordUrl,
      lead: l.lead,
      seenAt: now.toISOString(),
    }));
    let known: (results: IngestResult[]) => void = () => undefined;
    const verdicts = new Promise<IngestResult[]>((resolve) => {
      known = resolve;
    });
    const stored = inputs.length ? m.ingest(inputs, known) : Promise.resolve([]);
    let answered = false;
    void stored.catch((e) => {
      if (answered) late(describeError(e).error);
    });
    const results = await Promise.race([verdicts, stored]);
    answered = true;
    fresh.forEach((l, i) => {
      statuses[l.key] = results[i] ?? null;
    });
    if (inputs.length) void purgeIfDue(m, now).catch(() => undefined);
    // Records the store could not read were skipped, not lost silently: the rep is told.
    const problems = m.takeProblems();
    if (problems.length) return problems.map((p) => p.message).join(' ');
  } catch (e) {
    return describeError(e).error;
  }
  return undefined;
}
