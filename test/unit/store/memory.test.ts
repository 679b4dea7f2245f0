// Over 300 lines on purpose: the LeadMemory interface spec pins the store modules' behaviour in one place.
import { describe, expect, it, vi } from 'vitest';
import { openMemory, StoreError } from '../../../src/store/memory';
import { anna, ivan, ivanAgain, john, openRawV1, sighting } from './helpers';

const open = () => openMemory({ name: 'test', now: () => new Date('2025-03-10T00:00:00Z') });

describe('ingest', () => {
  it('flags the trial lead of a customer first seen as Contact me as a duplicate, with the journey', async () => {
    const m = await open();
    const [first] = await m.ingest([sighting(ivan, { leadSource: 'AzureMarketplace-PLT|contoso.crm', createdAt: '2025-03-01T09:00:00Z' })]);
    const [second] = await m.ingest([
      sighting(ivanAgain, { leadSource: 'AzureMarketplace-StartTestDrive|contoso.crm', createdAt: '2025-03-05T09:00:00Z' }),
    ]);
    expect(first!.match.status).toBe('new');
    expect(second!.match.status).toBe('duplicate');
    expect(second!.customerId).toBe(first!.customerId);
    expect(second!.match.matchedSightingId).toBe(first!.sightingId);
    expect(second!.match.fields).toEqual(expect.arrayContaining(['email', 'phone', 'name']));
    expect(second!.stageAdvanced).toBe(true);
    const view = await m.customerView(first!.customerId);
    expect(view!.journey.map((j) => j.stage)).toEqual(['interest', 'trial']);
    expect(view!.furthestStage).toBe('trial');
    expect(view!.displayName).toBe('Ivan Petrov');
    // Going back to interest does not count as advancing.
    const [third] = await m.ingest([sighting(ivan, { leadSource: 'AppSource-PLT|contoso.crm' })]);
    expect(third!.stageAdvanced).toBe(false);
    m.close();
  });

  it('is idempotent when the same record is seen again: only lastSeen moves', async () => {
    const m = await open();
    const input = sighting(ivan, { recordId: 'D365-1', seenAt: '2025-03-01T10:00:00Z' });
    const [a] = await m.ingest([input]);
    const [b] = await m.ingest([{ ...input, seenAt: '2025-03-02T10:00:00Z' }]);
    expect(b).toMatchObject({ sightingId: a!.sightingId, customerId: a!.customerId, seenBefore: true });
    const doc = JSON.parse(await m.exportJson());
    expect(doc.sightings).toHaveLength(1);
    expect(doc.sightings[0].lastSeen).toBe('2025-03-02T10:00:00Z');
    expect(doc.sightings[0].firstSeen).toBe('2025-03-01T10:00:00Z');
    // Without a CRM id the lead's own content identifies it.
    const noId = sighting(john, { recordId: null, createdAt: '2025-02-01T00:00:00Z' });
    await m.ingest([noId]);
    const [again] = await m.ingest([{ ...noId, seenAt: '2025-03-05T00:00:00Z' }]);
    expect(again!.seenBefore).toBe(true);
    m.close();
  });

  it('never creates two customers when two tabs ingest the same customer at once', async () => {
    const tab1 = await open();
    const tab2 = await open();
    const [r1, r2] = await Promise.all([
      tab1.ingest([sighting(ivan, { recordId: 'A' })]),
      tab2.ingest([sighting(ivanAgain, { recordId: 'B' })]),
    ]);
    expect(r1![0]!.customerId).toBe(r2![0]!.customerId);
    const same = sighting(john, { recordId: 'J' });
    const [s1, s2] = await Promise.all([tab1.ingest([same]), tab2.ingest([same])]);
    expect(s1![0]!.sightingId).toBe(s2![0]!.sightingId);
    expect(JSON.parse(await tab1.exportJson()).customers).toHaveLength(2);
    tab1.close();
    tab2.close();
  });

  it('shows colleagues from the same company and keeps a switchboard from merging them', async () => {
    const m = await open();
    const [a] = await m.ingest([sighting({ ...ivan, phone: '+74951234567' })]);
    const [b] = await m.ingest([sighting({ ...anna, phone: '+7 495 123-45-67' })]);
    const [c] = await m.ingest([sighting(john)]);
    expect(b!.match.status).toBe('new');
    const view = await m.customerView(a!.customerId);
    expect(view!.colleagues.map((x) => x.customerId)).toEqual([b!.customerId]);
    expect(view!.colleagues.map((x) => x.customerId)).not.toContain(c!.customerId);
    m.close();
  });

  it('answers findMatches without storing anything', async () => {
    const m = await open();
    await m.ingest([sighting(ivan)]);
    const info = await m.findMatches(sighting(ivanAgain));
    expect(info.status).toBe('duplicate');
    expect(JSON.parse(await m.exportJson()).sightings).toHaveLength(1);
    m.close();
  });
});

