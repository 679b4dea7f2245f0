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
// - Truncation. Salesforce keeps 40 characters of a picklist value, so only a value that is a whole
//   field and exactly 40 characters long as stored (for a percent-encoded value, the encoded length)
//   MAY be cut: complete values of 39 or 41 characters are common (`AzurePortal-Create|northwind.vm-backups`),
//   and a value found inside longer text was never cut by a field. Such a value keeps the publisher and
//   offer id it shows, with a `possibly-truncated` warning (the UI says "may be cut"); completeOffer()
//   can finish the id from offers seen before. Signs of a cut stay cuts whatever the length: a value
//   ending in `…`/`...` (display truncation), an action that is only the beginning of a known code
//   (`StartTes`), and a GUID offer id whose last group is short. Such an offer is never reported as a
//   confident id: the publisher part before the first `.` is kept, `offerId` is null and `title` holds
//   the fragment as it arrived.
// - An offer is an id (`publisher.offer`) when it is one token of [A-Za-z0-9_-] with a `.` after the
//   first character; otherwise it is a display title.
// - Anything longer than MAX_VALUE characters is `too-long` when it starts like a LeadSource, otherwise
//   `not-marketplace`; either way only a bounded prefix is examined.
import { ACTIONS, type ActionEntry, actionFromText } from '../catalog';
import type { DecodedLeadSource, WarningCode } from '../types';
import { COLON, COMMA, HYPHEN, PIPE, SEMICOLON } from './chars';
import { type Completeness, readOffer, readTail } from './offer';
import { percentDecode } from './percent';
import { accepted, reject, rejectKeepingSource, setAction, warn } from './result';
import {
  ACTION_CODES_LOWER,
  isActionPrefix,
  isDash,
  isSpace,
  isWordChar,
  atFieldLimit,
  lower,
  MAX_TOKEN,
  MAX_VALUE,
  matchSource,
  meter,
  skipSpaces,
  startsWithLower,
  TEST_PREFIX,
  trimBounds,
} from './scan';
import { parseTestLead } from './test-lead';

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

/** Why a value too long to be a LeadSource is rejected; only a bounded prefix is looked at. */
function tooLongReason(text: string, a: number): 'too-long' | 'salesforce-appexchange' | 'not-marketplace' {
  const head = text.slice(a, a + 64);
  if (matchSource(head, 0, head.length) !== null || startsWithLower(head, 0, TEST_PREFIX)) return 'too-long';
  return startsWithLower(head, 0, 'sfdc-') ? 'salesforce-appexchange' : 'not-marketplace';
}

export interface DecodeOptions {
  /**
   * The text is a whole CRM field (the default): a value exactly at the field limit may be cut there.
   * False for a value found inside longer text, which no field limit can have cut.
   */
  wholeField?: boolean;
}

/** Decodes one LeadSource value. Never throws; a value that is not a LeadSource gets `ok: false` and a reason. */
export function decodeLeadSource(text: string, opts: DecodeOptions = {}): DecodedLeadSource {
  if (typeof text !== 'string') return reject(String(text), 'empty');
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  meter.work += a + (text.length - b);
  if (a === b) return reject(text, 'empty');
  if (b - a > MAX_VALUE) return reject(text, tooLongReason(text, a));
  let value = a === 0 && b === text.length ? text : text.slice(a, b);
  const pre: WarningCode[] = [];
  if (a > 0 || b < text.length) pre.push('loose-spacing');
  // The length as stored, before any percent-decoding, is what the field limit applies to.
  let completeness: Completeness = opts.wholeField !== false && atFieldLimit(value.length) ? 'maybe-cut' : 'complete';
  if (value.indexOf('%') >= 0) {
    const decoded = percentDecode(value);
    if (decoded !== value) {
      pre.push('percent-encoded');
      const [da, db] = trimBounds(decoded);
      value = decoded.slice(da, db);
      if (value.length === 0) return reject(text, 'empty');
    }
  }
  // A display cut marks itself with an ellipsis; the fragment is what comes before it.
  const ell = value.endsWith('\u2026') ? 1 : value.endsWith('...') ? 3 : 0;
  if (ell && value.length > ell) {
    completeness = 'cut';
    value = value.slice(0, value.length - ell).trimEnd();
  }
  const r = parseValue(text, value, completeness);
  if (pre.length) r.warnings = [...pre, ...r.warnings.filter((w) => !pre.includes(w))];
  return r;
}

