// Dataverse Web API requests for the team check (Dynamics 365): OData queries on leads, contacts and
// accounts, RetrieveDuplicates for the org's own duplicate rules, and the rule list itself. Only GETs,
// only paths under the org's /api/data/v9.2/; the content script sends them same-origin with the page's
// session. Quoting follows filter-rows.md: a single value is quoted with doubled single quotes, an array
// of values (In) uses JSON strings, startswith/contains escape the wildcard characters % _ [ with brackets,
// and the whole $filter is URL-encoded (`+`, `@`, `&` would otherwise change its meaning).
import type { TeamCustomer } from './keys';
import type { TeamTable } from './types';

/** The columns each table is read with; everything else a response carries is ignored. */
export const DATAVERSE = {
  lead: {
    set: 'leads',
    id: 'leadid',
    select: [
      'leadid',
      'fullname',
      'firstname',
      'lastname',
      'emailaddress1',
      'telephone1',
      'mobilephone',
      'companyname',
      'createdon',
      '_ownerid_value',
    ],
    name: 'fullname',
    email: 'emailaddress1',
    phones: ['telephone1', 'mobilephone'],
    company: 'companyname',
    website: null,
  },
  contact: {
    set: 'contacts',
    id: 'contactid',
    select: [
      'contactid',
      'fullname',
      'firstname',
      'lastname',
      'emailaddress1',
      'telephone1',
      'mobilephone',
      'createdon',
      '_ownerid_value',
      '_parentcustomerid_value',
    ],
    name: 'fullname',
    email: 'emailaddress1',
    phones: ['telephone1', 'mobilephone'],
    // The contact's company is its parent account's name, given as the lookup's formatted value.
    company: '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue',
    website: null,
  },
  account: {
    set: 'accounts',
    id: 'accountid',
    select: ['accountid', 'name', 'websiteurl', 'telephone1', 'emailaddress1', 'createdon', '_ownerid_value'],
    name: 'name',
    email: 'emailaddress1',
    phones: ['telephone1'],
    company: 'name',
    website: 'websiteurl',
  },
} as const satisfies Record<TeamTable, DataverseTable>;

export interface DataverseTable {
  set: string;
  id: string;
  select: readonly string[];
  name: string;
  email: string | null;
  phones: readonly string[];
  company: string | null;
  website: string | null;
}

export const OWNER_NAME = '_ownerid_value@OData.Community.Display.V1.FormattedValue';

/** The headers every request carries (compose-http-requests-handle-errors.md); the owner's name needs the annotation. */
export const DATAVERSE_HEADERS: Readonly<Record<string, string>> = {
  Accept: 'application/json',
  'OData-MaxVersion': '4.0',
  'OData-Version': '4.0',
  'If-None-Match': 'null',
  Prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"',
};

/** Rows asked for per table on a record page, and at most per grid request. */
export const RECORD_TOP = 25;
export const GRID_TOP = 500;
/** Grid rows asked in one request per table; a longer page is asked in several. */
export const GRID_CHUNK = 100;

export type TeamVia = 'query' | 'rule' | 'rules' | 'ids';

/** One request to the CRM's API, with what it is for. Dataverse requests are GETs sent by the content script. */
export interface TeamRequest {
  id: string;
  table: TeamTable;
  via: TeamVia;
  /** Path and query on the API's origin (`/api/data/v9.2/…`, `/services/data/v62.0/…`). */
  path: string;
  /** Salesforce's duplicate-rule check is a POST with a JSON body; everything else is a GET. */
  method?: 'POST';
  body?: string;
}

/** `/api/data/v9.2/` below the app's folder: `/` online, `/<org>/` on premises (`/contoso/main.aspx`). */
export function apiBase(pageUrl: URL): string {
  const folder = pageUrl.pathname.replace(/\/[^/]*$/, '/');
  return `${folder.replace(/\/+$/, '')}/api/data/v9.2/`;
}

