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
});
