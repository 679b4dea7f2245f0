import { describe, expect, it } from 'vitest';
import { outcomeOf, readAnswer, readRules, type TeamAnswer } from '../../../../src/core/team/answers';
import { parseCollection } from '../../../../src/core/team/dataverse-parse';
import { planTable, type PlanLead } from '../../../../src/core/team/dataverse-plan';
import { teamCustomer, teamKeys } from '../../../../src/core/team/keys';
import { comparable, matchesFor } from '../../../../src/core/team/match';

const ORG = 'contoso.crm4.dynamics.com';
const BASE = '/api/data/v9.2/';
const SELF = '9f2e0c5a-1b2c-4d3e-8f90-0123456789ab';

/** The documented collection shape (team-check.md §6.2, from filter-rows.md). */
function collection(set: string, rows: unknown[]): string {
  return JSON.stringify({ '@odata.context': `https://${ORG}/api/data/v9.2/$metadata#${set}`, value: rows });
}

const ADA_CONTACT = {
  '@odata.etag': 'W/"81359849"',
  contactid: '78914942-34cb-ed11-b596-0022481d68cd',
  fullname: 'Ada Park',
  firstname: 'Ada',
  lastname: 'Park',
  emailaddress1: 'ADA.PARK@contoso.com',
  telephone1: '030 1234567',
  createdon: '2026-11-20T09:12:44Z',
  _ownerid_value: '70bf4d48-34cb-ed11-b596-0022481d68cd',
  '_ownerid_value@OData.Community.Display.V1.FormattedValue': 'Ivan Petrov',
  '_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'systemuser',
  '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue': 'Contoso',
};

function lead(fields: Parameters<typeof teamCustomer>[0], recordId: string | null = SELF, ref = 'L1'): PlanLead {
  const customer = teamCustomer(fields, 'DE');
  return { ref, customer, keys: teamKeys(customer, ORG, recordId), recordId };
}

const ada = lead({ firstName: 'Ada', lastName: 'Park', email: 'ada.park@contoso.com', phone: '+49 30 1234567', company: 'Contoso GmbH' });
const ctx = { leads: new Map([[ada.ref, ada]]), link: () => null, now: '2026-12-02T10:00:00.000Z' };

