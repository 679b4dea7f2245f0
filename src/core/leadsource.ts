// The LeadSource grammar: `Source-Action|Offer` (plus test leads `MSFT_TEST_<n>-MSFT_TEST_<n>|Offer`).
//
// Written as a hand-rolled scanner over char codes, not regular expressions: every loop moves forward
// through the input, each position is looked at a bounded number of times, so decoding is linear in the
// input length whatever it contains. A work counter (`decodeWork`) counts those looks so tests can check
// linearity without timing anything.
//
// Choices for ambiguous formats (see docs/marketplace-leads.md):
// - Source spellings come from the catalog, case-insensitive; `SPZA`, `AppSource`, `AppSource (SPZA)` → AppSource.
// - Split on the first `|` (offer), and the part before it on the first dash after the source.
// - Truncation (Salesforce keeps 40 characters of a picklist value): a value of 39 to 41 characters is
//   treated as cut. 40 is the cap itself; 39 is a cut that ended on a space the CRM then trimmed
//   (`…|Red Hat `); 41 covers an off-by-one export (the brief's own example, `…|Red Hat O`, is 41). The
//   price is a `truncated` warning on a complete value of that length, which only demotes an id to
//   "publisher + fragment"; we prefer that to a wrong offer id. Also cut: a value ending in `…`/`...`
//   (display truncation), an action that is only the beginning of a known code (`StartTes`), and a GUID
//   offer id whose last group is short. A cut offer is never reported as a confident id: the publisher
//   part before the first `.` is kept, `offerId` is null and `title` holds the fragment as it arrived.
// - An offer is an id (`publisher.offer`) when it is one token of [A-Za-z0-9_-] with a `.` after the
//   first character; otherwise it is a display title.
// - Anything longer than MAX_VALUE characters is `too-long` when it starts like a LeadSource, otherwise
//   `not-marketplace`; either way only a bounded prefix is examined.
import { ACTIONS, actionFromText, findAction, SOURCES, type ActionEntry, type SourceEntry } from './catalog';
import { dotNetTicksToIso } from './ticks';
import type { ActionCode, DecodedLeadSource, FoundLeadSource, Offer, RejectReason, WarningCode } from './types';

/** A LeadSource is at most ~130 characters in practice (ids and titles are capped at 50); leave room. */
export const MAX_VALUE = 1024;
/** Salesforce stores LeadSource in a picklist of this many characters. */
export const PICKLIST_LIMIT = 40;
/** Lengths read as "probably cut at the picklist limit" (see the header comment). */
function lengthLooksCut(len: number): boolean {
  return len >= PICKLIST_LIMIT - 1 && len <= PICKLIST_LIMIT + 1;
}
/** How far an offer may run inside a longer text before we stop reading it. */
const MAX_OFFER_IN_TEXT = 256;
/** Longest action token we read; longer runs are not action codes. */
const MAX_TOKEN = 40;
/** Most occurrences reported for one text. */
const MAX_FOUND = 1000;
const TEST_PREFIX = 'msft_test_';

let work = 0;
/** How many character looks the decoder has made since the last reset (for linearity tests). */
export function decodeWork(): number {
  return work;
}
export function resetDecodeWork(): void {
  work = 0;
}

