// Finding LeadSource values inside longer text: a Description, a Topic, a list cell, a pasted e-mail.
// Same rules as decode.ts (linear scanning, counted work); each candidate is decoded by decodeLeadSource.
import { findAction } from '../catalog';
import type { FoundLeadSource } from '../types';
import {
  AMPERSAND,
  APOSTROPHE,
  CARRIAGE_RETURN,
  COLON,
  COMMA,
  DOT,
  DOUBLE_QUOTE,
  EXCLAMATION,
  GREATER_THAN,
  HASH,
  LEFT_BRACE,
  LEFT_BRACKET,
  LEFT_DOUBLE_QUOTE,
  LEFT_GUILLEMET,
  LEFT_PAREN,
  LEFT_SINGLE_QUOTE,
  LESS_THAN,
  LINE_FEED,
  LOW_DOUBLE_QUOTE,
  LOWER_M,
  PERCENT,
  PIPE,
  QUESTION,
  RIGHT_BRACE,
  RIGHT_BRACKET,
  RIGHT_DOUBLE_QUOTE,
  RIGHT_GUILLEMET,
  RIGHT_PAREN,
  RIGHT_SINGLE_QUOTE,
  SEMICOLON,
  SPACE,
  TAB,
} from './chars';
import { decodeLeadSource } from './decode';
import {
  dashAt,
  FIRST_CHARS,
  idDot,
  isActionPrefix,
  isHex,
  isSpace,
  isWordChar,
  lower,
  MAX_FOUND,
  MAX_OFFER_IN_TEXT,
  MAX_TOKEN,
  matchSource,
  meter,
  pipeAt,
  readDigits,
  spaceAt,
  startsWithLower,
  TEST_PREFIX,
  trimBounds,
} from './scan';

/** Can a value start with this (lower-cased) character: a storefront's first letter or the `m` of `msft_test_`? */
function mayStart(c: number): boolean {
  return FIRST_CHARS.has(c) || c === LOWER_M;
}

function boundaryBefore(s: string, i: number): boolean {
  if (i === 0) return true;
  if (!isWordChar(s.charCodeAt(i - 1))) return true;
  // After a `%XX` escape (`%20AzureMarketplace`).
  return i >= 3 && s.charCodeAt(i - 3) === PERCENT && isHex(s.charCodeAt(i - 2)) && isHex(s.charCodeAt(i - 1));
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
  [LEFT_PAREN, RIGHT_PAREN],
  [LEFT_BRACKET, RIGHT_BRACKET],
  [LEFT_BRACE, RIGHT_BRACE],
  [LEFT_GUILLEMET, RIGHT_GUILLEMET],
  [LEFT_DOUBLE_QUOTE, RIGHT_DOUBLE_QUOTE],
  [LOW_DOUBLE_QUOTE, LEFT_DOUBLE_QUOTE],
  [LEFT_SINGLE_QUOTE, RIGHT_SINGLE_QUOTE],
  [APOSTROPHE, APOSTROPHE],
]);

/** Closing punctuation that may be glued to the last word of an offer in prose. */
function isTrailingCloser(c: number): boolean {
  return (
    c === RIGHT_PAREN ||
    c === RIGHT_BRACKET ||
    c === RIGHT_BRACE ||
    c === RIGHT_GUILLEMET ||
    c === RIGHT_DOUBLE_QUOTE ||
    c === RIGHT_SINGLE_QUOTE ||
    c === APOSTROPHE
  );
}

/** Sentence punctuation that ends running text but is not part of an offer. */
function isSentencePunctuation(c: number): boolean {
  return c === DOT || c === COMMA || c === SEMICOLON || c === COLON || c === EXCLAMATION || c === QUESTION;
}

/** Characters an offer never runs past in text. */
function isOfferStop(c: number): boolean {
  return c === LINE_FEED || c === CARRIAGE_RETURN || c === TAB || c === PIPE || c === DOUBLE_QUOTE || c === LESS_THAN || c === GREATER_THAN;
}

