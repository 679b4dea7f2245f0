// The words a remembered lead can be found by, and how a typed query is cut into the same words. The
// store keeps a sighting's terms in a multiEntry index, so a search is a few prefix ranges over that
// index, never a scan. Pure: no DOM, no browser API.
import { foldToLatin } from './normalize';
import type { CustomerFields, DecodedLeadSource } from './types';

/** What a sighting is found by: the customer as given, the offer and the LeadSource text. */
export interface Searchable {
  customer: CustomerFields;
  leadSource: Pick<DecodedLeadSource, 'input' | 'offer'> | null;
  offerTitle?: string | null;
}

/** Tokens shorter than this are not indexed (a single letter would list everyone). */
export const MIN_TERM = 2;
const MAX_TERM = 40;
const MAX_TERMS = 60;
const CYRILLIC = /[\u0400-\u04ff]/;

/** Lower-cased words of a text: letters and digits in any script, `ё` read as `е`. */
export function words(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .normalize('NFC')
    .toLocaleLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= MIN_TERM)
    .map((w) => w.slice(0, MAX_TERM));
}

/** A word and, when it is written in Cyrillic or with accents, its Latin folding (`Кузнецова` → `kuznetsova`). */
function withFolding(word: string): string[] {
  const folded = CYRILLIC.test(word) || /[\u0080-\uffff]/.test(word) ? words(foldToLatin(word)) : [];
  return [word, ...folded];
}

/** Every term a sighting is indexed under (distinct, capped). */
export function searchTerms(s: Searchable): string[] {
  const c = s.customer;
  const terms = new Set<string>();
  const add = (text: string | null | undefined, fold = false) => {
    for (const w of words(text)) for (const t of fold ? withFolding(w) : [w]) if (terms.size < MAX_TERMS) terms.add(t);
  };
  add(c.firstName, true);
  add(c.lastName, true);
  add(c.fullName, true);
  add(c.company, true);
  // The address's parts: `o.kuznetsova@severinfo.ru` is found by `kuzn`, `severinfo` or `o.kuznetsova@sev`.
  add(c.email);
  const offer = s.leadSource?.offer;
  add(offer?.publisherId);
  add(offer?.offerId);
  add(offer?.title);
  add(s.offerTitle);
  add(s.leadSource?.input);
  return [...terms];
}

/**
 * A query as prefix terms: the same words, folded the same way, so `kuzn`, `Кузн` and
 * `o.kuznetsova@sev` each reach the lead. At most 5 terms, longest first.
 */
export function queryTerms(query: string): string[] {
  const q = query.trim().toLocaleLowerCase();
  const out = new Set<string>();
  for (const w of words(q)) out.add(w);
  // A one-letter query still searches (the rep sees nothing until the second letter otherwise).
  if (out.size === 0 && /^[\p{L}\p{N}]$/u.test(q)) out.add(q);
  return [...out].sort((a, b) => b.length - a.length).slice(0, 5);
}

/** True when each query term starts one of the terms. */
export function matchesAll(terms: readonly string[], query: readonly string[]): boolean {
  return query.every((q) => terms.some((t) => t.startsWith(q)));
}
