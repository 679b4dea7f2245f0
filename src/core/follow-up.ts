// The rep's follow-up window for a first reply (the `followUpHours` setting): its bounds, and the copy the
// service worker mirrors into storage.local so the content script's card can word and date the first step
// the way the side panel does (content scripts cannot read the settings store). Pure.

export const FOLLOW_UP_DEFAULT_HOURS = 24;
/** Whole hours, 1 to 720 (30 days). */
export const FOLLOW_UP_MAX_HOURS = 720;

/** The storage.local key the worker mirrors the setting under. */
export const FOLLOW_UP_KEY = 'followUpHours';

export function isFollowUpHours(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 1 && (v as number) <= FOLLOW_UP_MAX_HOURS;
}

/** The mirrored value as read back: anything out of range counts as not set. */
export function followUpHoursIn(v: unknown): number | undefined {
  return isFollowUpHours(v) ? v : undefined;
}
