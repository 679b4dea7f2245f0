// Finding remembered leads again: prefix ranges over the sightings' `terms` index (schema v5), the
// narrowest term first, the other terms checked on the few records that range returns, then grouped
// into customers. Never a scan of the memory.
import { matchesAll, queryTerms } from '../core/search';
import { isStoredCustomer, isStoredSighting, stageOf } from './records';
import type { LeadDatabase } from './schema';
import type { SearchHit } from './types';

/** Customers returned at most. */
export const SEARCH_LIMIT = 20;
/** Sightings read from the narrowest range at most (a two-letter prefix of a common name stays cheap). */
const READ_LIMIT = 400;

const prefix = (term: string) => IDBKeyRange.bound(term, `${term}\uffff`);

export async function searchMemory(db: LeadDatabase, query: string, limit = SEARCH_LIMIT): Promise<SearchHit[]> {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const tx = db.transaction(['sightings', 'customers'], 'readonly');
  const index = tx.objectStore('sightings').index('terms');
  // The range with the fewest entries decides which records are read; the other terms filter them.
  const counts = terms.length > 1 ? await Promise.all(terms.map((t) => index.count(prefix(t)))) : [0];
  const narrowest = terms[counts.indexOf(Math.min(...counts))]!;
  const found = (await index.getAll(prefix(narrowest), READ_LIMIT)).filter(isStoredSighting);
  const byCustomer = new Map<string, SearchHit>();
  for (const s of found) {
    if (terms.length > 1 && !matchesAll(s.terms ?? [], terms)) continue;
    const hit = byCustomer.get(s.customerId);
    const at = s.createdAt ?? s.firstSeen;
    if (!hit) {
      byCustomer.set(s.customerId, {
        customerId: s.customerId,
        displayName: '',
        company: null,
        email: null,
        lastAt: at,
        stage: stageOf(s),
        offers: s.leadSource?.offer ? [s.leadSource.offer] : [],
        leads: 1,
      });
    } else {
      hit.leads++;
      if (at > hit.lastAt) {
        hit.lastAt = at;
        hit.stage = stageOf(s);
      }
      const o = s.leadSource?.offer;
      if (o && !hit.offers.some((x) => x.publisherId === o.publisherId && x.offerId === o.offerId && x.title === o.title))
        hit.offers.push(o);
    }
  }
  const hits = [...byCustomer.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt)).slice(0, limit);
  const customers = await Promise.all(hits.map((h) => tx.objectStore('customers').get(h.customerId)));
  hits.forEach((h, i) => {
    const c = customers[i];
    if (!isStoredCustomer(c)) return;
    h.displayName = c.displayName;
    h.company = c.company;
    h.email = c.email;
    h.stage = c.furthestStage;
  });
  return hits;
}
