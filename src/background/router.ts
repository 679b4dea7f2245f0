// Answers every message the extension's pages and content scripts send. Validation happens first;
// privileged requests (export, import, forget, settings) are only taken from LeadLens's own pages.
import { decodeLeadSource } from '../core/leadsource';
import { parseMessage } from '../messaging/validate';
import type { Message, PageLead, Reply, TabLead, TabLeads } from '../messaging/messages';
import type { SightingInput } from '../store/types';
import { DEFAULT_SETTINGS } from '../store/types';
import { describeError, type MemoryPort } from './memory-port';
import { purgeIfDue } from './retention';
import { readTab, updateAllTabs, updateTab } from './tab-state';

export interface Sender {
  /** Set for content scripts: the tab the message came from. */
  tab?: { id?: number; windowId?: number };
  /** The sending document's URL. */
  url?: string;
  id?: string;
}

export interface RouterDeps {
  memory: () => Promise<MemoryPort>;
  /** Opens the side panel for a tab; must be called synchronously inside the gesture's event. */
  openSidePanel: (target: { tabId?: number; windowId?: number }) => Promise<void>;
  /** chrome-extension://<id>/ — messages from pages outside it are not trusted with privileged types. */
  extensionOrigin: string;
  /** The messages.json of a language, as message key → text (the worker reads its own _locales). */
  localeMessages?: (lang: 'en' | 'ru') => Promise<Record<string, string>>;
  now?: () => Date;
}

const FROM_CONTENT: ReadonlySet<Message['type']> = new Set(['page-leads', 'focus-lead', 'get-locale']);

/**
 * A LeadLens page (popup, side panel, options — also when opened in a tab). A content script's
 * sender URL is always the web page's, so it can never pass this test.
 */
function isExtensionPage(sender: Sender, deps: RouterDeps): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin);
}

/** The page's own decode is not trusted: the LeadSource is decoded again from its raw text. */
function redecode(lead: PageLead): PageLead {
  const raw = lead.lead.leadSource && typeof lead.lead.leadSource.input === 'string' ? lead.lead.leadSource.input : null;
  return { ...lead, lead: { ...lead.lead, leadSource: raw === null ? null : decodeLeadSource(raw) } };
}

export async function handleMessage(raw: unknown, sender: Sender, deps: RouterDeps): Promise<unknown> {
  const message = parseMessage(raw);
  if (!message) return { error: 'LeadLens ignored a malformed message.' };
  if (!FROM_CONTENT.has(message.type) && !isExtensionPage(sender, deps)) {
    return { error: `"${message.type}" is only accepted from LeadLens pages.` };
  }
  if (FROM_CONTENT.has(message.type) && typeof sender.tab?.id !== 'number') {
    return { error: `"${message.type}" must come from a tab.` };
  }
  return route(message, sender, deps);
}

async function route(message: Message, sender: Sender, deps: RouterDeps): Promise<unknown> {
  const now = (deps.now ?? (() => new Date()))();
  switch (message.type) {
    case 'page-leads':
      return ingestPage(message.url, message.leads.map(redecode), message.skippedRows ?? 0, sender.tab!.id!, deps, now);
    case 'focus-lead': {
      const tabId = sender.tab!.id!;
      // Open first, while the click's user gesture is still alive; record the focus afterwards.
      const opened = deps.openSidePanel({ tabId }).catch(() => undefined);
      await updateTab(tabId, (tab) => ({ ...tab, focusKey: message.key }));
      await opened;
      return { ok: true } satisfies Reply<'focus-lead'>;
    }
    case 'get-locale': {
      const settings = await withMemory(deps, (m) => m.getSettings(), DEFAULT_SETTINGS);
      const lang = 'lang' in settings ? settings.lang : 'auto';
      if (lang === 'auto' || !deps.localeMessages) return { lang: null, messages: null } satisfies Reply<'get-locale'>;
      // Only the badge strings: that is all a content script shows.
      const all = await deps.localeMessages(lang).catch(() => null);
      const messages = all ? Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('badge'))) : null;
      return { lang, messages } satisfies Reply<'get-locale'>;
    }
    case 'get-tab-leads':
      return (await readTab(message.tabId)) satisfies Reply<'get-tab-leads'>;
    case 'get-customer':
      return withMemory(deps, (m) => m.customerView(message.customerId), null);
    case 'decide-match':
      return withMemory(deps, async (m) => {
        await m.decide(message.sightingId, message.decision);
        await updateAllTabs((tab) => applyDecision(tab, message.sightingId, message.decision));
        return { ok: true };
      });
    case 'forget-customer':
      return withMemory(deps, async (m) => {
        await m.forgetCustomer(message.customerId);
        await updateAllTabs((tab) => dropResults(tab, (l) => l.result?.customerId === message.customerId));
        return { ok: true };
      });
    case 'forget-all':
      return withMemory(deps, async (m) => {
        await m.forgetAll();
        await updateAllTabs((tab) => dropResults(tab, () => true));
        return { ok: true };
      });
    case 'export':
      return withMemory(deps, async (m) => {
        const stamp = now.toISOString().slice(0, 10);
        return message.format === 'json'
          ? { text: await m.exportJson(), filename: `leadlens-${stamp}.json` }
          : { text: await m.exportCsv(), filename: `leadlens-${stamp}.csv` };
      });
    case 'import':
      return withMemory(deps, (m) => (message.format === 'json' ? m.importJson(message.text) : m.importCsv(message.text)));
    case 'get-stats':
      return withMemory(deps, async (m) => {
        const counts = await m.stats();
        const estimate = await navigator.storage?.estimate?.().catch(() => null);
        return { ...counts, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null } satisfies Reply<'get-stats'>;
      });
    case 'get-settings':
      return withMemory(deps, (m) => m.getSettings(), DEFAULT_SETTINGS);
    case 'set-settings':
      return withMemory(deps, async (m) => {
        const saved = await m.setSettings(message.settings);
        // A shorter retention takes effect now, not at the next browser start.
        if (message.settings.retentionDays !== undefined) await m.purge(now);
        return saved;
      });
  }
}

