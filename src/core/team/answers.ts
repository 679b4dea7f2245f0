// Turning the CRM's answer to one request into team verdicts and session-cache rows. Failure is never
// silence: 401 means the session expired, 403 that the rep may not read the table, 429 that the CRM
// wants a pause, and anything unreadable is a failure — none of them ever reads as "no duplicates".
import { type Collection, type Parsed, parseCollection, parseRules } from './dataverse-parse';
import type { Asked, PlanLead } from './dataverse-plan';
import { KEY_FACTS } from './keys';
import { comparable, matchesFor } from './match';
import type { TableOutcome, TeamMatch, TeamRecord, TeamTable } from './types';

/** What the content script (or the worker's own fetch) came back with for one request. */
export interface TeamAnswer {
  id: string;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  retryAfter: string | null;
  /** The body as text (capped), or null. */
  text: string | null;
  /** Why there is no response: never sent (a pause began), network error, timeout, body too large. */
  error?: 'skipped' | 'network' | 'timeout' | 'too-large' | 'refused';
}

/** One session-cache row: the only thing the team check stores. `recordId` '' means "asked, nothing found". */
export interface CacheRow {
  customerKey: string;
  table: TeamTable;
  recordId: string;
  checkedAt: string;
}

export type AnswerResult =
  | { kind: 'checked'; table: TeamTable; matches: Map<string, TeamMatch[]>; rows: CacheRow[]; more: boolean }
  | { kind: 'problem'; table: TeamTable; outcome: Exclude<TableOutcome, 'checked'>; retryAfter: string | null; refs: string[] }
  | { kind: 'fallback'; asked: Asked };

/** The outcome an HTTP status stands for (200-299 is `checked` when the body reads). */
export function outcomeOf(answer: TeamAnswer | undefined): Exclude<TableOutcome, 'checked'> | 'ok' {
  if (!answer || answer.error === 'skipped') return 'paused';
  if (answer.error) return 'failed';
  if (answer.status === 401) return 'session';
  if (answer.status === 403) return 'forbidden';
  if (answer.status === 429) return 'paused';
  return answer.status >= 200 && answer.status < 300 ? 'ok' : 'failed';
}

export interface ReadContext {
  leads: ReadonlyMap<string, PlanLead>;
  link: (record: TeamRecord) => string | null;
  now: string;
  /** How a body is read (Dataverse by default; Salesforce brings its own). */
  parse?: (text: string, table: TeamTable) => Parsed<Collection>;
}

/** Cache rows for what one answer settled: each asked key with the records that agree on it, or "none". */
function cacheRows(asked: Asked, matches: Map<string, TeamMatch[]>, ctx: ReadContext): CacheRow[] {
  const table = asked.request.table;
  const rows: CacheRow[] = [];
  for (const cover of asked.covers) {
    const found = matches.get(cover.ref) ?? [];
    for (const key of cover.keys) {
      const ids = found.filter((m) => m.kinds.includes(key.kind)).map((m) => m.record.id);
      if (!ids.length) rows.push({ customerKey: key.id, table, recordId: '', checkedAt: ctx.now });
      for (const id of ids) rows.push({ customerKey: key.id, table, recordId: id, checkedAt: ctx.now });
    }
    // Phones are only compared on what came back: a phone match is remembered, its absence is not.
    const lead = ctx.leads.get(cover.ref);
    for (const key of lead?.keys ?? []) {
      if (KEY_FACTS[key.kind].asked || !KEY_FACTS[key.kind].tables.includes(table)) continue;
      for (const m of found)
        if (m.kinds.includes(key.kind)) rows.push({ customerKey: key.id, table, recordId: m.record.id, checkedAt: ctx.now });
    }
  }
  return rows;
}

export function readAnswer(asked: Asked, answer: TeamAnswer | undefined, ctx: ReadContext): AnswerResult {
  const table = asked.request.table;
  const refs = asked.covers.map((c) => c.ref);
  const outcome = outcomeOf(answer);
  const rule = asked.request.via === 'rule';
  // The org's rules could not be asked (detection off, rule unpublished meanwhile): ask plainly instead.
  if (rule && outcome === 'failed') return { kind: 'fallback', asked };
  if (outcome !== 'ok') return { kind: 'problem', table, outcome, retryAfter: answer?.retryAfter ?? null, refs };
  const parsed = (ctx.parse ?? parseCollection)(answer!.text ?? '', table);
  if (!parsed.ok) return rule ? { kind: 'fallback', asked } : { kind: 'problem', table, outcome: 'failed', retryAfter: null, refs };
  const records = parsed.value.records.map(comparable);
  const matches = new Map<string, TeamMatch[]>();
  for (const ref of refs) {
    const lead = ctx.leads.get(ref);
    if (!lead) continue;
    matches.set(ref, matchesFor(lead.customer, records, { self: asked.self[ref] ?? null, byRule: rule, link: ctx.link }));
  }
  return { kind: 'checked', table, matches, rows: cacheRows(asked, matches, ctx), more: parsed.value.more };
}

/** The duplicaterules answer: published lead rules by matching table, or null when it could not be read. */
export function readRules(answer: TeamAnswer | undefined): TeamTable[] | null | 'session' | 'paused' {
  const outcome = outcomeOf(answer);
  if (outcome === 'session' || outcome === 'paused') return outcome;
  if (outcome !== 'ok') return null;
  const parsed = parseRules(answer!.text ?? '');
  return parsed.ok ? parsed.value : null;
}
