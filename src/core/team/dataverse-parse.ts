// Reading Dataverse answers. A response body is untrusted text: it is parsed as JSON only, and of each
// row only the whitelisted columns of its table are taken, as plain text (core/team/text.ts). A body that
// is not the documented shape is a failure, never an empty answer.
import { DATAVERSE, OWNER_NAME } from './dataverse';
import { guid, isoDate, parseJson, plainText } from './text';
import type { TeamRecord, TeamTable } from './types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface Collection {
  records: TeamRecord[];
  /** The CRM has more rows than were returned (`@odata.nextLink`). */
  more: boolean;
}

/** Rows a single answer may hold before the rest is ignored (a grid asks for at most 500). */
const MAX_ROWS = 1000;

function str(row: Record<string, unknown>, column: string | null): string | null {
  return column ? plainText(row[column]) : null;
}

/** One row of `table` → TeamRecord, or null when it carries no valid id. */
export function dataverseRecord(row: unknown, table: TeamTable): TeamRecord | null {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return null;
  const r = row as Record<string, unknown>;
  const t = DATAVERSE[table];
  const id = guid(r[t.id]);
  if (!id) return null;
  const phones = t.phones.map((c) => plainText(r[c], 60)).filter((p): p is string => p !== null);
  return {
    table,
    id,
    name: str(r, t.name),
    firstName: table === 'account' ? null : plainText(r.firstname),
    lastName: table === 'account' ? null : plainText(r.lastname),
    email: plainText(r[t.email ?? ''], 320),
    phones,
    company: str(r, t.company),
    website: str(r, t.website),
    owner: plainText(r[OWNER_NAME]),
    createdOn: isoDate(r.createdon),
  };
}

/** `{"@odata.context": …, "value": [...]}` (a query, RetrieveDuplicates or a read by id). */
export function parseCollection(text: string, table: TeamTable): Parsed<Collection> {
  const body = parseJson(text);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'not-json' };
  const value = (body as { value?: unknown }).value;
  if (!Array.isArray(value)) return { ok: false, reason: 'no-value' };
  const records: TeamRecord[] = [];
  for (const row of value.slice(0, MAX_ROWS)) {
    const record = dataverseRecord(row, table);
    if (record) records.push(record);
  }
  const more = typeof (body as Record<string, unknown>)['@odata.nextLink'] === 'string' || value.length > MAX_ROWS;
  return { ok: true, value: { records, more } };
}

const TABLES = new Set<string>(Object.keys(DATAVERSE));

/** The tables the org's published lead rules match against (`duplicaterules` answer). */
export function parseRules(text: string): Parsed<TeamTable[]> {
  const body = parseJson(text);
  const value = (body as { value?: unknown } | null)?.value;
  if (!Array.isArray(value)) return { ok: false, reason: 'no-value' };
  const tables = new Set<TeamTable>();
  for (const row of value) {
    const r = row as Record<string, unknown> | null;
    const base = typeof r?.baseentityname === 'string' ? r.baseentityname.toLowerCase() : '';
    const matching = typeof r?.matchingentityname === 'string' ? r.matchingentityname.toLowerCase() : '';
    if (base === 'lead' && TABLES.has(matching)) tables.add(matching as TeamTable);
  }
  return { ok: true, value: [...tables] };
}

/** The error an answer reports (`{"error":{"code","message"}}`), as plain text for a log line. */
export function dataverseError(text: string): { code: string | null; message: string | null } {
  const error = (parseJson(text) as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return { code: plainText(error?.code, 40), message: plainText(error?.message) };
}
