import { describe, expect, it } from 'vitest';
import { normalizeCustomer } from '../../../src/core/normalize';
import { buildSighting, customerFromSighting, recordKeyOf } from '../../../src/store/records';
import { openMemory } from '../../../src/store/memory';
import { DB_VERSION } from '../../../src/store/schema';
import { anna, ivan, john, openRawV1, sighting } from './helpers';

/** Writes records the way version 1 stored them: customers had no company keys yet. */
async function populateV1(name: string): Promise<{ customers: number; sightings: number; ids: string[] }> {
  const db = await openRawV1(name);
  const inputs = [sighting(ivan), sighting(anna), sighting(john), sighting({ ...john, email: 'JOHN.SMITH@fabrikam.com' })];
  const tx = db.transaction(['customers', 'sightings', 'decisions', 'settings'], 'readwrite');
  const ids: string[] = [];
  inputs.forEach((input, i) => {
    const n = normalizeCustomer(input.lead.customer);
    const customerId = i === 3 ? ids[2]! : `cust-${i}`;
    const s = buildSighting(
      input,
      n,
      { id: `s-${i}`, customerId, recordKey: recordKeyOf(input, n) },
      { status: i === 3 ? 'duplicate' : 'new', fields: [], score: 0, matchedSightingId: null, candidateCustomerId: null, decision: null },
    );
    const { orgKeys: _v2only, ...v1Customer } = customerFromSighting(s);
    if (i !== 3) {
      tx.objectStore('customers').put(v1Customer);
      ids.push(customerId);
    }
    tx.objectStore('sightings').put(s);
  });
  tx.objectStore('decisions').put({
    id: 'cust-0|cust-1',
    customers: ['cust-0', 'cust-1'],
    decision: 'rejected',
    sightingId: 's-1',
    at: '2025-01-01T00:00:00Z',
  });
  tx.objectStore('settings').put({ retentionDays: 200, defaultCountry: 'RU', lang: 'ru' }, 'settings');
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return { customers: 3, sightings: 4, ids };
}

describe('schema upgrade', () => {
  it(`upgrades a populated version-1 memory to version ${DB_VERSION}, keeping every record`, async () => {
    const before = await populateV1('upgrade');
    const m = await openMemory({ name: 'upgrade' });
    const doc = JSON.parse(await m.exportJson());
    expect(doc.customers).toHaveLength(before.customers);
    expect(doc.sightings).toHaveLength(before.sightings);
    expect(doc.decisions).toHaveLength(1);
    expect(doc.settings).toEqual({
      retentionDays: 200,
      defaultCountry: 'RU',
      lang: 'ru',
      followUpHours: 24,
      teamCheck: { dynamics: false, salesforce: false },
    });
    // The v2 company keys were filled in from the sightings: colleagues work on old data.
    const view = await m.customerView('cust-0');
    expect(view!.colleagues.map((c) => c.customerId)).toEqual(['cust-1']);
    // The v2 age index works on old data.
    expect(await m.purge(new Date('2030-01-01T00:00:00Z'))).toBe(4);
    m.close();
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open('upgrade');
      req.onsuccess = () => resolve(req.result);
    });
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.transaction('sightings').objectStore('sightings').indexNames]).toContain('lastSeen');
    raw.close();
  });
});
