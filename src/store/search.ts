// Finding remembered leads again: prefix ranges over the sightings' `terms` index (schema v5), then
// grouped into customers. One term reads its range's first records; several terms intersect the ranges'
// primary keys first (keys only, which is cheap) and read just the records in every range, so "John Smith"
// finds the one John Smith among thousands of Johns and Smiths. Never a scan of the memory.
import { matchesAll, queryTerms } from '../core/search';
import { isStoredCustomer, isStoredSighting, stageOf } from './records';
import type { IDBPTransaction } from 'idb';
import type { StoredSighting } from './records';
import type { LeadDatabase, LeadDb } from './schema';
import type { SearchHit } from './types';

/** Customers returned at most. */
export const SEARCH_LIMIT = 20;
/** Sightings read at most (a two-letter prefix of a common name stays cheap). */
const READ_LIMIT = 200;
/** Primary keys taken from one term's range at most when several terms are intersected. */
const KEY_LIMIT = 5000;

const prefix = (term: string) => IDBKeyRange.bound(term, `${term}\uffff`);

type SearchTx = IDBPTransaction<LeadDb, ['sightings', 'customers'], 'readonly'>;

async function sightingsMatching(tx: SearchTx, terms: readonly string[]): Promise<StoredSighting[]> {
  const sightings = tx.objectStore('sightings');
  const index = sightings.index('terms');
  if (terms.length === 1) return (await index.getAll(prefix(terms[0]!), READ_LIMIT)).filter(isStoredSighting);
  const ranges = (await Promise.all(terms.map((t) => index.getAllKeys(prefix(t), KEY_LIMIT)))).sort((a, b) => a.length - b.length);
  // A range cut at KEY_LIMIT cannot rule a key out; the others can. The smallest range drives.
  const within = ranges
    .slice(1)
    .filter((keys) => keys.length < KEY_LIMIT)
    .map((keys) => new Set(keys));
  const keys = [...new Set(ranges[0])].filter((k) => within.every((set) => set.has(k))).slice(0, READ_LIMIT);
  const records = await Promise.all(keys.map((k) => sightings.get(k)));
  return records.filter(isStoredSighting).filter((s) => matchesAll(s.terms ?? [], terms));
}

export async function searchMemory(db: LeadDatabase, query: string, limit = SEARCH_LIMIT): Promise<SearchHit[]> {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const tx = db.transaction(['sightings', 'customers'], 'readonly');
  const found = await sightingsMatching(tx, terms);
  const byCustomer = new Map<string, SearchHit>();
  for (const s of found) {
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
