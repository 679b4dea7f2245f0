// Every bound of the message validator, one at a time: a value just inside passes, just outside is refused.
import { describe, expect, it } from 'vitest';
import { BOUNDS, CUSTOMER_FIELD_MAX, safeRecordUrl } from '../../../src/core/bounds';
import { MAX_IMPORT_TEXT, pageLeadProblem, parseMessage } from '../../../src/messaging/validate';
import { settingsChangeProblem, storedSettings } from '../../../src/store/settings';
import { DEFAULT_SETTINGS } from '../../../src/store/types';

const NOW = new Date('2025-06-01T12:00:00Z');
const x = (n: number) => 'x'.repeat(n);

function lead(patch: Record<string, unknown> = {}, leadPatch: Record<string, unknown> = {}) {
  return {
    key: 'dynamics:r1:subject:0',
    crm: 'dynamics',
    view: 'record',
    recordId: 'r1',
    recordUrl: 'https://org.crm4.dynamics.com/main.aspx?id=r1',
    lead: { leadSource: { input: 'AppSource-PLT|a.b', ok: true }, customer: { email: 'a@b.com' }, ...leadPatch },
    ...patch,
  };
}

const page = (leads: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'page-leads',
  url: 'https://org.crm4.dynamics.com/x',
  leads,
  ...extra,
});
const ok = (m: unknown) => expect(parseMessage(m, NOW)).not.toBeNull();
const refused = (m: unknown) => expect(parseMessage(m, NOW)).toBeNull();

describe('page-leads: each field has a type, a bound and an allowed set', () => {
  it('takes a plain report and copies only the fields LeadLens reads', () => {
    const parsed = parseMessage(page([lead({ extra: 1 }, { leadSource: { input: 'AppSource-PLT|a.b', stage: 'active', junk: 1 } })]), NOW);
    expect(parsed).toMatchObject({
      type: 'page-leads',
      leads: [{ key: 'dynamics:r1:subject:0', lead: { leadSource: { input: 'AppSource-PLT|a.b' } } }],
    });
    const only = (parsed as unknown as { leads: Array<Record<string, unknown> & { lead: { leadSource: object } }> }).leads[0]!;
    expect(only).not.toHaveProperty('extra');
    expect(only.lead.leadSource).toEqual({ input: 'AppSource-PLT|a.b' });
  });

  it.each([
    ['crm outside the enum', lead({ crm: 'evil' })],
    ['crm "import" (only the memory makes those)', lead({ crm: 'import' })],
    ['view outside the enum', lead({ view: 'grid' })],
    ['empty key', lead({ key: '' })],
    ['key too long', lead({ key: x(BOUNDS.leadKey + 1) })],
    ['recordId too long', lead({ recordId: x(BOUNDS.recordId + 1) })],
    ['recordId not text', lead({ recordId: 5 })],
    ['recordUrl too long', lead({ recordUrl: `https://a.crm.dynamics.com/${x(BOUNDS.url)}` })],
    ['lead missing', lead({ lead: null })],
    ['leadSource without input', lead({}, { leadSource: { ok: true } })],
    ['leadSource input too long', lead({}, { leadSource: { input: x(BOUNDS.leadSourceInput + 1) } })],
    ['unknown customer field', lead({}, { customer: { email: 'a@b.com', password: 'x' } })],
    ['customer field not text', lead({}, { customer: { email: 7 } })],
    ['email too long', lead({}, { customer: { email: x(CUSTOMER_FIELD_MAX.email + 1) } })],
    ['phone too long', lead({}, { customer: { phone: x(CUSTOMER_FIELD_MAX.phone + 1) } })],
    ['company too long', lead({}, { customer: { company: x(CUSTOMER_FIELD_MAX.company + 1) } })],
    ['offerTitle too long', lead({}, { offerTitle: x(BOUNDS.offerTitle + 1) })],
    ['description too long', lead({}, { description: x(BOUNDS.description + 1) })],
    ['createdAt not a date', lead({}, { createdAt: 'yesterday' })],
    ['createdAt before 1990', lead({}, { createdAt: '1989-12-31T23:59:59Z' })],
    ['createdAt far in the future', lead({}, { createdAt: '2025-06-04T12:00:00Z' })],
    ['createdAt too long', lead({}, { createdAt: `2025-01-01T00:00:00Z${' '.repeat(BOUNDS.date)}` })],
  ])('refuses %s', (_why, bad) => {
    expect(pageLeadProblem(bad, NOW)).not.toBeNull();
    refused(page([bad]));
  });

  it.each([
    [
      'every field at its bound',
      lead(
        { key: x(BOUNDS.leadKey), recordId: x(BOUNDS.recordId) },
        {
          leadSource: { input: x(BOUNDS.leadSourceInput) },
          customer: Object.fromEntries(Object.entries(CUSTOMER_FIELD_MAX).map(([k, max]) => [k, x(max)])),
          offerTitle: x(BOUNDS.offerTitle),
          description: x(BOUNDS.description),
          createdAt: '2025-06-03T11:00:00Z',
        },
      ),
    ],
    ['a lead without LeadSource, record or date', lead({ recordId: null, recordUrl: null }, { leadSource: null })],
    ['createdAt on 1 January 1990', lead({}, { createdAt: '1990-01-01T00:00:00Z' })],
  ])('takes %s', (_why, good) => {
    expect(pageLeadProblem(good, NOW)).toBeNull();
    ok(page([good]));
  });

  it('caps the leads per page, refuses duplicate keys and bounds skippedRows', () => {
    const many = Array.from({ length: BOUNDS.leadsPerPage }, (_, i) => lead({ key: `k${i}` }));
    ok(page(many));
    refused(page([...many, lead({ key: 'one-more' })]));
    refused(page([lead(), lead()]));
    ok(page([lead()], { skippedRows: BOUNDS.rowsSkipped }));
    refused(page([lead()], { skippedRows: BOUNDS.rowsSkipped + 1 }));
    refused(page([lead()], { skippedRows: -1 }));
    refused(page([lead()], { skippedRows: 1.5 }));
    refused(page([lead()], { url: x(BOUNDS.url + 1) }));
  });
});

