// A write either happens whole or not at all. These tests make a write fail half-way (a put refused by the
// database, as a full disk or a clone error would) and check that nothing of it stays: they fail when the write
// helper no longer aborts its transaction, and when a JSON import is split over more than one transaction.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openMemory } from '../../../src/store/memory';
import { anna, ivan, john, sighting } from './helpers';

const NOW = new Date('2025-03-10T00:00:00Z');
const open = (name: string) => openMemory({ name, now: () => NOW });

/** Makes every put into `store` throw, as IndexedDB does for a value it cannot take. */
function refusePuts(store: string) {
  const original = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (this.name === store) throw new DOMException('refused by the test', 'DataError');
    return original.apply(this, args as Parameters<IDBObjectStore['put']>);
  });
}

async function exported(name: string): Promise<string> {
  const m = await open(name);
  await m.ingest([sighting(ivan), sighting(anna), sighting(john)]);
  const [possible] = await m.ingest([sighting({ firstName: 'Anna', lastName: 'Sidorova', email: 'anna.s@mail.ru' })]);
  await m.decide(possible!.sightingId, 'rejected');
  const text = await m.exportJson();
  m.close();
  return text;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a write that fails half-way leaves nothing behind', () => {
  it.each(['customers', 'decisions'])('a JSON import whose %s cannot be written imports no lead at all', async (store) => {
    const text = await exported(`atomic-src-${store}`);
    const m = await open(`atomic-dst-${store}`);
    refusePuts(store);
    await expect(m.importJson(text)).rejects.toBeTruthy();
    vi.restoreAllMocks();
    expect(await m.stats()).toEqual({ customers: 0, leads: 0 });
    expect(JSON.parse(await m.exportJson()).decisions).toEqual([]);
    m.close();
  });

  it('an ingest whose customer cannot be written stores none of its sightings', async () => {
    const m = await open('atomic-ingest');
    refusePuts('customers');
    await expect(m.ingest([sighting(ivan), sighting(anna)])).rejects.toBeTruthy();
    vi.restoreAllMocks();
    expect(await m.stats()).toEqual({ customers: 0, leads: 0 });
    // And the memory still works afterwards.
    expect(await m.ingest([sighting(ivan)])).toHaveLength(1);
    expect(await m.stats()).toEqual({ customers: 1, leads: 1 });
    m.close();
  });
});