describe('reading Dataverse answers', () => {
  it('keeps only whitelisted columns, as plain text', () => {
    const parsed = parseCollection(
      collection('contacts', [
        {
          ...ADA_CONTACT,
          fullname: '<img src=x onerror=alert(1)>\u202eAda\u200b Park',
          emailaddress1: 42,
          injected: 'ignored',
          createdon: 'yesterday',
        },
        { ...ADA_CONTACT, contactid: 'not-a-guid' },
        'not a row',
      ]),
      'contact',
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.records).toHaveLength(1);
    const r = parsed.value.records[0]!;
    expect(r.name).toBe('<img src=x onerror=alert(1)>Ada Park');
    expect(r.email).toBeNull();
    expect(r.createdOn).toBeNull();
    expect(r.owner).toBe('Ivan Petrov');
    expect(Object.keys(r).sort()).toEqual([
      'company',
      'createdOn',
      'email',
      'firstName',
      'id',
      'lastName',
      'name',
      'owner',
      'phones',
      'table',
      'website',
    ]);
  });

  it('fails on bodies that are not the documented shape instead of reading them as "nothing found"', () => {
    expect(parseCollection('<html>Sign in</html>', 'lead').ok).toBe(false);
    expect(parseCollection('{"value": "x"}', 'lead').ok).toBe(false);
    expect(parseCollection('[]', 'lead').ok).toBe(false);
    const more = parseCollection(JSON.stringify({ value: [], '@odata.nextLink': 'https://x/api/data/v9.2/leads?$skiptoken=1' }), 'lead');
    expect(more.ok && more.value.more).toBe(true);
  });

  it('maps statuses to outcomes: 401 session, 403 forbidden, 429 paused, others failed', () => {
    const a = (status: number, extra: Partial<TeamAnswer> = {}): TeamAnswer => ({ id: 'x', status, retryAfter: null, text: '', ...extra });
    expect(outcomeOf(a(200))).toBe('ok');
    expect(outcomeOf(a(401))).toBe('session');
    expect(outcomeOf(a(403))).toBe('forbidden');
    expect(outcomeOf(a(429))).toBe('paused');
    expect(outcomeOf(a(500))).toBe('failed');
    expect(outcomeOf(a(0, { error: 'network' }))).toBe('failed');
    expect(outcomeOf(a(0, { error: 'skipped' }))).toBe('paused');
    expect(outcomeOf(undefined)).toBe('paused');
  });

  it('finds the contact by its email and remembers exactly the keys the query asked', () => {
    const [asked] = planTable(BASE, 'contact', [ada], 'record', null);
    const result = readAnswer(
      asked!,
      { id: asked!.request.id, status: 200, retryAfter: null, text: collection('contacts', [ADA_CONTACT]) },
      ctx,
    );
    expect(result.kind).toBe('checked');
    if (result.kind !== 'checked') return;
    const [m] = result.matches.get('L1')!;
    expect(m!.status).toBe('duplicate');
    expect(m!.kinds).toEqual(['email', 'phone', 'person']);
    expect(m!.record.owner).toBe('Ivan Petrov');
    const rows = result.rows.map((r) => `${r.customerKey.replace(`${ORG}|`, '')} ${r.table} ${r.recordId || '-'}`);
    expect(rows.sort()).toEqual([
      'email:ada.park@contoso.com contact 78914942-34cb-ed11-b596-0022481d68cd',
      'person:ada park@contoso contact 78914942-34cb-ed11-b596-0022481d68cd',
      'phone:+49301234567 contact 78914942-34cb-ed11-b596-0022481d68cd',
    ]);
  });

  it('remembers "nothing there" for asked keys, never for phones', () => {
    const [asked] = planTable(BASE, 'lead', [ada], 'record', null);
    const result = readAnswer(asked!, { id: 'x', status: 200, retryAfter: null, text: collection('leads', []) }, ctx);
    if (result.kind !== 'checked') throw new Error(result.kind);
    expect(result.matches.get('L1')).toEqual([]);
    expect(result.rows.map((r) => [r.customerKey.split('|')[1]!.split(':')[0], r.recordId])).toEqual([
      ['email', ''],
      ['person', ''],
    ]);
  });

  it('never reports the open lead as its own duplicate', () => {
    const [asked] = planTable(BASE, 'lead', [ada], 'record', null);
    const self = { leadid: SELF, fullname: 'Ada Park', emailaddress1: 'ada.park@contoso.com' };
    const result = readAnswer(asked!, { id: 'x', status: 200, retryAfter: null, text: collection('leads', [self]) }, ctx);
    expect(result.kind === 'checked' && result.matches.get('L1')).toEqual([]);
  });

  it('falls back to the query when RetrieveDuplicates fails, and reports other failures as problems', () => {
    const [rule] = planTable(BASE, 'contact', [ada], 'record', ['contact']);
    expect(rule!.request.via).toBe('rule');
    const error = JSON.stringify({ error: { code: '0x80048403', message: 'Duplicate detection is not enabled' } });
    expect(readAnswer(rule!, { id: 'x', status: 400, retryAfter: null, text: error }, ctx).kind).toBe('fallback');
    expect(readAnswer(rule!, { id: 'x', status: 200, retryAfter: null, text: 'garbage' }, ctx).kind).toBe('fallback');
    const forbidden = readAnswer(rule!, { id: 'x', status: 403, retryAfter: null, text: error }, ctx);
    expect(forbidden).toMatchObject({ kind: 'problem', outcome: 'forbidden', refs: ['L1'] });
    const [query] = planTable(BASE, 'contact', [ada], 'record', null);
    expect(readAnswer(query!, { id: 'x', status: 200, retryAfter: null, text: '{not json' }, ctx)).toMatchObject({ outcome: 'failed' });
    expect(readAnswer(query!, { id: 'x', status: 429, retryAfter: '2', text: '' }, ctx)).toMatchObject({
      outcome: 'paused',
      retryAfter: '2',
    });
  });

  it('counts every record the org rules return as a duplicate', () => {
    const [rule] = planTable(BASE, 'account', [ada], 'record', ['account']);
    const account = { accountid: '11111111-2222-4333-8444-555555555555', name: 'Fabrikam' };
    const result = readAnswer(rule!, { id: 'x', status: 200, retryAfter: null, text: collection('accounts', [account]) }, ctx);
    if (result.kind !== 'checked') throw new Error(result.kind);
    expect(result.matches.get('L1')![0]).toMatchObject({ status: 'duplicate', kinds: ['rule'] });
    expect(result.rows).toEqual([
      { customerKey: `${ORG}|rule:${SELF}`, table: 'account', recordId: account.accountid, checkedAt: ctx.now },
    ]);
  });

  it('reads the published rules, and treats an unreadable answer as "no rules known"', () => {
    const rules = JSON.stringify({
      value: [
        { baseentityname: 'lead', matchingentityname: 'lead' },
        { baseentityname: 'lead', matchingentityname: 'contact' },
        { baseentityname: 'account', matchingentityname: 'account' },
        { baseentityname: 'lead', matchingentityname: 'opportunity' },
      ],
    });
    expect(readRules({ id: 'rules', status: 200, retryAfter: null, text: rules })).toEqual(['lead', 'contact']);
    expect(readRules({ id: 'rules', status: 403, retryAfter: null, text: '' })).toBeNull();
    expect(readRules({ id: 'rules', status: 401, retryAfter: null, text: '' })).toBe('session');
  });
});

