import { describe, expect, it } from 'vitest';
import { teamCustomer } from '../../../../src/core/team/keys';
import {
  apiHost,
  apiUsage,
  composite,
  parsePredupe,
  parseQuery,
  predupe,
  salesforceErrors,
  soqlGridQuery,
  soqlLike,
  soqlLiteral,
  soqlRecordQuery,
  splitComposite,
} from '../../../../src/core/team/salesforce';

const q = (path: string) => decodeURIComponent(path.slice(path.indexOf('?q=') + 3));

describe('Salesforce requests', () => {
  it('escapes SOQL literals and LIKE patterns', () => {
    expect(soqlLiteral("O'Brien \\ Co")).toBe("'O\\'Brien \\\\ Co'");
    expect(soqlLike('100%_off', { after: true })).toBe("'100\\%\\_off%'");
    expect(soqlLike('contoso.com', { before: true, after: true })).toBe("'%contoso.com%'");
  });

  it('asks one table of a record page, leaving the open lead out', () => {
    const c = teamCustomer({ firstName: 'Ada', lastName: "O'Park", email: 'ada@contoso.com', company: 'Contoso GmbH' });
    const r = soqlRecordQuery(c, 'lead', '00Q5g00000AbCdEEAV')!;
    expect(r.path.startsWith('/services/data/v62.0/query?q=SELECT%20Id%2C%20Name')).toBe(true);
    expect(q(r.path)).toBe(
      'SELECT Id, Name, FirstName, LastName, Email, Phone, MobilePhone, Company, Owner.Name, CreatedDate FROM Lead WHERE ' +
        "((Email = 'ada@contoso.com') OR (FirstName = 'Ada' AND LastName = 'O\\'Park') OR (Company LIKE 'Contoso%')) AND Id != '00Q5g00000AbCdEEAV' LIMIT 25",
    );
  });

  it('asks a list view with IN, one query per table', () => {
    const rows = [teamCustomer({ email: 'a@x.example', company: 'Xylo Ltd' }), teamCustomer({ fullName: 'Bo Li', company: 'Yew' })];
    expect(q(soqlGridQuery(rows, 'contact')!.path)).toContain("WHERE (Email IN ('a@x.example')) OR (Name IN ('Bo Li')) LIMIT 500");
    expect(q(soqlGridQuery(rows, 'account')!.path)).toContain("FROM Account WHERE Name IN ('Xylo Ltd', 'Xylo', 'Yew') LIMIT 500");
  });

  it('groups queries into one composite call and splits the answer back', () => {
    const c = teamCustomer({ email: 'ada@contoso.com' });
    const lead = soqlRecordQuery(c, 'lead', null)!;
    const contact = soqlRecordQuery(c, 'contact', null)!;
    const call = composite([lead, contact]);
    expect(call).toMatchObject({ method: 'POST', path: '/services/data/v62.0/composite' });
    expect(JSON.parse(call.body!).compositeRequest).toEqual([
      { method: 'GET', url: lead.path, referenceId: 'q0' },
      { method: 'GET', url: contact.path, referenceId: 'q1' },
    ]);
    const answer = JSON.stringify({
      compositeResponse: [
        { body: { totalSize: 0, done: true, records: [] }, httpHeaders: {}, httpStatusCode: 200, referenceId: 'q0' },
        {
          body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
          httpHeaders: {},
          httpStatusCode: 401,
          referenceId: 'q1',
        },
        { body: {}, httpStatusCode: 200, referenceId: 'q9' },
      ],
    });
    const parts = splitComposite(answer, call.refs);
    expect([...parts.keys()]).toEqual([lead.id, contact.id]);
    expect(parts.get(contact.id)!.status).toBe(401);
    expect(salesforceErrors(parts.get(contact.id)!.text)).toEqual(['INVALID_SESSION_ID']);
  });

  it('reads query records (the documented shape) with their owner, as plain text', () => {
    const body = {
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'Contact', url: '/services/data/v62.0/sobjects/Contact/0035g00000QrStUAAV' },
          Id: '0035g00000QrStUAAV',
          Name: 'Ada\u202e Park',
          Email: 'ada.park@contoso.com',
          Phone: '+49 30 1234567',
          Account: { attributes: { type: 'Account' }, Name: 'Contoso GmbH' },
          Owner: { attributes: { type: 'User' }, Name: 'Ivan Petrov' },
          CreatedDate: '2026-11-20T09:12:44.000+0000',
        },
        { attributes: { type: 'Lead' }, Id: '00Q5g00000AbCdEEAV', Name: 'wrong table' },
        { attributes: { type: 'Contact' }, Id: '<script>', Name: 'bad id' },
      ],
    };
    const parsed = parseQuery(JSON.stringify(body), 'contact');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.value.records).toEqual([
      {
        table: 'contact',
        id: '0035g00000QrStUAAV',
        name: 'Ada Park',
        firstName: null,
        lastName: null,
        email: 'ada.park@contoso.com',
        phones: ['+49 30 1234567'],
        company: 'Contoso GmbH',
        website: null,
        owner: 'Ivan Petrov',
        createdOn: '2026-11-20T09:12:44.000Z',
      },
    ]);
    expect(parseQuery('[{"message":"x","errorCode":"MALFORMED_QUERY"}]', 'lead').ok).toBe(false);
  });

  it('asks predupe with the lead values and reads its matches per object', () => {
    const r = predupe(teamCustomer({ firstName: 'Ada', lastName: 'Park', email: 'ada@contoso.com', company: 'Contoso' }));
    expect(r).toMatchObject({ method: 'POST', path: '/services/data/v62.0/ui-api/predupe' });
    expect(JSON.parse(r.body!)).toEqual({
      apiName: 'Lead',
      fields: { Email: 'ada@contoso.com', FirstName: 'Ada', LastName: 'Park', Company: 'Contoso' },
    });
    const answer = {
      allowSave: true,
      duplicateError: true,
      duplicateRules: ['Standard_Rule_for_Leads_with_Duplicate_Contacts'],
      matches: [
        {
          objectApiName: 'Contact',
          recordIds: ['0035g00000QrStUAAV', 'bad id'],
          duplicateResultInfos: {
            Standard_Rule_for_Leads_with_Duplicate_Contacts: { allowSave: true, rule: 'x', matchResultInfo: { recordIds: [] } },
          },
        },
        { objectApiName: 'Opportunity', recordIds: ['0065g00000QrStUAAV'] },
      ],
    };
    const parsed = parsePredupe(JSON.stringify(answer));
    expect(parsed.ok && [...parsed.value]).toEqual([['contact', ['0035g00000QrStUAAV']]]);
  });

  it('reads the org API usage and finds the API host of a Lightning page', () => {
    expect(apiUsage('api-usage=18/150000')).toBeCloseTo(0.00012);
    expect(apiUsage(null)).toBeNull();
    expect(apiHost('acme.lightning.force.com')).toBe('acme.my.salesforce.com');
    expect(apiHost('acme--uat.sandbox.lightning.force.com')).toBe('acme--uat.sandbox.my.salesforce.com');
    expect(apiHost('acme.my.salesforce.com')).toBe('acme.my.salesforce.com');
    expect(apiHost('acme.lightning.force.com.mcas.ms')).toBeNull();
    expect(apiHost('evil.example')).toBeNull();
  });
});
