// The one pause every team check obeys. When the CRM answers 429 (Dataverse service protection,
// api-limits.md) it names in Retry-After how long to wait; until then no team check sends anything, in
// any tab, and afterwards each waiting page asks once again. Pure: the clock is passed in.

/** Retry-After when the CRM gives none (or nothing readable). */
export const DEFAULT_PAUSE_MS = 30_000;
/** The longest pause honoured; a longer one is read as one hour (the page is probably long gone by then). */
export const MAX_PAUSE_MS = 3_600_000;
const MIN_PAUSE_MS = 1_000;

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null | undefined, now: number): number {
  const text = value?.trim() ?? '';
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else if (text && !Number.isNaN(Date.parse(text))) ms = Date.parse(text) - now;
  else ms = DEFAULT_PAUSE_MS;
  return Math.min(MAX_PAUSE_MS, Math.max(MIN_PAUSE_MS, ms));
}

export class RateGate {
  constructor(private until = 0) {}

  /** True when checks may be sent at `now`. */
  open(now: number): boolean {
    return now >= this.until;
  }

  /** When the pause ends (epoch ms); 0 or a past time when there is none. */
  get pausedUntil(): number {
    return this.until;
  }

  /** A 429 arrived: pause until Retry-After (a later pause already in force is kept). Returns the end. */
  pause(retryAfter: string | null | undefined, now: number): number {
    this.until = Math.max(this.until, now + retryAfterMs(retryAfter, now));
    return this.until;
  }
}