// ---------------------------------------------------------------------------------------------------
// Character helpers

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
/** '-' or the en/em dashes a word processor may put in its place. */
function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}
/** Length of a `%XX` escape for the given byte at i (case-insensitive hex), else 0. */
function escapeAt(s: string, i: number, hi: number, lo: number): number {
  return s.charCodeAt(i) === 37 && s.charCodeAt(i + 1) === hi && lower(s.charCodeAt(i + 2)) === lo ? 3 : 0;
}
function pipeAt(s: string, i: number): number {
  return s.charCodeAt(i) === 124 ? 1 : escapeAt(s, i, 55, 99); // %7C
}
function dashAt(s: string, i: number): number {
  return isDash(s.charCodeAt(i)) ? 1 : escapeAt(s, i, 50, 100); // %2D
}
/** A space as written in text or in a URL (`%20`, `+`). */
function spaceAt(s: string, i: number, end: number): number {
  if (i >= end) return 0;
  const c = s.charCodeAt(i);
  if (isSpace(c) || c === 43) return 1;
  return escapeAt(s, i, 50, 48); // %20
}
function startsWithLower(s: string, i: number, lowerPrefix: string): boolean {
  if (i + lowerPrefix.length > s.length) return false;
  for (let k = 0; k < lowerPrefix.length; k++) {
    work++;
    if (lower(s.charCodeAt(i + k)) !== lowerPrefix.charCodeAt(k)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Sources

interface Spelling {
  entry: SourceEntry;
  literal: string;
  /** Lower-cased, spaces kept (a space matches zero or one space in the input). */
  pattern: string;
}
// A space in a pattern is optional, so "Azure Marketplace" also matches "AzureMarketplace": spellings
// that differ only by spaces collapse into the one with spaces (fewer attempts per position).
const SPELLINGS: readonly Spelling[] = SOURCES.flatMap((entry) => {
  const byCompact = new Map<string, Spelling>();
  for (const literal of entry.spellings) {
    const pattern = literal.toLowerCase();
    const compact = pattern.replace(/ /g, '');
    const seen = byCompact.get(compact);
    if (!seen || pattern.length > seen.pattern.length) byCompact.set(compact, { entry, literal, pattern });
  }
  return [...byCompact.values()];
});
/** First letters of every spelling, for a cheap pre-check while scanning long text. */
const FIRST_CHARS = new Set(SPELLINGS.map((s) => s.pattern.charCodeAt(0)));
/** Spellings grouped by their first (lower-case ASCII) letter, so a match tries only a few. */
const BY_FIRST_CHAR: Array<Spelling[] | undefined> = [];
for (const sp of SPELLINGS) (BY_FIRST_CHAR[sp.pattern.charCodeAt(0)] ??= []).push(sp);

interface SourceMatch {
  entry: SourceEntry;
  literal: string;
  end: number;
}

/** End index of `pattern` matched at i (case-insensitive, flexible spaces), or -1. */
function matchSpelling(s: string, i: number, end: number, pattern: string): number {
  let p = i;
  for (let k = 0; k < pattern.length; k++) {
    const pc = pattern.charCodeAt(k);
    work++;
    if (pc === 32) {
      p += spaceAt(s, p, end);
      continue;
    }
    if (p >= end || lower(s.charCodeAt(p)) !== pc) return -1;
    p++;
  }
  return p;
}

/** The longest catalog spelling at i that ends on a word boundary. */
function matchSource(s: string, i: number, end: number): SourceMatch | null {
  const group = BY_FIRST_CHAR[lower(s.charCodeAt(i))];
  if (!group) return null;
  let best: Spelling | null = null;
  let bestEnd = -1;
  for (let g = 0; g < group.length; g++) {
    const sp = group[g]!;
    const e = matchSpelling(s, i, end, sp.pattern);
    if (e <= bestEnd) continue;
    if (e < end && isWordChar(s.charCodeAt(e))) continue;
    best = sp;
    bestEnd = e;
  }
  return best ? { entry: best.entry, literal: best.literal, end: bestEnd } : null;
}

// ---------------------------------------------------------------------------------------------------
// Results

function result(input: string, ok: boolean, reason: RejectReason | undefined): DecodedLeadSource {
  const r: DecodedLeadSource = {
    input,
    ok,
    source: null,
    sourceLiteral: null,
    action: null,
    stage: 'unknown',
    offer: null,
    testLead: false,
    testLeadTime: null,
    warnings: [],
  };
  if (reason) r.reason = reason;
  return r;
}
function reject(input: string, reason: RejectReason): DecodedLeadSource {
  return result(input, false, reason);
}
function warn(r: DecodedLeadSource, w: WarningCode): void {
  if (!r.warnings.includes(w)) r.warnings.push(w);
}

/** The catalog action spelled (in any case) by s[a..b), without allocating. */
function actionAt(s: string, a: number, b: number): ActionEntry | undefined {
  const len = b - a;
  for (let k = 0; k < ACTIONS.length; k++) {
    const entry = ACTIONS[k]!;
    const code = ACTION_CODES_LOWER[k]!;
    if (code.length !== len) continue;
    let j = 0;
    while (j < len && lower(s.charCodeAt(a + j)) === code.charCodeAt(j)) j++;
    work += j;
    if (j === len) return entry;
  }
  return undefined;
}

/** Is the action a (strict) beginning of a known action code? Then the value was cut inside it. */
function isActionPrefix(token: string): boolean {
  const t = token.toLowerCase();
  for (const code of ACTION_CODES_LOWER) if (code.length > t.length && code.startsWith(t)) return true;
  return false;
}
const ACTION_CODES_LOWER: readonly string[] = ACTIONS.map((a) => a.code.toLowerCase());

// ---------------------------------------------------------------------------------------------------
// Offer

/** `publisher.offer`: one token of [A-Za-z0-9_-] (and dots after the first), first char alphanumeric. */
function idDot(s: string): number {
  const c0 = s.charCodeAt(0);
  if (!(isWordChar(c0) && c0 !== 95)) return -1;
  let dot = -1;
  for (let i = 0; i < s.length; i++) {
    work++;
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (dot < 0) dot = i;
      continue;
    }
    if (!isWordChar(c) && c !== 45) return -1;
  }
  return dot > 0 && dot < s.length - 1 ? dot : -1;
}

/** A GUID offer id whose last group is short (`…-3ed0b622145`), as printed in some docs: a cut value. */
function isCutGuid(id: string): boolean {
  // A full GUID is 36 characters; a cut one is 25..35 with dashes at 8, 13, 18 and 23.
  if (id.length < 25 || id.length > 35 || id.charCodeAt(8) !== 45 || id.charCodeAt(23) !== 45) return false;
  const groups = id.split('-');
  if (groups.length !== 5) return false;
  const want = [8, 4, 4, 4, 12];
  for (let g = 0; g < 5; g++) {
    const part = groups[g]!;
    for (let i = 0; i < part.length; i++) if (!isHex(part.charCodeAt(i))) return false;
    if (g < 4 && part.length !== want[g]) return false;
  }
  const last = groups[4]!.length;
  return last > 0 && last < 12;
}

function readOffer(r: DecodedLeadSource, text: string, cut: boolean): void {
  if (text.length === 0) {
    warn(r, 'no-offer');
    return;
  }
  const dot = idDot(text);
  let truncated = cut;
  if (dot > 0 && !truncated && isCutGuid(text.slice(dot + 1))) truncated = true;
  let offer: Offer;
  if (truncated) {
    warn(r, 'truncated');
    offer = { publisherId: dot > 0 ? text.slice(0, dot) : null, offerId: null, title: text };
  } else if (dot > 0) {
    offer = { publisherId: text.slice(0, dot), offerId: text.slice(dot + 1), title: text };
  } else {
    offer = { publisherId: null, offerId: null, title: text };
  }
  r.offer = offer;
}

// ---------------------------------------------------------------------------------------------------
// Decoding one value

/** Value of a hex digit, or -1. */
function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/**
 * One pass of percent-decoding, by hand (no exceptions on stray '%'): ASCII escapes become their
 * character, runs of non-ASCII escapes are read as UTF-8 (left as they are when that fails), and a
 * '%' that starts no escape stays a '%'. Returns the input itself when it holds no escape.
 */
function percentDecodeOnce(v: string): string {
  let out = '';
  let from = 0;
  let i = v.indexOf('%');
  while (i >= 0 && i < v.length) {
    work++;
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
    while (j + 2 < v.length && v.charCodeAt(j) === 37 && hexVal(v.charCodeAt(j + 1)) >= 8 && hexVal(v.charCodeAt(j + 2)) >= 0) {
      work++;
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
function percentDecode(v: string): string {
  let out = v;
  for (let round = 0; round < 2; round++) {
    const next = percentDecodeOnce(out);
    if (next === out) break;
    out = out.indexOf(' ') < 0 && next.indexOf('+') >= 0 ? next.replace(/\+/g, ' ') : next;
  }
  return out;
}

function trimBounds(s: string): [number, number] {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) {
    work++;
    a++;
  }
  while (b > a && isSpace(s.charCodeAt(b - 1))) {
    work++;
    b--;
  }
  return [a, b];
}

function skipSpaces(s: string, i: number, end: number): number {
  while (i < end && isSpace(s.charCodeAt(i))) {
    work++;
    i++;
  }
  return i;
}

/** Decodes one LeadSource value. Never throws; a value that is not a LeadSource gets `ok: false` and a reason. */
export function decodeLeadSource(text: string): DecodedLeadSource {
  if (typeof text !== 'string') return reject(String(text), 'empty');
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  work += a + (text.length - b);
  if (a === b) return reject(text, 'empty');
  if (b - a > MAX_VALUE) {
    // Only a bounded prefix decides whether this was meant as a LeadSource.
    const head = text.slice(a, a + 64);
    const looks = matchSource(head, 0, head.length) !== null || startsWithLower(head, 0, TEST_PREFIX);
    return reject(text, looks ? 'too-long' : startsWithLower(head, 0, 'sfdc-') ? 'salesforce-appexchange' : 'not-marketplace');
  }
  let value = a === 0 && b === text.length ? text : text.slice(a, b);
  const pre: WarningCode[] = [];
  if (a > 0 || b < text.length) pre.push('loose-spacing');
  let cut = lengthLooksCut(value.length);
  if (value.indexOf('%') >= 0) {
    const decoded = percentDecode(value);
    if (decoded !== value) {
      pre.push('percent-encoded');
      const [da, db] = trimBounds(decoded);
      value = decoded.slice(da, db);
      if (value.length === 0) return reject(text, 'empty');
    }
  }
  if (lengthLooksCut(value.length)) cut = true;
  // A display cut marks itself with an ellipsis; the fragment is what comes before it.
  const ell = value.endsWith('\u2026') ? 1 : value.endsWith('...') ? 3 : 0;
  if (ell && value.length > ell) {
    cut = true;
    value = value.slice(0, value.length - ell).trimEnd();
  }
  const r = parseValue(text, value, cut);
  if (pre.length) r.warnings = [...pre, ...r.warnings.filter((w) => !pre.includes(w))];
  return r;
}

function parseValue(input: string, v: string, cut: boolean): DecodedLeadSource {
  const end = v.length;
  if (startsWithLower(v, 0, TEST_PREFIX)) return parseTestLead(input, v, cut);
  const src = matchSource(v, 0, end);
  if (!src) {
    if (startsWithLower(v, 0, 'sfdc') && (end === 4 || v.charCodeAt(4) === 45 || v.charCodeAt(4) === 124)) {
      return reject(input, 'salesforce-appexchange');
    }
    return reject(input, 'not-marketplace');
  }
  const r = result(input, true, undefined);
  r.source = src.entry.code;
  r.sourceLiteral = v.slice(0, src.end);
  if (src.entry.legacy) warn(r, 'legacy-source');
  let p = skipSpaces(v, src.end, end);
  let loose = p > src.end;
  if (p === end) {
    warn(r, 'source-only');
    if (cut) warn(r, 'truncated');
    return r;
  }
  const c = v.charCodeAt(p);
  if (c === 124) {
    // `Source|Offer` with no action: read it as source-only with an offer.
    warn(r, 'source-only');
    const q = skipSpaces(v, p + 1, end);
    if (loose || q > p + 1) warn(r, 'loose-spacing');
    readOffer(r, v.slice(q), cut);
    return r;
  }
  if (!isDash(c)) return reject(input, 'not-marketplace');
  const t0 = skipSpaces(v, p + 1, end);
  if (t0 > p + 1) loose = true;
  let t1 = t0;
  while (t1 < end && t1 - t0 <= MAX_TOKEN && isWordChar(v.charCodeAt(t1))) {
    work++;
    t1++;
  }
  if (t1 === t0) {
    const m = reject(input, 'missing-action');
    m.source = r.source;
    m.sourceLiteral = r.sourceLiteral;
    return m;
  }
  const token = v.slice(t0, t1);
  const action = t1 - t0 <= MAX_TOKEN ? actionAt(v, t0, t1) : undefined;
  p = skipSpaces(v, t1, end);
  if (p > t1) loose = true;
  if (!action) {
    if (p === end && isActionPrefix(token)) {
      // Cut inside the action (`AzureMarketplace-StartTes`): keep what is certain, claim no action.
      warn(r, 'truncated');
      if (loose) warn(r, 'loose-spacing');
      return r;
    }
    const u = reject(input, 'unknown-action');
    u.source = r.source;
    u.sourceLiteral = r.sourceLiteral;
    if (p < end && v.charCodeAt(p) === 124) readOffer(u, v.slice(skipSpaces(v, p + 1, end)), cut);
    return u;
  }
  setAction(r, action);
  if (p === end) {
    warn(r, 'no-offer');
    if (cut) warn(r, 'truncated');
  } else if (v.charCodeAt(p) === 124) {
    const q = skipSpaces(v, p + 1, end);
    if (q > p + 1) loose = true;
    readOffer(r, v.slice(q), cut);
  } else {
    // Something other than '|' after the action (`AzureMarketplace-INS, Contoso CRM`): take the rest
    // as the offer title and say the layout was loose.
    let q = p;
    while (q < end && (isSpace(v.charCodeAt(q)) || v.charCodeAt(q) === 44 || v.charCodeAt(q) === 58 || v.charCodeAt(q) === 59)) {
      work++;
      q++;
    }
    loose = true;
    readOffer(r, v.slice(q), cut);
  }
  if (loose) warn(r, 'loose-spacing');
  return r;
}

function setAction(r: DecodedLeadSource, entry: ActionEntry): void {
  r.action = entry.code;
  r.stage = entry.stage;
  if (r.source && !entry.storefronts.includes(r.source)) warn(r, 'action-storefront-mismatch');
}

function readDigits(v: string, i: number, end: number): number {
  while (i < end && isDigit(v.charCodeAt(i))) {
    work++;
    i++;
  }
  return i;
}

/** `MSFT_TEST_<ticks>-MSFT_TEST_<ticks>|Offer`, tolerating a cut anywhere. */
function parseTestLead(input: string, v: string, cut: boolean): DecodedLeadSource {
  const end = v.length;
  const r = result(input, true, undefined);
  r.testLead = true;
  r.stage = 'test';
  const d0 = TEST_PREFIX.length;
  const d1 = readDigits(v, d0, end);
  const first = v.slice(d0, d1);
  r.testLeadTime = dotNetTicksToIso(first);
  let truncated = cut;
  let loose = false;
  let p = skipSpaces(v, d1, end);
  if (p > d1) loose = true;
  if (p < end && isDash(v.charCodeAt(p))) {
    const q = skipSpaces(v, p + 1, end);
    if (q > p + 1) loose = true;
    const rest = Math.min(end - q, TEST_PREFIX.length);
    if (!startsWithLower(v, q, TEST_PREFIX.slice(0, rest))) return reject(input, 'not-marketplace');
    if (rest < TEST_PREFIX.length) {
      truncated = true;
      p = end;
    } else {
      const e2 = readDigits(v, q + TEST_PREFIX.length, end);
      const second = v.slice(q + TEST_PREFIX.length, e2);
      if (e2 === end && second.length < first.length) truncated = true;
      if (!r.testLeadTime) r.testLeadTime = dotNetTicksToIso(second);
      p = skipSpaces(v, e2, end);
      if (p > e2) loose = true;
    }
  }
  if (p === end) {
    warn(r, 'no-offer');
    if (truncated) warn(r, 'truncated');
  } else if (v.charCodeAt(p) === 124) {
    const q = skipSpaces(v, p + 1, end);
    if (q > p + 1) loose = true;
    readOffer(r, v.slice(q), truncated);
  } else {
    return reject(input, 'not-marketplace');
  }
  if (loose) warn(r, 'loose-spacing');
  return r;
}

/**
 * Completes a source-only LeadSource (HTTPS payloads send `LeadSource: "AzureMarketplace"` and the action
 * in `ActionCode`) with the separate action code, or Partner Center's call-to-action words (`Contact me`).
 * Returns a new result; the input is left untouched.
 */
export function withActionCode(decoded: DecodedLeadSource, actionCode: string): DecodedLeadSource {
  const code = actionCode.trim();
  if (!code || !decoded.ok || decoded.action || decoded.testLead || !decoded.warnings.includes('source-only')) return decoded;
  const r: DecodedLeadSource = { ...decoded, warnings: decoded.warnings.filter((w) => w !== 'source-only') };
  const action = actionFromText(code.length > MAX_TOKEN ? '' : code);
  if (!action) {
    r.ok = false;
    r.reason = 'unknown-action';
    return r;
  }
  setAction(r, action);
  return r;
}

// ---------------------------------------------------------------------------------------------------
// Finding values inside longer text

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
    work++;
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
    work++;
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
      work++;
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
  const closer = i > textStart ? CLOSER_OF.get(s.charCodeAt(i - 1)) ?? -1 : -1;
  const o0 = skipFew(s, beforePipe + pipe, n, 3);
  let o1 = o0;
  let firstSpace = -1;
  let firstComma = -1;
  while (o1 < n && o1 - o0 < MAX_OFFER_IN_TEXT) {
    work++;
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
    work++;
    if (isSpace(c) || c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63) { o1--; continue; }
    if (isTrailingCloser(c) && !opensInside(s, o0, o1 - 1, c)) { o1--; continue; }
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
    work++;
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
