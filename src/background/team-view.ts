// The team check's part of a tab's view, for the side panel: each lead's TeamLeadView by occurrence key,
// kept in storage.session under teamKey(tabId) beside the tab's own view (tab-state.ts), and gone when
// the tab closes or the browser ends. Content scripts cannot read storage.session.
import { type TeamTabView, teamKey } from '../messaging/team-view';
import { browser } from '../platform/browser';

const queues = new Map<number, Promise<unknown>>();

/** Merges the views of one check into the tab's (a new URL starts afresh); writes for a tab never overlap. */
export function writeTeamView(tabId: number, url: string, host: string, byKey: TeamTabView['byKey']): Promise<void> {
  const previous = queues.get(tabId) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const key = teamKey(tabId);
      const got = (await browser.storage.session.get(key))[key] as TeamTabView | undefined;
      const kept = got && got.url === url ? got.byKey : {};
      const view: TeamTabView = { url, host, byKey: { ...kept, ...byKey } };
      await browser.storage.session.set({ [key]: view });
    });
  queues.set(tabId, next);
  void next.finally(() => {
    if (queues.get(tabId) === next) queues.delete(tabId);
  });
  return next;
}

export async function dropTeamView(tabId: number): Promise<void> {
  await browser.storage.session.remove(teamKey(tabId));
}
