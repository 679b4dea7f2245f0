import { beforeEach, describe, expect, it } from 'vitest';
import { resetSalesforceLimits, salesforceCheck, type SalesforcePorts } from '../../../src/background/team-salesforce';
import type { PlanLead } from '../../../src/core/team/dataverse-plan';
import { teamCustomer, teamKeys } from '../../../src/core/team/keys';
import { roundViews } from '../../../src/core/team/round';
import { markOf } from '../../../src/core/team/view';

const PAGE = new URL('https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view');
const API = 'acme.my.salesforce.com';
const SELF = '00Q5g00000AbCdEEAV';
const CONTACT = '0035g00000QrStUAAV';
const NOW = new Date('2026-12-02T12:00:00Z');

function lead(ref: string, fields: Parameters<typeof teamCustomer>[0], recordId: string | null): PlanLead {
  const customer = teamCustomer(fields, 'DE');
  return { ref, customer, keys: teamKeys(customer, API, recordId), recordId };
}
const ada = lead(`r:${SELF}`, { firstName: 'Ada', lastName: 'Park', email: 'ada.park@contoso.com', company: 'Contoso GmbH' }, SELF);

interface Call {
  url: string;
  method: string;
  body: string | null;
  auth: string | null;
}

/** A fake org API answering with the documented shapes (team-check.md §6.2). */
function ports(opts: { access?: boolean; sid?: string | null; usage?: string } = {}): SalesforcePorts & { calls: Call[] } {
  const calls: Call[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'Sforce-Limit-Info': opts.usage ?? 'api-usage=18/150000' } });
  const query = (soql: string) => {
    if (soql.includes('FROM Contact') && soql.includes(CONTACT))
      return {
        totalSize: 1,
        done: true,
        records: [
          {
            attributes: { type: 'Contact', url: `/services/data/v62.0/sobjects/Contact/${CONTACT}` },
            Id: CONTACT,
            Name: 'Ada Park',
            Email: 'ada.park@contoso.com',
            Owner: { Name: 'Ivan Petrov' },
            CreatedDate: '2026-11-20T09:12:44.000+0000',
          },
        ],
      };
    return { totalSize: 0, done: true, records: [] };
  };
  const fetch = (async (input: string, init: RequestInit) => {
    const url = new URL(input);
    const body = typeof init.body === 'string' ? init.body : null;
    calls.push({ url: input, method: init.method ?? 'GET', body, auth: new Headers(init.headers).get('Authorization') });
    if (url.pathname.endsWith('/ui-api/predupe'))
      return json({
        allowSave: true,
        duplicateError: true,
        duplicateRules: ['Standard_Rule_for_Leads_with_Duplicate_Contacts'],
        matches: [
          { objectApiName: 'Contact', recordIds: [CONTACT] },
          { objectApiName: 'Lead', recordIds: [SELF] },
        ],
      });
    if (url.pathname.endsWith('/composite')) {
      const { compositeRequest } = JSON.parse(body!) as { compositeRequest: Array<{ url: string; referenceId: string }> };
      return json({
        compositeResponse: compositeRequest.map((r) => ({
          referenceId: r.referenceId,
          httpStatusCode: 200,
          body: query(decodeURIComponent(r.url.split('q=')[1]!)),
        })),
      });
    }
    return json(query(decodeURIComponent(url.search.slice(3))));
  }) as unknown as typeof globalThis.fetch;
  return {
    calls,
    fetch,
    hasAccess: async () => opts.access ?? true,
    session: async () => (opts.sid === undefined ? 'SESSION-ID' : opts.sid),
  };
}

describe('the Salesforce team check (service worker)', () => {
  beforeEach(resetSalesforceLimits);

  it('sends nothing without the permissions, and says "not checked"', async () => {
    const p = ports({ access: false });
    const result = await salesforceCheck(PAGE, [ada], 'record', [], p, NOW);
    expect(p.calls).toEqual([]);
    expect(markOf(roundViews(result!.round, null, NOW.toISOString()).get(ada.ref)!)).toBe('not-checked');
  });

  it('sends nothing without a session, and says "unavailable"', async () => {
    const p = ports({ sid: null });
    const result = await salesforceCheck(PAGE, [ada], 'record', [], p, NOW);
    expect(p.calls).toEqual([]);
    expect(markOf(roundViews(result!.round, null, NOW.toISOString()).get(ada.ref)!)).toBe('unavailable');
  });

  it('asks the org rules (predupe) for the open lead, reads the matches by id, and never flags the lead itself', async () => {
    const p = ports();
    const result = await salesforceCheck(PAGE, [ada], 'record', [], p, NOW);
    expect(p.calls.every((c) => c.url.startsWith(`https://${API}/services/data/v62.0/`) && c.auth === 'Bearer SESSION-ID')).toBe(true);
    expect(p.calls[0]!.method).toBe('POST');
    expect(JSON.parse(p.calls[0]!.body!)).toEqual({
      apiName: 'Lead',
      fields: { Email: 'ada.park@contoso.com', FirstName: 'Ada', LastName: 'Park', Company: 'Contoso GmbH' },
    });
    const view = roundViews(result!.round, null, NOW.toISOString()).get(ada.ref)!;
    expect(view.matches.map((m) => [m.record.table, m.record.id, m.record.owner, m.kinds.includes('rule')])).toEqual([
      ['contact', CONTACT, 'Ivan Petrov', true],
    ]);
    expect(view.matches[0]!.url).toBe(`https://acme.lightning.force.com/lightning/r/Contact/${CONTACT}/view`);
    // The lead query leaves the open lead out.
    const composite = p.calls.find((c) => c.url.endsWith('/composite'))!;
    expect(decodeURIComponent(composite.body!)).toContain(`Id != '${SELF}'`);
  });

  it('asks a 50-row list view in one API call: one composite with one SOQL IN query per object', async () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      lead(`k:${i}`, { fullName: `P${i} E${i}`, email: `p${i}@firm${i}.example`, company: `Firm${i} GmbH` }, null),
    );
    const p = ports();
    await salesforceCheck(PAGE, rows, 'grid', [], p, NOW);
    expect(p.calls).toHaveLength(1);
    const { compositeRequest } = JSON.parse(p.calls[0]!.body!) as { compositeRequest: Array<{ url: string }> };
    const soql = compositeRequest.map((r) => decodeURIComponent(r.url.split('q=')[1]!));
    expect(soql.map((q) => /FROM (\w+)/.exec(q)![1]).sort()).toEqual(['Account', 'Contact', 'Lead']);
    for (const q of soql) expect(q).toMatch(/ IN \(/);
  });

  it("stops asking once most of the org's daily allowance is used", async () => {
    const p = ports({ usage: 'api-usage=130000/150000' });
    await salesforceCheck(PAGE, [ada], 'record', [], p, NOW);
    const before = p.calls.length;
    const again = await salesforceCheck(PAGE, [ada], 'record', [], p, NOW);
    expect(p.calls.length).toBe(before);
    expect(Object.values(roundViews(again!.round, null, NOW.toISOString()).get(ada.ref)!.tables)).toContain('limit');
  });
});