/** `SFDC`, `SFDC-…` or `SFDC|…`: Salesforce AppExchange's own lead sources, a look-alike. */
function isAppExchange(v: string): boolean {
  if (!startsWithLower(v, 0, 'sfdc')) return false;
  const c = v.charCodeAt(4);
  return v.length === 4 || c === HYPHEN || c === PIPE;
}

/** The storefront, then `|offer` (no action), or `-` and the action. */
function parseValue(input: string, v: string, completeness: Completeness): DecodedLeadSource {
  const end = v.length;
  if (startsWithLower(v, 0, TEST_PREFIX)) return parseTestLead(input, v, completeness);
  const src = matchSource(v, 0, end);
  if (!src) return reject(input, isAppExchange(v) ? 'salesforce-appexchange' : 'not-marketplace');
  const r = accepted(input);
  r.source = src.entry.code;
  r.sourceLiteral = v.slice(0, src.end);
  if (src.entry.legacy) warn(r, 'legacy-source');
  const p = skipSpaces(v, src.end, end);
  const loose = p > src.end;
  if (p === end) {
    warn(r, 'source-only');
    if (completeness === 'cut') warn(r, 'truncated');
    if (completeness === 'maybe-cut') warn(r, 'possibly-truncated');
    return r;
  }
  const c = v.charCodeAt(p);
  if (c === PIPE) {
    // `Source|Offer` with no action: read it as source-only with an offer.
    warn(r, 'source-only');
    const q = skipSpaces(v, p + 1, end);
    if (loose || q > p + 1) warn(r, 'loose-spacing');
    readOffer(r, v.slice(q), completeness);
    return r;
  }
  if (!isDash(c)) return reject(input, 'not-marketplace');
  return parseAction(r, v, p + 1, loose, completeness);
}

/** The action token after the dash at `from - 1`, then the offer. */
function parseAction(r: DecodedLeadSource, v: string, from: number, looseBefore: boolean, completeness: Completeness): DecodedLeadSource {
  const end = v.length;
  const t0 = skipSpaces(v, from, end);
  let loose = looseBefore || t0 > from;
  let t1 = t0;
  while (t1 < end && t1 - t0 <= MAX_TOKEN && isWordChar(v.charCodeAt(t1))) {
    meter.work++;
    t1++;
  }
  if (t1 === t0) return rejectKeepingSource(r, 'missing-action');
  const action = t1 - t0 <= MAX_TOKEN ? actionAt(v, t0, t1) : undefined;
  const p = skipSpaces(v, t1, end);
  if (p > t1) loose = true;
  if (!action) {
    if (p === end && isActionPrefix(v.slice(t0, t1))) {
      // Cut inside the action (`AzureMarketplace-StartTes`): keep what is certain, claim no action.
      warn(r, 'truncated');
      if (loose) warn(r, 'loose-spacing');
      return r;
    }
    const u = rejectKeepingSource(r, 'unknown-action');
    if (p < end && v.charCodeAt(p) === PIPE) readOffer(u, v.slice(skipSpaces(v, p + 1, end)), completeness);
    return u;
  }
  setAction(r, action);
  const tail = readTail(r, v, p, completeness);
  if (tail === 'spaced-offer') loose = true;
  if (tail === 'other') {
    // Something other than '|' after the action (`AzureMarketplace-INS, Contoso CRM`): take the rest
    // as the offer title and say the layout was loose.
    loose = true;
    readOffer(r, v.slice(skipSeparators(v, p, end)), completeness);
  }
  if (loose) warn(r, 'loose-spacing');
  return r;
}

/** Skips the spaces, `,`, `:` and `;` a hand-typed value may put between the action and the offer title. */
function skipSeparators(v: string, q: number, end: number): number {
  while (q < end) {
    const c = v.charCodeAt(q);
    if (!isSpace(c) && c !== COMMA && c !== COLON && c !== SEMICOLON) break;
    meter.work++;
    q++;
  }
  return q;
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
