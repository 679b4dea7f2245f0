// What to ask Dataverse for a page's leads, and which of each lead's keys every request answers (so a
// "nothing found" can be remembered for exactly those keys). A record page asks one request per table:
// RetrieveDuplicates where the org has a published rule from leads to that table, else a query on the
// customer's keys. A grid page asks one request per table for all its rows (In lists), never one per row.
import { byIds, GRID_CHUNK, gridQuery, recordQuery, retrieveDuplicates, type TeamRequest } from './dataverse';
import type { TeamCustomer } from './keys';
import type { TeamKey, TeamTable } from './types';

export type PlanMode = 'record' | 'grid';

/** A lead of the page as the plan sees it (`ref` groups the badges of one lead). */
export interface PlanLead {
  ref: string;
  customer: TeamCustomer;
  keys: TeamKey[];
  /** The lead's own Dataverse id, if the page shows it. */
  recordId: string | null;
}

/** One request and, per lead, the keys its answer settles. */
export interface Asked {
  request: TeamRequest;
  covers: Array<{ ref: string; keys: TeamKey[] }>;
  /** The lead's own id per ref: never reported as its own duplicate. */
  self: Record<string, string | null>;
  mode: PlanMode;
}

/** Whether the org's rules are asked about this lead and table (record pages, known lead, published rule). */
export function usesRule(lead: PlanLead, table: TeamTable, mode: PlanMode, rules: readonly TeamTable[] | null): boolean {
  return mode === 'record' && !!lead.recordId && !!rules?.includes(table);
}

/**
 * The keys of a lead that a request on `table` asks the CRM about; empty when the lead gives that table
 * nothing to ask. Mirrors the clauses the builders write (dataverse.ts).
 */
export function coverage(lead: PlanLead, table: TeamTable, mode: PlanMode, rule: boolean): TeamKey[] {
  const key = (kind: TeamKey['kind']) => lead.keys.filter((k) => k.kind === kind);
  if (rule) return key('rule');
  const c = lead.customer;
  if (table === 'account') return mode === 'grid' ? key('company') : [...key('company'), ...key('domain')];
  if (mode === 'grid') return c.email ? key('email') : c.fullName ? key('person') : [];
  const named = (c.firstName && c.lastName) || c.fullName;
  return [...key('email'), ...(named ? key('person') : [])];
}

function asked(request: TeamRequest, leads: readonly PlanLead[], covers: Asked['covers'], mode: PlanMode): Asked {
  return { request, covers, self: Object.fromEntries(leads.map((l) => [l.ref, l.recordId])), mode };
}

/** The requests for one table. `leads` are those whose answer for this table is not already known. */
export function planTable(
  base: string,
  table: TeamTable,
  leads: readonly PlanLead[],
  mode: PlanMode,
  rules: readonly TeamTable[] | null,
): Asked[] {
  const out: Asked[] = [];
  if (mode === 'record') {
    for (const lead of leads) {
      const rule = usesRule(lead, table, mode, rules);
      const request = rule ? retrieveDuplicates(base, lead.recordId!, table) : recordQuery(base, lead.customer, table, lead.recordId);
      const keys = coverage(lead, table, mode, rule);
      if (request && keys.length) out.push(asked({ ...request, id: `${request.id}:${lead.ref}` }, [lead], [{ ref: lead.ref, keys }], mode));
    }
    return out;
  }
  const rows = leads.filter((l) => coverage(l, table, mode, false).length);
  for (let start = 0; start < rows.length; start += GRID_CHUNK) {
    const chunk = rows.slice(start, start + GRID_CHUNK);
    const request = gridQuery(
      base,
      chunk.map((l) => l.customer),
      table,
    );
    if (!request) continue;
    const covers = chunk.map((l) => ({ ref: l.ref, keys: coverage(l, table, mode, false) }));
    out.push(asked({ ...request, id: `${request.id}:${start / GRID_CHUNK}` }, chunk, covers, mode));
  }
  return out;
}

/** After RetrieveDuplicates failed (detection off, no rule for the table): the plain query instead. */
export function fallback(base: string, failed: Asked, leads: ReadonlyMap<string, PlanLead>): Asked[] {
  const table = failed.request.table;
  const own = failed.covers.map((c) => leads.get(c.ref)).filter((l): l is PlanLead => !!l);
  return planTable(base, table, own, 'record', null);
}

/** Records known by id (from the session cache) read again for their names and owners. */
export function detailRequests(base: string, ids: ReadonlyMap<TeamTable, readonly string[]>): Asked[] {
  const out: Asked[] = [];
  for (const [table, list] of ids) {
    if (list.length) out.push({ request: byIds(base, table, list.slice(0, GRID_CHUNK)), covers: [], self: {}, mode: 'grid' });
  }
  return out;
}
