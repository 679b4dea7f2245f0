// Salesforce REST requests for the team check, and reading their answers. The service worker sends them
// to the org's API host (ORG.my.salesforce.com) with the rep's own session: SOQL for leads, contacts and
// accounts (IN lists for list views), grouped into one composite call (one API call however many queries),
// and the UI API's predupe for the open lead (the org's own duplicate rules). Values are SOQL literals:
// backslash and quote escaped, and in LIKE patterns % and _ escaped too.
import type { Collection, Parsed } from './dataverse-parse';
import type { TeamRequest } from './dataverse';
import type { TeamCustomer } from './keys';
import { isoDate, parseJson, plainText, salesforceId } from './text';
import type { TeamRecord, TeamTable } from './types';

export const SALESFORCE_API = '/services/data/v62.0/';

export const SOQL = {
  lead: {
    object: 'Lead',
    fields: ['Id', 'Name', 'FirstName', 'LastName', 'Email', 'Phone', 'MobilePhone', 'Company', 'Owner.Name', 'CreatedDate'],
  },
  contact: {
    object: 'Contact',
    fields: ['Id', 'Name', 'FirstName', 'LastName', 'Email', 'Phone', 'MobilePhone', 'Account.Name', 'Owner.Name', 'CreatedDate'],
  },
  account: { object: 'Account', fields: ['Id', 'Name', 'Website', 'Phone', 'Owner.Name', 'CreatedDate'] },
} as const satisfies Record<TeamTable, { object: string; fields: readonly string[] }>;

const TABLE_OF: Readonly<Record<string, TeamTable>> = { Lead: 'lead', Contact: 'contact', Account: 'account' };

export const RECORD_LIMIT = 25;
export const GRID_LIMIT = 500;