describe('matching returned records locally', () => {
  const record = (over: object) => comparable(parseCollectionOne(over));
  function parseCollectionOne(over: object) {
    const parsed = parseCollection(JSON.stringify({ value: [{ ...ADA_CONTACT, ...over }] }), 'contact');
    if (!parsed.ok || !parsed.value.records[0]) throw new Error('no record');
    return parsed.value.records[0];
  }

  it('compares phones with the normaliser: a differently written number is the same', () => {
    const ru = teamCustomer({ firstName: 'Алексей', lastName: 'Смирнов', phone: '+7 495 123-45-67', company: 'ООО «Фабрикам»' }, 'RU');
    const r = record({ emailaddress1: null, firstname: 'Алексей', lastname: 'Смирнов', telephone1: '8 (495) 123 45 67' });
    expect(matchesFor(ru, [r])[0]?.kinds).toEqual(['phone']);
  });

  it('flags a namesake only at the same company', () => {
    const c = teamCustomer({ firstName: 'Ada', lastName: 'Park', company: 'Contoso GmbH' });
    const other = { emailaddress1: null, telephone1: null };
    expect(matchesFor(c, [record(other)])[0]).toMatchObject({ status: 'possible', kinds: ['person'] });
    expect(matchesFor(c, [record({ ...other, '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue': 'Fabrikam' })])).toEqual(
      [],
    );
  });

  it('knows an account by its name without legal forms, or by its website', () => {
    const c = teamCustomer({ email: 'ada@contoso.com', company: 'CONTOSO, Inc.' });
    const parsed = parseCollection(
      JSON.stringify({
        value: [
          { accountid: '11111111-2222-4333-8444-555555555551', name: 'Contoso GmbH' },
          { accountid: '11111111-2222-4333-8444-555555555552', name: 'Northwind', websiteurl: 'https://www.contoso.com/about' },
          { accountid: '11111111-2222-4333-8444-555555555553', name: 'Contoso Foods' },
        ],
      }),
      'account',
    );
    if (!parsed.ok) throw new Error('parse');
    const found = matchesFor(c, parsed.value.records.map(comparable));
    expect(found.map((m) => [m.record.name, m.kinds])).toEqual([
      ['Contoso GmbH', ['company']],
      ['Northwind', ['domain']],
    ]);
  });
});
