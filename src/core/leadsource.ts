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
import { ACTIONS, actionFromText, type ActionEntry } from './catalog';
import { dotNetTicksToIso } from './ticks';
import type { DecodedLeadSource, Offer, RejectReason, WarningCode } from './types';
import {
  ACTION_CODES_LOWER,
  idDot,
  isActionPrefix,
  isDash,
  isHex,
  isSpace,
  isWordChar,
  lengthLooksCut,
  lower,
  matchSource,
  MAX_TOKEN,
  MAX_VALUE,
  meter,
  readDigits,
  skipSpaces,
  startsWithLower,
  TEST_PREFIX,
  trimBounds,
} from './leadsource-scan';

export { MAX_VALUE, PICKLIST_LIMIT } from './leadsource-scan';

/** How many character looks the decoder has made since the last reset (for linearity tests). */
export function decodeWork(): number {
  return meter.work;
}
export function resetDecodeWork(): void {
  meter.work = 0;
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
    meter.work += j;
    if (j === len) return entry;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Offer

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
    while (j + 2 < v.length && v.charCodeAt(j) === 37 && hexVal(v.charCodeAt(j + 1)) >= 8 && hexVal(v.charCodeAt(j + 2)) >= 0) {
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
function percentDecode(v: string): string {
  let out = v;
  for (let round = 0; round < 2; round++) {
    const next = percentDecodeOnce(out);
    if (next === out) break;
    out = out.indexOf(' ') < 0 && next.indexOf('+') >= 0 ? next.replace(/\+/g, ' ') : next;
  }
  return out;
}

/** Decodes one LeadSource value. Never throws; a value that is not a LeadSource gets `ok: false` and a reason. */
export function decodeLeadSource(text: string): DecodedLeadSource {
  if (typeof text !== 'string') return reject(String(text), 'empty');
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  meter.work += a + (text.length - b);
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
    meter.work++;
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
      meter.work++;
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
