import { describe, expect, it } from 'vitest';
import { openMemory } from '../../../src/store/memory';
import { anna, ivan, ivanAgain, john, sighting } from './helpers';

const open = (name = 'port') => openMemory({ name, now: () => new Date('2025-03-10T00:00:00Z') });

async function seeded(name = 'port') {
  const m = await open(name);
  await m.setSettings({ retentionDays: 120, defaultCountry: 'US' });
  await m.ingest([
    sighting(ivan, { seenAt: '2025-03-01T00:00:00Z' }),
    sighting(ivanAgain, { leadSource: 'AzureMarketplace-StartTestDrive|nw.app', seenAt: '2025-03-02T00:00:00Z' }),
  ]);
  await m.ingest([sighting(anna), sighting(john, { recordId: null, createdAt: '2025-02-01T00:00:00Z' })]);
  const [possible] = await m.ingest([sighting({ firstName: 'Anna', lastName: 'Sidorova', email: 'anna.s@mail.ru' })]);
  await m.decide(possible!.sightingId, 'rejected');
  return m;
}

describe('JSON export and import', () => {
  it('round-trips without loss', async () => {
    const m = await seeded();
    const exported = await m.exportJson();
    const doc = JSON.parse(exported);
    expect(doc).toMatchObject({ format: 'leadlens-memory', version: 1 });
    expect(doc.sightings).toHaveLength(5);
    await m.forgetAll();
    expect(await m.importJson(exported)).toEqual({ imported: 5, skipped: 0 });
    expect(JSON.parse(await m.exportJson())).toEqual(doc);
    // Importing the same file again adds nothing.
    expect(await m.importJson(exported)).toEqual({ imported: 0, skipped: 5 });
    // Into another browser profile: same content, and matching works on it.
    const other = await open('other');
    await other.importJson(exported, { withSettings: true });
    expect(JSON.parse(await other.exportJson())).toEqual(doc);
    expect((await other.ingest([sighting({ ...ivan, email: 'IVAN.petrov@contoso.ru' })]))[0]!.match.status).toBe('duplicate');
    m.close();
    other.close();
  });

  it('rejects a bad file with the line and the reason, importing nothing', async () => {
    const m = await seeded();
    const good = await m.exportJson();
    await m.forgetAll();
    const broken = good.replace(/"firstSeen":"[^"]+"/, '"firstSeen":42');
    const brokenLine = broken.split('\n').findIndex((l) => l.includes('"firstSeen":42')) + 1;
    await expect(m.importJson(broken)).rejects.toMatchObject({
      code: 'import',
      line: brokenLine,
      message: expect.stringContaining('firstSeen'),
    });
    await expect(m.importJson('{\n  "format": "leadlens-memory",\n  oops\n}')).rejects.toMatchObject({ code: 'import', line: 3 });
    await expect(m.importJson('[]')).rejects.toMatchObject({ code: 'import' });
    await expect(m.importJson(good.replace('"version": 1', '"version": 9'))).rejects.toMatchObject({ code: 'version', line: 3 });
    const doc = JSON.parse(await m.exportJson());
    expect([doc.customers.length, doc.sightings.length]).toEqual([0, 0]);
    m.close();
  });
});

describe('CSV export and import', () => {
  it('exports an Excel-friendly CSV: BOM, CRLF, quoting, Cyrillic kept', async () => {
    const m = await seeded();
    const csv = await m.exportCsv();
    expect(csv.startsWith('\ufeffCustomer ID,First Name,Last Name,Full Name,Email,Phone,Company')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).toContain('"Fabrikam, Inc."');
    expect(csv).toContain('Иван');
    expect(csv.trim().split('\r\n')).toHaveLength(6);
    m.close();
  });

  it('imports its own CSV export and a Partner Center leads export', async () => {
    const m = await seeded();
    const csv = await m.exportCsv();
    const fresh = await open('fresh');
    expect(await fresh.importCsv(csv)).toEqual({ imported: 5, skipped: 0 });
    expect(await fresh.importCsv(csv)).toEqual({ imported: 0, skipped: 5 });
    const partnerCenter = [
      'First Name,Last Name,Email,Phone,Company,Country,Lead Source,Offer Title,LeadCreationDateTime',
      'Jane,Doe,jane.doe@tailspin.com,+1 206 555 0100,Tailspin Toys,United States,AppSource-PLT|tailspin.app,Tailspin App,2025-01-15T08:00:00Z',
      'JANE,doe,Jane.Doe@Tailspin.com,(206) 555-0100,"Tailspin Toys, Inc.",USA,AppSource-INS|tailspin.app,Tailspin App,2025-02-15T08:00:00Z',
    ].join('\r\n');
    expect(await fresh.importCsv(partnerCenter)).toEqual({ imported: 2, skipped: 0 });
    const rows = JSON.parse(await fresh.exportJson()).sightings.filter((s: { customer: { email?: string } }) =>
      /tailspin/i.test(s.customer.email ?? ''),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0].customerId).toBe(rows[1].customerId);
    m.close();
    fresh.close();
  });

  it('rejects a bad CSV with its line and imports nothing', async () => {
    const m = await open('bad');
    const bad = ['First Name,Last Name,Email', 'Jane,Doe,jane@tailspin.com', ',,', 'John,"Smith,john@x.com'].join('\n');
    await expect(m.importCsv(bad)).rejects.toMatchObject({ name: 'StoreError', code: 'import', line: 4 });
    await expect(m.importCsv('Foo,Bar\n1,2\n')).rejects.toMatchObject({ code: 'import', line: 1 });
    expect(JSON.parse(await m.exportJson()).sightings).toHaveLength(0);
    m.close();
  });
});