/** Runs a store operation, turning a failure into an `{ error }` reply (or a fallback value). */
async function withMemory<T>(
  deps: RouterDeps,
  op: (m: MemoryPort) => Promise<T>,
  fallback?: T,
): Promise<T | { ok?: false; error: string; line?: number }> {
  try {
    return await op(await deps.memory());
  } catch (error) {
    if (fallback !== undefined) return fallback;
    return { ok: false, ...describeError(error) };
  }
}

/**
 * Shows the rep's decision on every tab listing that lead: a confirmed lead now belongs to the earlier
 * customer (the store merged them), a rejected one stays a customer of its own.
 */
export function applyDecision(tab: TabLeads, sightingId: string, decision: 'confirmed' | 'rejected'): TabLeads {
  const leads = tab.leads.map((lead) => {
    const result = lead.result;
    if (!result || result.sightingId !== sightingId) return lead;
    const confirmed = decision === 'confirmed';
    const customerId = confirmed && result.match.candidateCustomerId ? result.match.candidateCustomerId : result.customerId;
    const status = confirmed ? 'duplicate' : 'new';
    return {
      ...lead,
      duplicate: status,
      result: { ...result, customerId, match: { ...result.match, status, decision } },
    } satisfies TabLead;
  });
  return { ...tab, leads };
}

/** The same lead as before: same record, same fields, same LeadSource text. */
function sameLead(before: PageLead, now: PageLead): boolean {
  return (
    before.crm === now.crm &&
    before.recordId === now.recordId &&
    before.recordUrl === now.recordUrl &&
    JSON.stringify(before.lead) === JSON.stringify(now.lead)
  );
}

/** Forgetting removes customers, so verdicts cached in the tabs' views must not outlive them. */
function dropResults(tab: TabLeads, which: (lead: TabLead) => boolean): TabLeads {
  return { ...tab, leads: tab.leads.map((l) => (l.result && which(l) ? { ...l, result: null, duplicate: 'new' } : l)) };
}

async function ingestPage(
  url: string,
  leads: PageLead[],
  skippedRows: number,
  tabId: number,
  deps: RouterDeps,
  now: Date,
): Promise<Reply<'page-leads'>> {
  const statuses: Record<string, TabLead['result']> = {};
  let error: string | undefined;
  // Test leads only prove the connector works; they are no customer and stay out of the memory.
  const marketplace = leads.filter((l) => l.lead.leadSource?.ok && !l.lead.leadSource.testLead);
  // A page reports all its leads on every change (a scrolled grid, an edited field). Leads this tab
  // already stored, unchanged and on the same URL, keep their verdict instead of being ingested again.
  const previous = await readTab(tabId);
  const known = new Map((previous?.url === url ? previous.leads : []).filter((l) => l.result).map((l) => [l.key, l]));
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
  try {
    const memory = await deps.memory();
    const inputs: SightingInput[] = fresh.map((l) => ({
      crm: l.crm,
      recordId: l.recordId,
      recordUrl: l.recordUrl,
      lead: l.lead,
      seenAt: now.toISOString(),
    }));
    const results = inputs.length ? await memory.ingest(inputs) : [];
    fresh.forEach((l, i) => {
      statuses[l.key] = results[i] ?? null;
    });
    if (inputs.length) void purgeIfDue(memory, now).catch(() => undefined);
    // Records the store could not read were skipped, not lost silently: the rep is told.
    const problems = memory.takeProblems();
    if (problems.length) error = problems.map((p) => p.message).join(' ');
  } catch (e) {
    error = describeError(e).error;
  }
  await updateTab(tabId, (tab) => {
    const sameUrl = tab.url === url;
    const before = new Map(tab.leads.map((l) => [l.key, l]));
    const listed: TabLead[] = leads.map((l) => {
      // A verdict reused from the tab may have changed since it was read (the rep confirmed or
      // rejected a match, or forgot the customer, meanwhile): take the tab's version as it is now.
      const latest = before.get(l.key);
      if (reused.has(l.key) && sameUrl && latest && sameLead(latest, l)) statuses[l.key] = latest.result;
      const result = statuses[l.key] ?? null;
      return { ...l, result, duplicate: result?.match.status ?? 'new', firstSeen: before.get(l.key)?.firstSeen ?? now.toISOString() };
    });
    return { ...tab, url, leads: listed, focusKey: sameUrl ? tab.focusKey : null, memoryError: error ?? null, skippedRows };
  });
  return error ? { statuses, error } : { statuses };
}
