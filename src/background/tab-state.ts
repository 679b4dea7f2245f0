// What the side panel shows for each tab, kept in storage.session: it survives the service worker
// being stopped, is cleared when the browser closes, and content scripts cannot read it.
import { browser } from '../platform/browser';
import type { TabLeads } from '../messaging/messages';

const MAX_SELECTIONS = 20;
const keyOf = (tabId: number) => `tab:${tabId}`;

export function emptyTab(tabId: number): TabLeads {
  return { tabId, url: '', updatedAt: new Date().toISOString(), leads: [], selections: [], focusKey: null };
}

export async function readTab(tabId: number): Promise<TabLeads | null> {
  const key = keyOf(tabId);
  const got = await browser.storage.session.get(key);
  return (got[key] as TabLeads | undefined) ?? null;
}

// Updates for one tab are chained so two quick messages never overwrite each other's changes.
const queues = new Map<number, Promise<unknown>>();

export function updateTab(tabId: number, change: (tab: TabLeads) => TabLeads): Promise<TabLeads> {
  const previous = queues.get(tabId) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const updated = change((await readTab(tabId)) ?? emptyTab(tabId));
      updated.selections = updated.selections.slice(0, MAX_SELECTIONS);
      updated.updatedAt = new Date().toISOString();
      await browser.storage.session.set({ [keyOf(tabId)]: updated });
      return updated;
    });
  queues.set(tabId, next);
  void next.finally(() => {
    if (queues.get(tabId) === next) queues.delete(tabId);
  });
  return next;
}

/** Applies `change` to every tab's state (used when a decision changes leads shown in several tabs). */
export async function updateAllTabs(change: (tab: TabLeads) => TabLeads): Promise<void> {
  const all = await browser.storage.session.get(null);
  const ids = Object.keys(all)
    .filter((k) => k.startsWith(TAB_KEY_PREFIX))
    .map((k) => Number(k.slice(TAB_KEY_PREFIX.length)));
  await Promise.all(ids.filter(Number.isInteger).map((id) => updateTab(id, change)));
}

export async function dropTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

export const TAB_KEY_PREFIX = 'tab:';
