// Test leads carry a number like 636573304831318844: a .NET DateTime.Ticks value (100 ns steps since
// 0001-01-01 UTC). This turns it into the moment it encodes.

/** Ticks at 1970-01-01T00:00:00Z. */
const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;
const TICKS_PER_MS = 10_000n;
/** Only years a marketplace test lead can plausibly carry; anything else is not a timestamp. */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** ISO 8601 UTC for a string of digits holding .NET ticks, or null when it is not a plausible date. */
export function dotNetTicksToIso(digits: string): string | null {
  if (digits.length < 15 || digits.length > 19) return null;
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const ms = Number((BigInt(digits) - UNIX_EPOCH_TICKS) / TICKS_PER_MS);
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (Number.isNaN(ms) || year < MIN_YEAR || year > MAX_YEAR) return null;
  return date.toISOString();
}