/** A SOQL string literal. */
export function soqlLiteral(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/** A LIKE pattern: `value` matched literally, with `%` where `prefix`/`suffix` say. */
export function soqlLike(value: string, wildcards: { before?: boolean; after?: boolean }): string {
  const literal = soqlLiteral(value)
    .slice(1, -1)
    .replace(/[%_]/g, (c) => `\\${c}`);
  return `'${wildcards.before ? '%' : ''}${literal}${wildcards.after ? '%' : ''}'`;
}

function anyOf(clauses: readonly string[]): string {
  return clauses.length === 1 ? clauses[0]! : clauses.map((c) => `(${c})`).join(' OR ');
}

function soql(table: TeamTable, where: string, limit: number): string {
  const t = SOQL[table];
  return `SELECT ${t.fields.join(', ')} FROM ${t.object} WHERE ${where} LIMIT ${limit}`;
}

function queryRequest(id: string, table: TeamTable, query: string): TeamRequest {
  return { id, table, via: 'query', path: `${SALESFORCE_API}query?q=${encodeURIComponent(query)}` };
}

/** The conditions one customer is asked for in one table on a record page. */
export function soqlClauses(c: TeamCustomer, table: TeamTable): string[] {
  const clauses: string[] = [];
  if (table === 'account') {
    for (const n of new Set([c.companyStem, c.company].filter((v): v is string => !!v)))
      clauses.push(`Name LIKE ${soqlLike(n, { after: true })}`);
    if (c.domain) clauses.push(`Website LIKE ${soqlLike(c.domain, { before: true, after: true })}`);
    return clauses;
  }
  if (c.email) clauses.push(`Email = ${soqlLiteral(c.email)}`);
  if (c.firstName && c.lastName) clauses.push(`FirstName = ${soqlLiteral(c.firstName)} AND LastName = ${soqlLiteral(c.lastName)}`);
  else if (c.fullName) clauses.push(`Name = ${soqlLiteral(c.fullName)}`);
  if (table === 'lead' && c.companyStem) clauses.push(`Company LIKE ${soqlLike(c.companyStem, { after: true })}`);
  return clauses;
}

/** One record page's query on one table; the open lead itself is left out. */
export function soqlRecordQuery(c: TeamCustomer, table: TeamTable, selfId: string | null): TeamRequest | null {
  const clauses = soqlClauses(c, table);
  if (!clauses.length) return null;
  let where = anyOf(clauses);
  if (table === 'lead' && selfId) where = `(${where}) AND Id != ${soqlLiteral(selfId)}`;
  return queryRequest(`query:${table}`, table, soql(table, where, RECORD_LIMIT));
}

/** One list view's query on one table: IN over the rows' emails (names for rows without one) or companies. */
export function soqlGridQuery(rows: readonly TeamCustomer[], table: TeamTable): TeamRequest | null {
  const distinct = (list: Array<string | null>) => [...new Set(list.filter((v): v is string => !!v))];
  const inList = (field: string, values: string[]) => (values.length ? [`${field} IN (${values.map(soqlLiteral).join(', ')})`] : []);
  const clauses =
    table === 'account'
      ? inList('Name', distinct(rows.flatMap((c) => [c.company, c.companyStem])))
      : [
          ...inList('Email', distinct(rows.map((c) => c.email))),
          ...inList('Name', distinct(rows.filter((c) => !c.email).map((c) => c.fullName))),
        ];
  return clauses.length ? queryRequest(`grid:${table}`, table, soql(table, anyOf(clauses), GRID_LIMIT)) : null;
}

/** Reads records by id (what predupe names), for their names and owners. */
export function soqlByIds(table: TeamTable, ids: readonly string[]): TeamRequest {
  return queryRequest(`ids:${table}`, table, soql(table, `Id IN (${ids.map(soqlLiteral).join(', ')})`, ids.length));
}

/** UI API predupe: the org's duplicate rules applied to the open lead's values. */
export function predupe(c: TeamCustomer): TeamRequest {
  const fields: Record<string, string> = {};
  if (c.email) fields.Email = c.email;
  if (c.firstName) fields.FirstName = c.firstName;
  if (c.lastName ?? c.fullName) fields.LastName = (c.lastName ?? c.fullName)!;
  if (c.company) fields.Company = c.company;
  return {
    id: 'rule:predupe',
    table: 'lead',
    via: 'rule',
    path: `${SALESFORCE_API}ui-api/predupe`,
    method: 'POST',
    body: JSON.stringify({ apiName: 'Lead', fields }),
  };
}

/** Several GET queries as one composite call (resources-composite-composite-post). */
export function composite(requests: readonly TeamRequest[]): TeamRequest & { refs: Record<string, string> } {
  const refs: Record<string, string> = {};
  const compositeRequest = requests.map((r, i) => {
    refs[`q${i}`] = r.id;
    return { method: 'GET', url: r.path, referenceId: `q${i}` };
  });
  return {
    id: 'composite',
    table: 'lead',
    via: 'query',
    path: `${SALESFORCE_API}composite`,
    method: 'POST',
    body: JSON.stringify({ allOrNone: false, compositeRequest }),
    refs,
  };
}

/** A composite answer split back into one (status, body) per inner request id. */
export function splitComposite(text: string, refs: Readonly<Record<string, string>>): Map<string, { status: number; text: string }> {
  const out = new Map<string, { status: number; text: string }>();
  const list = (parseJson(text) as { compositeResponse?: unknown } | null)?.compositeResponse;
  if (!Array.isArray(list)) return out;
  for (const item of list) {
    const i = item as { referenceId?: unknown; httpStatusCode?: unknown; body?: unknown };
    const id = typeof i.referenceId === 'string' ? refs[i.referenceId] : undefined;
    if (id && typeof i.httpStatusCode === 'number') out.set(id, { status: i.httpStatusCode, text: JSON.stringify(i.body ?? null) });
  }
  return out;
}

function nested(row: Record<string, unknown>, path: string): unknown {
  let value: unknown = row;
  for (const part of path.split('.')) value = (value as Record<string, unknown> | null)?.[part];
  return value;
}

/** One query row → TeamRecord (only the listed fields, as text); null without a valid id and known type. */
export function salesforceRecord(row: unknown, expected: TeamTable): TeamRecord | null {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return null;
  const r = row as Record<string, unknown>;
  const type = nested(r, 'attributes.type');
  const table = typeof type === 'string' ? TABLE_OF[type] : expected;
  const id = salesforceId(r.Id);
  if (!id || table !== expected) return null;
  return {
    table,
    id,
    name: plainText(r.Name),
    firstName: plainText(r.FirstName),
    lastName: plainText(r.LastName),
    email: plainText(r.Email, 320),
    phones: [plainText(r.Phone, 60), plainText(r.MobilePhone, 60)].filter((p): p is string => p !== null),
    company: plainText(table === 'contact' ? nested(r, 'Account.Name') : table === 'account' ? r.Name : r.Company),
    website: plainText(r.Website),
    owner: plainText(nested(r, 'Owner.Name')),
    createdOn: isoDate(r.CreatedDate),
  };
}

/** `{totalSize, done, records:[…]}` → records of `table`. */
export function parseQuery(text: string, table: TeamTable): Parsed<Collection> {
  const body = parseJson(text) as { records?: unknown; done?: unknown; nextRecordsUrl?: unknown } | null;
  if (typeof body !== 'object' || body === null || !Array.isArray(body.records)) return { ok: false, reason: 'no-records' };
  const records = body.records.map((row) => salesforceRecord(row, table)).filter((r): r is TeamRecord => r !== null);
  return { ok: true, value: { records, more: body.done === false || typeof body.nextRecordsUrl === 'string' } };
}

/** predupe's `matches` → record ids per table (objects other than leads, contacts and accounts ignored). */
export function parsePredupe(text: string): Parsed<Map<TeamTable, string[]>> {
  const body = parseJson(text) as { matches?: unknown } | null;
  if (typeof body !== 'object' || body === null || !Array.isArray(body.matches)) return { ok: false, reason: 'no-matches' };
  const out = new Map<TeamTable, string[]>();
  for (const m of body.matches) {
    const match = m as { objectApiName?: unknown; recordIds?: unknown };
    const table = typeof match.objectApiName === 'string' ? TABLE_OF[match.objectApiName] : undefined;
    if (!table || !Array.isArray(match.recordIds)) continue;
    const ids = match.recordIds.map(salesforceId).filter((id): id is string => id !== null);
    out.set(table, [...new Set([...(out.get(table) ?? []), ...ids])].slice(0, RECORD_LIMIT));
  }
  return { ok: true, value: out };
}

/** The error codes of a Salesforce error body (`[{"message","errorCode"}]`). */
export function salesforceErrors(text: string | null): string[] {
  const body = parseJson(text ?? '');
  if (!Array.isArray(body)) return [];
  return body.map((e) => plainText((e as { errorCode?: unknown })?.errorCode, 60)).filter((c): c is string => c !== null);
}

/** `Sforce-Limit-Info: api-usage=18/150000` → the share of the org's daily allocation used, or null. */
export function apiUsage(header: string | null | undefined): number | null {
  const m = /api-usage=(\d+)\/(\d+)/.exec(header ?? '');
  if (!m) return null;
  const limit = Number(m[2]);
  return limit > 0 ? Number(m[1]) / limit : null;
}

/** The org's API host for a Lightning page (`acme.lightning.force.com` → `acme.my.salesforce.com`), or null. */
export function apiHost(pageHost: string): string | null {
  const host = pageHost.toLowerCase();
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.my\.salesforce\.com$/.test(host)) return host;
  const m = /^([a-z0-9-]+(?:\.(?:sandbox|develop|scratch|demo|patch|trailblaze))?)\.lightning\.force\.com$/.exec(host);
  return m ? `${m[1]}.my.salesforce.com` : null;
}
