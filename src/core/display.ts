// How a lead is named and timed for a person, written once: the badge and its hover card, the side
// panel, the popup, the address bar, the lead memory's journey and the CLI all call these, so the same
// lead reads the same everywhere. Pure: no DOM, no browser API.
import { stageEntry } from './catalog';
import type { CustomerFields, DecodedLeadSource, Lang, Offer, Stage } from './types';

/**
 * The offer as a rep reads it: its title when the record named one (an HTTPS payload's OfferTitle),
 * else `publisher.offer`, else the fragment that arrived. For a decoded LeadSource the title is the
 * offer text itself, so a page shows `contoso.crm-connector`. Empty when there is no offer.
 */
export function offerLabel(offer: Offer | null | undefined): string {
  if (!offer) return '';
  if (offer.title) return offer.title;
  if (offer.publisherId && offer.offerId) return `${offer.publisherId}.${offer.offerId}`;
  return offer.publisherId ?? '';
}

/** What a lead's deadlines can count from; every field is optional (a pasted value has none of them). */
export interface LeadMoments {
  /** When the CRM (or the payload) says the lead was created. */
  createdAt?: string | null | undefined;
  /** The decoded LeadSource: a `MSFT_TEST_<ticks>` test lead carries the moment it was generated. */
  leadSource?: Pick<DecodedLeadSource, 'testLeadTime'> | null | undefined;
  /** When LeadLens first saw the lead in this tab. */
  firstSeen?: string | null | undefined;
}

/**
 * The moment a lead's deadlines count from: the created time, else the moment a test lead encodes,
 * else when LeadLens first saw it, else now. A date that cannot be read is skipped, not trusted.
 */
export function leadTime(lead: LeadMoments, now: Date): Date {
  for (const iso of [lead.createdAt, lead.leadSource?.testLeadTime, lead.firstSeen]) {
    if (!iso) continue;
    const at = new Date(iso);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return now;
}

/**
 * The customer's name as the record gives it: first and last name, else the full name; empty when
 * the record names nobody (callers then fall back to the company or the email).
 */
export function customerName(fields: CustomerFields): string {
  const parts = [fields.firstName?.trim(), fields.lastName?.trim()].filter(Boolean).join(' ');
  return parts || fields.fullName?.trim() || '';
}

/** The locale for dates and numbers in the rep's language. */
export function localeTag(lang: Lang): string {
  return lang === 'ru' ? 'ru-RU' : 'en-GB';
}

/** The CSS custom properties a stage chip is painted with. */
export type StageStyle = Record<'--stage-text' | '--stage-fill' | '--stage-line', string>;

/**
 * A stage's colours as CSS custom properties, from the catalog. The badge on the CRM page, its hover
 * card and the extension's pages all set these on their chips and their CSS reads them, so a stage has
 * one colour everywhere.
 */
export function stageStyle(stage: Stage): StageStyle {
  const colour = (stageEntry(stage) ?? stageEntry('unknown')!).colour;
  return { '--stage-text': colour.text, '--stage-fill': colour.fill, '--stage-line': colour.line };
}
