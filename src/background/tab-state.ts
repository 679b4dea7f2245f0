// The service worker's side of the tab views (see messaging/tab-view.ts): reading, updating and
// dropping a tab's view in storage.session, and the changes the rep's actions make to every tab's view.
import type { Decision } from '../core/types';
import { tabIdOfKey, tabKey, type TabLead, type TabLeads } from '../messaging/tab-view';
import { browser } from '../platform/browser';

const MAX_SELECTIONS = 20;

export function emptyTab(tabId: number): TabLeads {
  return { tabId, url: '', updatedAt: new Date().toISOString(), leads: [], selections: [], focusKey: null };
}

// Updates for one tab are chained so two quick messages never overwrite each other's changes.
const queues = new Map<number, Promise<unknown>>();
// The views this worker wrote, so a page's next report does not read its whole view back from
// storage.session; a restarted worker starts empty and reads storage once per tab.
const written = new Map<number, TabLeads>();

/** A tab's view once every update queued for it so far is written (read-only: change it through updateTab). */
export async function readTab(tabId: number): Promise<TabLeads | null> {
  await queues.get(tabId)?.catch(() => undefined);
  return stored(tabId);
}

async function stored(tabId: number): Promise<TabLeads | null> {
  const mine = written.get(tabId);
  if (mine) return mine;
  const key = tabKey(tabId);
  const got = await browser.storage.session.get(key);
  return (got[key] as TabLeads | undefined) ?? null;
}

/**
 * Changes a tab's view: the changes are applied one after the other to the view this worker holds, and
 * written to storage.session behind them, several at once when they come quicker than the writes (a big
 * page reports in many parts). Resolves once a write that holds this change is done.
 */
export function updateTab(tabId: number, change: (tab: TabLeads) => TabLeads): Promise<TabLeads> {
  const previous = queues.get(tabId) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const updated = change((await stored(tabId)) ?? emptyTab(tabId));
      updated.selections = updated.selections.slice(0, MAX_SELECTIONS);
      updated.updatedAt = new Date().toISOString();
      written.set(tabId, updated);
      return updated;
    });
  queues.set(tabId, next);
  void next.finally(() => {
    if (queues.get(tabId) === next) queues.delete(tabId);
  });
  return next.then(async (updated) => {
    await persist(tabId);
    return updated;
  });
}

/** A write of a tab's view not yet started (it will write whatever the view is by then), and the last one. */
const waiting = new Map<number, Promise<void>>();
const writing = new Map<number, Promise<void>>();

function persist(tabId: number): Promise<void> {
  const queued = waiting.get(tabId);
  if (queued) return queued;
  const write = (writing.get(tabId) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      waiting.delete(tabId);
      const view = written.get(tabId);
      if (view) await browser.storage.session.set({ [tabKey(tabId)]: view });
    });
  waiting.set(tabId, write);
  writing.set(tabId, write);
  void write.finally(() => {
    if (writing.get(tabId) === write) writing.delete(tabId);
  });
  return write;
}

/** Applies `change` to every tab's state (used when a decision changes leads shown in several tabs). */
export async function updateAllTabs(change: (tab: TabLeads) => TabLeads): Promise<void> {
  const all = await browser.storage.session.get(null);
  const ids = Object.keys(all)
    .map(tabIdOfKey)
    .filter((id): id is number => id !== null);
  await Promise.all(ids.map((id) => updateTab(id, change)));
}

export async function dropTab(tabId: number): Promise<void> {
  written.delete(tabId);
  await browser.storage.session.remove(tabKey(tabId));
}

/**
 * Shows the rep's decision on every tab listing that lead: a confirmed lead now belongs to the earlier
 * customer (the store merged them), a rejected one stays a customer of its own.
 */
export function applyDecision(tab: TabLeads, sightingId: string, decision: Decision): TabLeads {
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

/** Forgetting removes customers, so verdicts cached in the tabs' views must not outlive them. */
export function dropResults(tab: TabLeads, which: (lead: TabLead) => boolean): TabLeads {
  return { ...tab, leads: tab.leads.map((l) => (l.result && which(l) ? { ...l, result: null, duplicate: 'new' } : l)) };
}
