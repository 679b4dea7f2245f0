// Finding LeadSource values inside longer text: a Description, a Topic, a list cell, a pasted e-mail.
// Same rules as leadsource.ts (linear scanning, counted work); each candidate is decoded by decodeLeadSource.
import { findAction } from './catalog';
import { decodeLeadSource } from './leadsource';
import {
  dashAt,
  FIRST_CHARS,
  idDot,
  isActionPrefix,
  isHex,
  isSpace,
  isWordChar,
  lower,
  matchSource,
  MAX_FOUND,
  MAX_OFFER_IN_TEXT,
  MAX_TOKEN,
  meter,
  pipeAt,
  readDigits,
  spaceAt,
  startsWithLower,
  TEST_PREFIX,
  trimBounds,
} from './leadsource-scan';
import type { FoundLeadSource } from './types';

function boundaryBefore(s: string, i: number): boolean {
  if (i === 0) return true;
  if (!isWordChar(s.charCodeAt(i - 1))) return true;
  // After a `%XX` escape (`%20AzureMarketplace`).
  return i >= 3 && s.charCodeAt(i - 3) === 37 && isHex(s.charCodeAt(i - 2)) && isHex(s.charCodeAt(i - 1));
}

/** Skips up to `max` spaces (including URL spaces); returns the new index. */
function skipFew(s: string, i: number, end: number, max: number): number {
  for (let k = 0; k < max; k++) {
    const n = spaceAt(s, i, end);
    meter.work++;
    if (!n) break;
    i += n;
  }
  return i;
}

/** Is there the start of another `Source-Action` at j? Bounded work. */
function occurrenceStartsAt(s: string, j: number, end: number): boolean {
  if (!boundaryBefore(s, j)) return false;
  if (startsWithLower(s, j, TEST_PREFIX)) return true;
  const src = matchSource(s, j, end);
  return src !== null && dashAt(s, src.end) > 0;
}

/** Brackets and quotes that may wrap a value in prose, with the character that closes each. */
const CLOSER_OF: ReadonlyMap<number, number> = new Map([
  [40, 41], // ( )
  [91, 93], // [ ]
  [123, 125], // { }
  [171, 187], // « »
  [8220, 8221], // “ ”
  [8222, 8220], // „ “
  [8216, 8217], // ‘ ’
  [39, 39], // ' '
]);

/** Closing punctuation that may be glued to the last word of an offer in prose. */
function isTrailingCloser(c: number): boolean {
  return c === 41 || c === 93 || c === 125 || c === 187 || c === 8221 || c === 8217 || c === 39;
}

function isOfferStop(c: number, encoded: boolean): boolean {
  if (c === 10 || c === 13 || c === 9 || c === 124 || c === 34 || c === 60 || c === 62) return true;
  return encoded && (c === 32 || c === 38 || c === 35 || c === 63 || c === 39);
}

/** Does the offer text [from, to) contain the bracket or quote that `closer` would close? Bounded by the offer cap. */
function opensInside(s: string, from: number, to: number, closer: number): boolean {
  for (let k = from; k < to; k++) {
    meter.work++;
    const opener = s.charCodeAt(k);
    if (CLOSER_OF.get(opener) === closer) return true;
  }
  return false;
}

