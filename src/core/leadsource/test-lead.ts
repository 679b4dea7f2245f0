// Test leads: `MSFT_TEST_<ticks>-MSFT_TEST_<ticks>|Offer`, as the marketplace sends when a publisher
// checks a lead destination. The ticks number is when the test was sent.
import { dotNetTicksToIso } from '../ticks';
import type { DecodedLeadSource } from '../types';
import { type Completeness, readTail } from './offer';
import { accepted, reject, warn } from './result';
import { isDash, readDigits, skipSpaces, startsWithLower, TEST_PREFIX } from './scan';

/** Parses a value that starts with `MSFT_TEST_` (any case), tolerating a cut anywhere. */
export function parseTestLead(input: string, v: string, completeness: Completeness): DecodedLeadSource {
  const end = v.length;
  const r = accepted(input);
  r.testLead = true;
  r.stage = 'test';
  const d0 = TEST_PREFIX.length;
  const d1 = readDigits(v, d0, end);
  const first = v.slice(d0, d1);
  r.testLeadTime = dotNetTicksToIso(first);
  let ending = completeness;
  let loose = false;
  let p = skipSpaces(v, d1, end);
  if (p > d1) loose = true;
  if (p < end && isDash(v.charCodeAt(p))) {
    const q = skipSpaces(v, p + 1, end);
    if (q > p + 1) loose = true;
    const rest = Math.min(end - q, TEST_PREFIX.length);
    if (!startsWithLower(v, q, TEST_PREFIX.slice(0, rest))) return reject(input, 'not-marketplace');
    if (rest < TEST_PREFIX.length) {
      // Cut inside the second marker.
      ending = 'cut';
      p = end;
    } else {
      const e2 = readDigits(v, q + TEST_PREFIX.length, end);
      const second = v.slice(q + TEST_PREFIX.length, e2);
      if (e2 === end && second.length < first.length) ending = 'cut';
      if (!r.testLeadTime) r.testLeadTime = dotNetTicksToIso(second);
      p = skipSpaces(v, e2, end);
      if (p > e2) loose = true;
    }
  }
  const tail = readTail(r, v, p, ending);
  if (tail === 'other') return reject(input, 'not-marketplace');
  if (loose || tail === 'spaced-offer') warn(r, 'loose-spacing');
  return r;
}
