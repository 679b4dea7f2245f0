// The one pause every team check obeys (core/team/gate.ts), kept in storage.session as well, so a
// service worker that was stopped and started again still honours a 429's Retry-After.
import { RateGate } from '../core/team/gate';
import { browser } from '../platform/browser';

const KEY = 'team-gate';

export interface TeamGate {
  open(now: number): boolean;
  /** Pauses every check until Retry-After; returns the end (epoch ms). */
  pause(retryAfter: string | null, now: number): Promise<number>;
  /** The end of a pause in force, ISO 8601; null when checks may go. */
  pausedUntilIso(now: number): string | null;
}

let loaded: Promise<TeamGate> | null = null;

export function teamGate(): Promise<TeamGate> {
  loaded ??= (async () => {
    const got = (await browser.storage.session.get(KEY).catch(() => ({}))) as Record<string, unknown>;
    const until = typeof got[KEY] === 'number' ? (got[KEY] as number) : 0;
    const gate = new RateGate(until);
    return {
      open: (now) => gate.open(now),
      async pause(retryAfter, now) {
        const end = gate.pause(retryAfter, now);
        await browser.storage.session.set({ [KEY]: end }).catch(() => undefined);
        return end;
      },
      pausedUntilIso: (now) => (gate.open(now) ? null : new Date(gate.pausedUntil).toISOString()),
    };
  })();
  return loaded;
}

/** Tests start every case with no pause. */
export function resetTeamGate(): void {
  loaded = null;
}