describe('possible matches and decisions', () => {
  const work = { firstName: 'Maria', lastName: 'Kuznetsova', email: 'm.kuznetsova@northwind.ru', company: 'Northwind' };
  const personal = { firstName: 'Мария', lastName: 'Кузнецова', email: 'masha.k1990@mail.ru' };

  it('keeps a possible match apart until the rep confirms it, then merges', async () => {
    const m = await open();
    const [a] = await m.ingest([sighting(work, { leadSource: 'AppSource-PLT|nw.app', seenAt: '2025-03-01T10:00:00Z' })]);
    const [b] = await m.ingest([sighting(personal, { leadSource: 'AppSource-INS|nw.app', seenAt: '2025-03-02T10:00:00Z' })]);
    expect(b!.match.status).toBe('possible');
    expect(b!.match.candidateCustomerId).toBe(a!.customerId);
    expect(b!.customerId).not.toBe(a!.customerId);
    expect((await m.customerView(b!.customerId))!.pending).toEqual([
      { sightingId: b!.sightingId, candidateCustomerId: a!.customerId, fields: b!.match.fields },
    ]);
    await m.decide(b!.sightingId, 'confirmed');
    const view = await m.customerView(a!.customerId);
    expect(view!.journey.map((j) => j.sightingId)).toEqual([a!.sightingId, b!.sightingId]);
    expect(view!.furthestStage).toBe('active');
    expect(await m.customerView(b!.customerId)).toBeNull();
    m.close();
  });

  it('remembers a rejection: the pair is not asked about again', async () => {
    const m = await open();
    await m.ingest([sighting(work)]);
    const [b] = await m.ingest([sighting(personal)]);
    await m.decide(b!.sightingId, 'rejected');
    expect((await m.customerView(b!.customerId))!.pending).toEqual([]);
    // The same personal address comes back: it joins its own customer, not a question about the other.
    const [c] = await m.ingest([sighting({ ...personal, phone: '+7 903 000 11 22', country: 'RU' })]);
    expect(c!.customerId).toBe(b!.customerId);
    expect(c!.match.candidateCustomerId).toBeNull();
    const doc = JSON.parse(await m.exportJson());
    expect(doc.decisions).toEqual([expect.objectContaining({ decision: 'rejected', sightingId: b!.sightingId })]);
    m.close();
  });
});

describe('forgetting and retention', () => {
  it('forgets every trace of a customer', async () => {
    const m = await open();
    const [a] = await m.ingest([sighting(ivan), sighting(ivanAgain)]);
    const [b] = await m.ingest([sighting({ firstName: 'Ivan', lastName: 'Petrov', email: 'vanya.p@gmail.com' })]);
    expect(b!.match.candidateCustomerId).toBe(a!.customerId);
    await m.ingest([sighting(john)]);
    await m.forgetCustomer(a!.customerId);
    const text = await m.exportJson();
    expect(text).not.toContain(a!.customerId);
    expect(text.toLowerCase()).not.toContain('contoso');
    expect(await m.customerView(a!.customerId)).toBeNull();
    expect(JSON.parse(text).customers).toHaveLength(2);
    m.close();
  });

  it('purges leads older than the retention period and customers left empty', async () => {
    const m = await open();
    await m.ingest([sighting(ivan, { seenAt: '2023-01-01T00:00:00Z' })]);
    const [recent] = await m.ingest([sighting(john, { seenAt: '2025-03-01T00:00:00Z' })]);
    await m.ingest([sighting({ ...john, email: 'JOHN.SMITH@fabrikam.com' }, { seenAt: '2024-01-01T00:00:00Z' })]);
    expect(await m.purge(new Date('2025-03-10T00:00:00Z'))).toBe(2);
    const doc = JSON.parse(await m.exportJson());
    expect(doc.customers.map((c: { id: string }) => c.id)).toEqual([recent!.customerId]);
    expect(doc.sightings).toHaveLength(1);
    await m.setSettings({ retentionDays: 30 });
    expect(await m.purge(new Date('2025-05-01T00:00:00Z'))).toBe(1);
    expect(JSON.parse(await m.exportJson()).customers).toHaveLength(0);
    m.close();
  });

  it('forgets everything but keeps the settings', async () => {
    const m = await open();
    await m.setSettings({ defaultCountry: 'DE' });
    await m.ingest([sighting(ivan), sighting(john)]);
    await m.forgetAll();
    const doc = JSON.parse(await m.exportJson());
    expect([doc.customers.length, doc.sightings.length]).toEqual([0, 0]);
    expect((await m.getSettings()).defaultCountry).toBe('DE');
    m.close();
  });
});

