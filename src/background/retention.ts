// Keeps the retention promise while the browser stays open for weeks: besides the purge at start-up,
// old leads are purged at most once a day, when leads come in. The last run is kept in
// storage.session, so a restarted service worker does not purge again needlessly.
import { browser } from '../platform/browser';
import type { MemoryPort } from './memory-port';

const KEY = 'leadlens:lastPurge';
const DAY_MS = 86_400_000;

export async function purgeIfDue(memory: Pick<MemoryPort, 'purge'>, now: Date): Promise<boolean> {
  const got = await browser.storage.session.get(KEY);
  const last = typeof got[KEY] === 'number' ? (got[KEY] as number) : 0;
  if (now.getTime() - last < DAY_MS) return false;
  await browser.storage.session.set({ [KEY]: now.getTime() });
  await memory.purge(now);
  return true;
}
