// Test leads carry a number like 636573304831318844: a .NET DateTime.Ticks value (100 ns steps since
// 0001-01-01 UTC). This turns it into the moment it encodes.

/** Ticks at 1970-01-01T00:00:00Z, in units of 10^9 ticks (it is a whole number of them). */
const UNIX_EPOCH_TICKS_HI = 621_355_968;
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
  // Exact without BigInt: ticks = hi·10^9 + lo, and 10^9 ticks = 10^5 ms.
  const hi = Number(digits.slice(0, -9));
  const lo = Number(digits.slice(-9));
  const ms = (hi - UNIX_EPOCH_TICKS_HI) * 100_000 + Math.floor(lo / 10_000);
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (Number.isNaN(ms) || year < MIN_YEAR || year > MAX_YEAR) return null;
  return date.toISOString();
}
