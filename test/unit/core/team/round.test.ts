import { describe, expect, it } from 'vitest';
import type { CacheRow, TeamAnswer } from '../../../../src/core/team/answers';
import { dataverseDialect } from '../../../../src/core/team/dataverse-dialect';
import type { PlanLead } from '../../../../src/core/team/dataverse-plan';
import { teamCustomer, teamKeys } from '../../../../src/core/team/keys';
import { continueRound, roundViews, startRound } from '../../../../src/core/team/round';
import { badgeOf, markOf } from '../../../../src/core/team/view';

const ORG = 'contoso.crm4.dynamics.com';
const PAGE = new URL(
  `https://${ORG}/main.aspx?appid=5c1f8a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b&pagetype=entityrecord&etn=lead&id=9f2e0c5a-1b2c-4d3e-8f90-0123456789ab`,
);
const SELF = '9f2e0c5a-1b2c-4d3e-8f90-0123456789ab';
const NOW = '2026-12-02T12:00:00.000Z';
const dialect = dataverseDialect(PAGE);

function lead(ref: string, fields: Parameters<typeof teamCustomer>[0], recordId: string | null): PlanLead {
  const customer = teamCustomer(fields, 'DE');
  return { ref, customer, keys: teamKeys(customer, ORG, recordId), recordId };
}

const ada = lead('r:self', { firstName: 'Ada', lastName: 'Park', email: 'ada.park@contoso.com', company: 'Contoso GmbH' }, SELF);
const collection = (rows: unknown[]) => JSON.stringify({ '@odata.context': 'x', value: rows });
const ok = (id: string, rows: unknown[]): TeamAnswer => ({ id, status: 200, retryAfter: null, text: collection(rows) });
const status = (id: string, code: number, retryAfter: string | null = null): TeamAnswer => ({
  id,
  status: code,
  retryAfter,
  text: JSON.stringify({ error: { code: '0x80072322', message: 'limit' } }),
});
const CONTACT = {
  contactid: '78914942-34cb-ed11-b596-0022481d68cd',
  fullname: 'Ada Park',
  emailaddress1: 'ada.park@contoso.com',
  '_ownerid_value@OData.Community.Display.V1.FormattedValue': 'Ivan Petrov',
};

describe('a team-check round (Dataverse)', () => {
  it('asks the org rules first on a record page, then RetrieveDuplicates where a rule exists and queries elsewhere', () => {
    const { round, step } = startRound([ada], 'record', dialect, [], undefined);
    expect(step.requests.map((r) => r.id)).toEqual(['rules']);
    const next = continueRound(round, [ok('rules', [{ baseentityname: 'lead', matchingentityname: 'contact' }])], dialect, NOW);
    expect(next.rules).toEqual(['contact']);
    expect(next.requests.map((r) => r.id).sort()).toEqual(['query:account:r:self', 'query:lead:r:self', 'rule:contact:r:self']);
    expect(next.requests.find((r) => r.table === 'lead')!.path).toContain(encodeURIComponent(`leadid ne ${SELF}`));
    // RetrieveDuplicates fails (detection off meanwhile): the plain contact query follows, nothing is lost.
    const after = continueRound(
      round,
      [status('rule:contact:r:self', 400), ok('query:lead:r:self', []), ok('query:account:r:self', [])],
      dialect,
      NOW,
    );
    expect(after.requests.map((r) => r.id)).toEqual(['query:contact:r:self']);
    const last = continueRound(round, [ok('query:contact:r:self', [CONTACT])], dialect, NOW);
    expect(last.requests).toEqual([]);
    const view = roundViews(round, null, NOW).get('r:self')!;
    expect(view.phase).toBe('done');
    expect(view.status).toBe('duplicate');
    expect(view.matches[0]!.record.owner).toBe('Ivan Petrov');
    expect(view.matches[0]!.url).toBe(
      `https://${ORG}/main.aspx?appid=5c1f8a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b&pagetype=entityrecord&etn=contact&id=78914942-34cb-ed11-b596-0022481d68cd`,
    );
    expect(badgeOf(view).mark).toBe('duplicate');
    // What is remembered: keys, table, record id, time — nothing else.
    for (const row of [...next.rows, ...after.rows, ...last.rows])
      expect(Object.keys(row).sort()).toEqual(['checkedAt', 'customerKey', 'recordId', 'table']);
  });

  it('asks a 50-row grid with exactly one request per table', () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      lead(`k:${i}`, { fullName: `P${i} E${i}`, email: `p${i}@firm${i}.example`, company: `Firm${i} GmbH` }, null),
    );
    const { step } = startRound(rows, 'grid', dialect, [], null);
    expect(step.requests.map((r) => r.table).sort()).toEqual(['account', 'contact', 'lead']);
    for (const r of step.requests) expect(decodeURIComponent(r.path)).toContain('Microsoft.Dynamics.CRM.In(');
  });

  it('takes what the session cache settled: "nothing there" asks nothing, a known record is read again by id', () => {
    const rows: CacheRow[] = ada.keys
      .filter((k) => k.kind !== 'phone')
      .flatMap((k) =>
        (['lead', 'contact', 'account'] as const).map((table) => ({
          customerKey: k.id,
          table,
          recordId: table === 'contact' && k.kind === 'email' ? CONTACT.contactid : '',
          checkedAt: NOW,
        })),
      );
    const { round, step } = startRound([ada], 'record', dialect, rows, []);
    expect(step.requests.map((r) => r.id)).toEqual(['ids:contact']);
    continueRound(round, [ok('ids:contact', [CONTACT])], dialect, NOW);
    const view = roundViews(round, null, NOW).get('r:self')!;
    expect(view.cached).toBe(true);
    expect(view.matches.map((m) => m.kinds)).toEqual([['email']]);
    expect(markOf(view)).toBe('duplicate');
  });

  it('a 429 pauses: nothing more is asked, the lead shows "paused"', () => {
    const { round } = startRound([ada], 'record', dialect, [], undefined);
    const step = continueRound(round, [status('rules', 429, '2')], dialect, NOW);
    expect(step.pause).toBe('2');
    expect(step.requests).toEqual([]);
    expect(markOf(roundViews(round, '2026-12-02T12:00:02.000Z', NOW).get('r:self')!)).toBe('paused');
  });

  it('401 and 403 are "not checked", never "nothing there"', () => {
    const session = startRound([ada], 'record', dialect, [], undefined);
    continueRound(session.round, [status('rules', 401)], dialect, NOW);
    const expired = roundViews(session.round, null, NOW).get('r:self')!;
    expect(markOf(expired)).toBe('unavailable');
    expect(expired.status).toBe('new');

    const forbidden = startRound([ada], 'record', dialect, [], []);
    const step = continueRound(
      forbidden.round,
      [status('query:lead:r:self', 403), ok('query:contact:r:self', []), ok('query:account:r:self', [])],
      dialect,
      NOW,
    );
    const view = roundViews(forbidden.round, null, NOW).get('r:self')!;
    expect(view.tables.lead).toBe('forbidden');
    expect(markOf(view)).toBe('not-checked');
    // Nothing is remembered for the table that was refused.
    expect(step.rows.some((r) => r.table === 'lead')).toBe(false);
  });
});
