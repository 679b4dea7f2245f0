// The offer dictionary as the content script holds it: names by `publisher.offer`, read from storage.local
// after the first look starts and kept current as the worker republishes them (content/index.ts). The badge
// and its card read it when they paint.
import { namedOffer, type OfferNames } from '../core/offer-names';
import type { Offer } from '../core/types';

let names: OfferNames = {};

export function setOfferNames(next: OfferNames): void {
  names = next;
}

/** True once any name is known (a page with none is not repainted for an empty dictionary). */
export function hasOfferNames(): boolean {
  return Object.keys(names).length > 0;
}

/** The offer's friendly name, or null when the dictionary has none. */
export function offerNameOf(offer: Offer | null | undefined): string | null {
  return namedOffer(offer, names).name;
}
