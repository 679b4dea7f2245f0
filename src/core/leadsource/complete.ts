// Finishing an offer id that arrived cut, from offer ids LeadLens already knows: the offer dictionary
// (issue 12) and the offers in the lead memory. Pure: the caller hands over the known ids.
import type { DecodedLeadSource } from '../types';

/** A decoded value whose offer id is or may be cut, so that completing it from known ids is worth a try. */
export function mayBeCut(d: DecodedLeadSource | null | undefined): boolean {
  return !!d?.ok && (d.warnings.includes('truncated') || d.warnings.includes('possibly-truncated'));
}

/** The id fragment a cut or possibly cut value shows (`publisher.offer-frag`), or null. */
function shownId(d: DecodedLeadSource): string | null {
  const o = d.offer;
  if (!o?.publisherId) return null;
  if (o.offerId) return `${o.publisherId}.${o.offerId}`;
  // A cut value keeps its fragment in the title (`publisher.offer-fr`).
  const t = o.title;
  return t && t.length > o.publisherId.length + 1 && t.startsWith(`${o.publisherId}.`) && !/\s/.test(t) ? t : null;
}

/**
 * The `publisher.offer` fragment a value that may be cut shows (what a known id must begin with), or null.
 */
export function cutOfferPrefix(d: DecodedLeadSource): string | null {
  return mayBeCut(d) ? shownId(d) : null;
}

/**
 * A decoded value whose offer may be cut (`truncated` or `possibly-truncated`), completed from the
 * known `publisher.offer` ids:
 * - when the id it shows is itself a known id (and no longer one starts with it), it was whole after
 *   all: the warning goes;
 * - when it is the beginning of exactly one known id (case aside), the offer becomes that id, the
 *   fragment is kept in `completedFrom`, and an `offer-completed` note replaces the cut warning;
 * - otherwise (no match, or several ids it could be) the value is returned unchanged.
 * Never changes a value that shows no sign of being cut. Returns a new object.
 */
export function completeOffer(decoded: DecodedLeadSource, knownIds: Iterable<string>): DecodedLeadSource {
  const cut = decoded.warnings.includes('truncated') || decoded.warnings.includes('possibly-truncated');
  const shown = cut ? shownId(decoded) : null;
  if (!shown) return decoded;
  const prefix = shown.toLowerCase();
  let exact = false;
  let match: string | null = null;
  let several = false;
  for (const id of knownIds) {
    const key = id.toLowerCase();
    if (key === prefix) exact = true;
    else if (key.startsWith(prefix)) {
      if (match !== null && match.toLowerCase() !== key) several = true;
      match = id;
    }
  }
  const uncut = decoded.warnings.filter((w) => w !== 'truncated' && w !== 'possibly-truncated');
  if (exact && match) return decoded;
  if (exact) {
    const dot = shown.indexOf('.');
    return { ...decoded, warnings: uncut, offer: { ...decoded.offer!, offerId: shown.slice(dot + 1), title: decoded.offer!.title } };
  }
  if (!match || several) return decoded;
  const dot = match.indexOf('.');
  return {
    ...decoded,
    warnings: [...uncut, 'offer-completed'],
    offer: { publisherId: match.slice(0, dot), offerId: match.slice(dot + 1), title: match, completedFrom: shown },
  };
}
