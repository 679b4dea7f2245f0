// Schema v4 (issue 10): leads stored before company words existed get their matching keys recomputed
// from their own fields, and their offer ids indexed, when an older memory is opened.
import { describe, expect, it } from 'vitest';
import { blockingKeys, companyKeys, matchProfile } from '../../../src/core/match';
import { normalizeCustomer } from '../../../src/core/normalize';
import type { CustomerFields } from '../../../src/core/types';
import { openMemory } from '../../../src/store/memory';
import { buildSighting, customerFromSighting, recordKeyOf, type StoredSighting } from '../../../src/store/records';
import { DB_VERSION, openDatabase } from '../../../src/store/schema';
import { DEFAULT_SETTINGS } from '../../../src/store/types';
import { anna, ivan, sighting } from './helpers';

const zeb: CustomerFields = { firstName: 'Zebulon', lastName: 'Quigg', email: 'zquigg@gmail.com', company: 'Kuhn, Bode and Kunde' };

/** A version-3 memory holding leads as they were stored before company words: profiles without them. */
async function populateV3(name: string): Promise<void> {
  const db = await openDatabase(name, 3);
  const tx = db.transaction(['customers', 'sightings', 'settings'], 'readwrite');
  const inputs = [sighting(zeb, { leadSource: 'AzureMarketplace-INS|fabrikam.sales-insights' }), sighting(ivan), sighting(anna)];
  inputs.forEach((input, i) => {
    const n = normalizeCustomer(input.lead.customer);
    const s = buildSighting(
      input,
      n,
      { id: `s-${i}`, customerId: `cust-${i}`, recordKey: recordKeyOf(input, n) },
      { status: 'new', fields: [], score: 0, matchedSightingId: null, candidateCustomerId: null, decision: null },
    );
    const { companyWords: _new, ...oldProfile } = s.profile;
    const { offerKey: _v4, ...old } = { ...s, profile: oldProfile, keys: blockingKeys(oldProfile) };
    void tx.objectStore('sightings').put(old as StoredSighting);
    void tx.objectStore('customers').put({ ...customerFromSighting(s), orgKeys: [] });
  });
  void tx.objectStore('settings').put({ ...DEFAULT_SETTINGS, retentionDays: 200, defaultCountry: 'RU' }, 'settings');
  await tx.done;
  db.close();
}

describe('schema upgrade to v4', () => {
  it('recomputes the matching keys of stored leads from their fields and indexes their offers', async () => {
    await populateV3('upgrade-v4');
    const m = await openMemory({ name: 'upgrade-v4', now: () => new Date('2026-11-20T10:00:00Z') });
    // The same rare name at "KuhnBode & Kunde": one company with "Kuhn, Bode and Kunde" only once the
    // stored profile has its company words (the whole-key fallback of older profiles sees two companies).
    const [again] = await m.ingest([sighting({ firstName: 'Zebulon', lastName: 'Quigg', company: 'KuhnBode & Kunde LLC' })]);
    expect(again!.match.status).toBe('duplicate');
    expect(again!.customerId).toBe('cust-0');
    expect(await m.knownOfferIds()).toEqual(['fabrikam.sales-insights', 'northwind.crm-suite']);
    // Colleagues still found through the recomputed company keys.
    expect((await m.customerView('cust-1'))!.colleagues.map((c) => c.customerId)).toEqual(['cust-2']);
    m.close();

    const db = await openDatabase('upgrade-v4');
    expect(db.version).toBe(DB_VERSION);
    const stored = (await db.get('sightings', 's-0'))!;
    const fresh = matchProfile(normalizeCustomer(zeb, { defaultCountry: 'RU' }));
    expect(stored.profile.companyWords).toEqual(['kuhn', 'bode', 'kunde']);
    expect(stored.profile).toEqual(fresh);
    expect(stored.keys).toEqual(blockingKeys(fresh));
    expect((await db.get('customers', 'cust-0'))!.orgKeys).toEqual(expect.arrayContaining(companyKeys(fresh)));
    db.close();
  });
});
