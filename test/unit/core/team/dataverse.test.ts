import { describe, expect, it } from 'vitest';
import {
  apiBase,
  byIds,
  duplicateRules,
  gridQuery,
  inList,
  likeLiteral,
  literal,
  recordQuery,
  retrieveDuplicates,
} from '../../../../src/core/team/dataverse';
import { teamCustomer } from '../../../../src/core/team/keys';

/** The $filter of a request path, as Dataverse reads it after URL decoding. */
function filterOf(path: string): string {
  const raw = /[?&]\$filter=([^&]*)/.exec(path)?.[1];
  if (raw === undefined) throw new Error(`no $filter in ${path}`);
  return decodeURIComponent(raw);
}

const ada = teamCustomer({
  firstName: 'Ada',
  lastName: 'Park',
  email: 'Ada.Park@Contoso.com',
  phone: '+49 30 1234567',
  company: 'Contoso GmbH',
});

describe('Dataverse query builders', () => {
  it('quotes a single value with doubled single quotes (filter-rows.md "Manage single quotes")', () => {
    expect(literal("O'Bryan")).toBe("'O''Bryan'");
    expect(literal("''")).toBe("''''''");
  });

  it('matches wildcard characters literally in startswith/contains', () => {
    expect(likeLiteral('100% [Solutions]_Ltd')).toBe("'100[%] [[]Solutions][_]Ltd'");
  });

  it('writes In(...) with JSON strings, so values with apostrophes stay valid', () => {
    expect(inList('lastname', ['OBrian', "O'Brian", 'say "hi"'])).toBe(
      `Microsoft.Dynamics.CRM.In(PropertyName='lastname',PropertyValues=["OBrian","O'Brian","say \\"hi\\""])`,
    );
  });

  it('finds the API below the app folder, online and on premises', () => {
    expect(apiBase(new URL('https://contoso.crm4.dynamics.com/main.aspx?appid=1'))).toBe('/api/data/v9.2/');
    expect(apiBase(new URL('https://crm.contoso.local/contoso/main.aspx?etn=lead'))).toBe('/contoso/api/data/v9.2/');
  });

  it('asks leads for the email, the name and the company, and leaves the open lead out', () => {
    const r = recordQuery('/api/data/v9.2/', ada, 'lead', '3f2504e0-4f89-11d3-9a0c-0305e82c3301')!;
    expect(r.path.startsWith('/api/data/v9.2/leads?$select=leadid,fullname,')).toBe(true);
    expect(r.path).toContain('&$top=25');
    expect(filterOf(r.path)).toBe(
      "((emailaddress1 eq 'ada.park@contoso.com') or (firstname eq 'Ada' and lastname eq 'Park') or (startswith(companyname,'Contoso'))) and leadid ne 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    );
    // The characters that would change the query's meaning are URL-encoded.
    expect(r.path).toContain('ada.park%40contoso.com');
    expect(r.path).not.toMatch(/\$filter=[^&]*[ @]/);
  });

  it('encodes + and & inside values (they would otherwise end or change the query)', () => {
    const c = teamCustomer({ email: 'a+b@x.com', company: 'Smith & Sons' });
    const lead = recordQuery('/api/data/v9.2/', c, 'lead', null)!;
    expect(lead.path).toContain('a%2Bb%40x.com');
    const account = recordQuery('/api/data/v9.2/', c, 'account', null)!;
    expect(account.path).toContain('Smith%20%26%20Sons');
    expect(filterOf(account.path)).toBe("(startswith(name,'Smith & Sons')) or (contains(websiteurl,'x.com'))");
  });

  it('asks accounts by the company stem and as typed, and by the corporate email domain', () => {
    const c = teamCustomer({ email: 'o.kuznetsova@severinfo.ru', company: 'АО «Северсталь-Инфоком»' });
    expect(filterOf(recordQuery('/api/data/v9.2/', c, 'account', null)!.path)).toBe(
      "(startswith(name,'Северсталь-Инфоком')) or (startswith(name,'АО «Северсталь-Инфоком»')) or (contains(websiteurl,'severinfo.ru'))",
    );
    // A free-mail address says nothing about the company's website.
    const free = teamCustomer({ email: 'andrey.lebedev@mail.ru', company: 'ИП Лебедев А. В.' });
    expect(filterOf(recordQuery('/api/data/v9.2/', free, 'account', null)!.path)).not.toContain('websiteurl');
  });

  it('asks nothing of a table the customer gives no key for', () => {
    expect(recordQuery('/api/data/v9.2/', teamCustomer({ phone: '+49 30 1234567' }), 'contact', null)).toBeNull();
  });

  it('asks a whole grid page in one request per table, with In lists', () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      teamCustomer({ fullName: `Lead ${i}`, email: `lead${i}@company${i}.example`, company: `Northwind ${i} Ltd` }),
    );
    const lead = gridQuery('/api/data/v9.2/', rows, 'lead')!;
    const f = filterOf(lead.path);
    expect(f.startsWith("Microsoft.Dynamics.CRM.In(PropertyName='emailaddress1',PropertyValues=[")).toBe(true);
    expect(f.match(/@company/g)).toHaveLength(50);
    const account = filterOf(gridQuery('/api/data/v9.2/', rows, 'account')!.path);
    expect(account).toContain('"Northwind 7 Ltd","Northwind 7"');
    expect(lead.path).toContain('$top=500');
  });

  it('asks rows without an email by their full name', () => {
    const rows = [teamCustomer({ fullName: 'Ada Park' }), teamCustomer({ fullName: 'Bo Li', email: 'bo@li.example' })];
    expect(filterOf(gridQuery('/api/data/v9.2/', rows, 'contact')!.path)).toBe(
      `(Microsoft.Dynamics.CRM.In(PropertyName='emailaddress1',PropertyValues=["bo@li.example"])) or (Microsoft.Dynamics.CRM.In(PropertyName='fullname',PropertyValues=["Ada Park"]))`,
    );
  });

  it('calls RetrieveDuplicates as documented (run-duplicate-detection.md), parameters URL-encoded', () => {
    const r = retrieveDuplicates('/api/data/v9.2/', '9f2e0c5a-1b2c-4d3e-8f90-0123456789ab', 'contact');
    expect(r.path.startsWith('/api/data/v9.2/RetrieveDuplicates(BusinessEntity=@p1,MatchingEntityName=@p2,PagingInfo=@p3)?@p1=')).toBe(
      true,
    );
    const params = new URLSearchParams(r.path.slice(r.path.indexOf('?') + 1));
    expect(params.get('@p1')).toBe("{'@odata.type':'Microsoft.Dynamics.CRM.lead','leadid':'9f2e0c5a-1b2c-4d3e-8f90-0123456789ab'}");
    expect(params.get('@p2')).toBe("'contact'");
    expect(params.get('@p3')).toBe("{'PageNumber':1,'Count':25}");
  });

  it('reads the published lead rules and known records by id', () => {
    expect(filterOf(duplicateRules('/api/data/v9.2/').path)).toBe("baseentityname eq 'lead' and statecode eq 1");
    const ids = byIds('/api/data/v9.2/', 'contact', ['70bf4d48-34cb-ed11-b596-0022481d68cd']);
    expect(filterOf(ids.path)).toBe(
      `Microsoft.Dynamics.CRM.In(PropertyName='contactid',PropertyValues=["70bf4d48-34cb-ed11-b596-0022481d68cd"])`,
    );
  });
});
