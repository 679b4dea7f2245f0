// The offer part after `|`: an id (`publisher.offer`) or a display title, and whether it can be
// trusted when the value looks cut short.
import type { DecodedLeadSource, Offer } from '../types';
import { HYPHEN, PIPE } from './chars';
import { warn } from './result';
import { idDot, isHex, skipSpaces } from './scan';

/**
 * How a value arrived: `cut` when it shows a sign of a cut (an ellipsis, an action or test marker that
 * stops half-way, a short GUID group): such an offer is never reported as a confident id.
 * `maybe-cut` when the whole field is exactly at its limit: the offer is kept as it shows, with a
 * `possibly-truncated` warning, since complete values of that length are common.
 */
export type Completeness = 'complete' | 'maybe-cut' | 'cut';

/** Groups of a GUID: 8-4-4-4-12 hex digits. */
const GUID_GROUPS = [8, 4, 4, 4, 12];

/** A GUID offer id whose last group is short (`…-3ed0b622145`), as printed in some docs: a cut value. */
function isCutGuid(id: string): boolean {
  // A full GUID is 36 characters; a cut one is 25..35 with dashes at 8, 13, 18 and 23.
  if (id.length < 25 || id.length > 35 || id.charCodeAt(8) !== HYPHEN || id.charCodeAt(23) !== HYPHEN) return false;
  const groups = id.split('-');
  if (groups.length !== 5) return false;
  for (let g = 0; g < 5; g++) {
    const part = groups[g]!;
    for (let i = 0; i < part.length; i++) if (!isHex(part.charCodeAt(i))) return false;
    if (g < 4 && part.length !== GUID_GROUPS[g]) return false;
  }
  const last = groups[4]!.length;
  return last > 0 && last < 12;
}

/** Reads the offer text (already trimmed at its start) into `r.offer`. */
export function readOffer(r: DecodedLeadSource, text: string, completeness: Completeness): void {
  if (text.length === 0) {
    warn(r, 'no-offer');
    return;
  }
  const dot = idDot(text);
  let truncated = completeness === 'cut';
  if (dot > 0 && !truncated && isCutGuid(text.slice(dot + 1))) truncated = true;
  let offer: Offer;
  if (completeness === 'maybe-cut' && !truncated) warn(r, 'possibly-truncated');
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

/**
 * What followed the action (or the test marker): the end of the value, `|` and the offer (with or
 * without spaces after the `|`), or something else, which the caller decides about.
 */
export type Tail = 'end' | 'offer' | 'spaced-offer' | 'other';

/** Reads the rest of `v` from p, where the action or test marker ended (spaces already skipped). */
export function readTail(r: DecodedLeadSource, v: string, p: number, completeness: Completeness): Tail {
  const end = v.length;
  if (p === end) {
    warn(r, 'no-offer');
    if (completeness === 'cut') warn(r, 'truncated');
    if (completeness === 'maybe-cut') warn(r, 'possibly-truncated');
    return 'end';
  }
  if (v.charCodeAt(p) !== PIPE) return 'other';
  const q = skipSpaces(v, p + 1, end);
  readOffer(r, v.slice(q), completeness);
  return q > p + 1 ? 'spaced-offer' : 'offer';
}
