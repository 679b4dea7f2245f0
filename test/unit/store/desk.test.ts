// The rep's desk in the store (schema v5): search over the sighting-terms index, the checklist ticks,
// the offer dictionary, and the v4 → v5 upgrade of a populated memory.
import { normalizeCustomer } from '../../../src/core/normalize';
import { openMemory } from '../../../src/store/memory';
import { buildSighting, customerFromSighting, recordKeyOf } from '../../../src/store/records';
import { DB_VERSION, openDatabase } from '../../../src/store/schema';
import { anna, ivan, john, sighting } from './helpers';

const olga = { firstName: 'Ольга', lastName: 'Кузнецова', email: 'o.kuznetsova@severinfo.ru', company: 'АО «Северсталь-Инфоком»' };

describe('search over the memory', () => {
  it('finds customers by name, transliteration, email fragment, company, offer and LeadSource, by prefix', async () => {
    const m = await openMemory({ name: 'search' });
    await m.ingest([
      sighting(olga, { leadSource: 'AzureMarketplace-INS|contoso.crm-connector' }),
      sighting(john, { leadSource: 'AppSource-PLT|fabrikam.field-service' }),
      sighting(anna),
    ]);
    const names = async (q: string) => (await m.search(q)).map((h) => h.displayName);
    expect(await names('Кузнецова')).toEqual(['Ольга Кузнецова']);
    expect(await names('кузн')).toEqual(['Ольга Кузнецова']);
    expect(await names('kuznetsova')).toEqual(['Ольга Кузнецова']);
    expect(await names('o.kuznetsova@sev')).toEqual(['Ольга Кузнецова']);
    expect(await names('severinfo')).toEqual(['Ольга Кузнецова']);
    expect(await names('John Smi')).toEqual(['John Smith']);
    expect(await names('fabrikam')).toEqual(['John Smith']);
    expect(await names('field-service')).toEqual(['John Smith']);
    expect(await names('crm-connector')).toEqual(['Ольга Кузнецова']);
    expect((await names('contoso')).sort()).toEqual(['Anna Sidorova', 'Ольга Кузнецова'].sort());
    expect(await names('John Kuznetsova')).toEqual([]);
    expect(await names('   ')).toEqual([]);
    const [hit] = await m.search('кузнецова');
    expect(hit).toMatchObject({ company: 'АО «Северсталь-Инфоком»', email: 'o.kuznetsova@severinfo.ru', stage: 'active', leads: 1 });
    expect(hit!.offers[0]).toMatchObject({ publisherId: 'contoso', offerId: 'crm-connector' });
    m.close();
  });

  it('finds the one John Smith among hundreds of Johns and Smiths (each range read in full would be too many)', async () => {
    const m = await openMemory({ name: 'search-many' });
    // The index orders a range by term, then by key: the one person whose terms are 'johnz' and 'smythz'
    // comes last in both the 'john' and the 'smyth' range, behind 600 entries each.
    const people = Array.from({ length: 600 }, (_, i) => [
      sighting({ firstName: 'John', lastName: `Abbot${i}`, email: `j${i}@abbot${i}.example` }),
      sighting({ firstName: `Ann${i}`, lastName: 'Smyth', email: `a${i}@smyth${i}.example` }),
    ]).flat();
    for (let i = 0; i < people.length; i += 200) await m.ingest(people.slice(i, i + 200));
    await m.ingest([sighting({ firstName: 'Johnz', lastName: 'Smythz', email: 'jz@zeta.example' })]);
    expect((await m.search('john smyth')).map((h) => h.displayName)).toEqual(['Johnz Smythz']);
    expect(await m.search('john')).toHaveLength(20);
    m.close();
  });

  it('groups a returning customer into one hit with the count of matching leads', async () => {
    const m = await openMemory({ name: 'search-group' });
    await m.ingest([
      sighting(ivan, { leadSource: 'AppSource-INS|contoso.crm' }),
      sighting({ ...ivan }, { leadSource: 'AzureMarketplace-PLT|contoso.other' }),
    ]);
    const hits = await m.search('petrov');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.leads).toBe(2);
    expect(hits[0]!.offers).toHaveLength(2);
    m.close();
  });

  it('keeps terms out of the export and builds them again on import', async () => {
    const a = await openMemory({ name: 'search-export' });
    await a.ingest([sighting(olga)]);
    const text = await a.exportJson();
    expect(text).not.toContain('"terms"');
    const b = await openMemory({ name: 'search-import' });
    await b.importJson(text);
    expect((await b.search('кузнецова')).length).toBe(1);
    a.close();
    b.close();
  });
});

describe('checklist ticks', () => {
  it('are kept per lead across connections, untick removes, forget-all clears them', async () => {
    const m = await openMemory({ name: 'ticks' });
    expect(await m.setTick('s-1', 'first-reply', true)).toEqual(['first-reply']);
    expect(await m.setTick('s-1', 'call', true)).toEqual(['first-reply', 'call']);
    expect(await m.setTick('s-2', 'call', true)).toEqual(['call']);
    m.close();
    const again = await openMemory({ name: 'ticks' });
    expect(await again.ticks('s-1')).toEqual(['first-reply', 'call']);
    expect(await again.setTick('s-1', 'first-reply', false)).toEqual(['call']);
    expect(await again.ticks('s-3')).toEqual([]);
    await again.forgetAll();
    expect(await again.ticks('s-2')).toEqual([]);
    again.close();
  });

  it('go with the leads they were on when a customer is forgotten or old leads are purged', async () => {
    const m = await openMemory({ name: 'ticks-forget' });
    const [o, j, old] = await m.ingest([
      sighting(olga, { seenAt: '2026-05-01T10:00:00.000Z' }),
      sighting(john, { seenAt: '2026-05-01T10:00:00.000Z' }),
      sighting(anna, { seenAt: '2024-01-01T10:00:00.000Z' }),
    ]);
    for (const r of [o!, j!, old!]) await m.setTick(r.sightingId, 'first-reply', true);
    await m.forgetCustomer(o!.customerId);
    expect(await m.ticks(o!.sightingId)).toEqual([]);
    expect(await m.ticks(j!.sightingId)).toEqual(['first-reply']);
    await m.setSettings({ retentionDays: 365 });
    expect(await m.purge(new Date('2026-06-01T00:00:00Z'))).toBe(1);
    expect(await m.ticks(old!.sightingId)).toEqual([]);
    expect(await m.ticks(j!.sightingId)).toEqual(['first-reply']);
    m.close();
  });
});

