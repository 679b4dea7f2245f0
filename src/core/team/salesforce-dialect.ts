// The team-check round (round.ts) for Salesforce: SOQL per table (IN lists for list views) sent by the
// service worker to the org's API host, answers read by parseQuery, links to records in Lightning on the
// page's own host. The org's duplicate rules (ui-api/predupe) are asked per open lead beside the round
// (team-salesforce.ts), since one predupe answer names records of several tables at once.
import type { Asked, PlanLead, PlanMode } from './dataverse-plan';
import { coverage } from './dataverse-plan';
import { GRID_CHUNK } from './dataverse';
import type { Dialect } from './round';
import { parseQuery, SOQL, soqlByIds, soqlGridQuery, soqlRecordQuery } from './salesforce';
import type { TeamRecord, TeamTable } from './types';

function asked(request: Asked['request'], leads: readonly PlanLead[], table: TeamTable, mode: PlanMode): Asked {
  return {
    request,
    covers: leads.map((l) => ({ ref: l.ref, keys: coverage(l, table, mode, false) })),
    self: Object.fromEntries(leads.map((l) => [l.ref, l.recordId])),
    mode,
  };
}

export function salesforcePlan(table: TeamTable, leads: readonly PlanLead[], mode: PlanMode): Asked[] {
  const out: Asked[] = [];
  if (mode === 'record') {
    for (const lead of leads) {
      const request = soqlRecordQuery(lead.customer, table, lead.recordId);
      if (request && coverage(lead, table, mode, false).length)
        out.push(asked({ ...request, id: `${request.id}:${lead.ref}` }, [lead], table, mode));
    }
    return out;
  }
  const rows = leads.filter((l) => coverage(l, table, mode, false).length);
  for (let start = 0; start < rows.length; start += GRID_CHUNK) {
    const chunk = rows.slice(start, start + GRID_CHUNK);
    const request = soqlGridQuery(
      chunk.map((l) => l.customer),
      table,
    );
    if (request) out.push(asked({ ...request, id: `${request.id}:${start / GRID_CHUNK}` }, chunk, table, mode));
  }
  return out;
}

/** A record in Lightning on the page's host (https only). */
export function salesforceLink(pageUrl: URL): (record: TeamRecord) => string | null {
  if (pageUrl.protocol !== 'https:') return () => null;
  return (r) => `https://${pageUrl.host}/lightning/r/${SOQL[r.table].object}/${encodeURIComponent(r.id)}/view`;
}

export function salesforceDialect(pageUrl: URL): Dialect {
  return {
    plan: (table, leads, mode) => salesforcePlan(table, leads, mode),
    fallback: () => [],
    details: (ids) =>
      [...ids]
        .filter(([, list]) => list.length)
        .map(([table, list]) => ({ request: soqlByIds(table, list.slice(0, GRID_CHUNK)), covers: [], self: {}, mode: 'grid' as const })),
    parse: parseQuery,
    link: salesforceLink(pageUrl),
  };
}
