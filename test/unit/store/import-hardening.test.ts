// A memory file is untrusted: its settings apply only when the rep asks, every record keeps the same bounds as a
// page's report, and the keys matching reads are computed from the record's own fields, never taken from it.
import { describe, expect, it } from 'vitest';
import { openMemory } from '../../../src/store/memory';
import { ivan, sighting } from './helpers';

const NOW = new Date('2025-03-10T00:00:00Z');
const open = (name: string) => openMemory({ name, now: () => NOW });

async function exportOf(name: string) {
  const m = await open(name);
  await m.setSettings({ retentionDays: 120, defaultCountry: 'US' });
  await m.ingest([sighting(ivan, { seenAt: '2025-03-01T00:00:00Z' })]);
  const text = await m.exportJson();
  m.close();
  return text;
}

describe('settings in an imported file', () => {
  it('are left alone unless the rep ticks "also import settings"', async () => {
    const text = await exportOf('settings-src');
    const m = await open('settings-dst');
    await m.importJson(text);
    expect(await m.getSettings()).toMatchObject({ retentionDays: 365, defaultCountry: null });
    await m.importJson(text, { withSettings: true });
    expect(await m.getSettings()).toMatchObject({ retentionDays: 120, defaultCountry: 'US' });
    m.close();
  });

  it.each([0.00001, 1e9, -1])('a retention of %s is refused with its reason and nothing is imported', async (days) => {
    const doc = JSON.parse(await exportOf(`retention-${days}`));
    doc.settings.retentionDays = days;
    const m = await open(`retention-dst-${days}`);
    await expect(m.importJson(JSON.stringify(doc), { withSettings: true })).rejects.toMatchObject({
      code: 'import',
      message: expect.stringContaining('retentionDays'),
    });
    expect(await m.stats()).toEqual({ customers: 0, leads: 0 });
    expect((await m.getSettings()).retentionDays).toBe(365);
    // Without the tick the same file's leads come in and its settings are ignored.
    expect(await m.importJson(JSON.stringify(doc))).toEqual({ imported: 1, skipped: 0 });
    expect(await m.purge(NOW)).toBe(0);
    m.close();
  });

  it('set-settings keeps to the same ranges', async () => {
    const m = await open('set-range');
    for (const bad of [{ retentionDays: 0.00001 }, { retentionDays: 1e9 }, { defaultCountry: 'Narnia' }, { lang: 'de' }])
      await expect(m.setSettings(bad as never)).rejects.toMatchObject({ code: 'invalid' });
    expect((await m.getSettings()).retentionDays).toBe(365);
    m.close();
  });
});

describe('records in an imported file', () => {
  it('get their matching keys from their own fields, not from the file', async () => {
    const doc = JSON.parse(await exportOf('keys-src'));
    // The file claims the lead is someone else: normalized email and name of a customer it never saw.
    const s = doc.sightings[0];
    s.normalized = { ...s.normalized, email: 'victim@contoso.com', firstName: 'victim', lastName: 'person' };
    s.recordKey = 'dynamics:someone-elses-record';
    s.leadSource = { ...s.leadSource, stage: 'active', action: 'Create' };
    const m = await open('keys-dst');
    await m.importJson(JSON.stringify(doc));
    const back = JSON.parse(await m.exportJson()).sightings[0];
    expect(back.normalized.email).toBe('ivan.petrov@contoso.ru');
    expect(back.recordKey).not.toBe('dynamics:someone-elses-record');
    expect(back.leadSource).toMatchObject({ stage: 'interest', action: 'PLT' });
    const [victim] = await m.ingest([sighting({ firstName: 'Victim', lastName: 'Person', email: 'victim@contoso.com' })]);
    expect(victim!.match.status).toBe('new');
    m.close();
  });

  it('keep a record link only when it is https', async () => {
    const doc = JSON.parse(await exportOf('link-src'));
    doc.sightings[0].recordUrl = 'javascript:alert(1)';
    const m = await open('link-dst');
    await m.importJson(JSON.stringify(doc));
    expect(JSON.parse(await m.exportJson()).sightings[0].recordUrl).toBeNull();
    m.close();
  });

  it.each([
    ['an unknown CRM', (s: Record<string, unknown>) => Object.assign(s, { crm: 'evil' })],
    ['an unknown customer field', (s: Record<string, unknown>) => Object.assign(s, { customer: { email: 'a@b.c', html: '<b>' } })],
    ['an overlong email', (s: Record<string, unknown>) => Object.assign(s, { customer: { email: `${'x'.repeat(400)}@b.c` } })],
    ['a date in 2999', (s: Record<string, unknown>) => Object.assign(s, { lastSeen: '2999-01-01T00:00:00Z' })],
    ['a createdAt that is no date', (s: Record<string, unknown>) => Object.assign(s, { createdAt: 'soon' })],
    ['an overlong description', (s: Record<string, unknown>) => Object.assign(s, { description: 'x'.repeat(32_001) })],
  ])('refuse %s with the reason, importing nothing', async (_why, spoil) => {
    const doc = JSON.parse(await exportOf(`bad-src-${_why}`));
    spoil(doc.sightings[0]);
    const m = await open(`bad-dst-${_why}`);
    await expect(m.importJson(JSON.stringify(doc))).rejects.toMatchObject({ code: 'import', message: expect.stringContaining('sighting') });
    expect(await m.stats()).toEqual({ customers: 0, leads: 0 });
    m.close();
  });
});