describe('the other messages', () => {
  it('bounds ids, keys, enums and the import text', () => {
    ok({ type: 'get-customer', customerId: x(BOUNDS.id) });
    refused({ type: 'get-customer', customerId: x(BOUNDS.id + 1) });
    refused({ type: 'get-customer', customerId: '' });
    refused({ type: 'decide-match', sightingId: 's1', decision: 'maybe' });
    ok({ type: 'focus-lead', key: x(BOUNDS.leadKey) });
    refused({ type: 'focus-lead', key: x(BOUNDS.leadKey + 1) });
    refused({ type: 'export', format: 'xml' });
    ok({ type: 'import', format: 'json', text: 'x', withSettings: true });
    refused({ type: 'import', format: 'json', text: 'x', withSettings: 'yes' });
    refused({ type: 'import', format: 'json', text: x(MAX_IMPORT_TEXT + 1) });
    refused({ type: 'set-settings', settings: { retentionDays: 0.00001 } });
    ok({ type: 'set-settings', settings: { retentionDays: 30 } });
  });

  it("bounds the rep's desk: search, checklist ticks, offer names", () => {
    ok({ type: 'search', query: x(BOUNDS.searchQuery) });
    ok({ type: 'search', query: '' });
    refused({ type: 'search', query: x(BOUNDS.searchQuery + 1) });
    refused({ type: 'search', query: 5 });
    ok({ type: 'get-ticks', sightingId: x(BOUNDS.id) });
    refused({ type: 'get-ticks', sightingId: '' });
    refused({ type: 'get-ticks', sightingId: x(BOUNDS.id + 1) });
    ok({ type: 'set-tick', sightingId: 's1', step: x(BOUNDS.stepId), done: true });
    refused({ type: 'set-tick', sightingId: 's1', step: x(BOUNDS.stepId + 1), done: true });
    refused({ type: 'set-tick', sightingId: 's1', step: '', done: true });
    refused({ type: 'set-tick', sightingId: 's1', step: 'reply', done: 'yes' });
    ok({ type: 'get-offers' });
    ok({ type: 'set-offer', key: x(BOUNDS.offerKey), name: x(BOUNDS.offerName) });
    ok({ type: 'set-offer', key: 'a.b', name: '' }); // an empty name removes the entry
    refused({ type: 'set-offer', key: x(BOUNDS.offerKey + 1), name: 'n' });
    refused({ type: 'set-offer', key: '  ', name: 'n' });
    refused({ type: 'set-offer', key: 'a.b', name: x(BOUNDS.offerName + 1) });
    refused({ type: 'set-offer', key: 'a.b', name: null });
  });
});

