// Percent-decoding of a LeadSource that arrived URL-encoded (`AzureMarketplace-INS%7Ccontoso.crm`),
// by hand so that a stray '%' never throws and every look is counted.
import { CASE_BIT, DIGIT_0, DIGIT_9, LOWER_A, LOWER_F, PERCENT } from './chars';
import { meter } from './scan';

/** Value of a hex digit, or -1. */
function hexVal(c: number): number {
  if (c >= DIGIT_0 && c <= DIGIT_9) return c - DIGIT_0;
  const l = c | CASE_BIT;
  return l >= LOWER_A && l <= LOWER_F ? l - LOWER_A + 10 : -1;
}

/**
 * One pass of percent-decoding: ASCII escapes become their character, runs of non-ASCII escapes are
 * read as UTF-8 (left as they are when that fails), and a '%' that starts no escape stays a '%'.
 * Returns the input itself when it holds no escape.
 */
function percentDecodeOnce(v: string): string {
  let out = '';
  let from = 0;
  let i = v.indexOf('%');
  while (i >= 0 && i < v.length) {
    meter.work++;
    const h = hexVal(v.charCodeAt(i + 1));
    const l = h < 0 ? -1 : hexVal(v.charCodeAt(i + 2));
    if (l < 0) {
      i = v.indexOf('%', i + 1);
      continue;
    }
    const byte = h * 16 + l;
    if (byte < 0x80) {
      out += v.slice(from, i) + String.fromCharCode(byte);
      from = i + 3;
      i = v.indexOf('%', from);
      continue;
    }
    // A run of escapes of non-ASCII bytes: one UTF-8 sequence (or several).
    let j = i;
    while (j + 2 < v.length && v.charCodeAt(j) === PERCENT && hexVal(v.charCodeAt(j + 1)) >= 8 && hexVal(v.charCodeAt(j + 2)) >= 0) {
      meter.work++;
      j += 3;
    }
    let chunk = v.slice(i, j);
    try {
      chunk = decodeURIComponent(chunk);
    } catch {
      // Not valid UTF-8: keep the escapes as they are.
    }
    out += v.slice(from, i) + chunk;
    from = j;
    i = v.indexOf('%', from);
  }
  return from === 0 ? v : out + v.slice(from);
}

/** Percent-decodes (twice at most, for double encoding); '+' means space only in a value without spaces. */
export function percentDecode(v: string): string {
  let out = v;
  for (let round = 0; round < 2; round++) {
    const next = percentDecodeOnce(out);
    if (next === out) break;
    out = out.indexOf(' ') < 0 && next.indexOf('+') >= 0 ? next.replace(/\+/g, ' ') : next;
  }
  return out;
}