describe('the offer dictionary', () => {
  it('learns names, never overwrites the rep’s own, and travels with the export', async () => {
    const m = await openMemory({ name: 'offers' });
    expect(await m.learnOffers([{ key: 'Contoso.CRM-Connector', name: 'Contoso CRM Connector' }])).toBe(true);
    expect(await m.learnOffers([{ key: 'contoso.crm-connector', name: 'Contoso CRM Connector' }])).toBe(false);
    await m.editOffer('fabrikam.field-service', 'Fabrikam Field Service');
    expect(await m.learnOffers([{ key: 'fabrikam.field-service', name: 'FS (learnt)' }])).toBe(false);
    expect((await m.offers()).map((o) => [o.key, o.name, o.origin])).toEqual([
      ['contoso.crm-connector', 'Contoso CRM Connector', 'learnt'],
      ['fabrikam.field-service', 'Fabrikam Field Service', 'edited'],
    ]);
    const doc = JSON.parse(await m.exportJson());
    expect(doc.offers).toHaveLength(2);
    const other = await openMemory({ name: 'offers-import' });
    await other.editOffer('contoso.crm-connector', 'Mine');
    await other.importJson(JSON.stringify(doc));
    expect((await other.offers()).map((o) => o.name)).toEqual(['Mine', 'Fabrikam Field Service']);
    await m.editOffer('contoso.crm-connector', '');
    expect((await m.offers()).map((o) => o.key)).toEqual(['fabrikam.field-service']);
    m.close();
    other.close();
  });

  it('rejects an export whose offers are not a list, keeping the memory as it was', async () => {
    const m = await openMemory({ name: 'offers-bad' });
    const doc = JSON.parse(await m.exportJson());
    await expect(m.importJson(JSON.stringify({ ...doc, offers: 'nope' }))).rejects.toThrow(/"offers" must be a list/);
    m.close();
  });

  it.each([
    ['a name that is too long', { name: 'x'.repeat(201) }, /offer #1: "name" must be 1 to 200/],
    ['an empty key', { key: ' ' }, /offer #1: "key" must be/],
    ['an unknown origin', { origin: 'guessed' }, /offer #1: "origin"/],
    ['no date', { updatedAt: 'soon' }, /offer #1: "updatedAt"/],
  ])('refuses an export with %s in its offers, naming it, and imports nothing', async (_why, patch, message) => {
    const m = await openMemory({ name: `offers-bad-entry-${_why}` });
    const good = { key: 'contoso.crm-connector', name: 'Contoso CRM Connector', origin: 'learnt', updatedAt: '2025-01-01T00:00:00Z' };
    const doc = JSON.parse(await m.exportJson());
    await expect(m.importJson(JSON.stringify({ ...doc, offers: [{ ...good, ...patch }, good] }))).rejects.toThrow(message);
    expect(await m.offers()).toEqual([]);
    m.close();
  });
});

describe('the follow-up window setting', () => {
  it('defaults to 24 hours and takes whole hours from 1 to 720 only', async () => {
    const m = await openMemory({ name: 'follow-up' });
    expect((await m.getSettings()).followUpHours).toBe(24);
    expect((await m.setSettings({ followUpHours: 48 })).followUpHours).toBe(48);
    for (const bad of [0, 721, 1.5, Number.NaN]) await expect(m.setSettings({ followUpHours: bad })).rejects.toThrow(/1 to 720/);
    expect((await m.getSettings()).followUpHours).toBe(48);
    m.close();
  });
});

describe(`schema upgrade to v${DB_VERSION}`, () => {
  it('indexes the search terms of every lead a populated v4 memory holds and adds the ticks and offers stores', async () => {
    const v4 = await openDatabase('upgrade-v5', 4);
    for (const [i, who] of [olga, john].entries()) {
      const input = sighting(who);
      const n = normalizeCustomer(who);
      const s = buildSighting(
        input,
        n,
        { id: `s-${i}`, customerId: `c-${i}`, recordKey: recordKeyOf(input, n) },
        { status: 'new', fields: [], score: 0, matchedSightingId: null, candidateCustomerId: null, decision: null },
      );
      const { terms: _notInV4, ...old } = s;
      await v4.put('sightings', old);
      await v4.put('customers', customerFromSighting(s));
    }
    v4.close();
    const m = await openMemory({ name: 'upgrade-v5' });
    expect((await m.search('кузнецова')).map((h) => h.customerId)).toEqual(['c-0']);
    expect((await m.search('smith')).map((h) => h.customerId)).toEqual(['c-1']);
    expect(await m.stats()).toEqual({ customers: 2, leads: 2 });
    expect(await m.setTick('s-0', 'first-reply', true)).toEqual(['first-reply']);
    expect(await m.learnOffers([{ key: 'a.b', name: 'AB' }])).toBe(true);
    m.close();
  });
});