/** Characters that end a value inside a URL (where its own spaces are `%20`). */
function isUrlStop(c: number): boolean {
  return c === SPACE || c === AMPERSAND || c === HASH || c === QUESTION || c === APOSTROPHE;
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

/** The part of an occurrence before the offer: where it ends, and how sure we are it is a LeadSource. */
interface Head {
  end: number;
  /** No spaces around the dash. */
  tight: boolean;
  /** A known action code, one cut at the end of the text, or a test marker. */
  knownOrCut: boolean;
}

/** `MSFT_TEST_<ticks>` (and `-MSFT_TEST_<ticks>`) at i, or null when the digits are too few for ticks. */
function readTestHead(s: string, i: number, n: number): Head | null {
  const d = readDigits(s, i + TEST_PREFIX.length, n);
  if (d - (i + TEST_PREFIX.length) < 15) return null; // a ticks number, or not a test marker
  let p = d;
  const dash = dashAt(s, p);
  if (dash && startsWithLower(s, p + dash, TEST_PREFIX)) p = readDigits(s, p + dash + TEST_PREFIX.length, n);
  return { end: p, tight: true, knownOrCut: true };
}

/** `Source-Action` at i, or null. A storefront alone counts only when it is the whole text (a list cell). */
function readSourceHead(s: string, i: number, n: number, textStart: number, textEnd: number): Head | null {
  const src = matchSource(s, i, n);
  if (!src) return null;
  const p = skipFew(s, src.end, n, 3);
  let tight = p === src.end;
  const dash = dashAt(s, p);
  if (!dash) return i === textStart && src.end === textEnd ? { end: textEnd, tight: true, knownOrCut: true } : null;
  const t0 = skipFew(s, p + dash, n, 3);
  if (t0 > p + dash) tight = false;
  let t1 = t0;
  while (t1 < n && t1 - t0 <= MAX_TOKEN && isWordChar(s.charCodeAt(t1))) {
    meter.work++;
    t1++;
  }
  if (t1 === t0 || t1 - t0 > MAX_TOKEN) return null;
  const token = s.slice(t0, t1);
  return { end: t1, tight, knownOrCut: findAction(token) !== undefined || (t1 === n && isActionPrefix(token)) };
}

/** Reads one occurrence that starts at i (a source spelling or MSFT_TEST_); returns its end or -1. */
function scanOccurrence(s: string, i: number, n: number, textStart: number, textEnd: number): number {
  const head = startsWithLower(s, i, TEST_PREFIX) ? readTestHead(s, i, n) : readSourceHead(s, i, n, textStart, textEnd);
  if (!head) return -1;
  const beforePipe = skipFew(s, head.end, n, 3);
  const pipe = pipeAt(s, beforePipe);
  if (!pipe) return head.tight && head.knownOrCut ? head.end : -1;
  // A value opened by a bracket or quote in prose ends where that bracket or quote closes.
  const closer = i > textStart ? (CLOSER_OF.get(s.charCodeAt(i - 1)) ?? -1) : -1;
  const o0 = skipFew(s, beforePipe + pipe, n, 3);
  return offerEnd(s, o0, n, { inUrl: pipe === 3, closer, startsText: i === textStart, textEnd });
}

interface OfferContext {
  /** The `|` arrived as `%7C`: the value sits in a URL. */
  inUrl: boolean;
  /** The character that closes the bracket or quote the value was opened by, or -1. */
  closer: number;
  /** The occurrence starts the text (a list cell may hold just the value). */
  startsText: boolean;
  textEnd: number;
}

/** Where the offer that starts at o0 ends: a stop character, another occurrence, a length cap, or the prose rules below. */
function offerEnd(s: string, o0: number, n: number, ctx: OfferContext): number {
  let o1 = o0;
  let firstSpace = -1;
  let firstComma = -1;
  while (o1 < n && o1 - o0 < MAX_OFFER_IN_TEXT) {
    meter.work++;
    const c = s.charCodeAt(o1);
    if (isOfferStop(c) || (ctx.inUrl && isUrlStop(c)) || c === ctx.closer) break;
    if (c === SPACE && firstSpace < 0) firstSpace = o1;
    if ((c === COMMA || c === SEMICOLON) && firstComma < 0) firstComma = o1;
    if (o1 > o0 && mayStart(lower(c)) && occurrenceStartsAt(s, o1, n)) break;
    o1++;
  }
  // In running text an id-like first word is the whole offer ("…|contoso.crm and then some words");
  // when the value is the whole text (a list cell), the whole rest is the offer.
  const wholeText = ctx.startsText && o1 >= ctx.textEnd;
  // Likewise a ',' or ';' ends the offer in running text ("…|Contoso CRM, then …").
  if (!wholeText && firstComma > 0) o1 = firstComma;
  if (!wholeText && firstSpace > 0 && firstSpace < o1) {
    // The first word may carry closing punctuation ("…|contoso.crm-connector). Then …").
    let w = firstSpace;
    while (w > o0 && (isTrailingCloser(s.charCodeAt(w - 1)) || s.charCodeAt(w - 1) === DOT || s.charCodeAt(w - 1) === COMMA)) w--;
    if (idDot(s.slice(o0, w)) > 0) o1 = w;
  }
  return trimOfferEnd(s, o0, o1);
}

/**
 * Trailing spaces and sentence punctuation are not part of the offer, nor is a closing bracket or quote
 * that nothing inside the offer opened ("Contoso (Preview)" keeps its bracket).
 */
function trimOfferEnd(s: string, o0: number, o1: number): number {
  while (o1 > o0) {
    const c = s.charCodeAt(o1 - 1);
    meter.work++;
    if (isSpace(c) || isSentencePunctuation(c)) {
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
    if (mayStart(lower(text.charCodeAt(i))) && boundaryBefore(text, i)) {
      const e = scanOccurrence(text, i, n, a, b);
      if (e > i) {
        // Only a value that is all of the text can be a whole field cut at its limit.
        const decoded = decodeLeadSource(text.slice(i, e), { wholeField: i <= a && e >= b });
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
