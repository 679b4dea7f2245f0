// One report, one transaction: the leads of a batch are judged against each other as well as against the
// memory, and a customer touched by several of them ends up with all of it.
import { openMemory } from '../../../src/store/memory';
import { anna, ivan, ivanAgain, sighting } from './helpers';

const open = () => openMemory({ name: 'batch', now: () => new Date('2025-03-10T00:00:00Z') });

describe('ingesting a report in one batch', () => {
  it('judges a later lead of the batch against an earlier one, and merges their customer once', async () => {
    const m = await open();
    const [first, other, second, again] = await m.ingest([
      sighting(ivan, { leadSource: 'AzureMarketplace-PLT|contoso.crm', recordId: 'a', createdAt: '2025-03-01T09:00:00Z' }),
      sighting(anna, { recordId: 'b' }),
      sighting(ivanAgain, { leadSource: 'AzureMarketplace-StartTestDrive|contoso.crm', recordId: 'c', createdAt: '2025-03-05T09:00:00Z' }),
      sighting(ivan, { leadSource: 'AzureMarketplace-PLT|contoso.crm', recordId: 'a', createdAt: '2025-03-01T09:00:00Z' }),
    ]);
    expect(first!.match.status).toBe('new');
    expect(other!.match.status).toBe('new');
    expect(second).toMatchObject({ customerId: first!.customerId, stageAdvanced: true });
    expect(second!.match).toMatchObject({ status: 'duplicate', matchedSightingId: first!.sightingId });
    // The same record twice in one report is one sighting.
    expect(again).toMatchObject({ sightingId: first!.sightingId, seenBefore: true });
    expect(await m.stats()).toEqual({ customers: 2, leads: 3 });
    const view = await m.customerView(first!.customerId);
    expect(view!.journey.map((j) => j.stage)).toEqual(['interest', 'trial']);
    expect(view!.furthestStage).toBe('trial');
    m.close();
  });

  it('hands the verdicts over before any record of the batch is written, and stores them all after', async () => {
    const m = await open();
    const order: string[] = [];
    const realPut = IDBObjectStore.prototype.put;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      order.push(`put ${this.name}`);
      return realPut.apply(this, args);
    });
    let early: string[] = [];
    const results = await m.ingest([sighting(ivan, { recordId: 'a' }), sighting(anna, { recordId: 'b' })], (verdicts) => {
      order.push('verdicts');
      early = verdicts.map((v) => v.match.status);
    });
    put.mockRestore();
    expect(early).toEqual(['new', 'new']);
    expect(order[0]).toBe('verdicts');
    expect(order.filter((o) => o.startsWith('put'))).toEqual(['put sightings', 'put sightings', 'put customers', 'put customers']);
    expect(results.map((r) => r.match.status)).toEqual(early);
    expect(await m.stats()).toEqual({ customers: 2, leads: 2 });
    m.close();
  });
});