/** `'O''Brian'`: a single OData string literal. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A literal for startswith/contains: the wildcard characters are matched as themselves. */
export function likeLiteral(value: string): string {
  return literal(value.replace(/[[%_]/g, (c) => `[${c}]`));
}

/** `Microsoft.Dynamics.CRM.In(...)` over JSON string values (values with single quotes stay valid). */
export function inList(property: string, values: readonly string[]): string {
  return `Microsoft.Dynamics.CRM.In(PropertyName=${literal(property)},PropertyValues=[${values.map((v) => JSON.stringify(v)).join(',')}])`;
}

function anyOf(clauses: readonly string[]): string {
  return clauses.length === 1 ? clauses[0]! : clauses.map((c) => `(${c})`).join(' or ');
}

function queryPath(base: string, table: TeamTable, filter: string, top: number): string {
  const t = DATAVERSE[table];
  return `${base}${t.set}?$select=${t.select.join(',')}&$filter=${encodeURIComponent(filter)}&$top=${top}`;
}

/** The conditions one customer is asked for in one table (record page); empty when it has no key for it. */
export function customerClauses(c: TeamCustomer, table: TeamTable): string[] {
  const clauses: string[] = [];
  if (table === 'account') {
    const names = [...new Set([c.companyStem, c.company].filter((n): n is string => !!n))];
    for (const n of names) clauses.push(`startswith(name,${likeLiteral(n)})`);
    if (c.domain) clauses.push(`contains(websiteurl,${likeLiteral(c.domain)})`);
    return clauses;
  }
  if (c.email) clauses.push(`emailaddress1 eq ${literal(c.email)}`);
  if (c.firstName && c.lastName) clauses.push(`firstname eq ${literal(c.firstName)} and lastname eq ${literal(c.lastName)}`);
  else if (c.fullName) clauses.push(`fullname eq ${literal(c.fullName)}`);
  // Other leads at the same company bring candidates for the phone comparison.
  if (table === 'lead' && c.companyStem) clauses.push(`startswith(companyname,${likeLiteral(c.companyStem)})`);
  return clauses;
}

/**
 * The query for one lead on its record page, one per table. `recordId` (the open lead) is left out of
 * the lead table's answer.
 */
export function recordQuery(base: string, c: TeamCustomer, table: TeamTable, recordId: string | null): TeamRequest | null {
  const clauses = customerClauses(c, table);
  if (!clauses.length) return null;
  let filter = anyOf(clauses);
  if (table === 'lead' && recordId) filter = `(${filter}) and leadid ne ${recordId}`;
  return { id: `query:${table}`, table, via: 'query', path: queryPath(base, table, filter, RECORD_TOP) };
}

/** The values a table is asked for across a grid's rows, deduplicated, in row order. */
export function gridValues(rows: readonly TeamCustomer[], table: TeamTable): { property: string; values: string[] }[] {
  const distinct = (list: Array<string | null>) => [...new Set(list.filter((v): v is string => !!v))];
  if (table === 'account') return [{ property: 'name', values: distinct(rows.flatMap((c) => [c.company, c.companyStem])) }];
  return [
    { property: 'emailaddress1', values: distinct(rows.map((c) => c.email)) },
    // Rows without an email are asked by their full name.
    { property: 'fullname', values: distinct(rows.filter((c) => !c.email).map((c) => c.fullName)) },
  ];
}

/** One request for a table covering every row of a grid page (In over the rows' values); null when no row has a value. */
export function gridQuery(base: string, rows: readonly TeamCustomer[], table: TeamTable): TeamRequest | null {
  const clauses = gridValues(rows, table)
    .filter((l) => l.values.length)
    .map((l) => inList(l.property, l.values));
  if (!clauses.length) return null;
  return { id: `grid:${table}`, table, via: 'query', path: queryPath(base, table, anyOf(clauses), GRID_TOP) };
}

/** RetrieveDuplicates for an existing lead against one table (run-duplicate-detection.md). */
export function retrieveDuplicates(base: string, leadId: string, table: TeamTable): TeamRequest {
  const entity = `{'@odata.type':'Microsoft.Dynamics.CRM.lead','leadid':'${leadId}'}`;
  const paging = `{'PageNumber':1,'Count':${RECORD_TOP}}`;
  const path =
    `${base}RetrieveDuplicates(BusinessEntity=@p1,MatchingEntityName=@p2,PagingInfo=@p3)` +
    `?@p1=${encodeURIComponent(entity)}&@p2=${encodeURIComponent(literal(table))}&@p3=${encodeURIComponent(paging)}`;
  return { id: `rule:${table}`, table, via: 'rule', path };
}

/** The org's active (published) duplicate detection rules for leads: which tables they match against. */
export function duplicateRules(base: string): TeamRequest {
  const filter = `baseentityname eq 'lead' and statecode eq 1`;
  return {
    id: 'rules',
    table: 'lead',
    via: 'rules',
    path: `${base}duplicaterules?$select=baseentityname,matchingentityname&$filter=${encodeURIComponent(filter)}`,
  };
}

/** Known records read again by id (their names and owners are never cached), one request per table. */
export function byIds(base: string, table: TeamTable, ids: readonly string[]): TeamRequest {
  const t = DATAVERSE[table];
  return { id: `ids:${table}`, table, via: 'ids', path: queryPath(base, table, inList(t.id, ids), ids.length) };
}