describe('settings', () => {
  it('defaults to a year of retention and remembers changes', async () => {
    const m = await open();
    expect(await m.getSettings()).toEqual({
      retentionDays: 365,
      defaultCountry: null,
      lang: 'auto',
      followUpHours: 24,
      teamCheck: { dynamics: false, salesforce: false },
    });
    await m.setSettings({ retentionDays: 90, lang: 'ru' });
    m.close();
    const again = await open();
    expect(await again.getSettings()).toMatchObject({ retentionDays: 90, lang: 'ru' });
    await expect(again.setSettings({ retentionDays: -1 })).rejects.toBeInstanceOf(StoreError);
    again.close();
  });

  it('refuses a retention period that is not a positive number of days, and keeps the old one', async () => {
    const m = await open();
    await m.setSettings({ retentionDays: 30 });
    for (const retentionDays of [0, -5, Number.NaN]) {
      await expect(m.setSettings({ retentionDays })).rejects.toMatchObject({ name: 'StoreError', code: 'invalid' });
    }
    expect((await m.getSettings()).retentionDays).toBe(30);
    m.close();
  });

  it('uses the default country for phone numbers without one', async () => {
    const m = await open();
    await m.setSettings({ defaultCountry: 'US' });
    await m.ingest([sighting({ email: 'x@y.com', phone: '(415) 555-0000' })]);
    expect(JSON.parse(await m.exportJson()).sightings[0].normalized.phone).toBe('+14155550000');
    m.close();
  });
});

describe('failures', () => {
  it('a full quota aborts the write, loses nothing and says quota', async () => {
    const m = await open();
    await m.ingest([sighting(ivan)]);
    const before = await m.exportJson();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failed = m.ingest([sighting(john), sighting(anna)]);
    await expect(failed).rejects.toMatchObject({ name: 'StoreError', code: 'quota' });
    put.mockRestore();
    expect(await m.exportJson()).toBe(before);
    // And the memory still works afterwards.
    expect((await m.ingest([sighting(john)]))[0]!.match.status).toBe('new');
    m.close();
  });

  it('skips a corrupt record and reports it instead of crashing', async () => {
    const problems: StoreError[] = [];
    const m = await openMemory({ name: 'test', onProblem: (p) => problems.push(p) });
    const [a] = await m.ingest([sighting(ivan)]);
    // Damage: a record with the customer's id but no usable shape.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('test');
      req.onsuccess = () => {
        const tx = req.result.transaction('sightings', 'readwrite');
        tx.objectStore('sightings').put({ id: 'broken', customerId: a!.customerId, keys: ['e:ivan.petrov@contoso.ru'], recordKey: 'x' });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const view = await m.customerView(a!.customerId);
    expect(view!.journey).toHaveLength(1);
    const [b] = await m.ingest([sighting(ivanAgain)]);
    expect(b!.match.status).toBe('duplicate');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.code === 'corrupt')).toBe(true);
    expect(m.takeProblems().length).toBe(problems.length);
    m.close();
  });

  it('leaves damaged records out of colleagues and exports, naming each one it skipped', async () => {
    const problems: StoreError[] = [];
    const m = await openMemory({ name: 'test', onProblem: (p) => problems.push(p) });
    const [a] = await m.ingest([sighting(ivan)]);
    await m.ingest([sighting(anna)]);
    // Damage: a customer at the same company without its fields, and a sighting without its dates.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('test');
      req.onsuccess = () => {
        const tx = req.result.transaction(['customers', 'sightings'], 'readwrite');
        tx.objectStore('customers').put({ id: 'broken-customer', orgKeys: ['d:contoso.ru'] });
        tx.objectStore('sightings').put({ id: 'broken-sighting', customerId: a!.customerId, recordKey: 'damaged', keys: [] });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const view = await m.customerView(a!.customerId);
    expect(view!.colleagues).toHaveLength(1);
    expect(problems.map((p) => p.message).join(' ')).toContain('broken-customer');
    problems.length = 0;
    const exported = JSON.parse(await m.exportJson());
    expect([exported.customers.length, exported.sightings.length]).toEqual([2, 2]);
    const told = problems.map((p) => p.message).join(' ');
    expect(told).toContain('broken-customer');
    expect(told).toContain('broken-sighting');
    expect(await m.exportCsv()).not.toContain('damaged');
    m.close();
  });

  it('reports a blocked upgrade when another tab holds the old version open', async () => {
    const old = await openRawV1('test');
    await expect(open()).rejects.toMatchObject({ code: 'blocked' });
    old.close();
    const m = await open();
    expect((await m.ingest([sighting(ivan)]))[0]!.match.status).toBe('new');
    m.close();
  });

  it('steps aside when a newer version wants to upgrade', async () => {
    const m = await open();
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('test', 99);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('blocked'));
    });
    expect(newer.version).toBe(99);
    newer.close();
    await expect(m.ingest([sighting(ivan)])).rejects.toMatchObject({ code: 'version' });
  });
});

describe('what the memory holds', () => {
  it('counts customers and leads without reading them', async () => {
    const memory = await openMemory({ name: 'stats' });
    expect(await memory.stats()).toEqual({ customers: 0, leads: 0 });
    await memory.ingest([
      sighting(ivan, { recordId: 'r1' }),
      sighting(ivanAgain, { recordId: 'r2', leadSource: 'AzureMarketplace-INS|contoso.crm' }),
      sighting(john, { recordId: 'r3' }),
    ]);
    expect(await memory.stats()).toEqual({ customers: 2, leads: 3 });
    memory.close();
  });
});
