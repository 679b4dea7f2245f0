// The popup's last lookups, kept on this computer only (storage.local), newest first, at most 10.
import { browser } from './browser';

export const RECENT_KEY = 'recentLookups';
export const RECENT_MAX = 10;
const MAX_TEXT = 2000;

export interface Lookup {
  text: string;
  at: string;
}

export interface RecentSource {
  list(): Promise<Lookup[]>;
  /** Files a lookup (an earlier identical one moves to the top) and returns the list as it now is. */
  add(text: string): Promise<Lookup[]>;
  clear(): Promise<void>;
}

function lookups(v: unknown): Lookup[] {
  return Array.isArray(v)
    ? v.filter((x): x is Lookup => typeof x === 'object' && x !== null && typeof x.text === 'string' && typeof x.at === 'string')
    : [];
}

export const recentLookups: RecentSource = {
  async list() {
    return lookups((await browser.storage.local.get(RECENT_KEY))[RECENT_KEY]);
  },
  async add(text) {
    const value = text.trim().slice(0, MAX_TEXT);
    const now = await this.list();
    if (!value) return now;
    const next = [{ text: value, at: new Date().toISOString() }, ...now.filter((l) => l.text !== value)].slice(0, RECENT_MAX);
    await browser.storage.local.set({ [RECENT_KEY]: next });
    return next;
  },
  async clear() {
    await browser.storage.local.remove(RECENT_KEY);
  },
};