/** Reads one occurrence that starts at i (a source spelling or MSFT_TEST_); returns its end or -1. */
function scanOccurrence(s: string, i: number, n: number, textStart: number, textEnd: number): number {
  let p: number;
  let tight = true;
  let knownOrCut = false;
  if (startsWithLower(s, i, TEST_PREFIX)) {
    const d = readDigits(s, i + TEST_PREFIX.length, n);
    if (d - (i + TEST_PREFIX.length) < 15) return -1; // a ticks number, or not a test marker
    p = d;
    const dash = dashAt(s, p);
    if (dash && startsWithLower(s, p + dash, TEST_PREFIX)) p = readDigits(s, p + dash + TEST_PREFIX.length, n);
    knownOrCut = true;
  } else {
    const src = matchSource(s, i, n);
    if (!src) return -1;
    p = skipFew(s, src.end, n, 3);
    if (p > src.end) tight = false;
    const dash = dashAt(s, p);
    if (!dash) {
      // A value that is only the storefront counts when it is the whole text (a list cell).
      return i === textStart && src.end === textEnd ? textEnd : -1;
    }
    const t0 = skipFew(s, p + dash, n, 3);
    if (t0 > p + dash) tight = false;
    let t1 = t0;
    while (t1 < n && t1 - t0 <= MAX_TOKEN && isWordChar(s.charCodeAt(t1))) {
      meter.work++;
      t1++;
    }
    if (t1 === t0 || t1 - t0 > MAX_TOKEN) return -1;
    const token = s.slice(t0, t1);
    knownOrCut = findAction(token) !== undefined || (t1 === n && isActionPrefix(token));
    p = t1;
  }
  const beforePipe = skipFew(s, p, n, 3);
  const pipe = pipeAt(s, beforePipe);
  if (!pipe) return tight && knownOrCut ? p : -1;
  // The offer: up to the end of the line or a stop character, another occurrence, or a length cap.
  const encoded = pipe === 3;
  // A value opened by a bracket or quote in prose ends where that bracket or quote closes.
  const closer = i > textStart ? (CLOSER_OF.get(s.charCodeAt(i - 1)) ?? -1) : -1;
  const o0 = skipFew(s, beforePipe + pipe, n, 3);
  let o1 = o0;
  let firstSpace = -1;
  let firstComma = -1;
  while (o1 < n && o1 - o0 < MAX_OFFER_IN_TEXT) {
    meter.work++;
    const c = s.charCodeAt(o1);
    if (isOfferStop(c, encoded) || c === closer) break;
    if (c === 32 && firstSpace < 0) firstSpace = o1;
    if ((c === 44 || c === 59) && firstComma < 0) firstComma = o1;
    if (o1 > o0 && (FIRST_CHARS.has(lower(c)) || lower(c) === 109) && occurrenceStartsAt(s, o1, n)) break;
    o1++;
  }
  // In running text an id-like first word is the whole offer ("…|contoso.crm and then some words");
  // when the value is the whole text (a list cell), the whole rest is the offer.
  const wholeText = i === textStart && o1 >= textEnd;
  // Likewise a ',' or ';' ends the offer in running text ("…|Contoso CRM, then …").
  if (!wholeText && firstComma > 0) o1 = firstComma;
  if (!wholeText && firstSpace > 0 && firstSpace < o1) {
    // The first word may carry closing punctuation ("…|contoso.crm-connector). Then …").
    let w = firstSpace;
    while (w > o0 && (isTrailingCloser(s.charCodeAt(w - 1)) || s.charCodeAt(w - 1) === 46 || s.charCodeAt(w - 1) === 44)) w--;
    if (idDot(s.slice(o0, w)) > 0) o1 = w;
  }
  // Trailing spaces and sentence punctuation are not part of the offer, nor is a closing bracket or
  // quote that nothing inside the offer opened ("Contoso (Preview)" keeps its bracket).
  while (o1 > o0) {
    const c = s.charCodeAt(o1 - 1);
    meter.work++;
    if (isSpace(c) || c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63) {
      o1--;
      continue;
    }
    if (isTrailingCloser(c) && !opensInside(s, o0, o1 - 1, c)) {
      o1--;
      continue;
    }
    break;
  }
  return o1;
}

/**
 * Every LeadSource inside a longer text (a Description, a Topic, a list cell), percent-encoded ones too,
 * with UTF-16 offsets into `text`. Occurrences with an unknown action code are returned with `ok: false`
 * so a new code shows up instead of vanishing; text with nothing marketplace-like gives [].
 */
export function findLeadSources(text: string): FoundLeadSource[] {
  const out: FoundLeadSource[] = [];
  if (typeof text !== 'string') return out;
  const n = text.length;
  const [a, b] = trimBounds(text);
  let i = 0;
  while (i < n && out.length < MAX_FOUND) {
    meter.work++;
    const c = lower(text.charCodeAt(i));
    if ((FIRST_CHARS.has(c) || c === 109) && boundaryBefore(text, i)) {
      const e = scanOccurrence(text, i, n, a, b);
      if (e > i) {
        const decoded = decodeLeadSource(text.slice(i, e));
        if (decoded.ok || decoded.reason === 'unknown-action') {
          out.push({ start: i, end: e, decoded });
          i = e;
          continue;
        }
      }
    }
    i++;
  }
  return out;
}