describe('settings ranges (options page, import, set-settings)', () => {
  it.each([
    [{ retentionDays: 0.00001 }, /whole number/],
    [{ retentionDays: 0 }, /whole number/],
    [{ retentionDays: 3651 }, /1 to 3650/],
    [{ retentionDays: 1e9 }, /1 to 3650/],
    [{ retentionDays: Number.NaN }, /whole number/],
    [{ retentionDays: '30' }, /whole number/],
    [{ defaultCountry: 'USA' }, /two-letter/],
    [{ defaultCountry: 'us' }, /two-letter/],
    [{ lang: 'de' }, /auto, en or ru/],
    [{ teamCheck: true }, /teamCheck/],
    [{ teamCheck: { hubspot: true } }, /teamCheck/],
    [{ followUpHours: 0 }, /1 to 720/],
    [{ followUpHours: 721 }, /1 to 720/],
    [{ followUpHours: 1.5 }, /1 to 720/],
    [{ followUpHours: '24' }, /1 to 720/],
    [{ colour: 'red' }, /not a LeadLens setting/],
  ])('refuses %j', (bad, why) => expect(settingsChangeProblem(bad)).toMatch(why));

  it('takes the bounds themselves', () => {
    for (const good of [
      { retentionDays: 1 },
      { retentionDays: 3650 },
      { followUpHours: 1 },
      { followUpHours: 720 },
      { defaultCountry: 'RU' },
      { defaultCountry: null },
      { lang: 'ru' },
      {},
    ])
      expect(settingsChangeProblem(good)).toBeNull();
  });

  it('reads a stored value that is out of range as its default', () => {
    expect(
      storedSettings({ retentionDays: 0.00001, lang: 'ru', defaultCountry: 'nowhere', followUpHours: 9999 }, DEFAULT_SETTINGS),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      lang: 'ru',
    });
  });
});

describe('record links', () => {
  it('keeps https on the reporting host only', () => {
    const host = 'org.crm4.dynamics.com';
    expect(safeRecordUrl('https://org.crm4.dynamics.com/main.aspx?id=1', host)).toBe('https://org.crm4.dynamics.com/main.aspx?id=1');
    expect(safeRecordUrl('https://ORG.crm4.dynamics.com/x', host)).toBe('https://org.crm4.dynamics.com/x');
    for (const bad of [
      'javascript:alert(1)',
      'http://org.crm4.dynamics.com/x',
      'https://evil.example/x',
      'https://org.crm4.dynamics.com.evil.example/x',
      'https://user:pw@org.crm4.dynamics.com/x',
      'data:text/html,hi',
      '/relative',
      `https://org.crm4.dynamics.com/${x(BOUNDS.url)}`,
      42,
    ])
      expect(safeRecordUrl(bad, host)).toBeNull();
    // Without a host (at render, on import) only the scheme and the credentials are checked.
    expect(safeRecordUrl('https://evil.example/x')).toBe('https://evil.example/x');
    expect(safeRecordUrl('javascript:alert(1)')).toBeNull();
  });
});
