// The offer dictionary's pure side: the key an offer is filed under (`publisher.offer`, lower case),
// the friendly name a lead teaches when it shows both the id and a title, and how an offer is shown
// with its name beside its id.
import { offerLabel } from './display';
import type { Lead, Offer } from './types';

/** `contoso.crm-connector` for an offer with a publisher and an offer id; null otherwise. */
export function offerKey(offer: Offer | null | undefined): string | null {
  if (!offer?.publisherId || !offer.offerId) return null;
  return `${offer.publisherId}.${offer.offerId}`.toLocaleLowerCase();
}

/**
 * The title a description names, as bridges write it ("Offer Title: Contoso CRM Connector Description: …",
 * or on a line of its own); Russian "Название предложения:" too.
 */
export function offerTitleIn(text: string | null | undefined): string | null {
  if (!text) return null;
  const m =
    /(?:offer\s*(?:title|display\s*name)|название\s+предложения)\s*[:：]\s*([^\n\r]+?)(?=\s+description\s*:|\s+описание\s*:|[\n\r]|$)/iu.exec(
      text,
    );
  const title = m?.[1]?.trim().replace(/[.;,]+$/, '');
  return title && title.length <= 200 ? title : null;
}

/** What a lead teaches the dictionary: its offer's key and the title shown with it, when both are there and differ. */
export function learnedOfferName(lead: Pick<Lead, 'leadSource' | 'offerTitle' | 'description'>): { key: string; name: string } | null {
  const offer = lead.leadSource?.offer;
  const key = offerKey(offer);
  if (!key) return null;
  const shown = offer?.title && offer.title.toLocaleLowerCase() !== key ? offer.title : null;
  const name = lead.offerTitle?.trim() || shown || offerTitleIn(lead.description);
  if (!name || name.toLocaleLowerCase() === key) return null;
  return { key, name };
}

/** Names by key, as the pages and the content script hold them. */
export type OfferNames = Readonly<Record<string, string>>;

/** The storage.local key the service worker mirrors the dictionary's names under. */
export const OFFER_NAMES_KEY = 'offerNames';

/** The names read back from storage.local: anything that is not a string-to-string map counts as none. */
export function offerNamesIn(value: unknown): OfferNames {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string'));
}

/** The offer as shown: `Contoso CRM Connector (contoso.crm-connector)` when named, else its plain label. */
export function namedOffer(offer: Offer | null | undefined, names: OfferNames): { name: string | null; id: string } {
  const key = offerKey(offer);
  const name = key ? (names[key] ?? null) : null;
  return { name, id: offerLabel(offer) };
}
