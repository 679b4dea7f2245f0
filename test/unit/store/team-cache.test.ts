import { describe, expect, it } from 'vitest';
import { normalizeCustomer } from '../../../src/core/normalize';
import { openMemory } from '../../../src/store/memory';
import { buildSighting, customerFromSighting, recordKeyOf } from '../../../src/store/records';
import { DB_VERSION, openDatabase } from '../../../src/store/schema';
import type { TeamCheckRow } from '../../../src/store/team-cache';
import type { MatchInfo } from '../../../src/store/types';
import { anna, ivan, sighting } from './helpers';

const KEY = 'contoso.crm4.dynamics.com|email:ada.park@contoso.com';
const row = (over: Partial<TeamCheckRow> = {}): TeamCheckRow => ({
  customerKey: KEY,
  table: 'contact',
  recordId: '78914942-34cb-ed11-b596-0022481d68cd',
  checkedAt: '2026-12-02T10:00:00.000Z',
  ...over,
});

describe('the team check session cache', () => {
  it('is added by the version-3 upgrade of a populated version-2 memory, which keeps every record', async () => {
    await populateV2('team-upgrade');
    const raw2 = await rawVersion('team-upgrade');
    expect(raw2.version).toBe(2);
    expect([...raw2.objectStoreNames]).not.toContain('teamChecks');
    raw2.close();

    const m = await openMemory({ name: 'team-upgrade' });
    expect(await m.stats()).toEqual({ customers: 2, leads: 2 });
    expect((await m.getSettings()).retentionDays).toBe(90);
    expect((await m.getSettings()).teamCheck).toEqual({ dynamics: false, salesforce: false });
    await m.recordTeamChecks([row()]);
    expect(await m.teamChecks([KEY])).toEqual([row()]);
    m.close();
    const raw3 = await rawVersion('team-upgrade');
    expect(raw3.version).toBe(DB_VERSION);
    expect([...raw3.transaction('teamChecks').objectStore('teamChecks').indexNames].sort()).toEqual(['checkedAt', 'customerKey']);
    raw3.close();
  });

  it('stores only customer key, table, record id and checked-at', async () => {
    const m = await openMemory({ name: 'team-fields' });
    await m.recordTeamChecks([{ ...row(), name: 'Ada Park', owner: 'Ivan Petrov' } as TeamCheckRow]);
    const [got] = await m.teamChecks([KEY]);
    expect(Object.keys(got!).sort()).toEqual(['checkedAt', 'customerKey', 'recordId', 'table']);
    m.close();
  });

  it('replaces what it knew of a key and table as a whole, and keeps other tables', async () => {
    const m = await openMemory({ name: 'team-replace' });
    await m.recordTeamChecks([row(), row({ recordId: 'second' }), row({ table: 'lead', recordId: '' })]);
    expect(await m.teamChecks([KEY])).toHaveLength(3);
    // Asked again: the contact table now has nothing for this key.
    await m.recordTeamChecks([row({ recordId: '', checkedAt: '2026-12-02T11:00:00.000Z' })]);
    const rows = await m.teamChecks([KEY]);
    expect(rows.map((r) => [r.table, r.recordId]).sort()).toEqual([
      ['contact', ''],
      ['lead', ''],
    ]);
    m.close();
  });

  it('skips damaged rows and is emptied by forgetting, or by age', async () => {
    const m = await openMemory({ name: 'team-forget' });
    await m.recordTeamChecks([row(), { customerKey: KEY, table: 'opportunity', recordId: 'x', checkedAt: 'y' } as unknown as TeamCheckRow]);
    expect(await m.teamChecks([KEY])).toHaveLength(1);
    await m.recordTeamChecks([row({ customerKey: 'old', checkedAt: '2026-12-01T00:00:00.000Z' })]);
    expect(await m.clearTeamChecks(new Date('2026-12-02T00:00:00.000Z'))).toBe(1);
    expect(await m.teamChecks(['old'])).toEqual([]);
    expect(await m.teamChecks([KEY])).toHaveLength(1);
    await m.ingest([sighting(ivan)]);
    await m.forgetAll();
    expect(await m.teamChecks([KEY])).toEqual([]);
    m.close();
  });
});

describe('the team check settings', () => {
  it('are off by default, stored as booleans, and never turned on by an imported file', async () => {
    const m = await openMemory({ name: 'team-settings' });
    expect((await m.getSettings()).teamCheck).toEqual({ dynamics: false, salesforce: false });
    const saved = await m.setSettings({ teamCheck: { dynamics: 'yes' as unknown as boolean, salesforce: false } });
    expect(saved.teamCheck).toEqual({ dynamics: false, salesforce: false });
    expect((await m.setSettings({ teamCheck: { dynamics: true, salesforce: false } })).teamCheck.dynamics).toBe(true);
    // An export made with the check on does not switch it on where it is imported.
    const exported = JSON.parse(await m.exportJson());
    expect(exported.settings.teamCheck).toEqual({ dynamics: true, salesforce: false });
    await m.setSettings({ teamCheck: { dynamics: false, salesforce: false } });
    await m.importJson(
      JSON.stringify({ ...exported, settings: { ...exported.settings, teamCheck: { dynamics: true, salesforce: true } } }),
    );
    expect((await m.getSettings()).teamCheck).toEqual({ dynamics: false, salesforce: false });
    m.close();
  });
});

/** A version-2 memory as the previous code left it: the real upgrade steps up to 2, then records written raw. */
async function populateV2(name: string): Promise<void> {
  const db = await openDatabase(name, 2);
  const tx = db.transaction(['customers', 'sightings', 'settings'], 'readwrite');
  [ivan, anna].forEach((fields, i) => {
    const input = sighting(fields);
    const n = normalizeCustomer(input.lead.customer);
    const s = buildSighting(input, n, { id: `s-${i}`, customerId: `c-${i}`, recordKey: recordKeyOf(input, n) }, NEW);
    void tx.objectStore('sightings').put(s);
    void tx.objectStore('customers').put(customerFromSighting(s));
  });
  void tx.objectStore('settings').put({ retentionDays: 90, defaultCountry: null, lang: 'auto' } as never, 'settings');
  await tx.done;
  db.close();
}

const NEW: MatchInfo = { status: 'new', fields: [], score: 0, matchedSightingId: null, candidateCustomerId: null, decision: null };

function rawVersion(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
