// One team check of a page, as rounds of requests and answers. The worker starts a round with the
// page's leads and the session cache's rows; each round hands out requests (the content script sends
// Dataverse's, the worker itself Salesforce's) and reads their answers, until nothing is left to ask.
// Pure: no clock, no store, no network — the caller passes rows in and stores the rows that come out.
import { type CacheRow, readAnswer, readRules, type TeamAnswer } from './answers';
import type { Collection, Parsed } from './dataverse-parse';
import { type Asked, coverage, type PlanLead, type PlanMode, usesRule } from './dataverse-plan';
import type { TeamRequest } from './dataverse';
import { KEY_FACTS } from './keys';
import { comparable, statusOf } from './match';
import type { TeamKeyKind, TeamMatch, TeamRecord, TeamTable } from './types';
import { TEAM_TABLES } from './types';
import { leadView, newProgress, noteOutcome, type TeamProgress } from './view';

/** What differs between CRMs: how requests are planned and answers read. */
export interface Dialect {
  plan(table: TeamTable, leads: readonly PlanLead[], mode: PlanMode, rules: readonly TeamTable[] | null): Asked[];
  /** After the org's rules could not be asked: the plain queries instead. */
  fallback(failed: Asked, leads: ReadonlyMap<string, PlanLead>): Asked[];
  /** Known records read again by id, one request per table. */
  details(ids: ReadonlyMap<TeamTable, readonly string[]>): Asked[];
  /** The request for the org's published duplicate rules, when the CRM has one (record pages). */
  rules?(): TeamRequest;
  parse(text: string, table: TeamTable): Parsed<Collection>;
  link(record: TeamRecord): string | null;
}

export interface Round {
  mode: PlanMode;
  leads: Map<string, PlanLead>;
  asked: Map<string, Asked>;
  progress: Map<string, TeamProgress>;
  /** Records the session cache named, per lead and table, with the keys that matched them. */
  known: Map<string, Map<TeamTable, Map<string, TeamKeyKind[]>>>;
  /** The org's published lead rules; undefined until asked (record pages only). */
  rules: TeamTable[] | null | undefined;
  /** The session cache's rows for these leads' keys. */
  rows: readonly CacheRow[];
}

export interface Step {
  requests: TeamRequest[];
  /** Rows the session cache should now hold. */
  rows: CacheRow[];
  /** Retry-After of a 429 (the caller pauses every check). */
  pause: string | null;
  /** The org's rules as this round learnt them (for the caller to remember per org). */
  rules: TeamTable[] | null | undefined;
}

function keep(round: Round, list: readonly Asked[]): TeamRequest[] {
  for (const a of list) {
    round.asked.set(a.request.id, a);
    for (const c of a.covers) round.progress.get(c.ref)?.expected.add(a.request.table);
  }
  return list.map((a) => a.request);
}

/** True when the cache settled every key this lead would be asked on for this table. */
function settled(lead: PlanLead, table: TeamTable, round: Round, rows: readonly CacheRow[]): boolean {
  const keys = coverage(lead, table, round.mode, usesRule(lead, table, round.mode, round.rules ?? null));
  return keys.length > 0 && keys.every((k) => rows.some((r) => r.customerKey === k.id && r.table === table));
}

/** Plans the tables: what the cache settled is taken from it, the rest asked (known records re-read by id). */
function plan(round: Round, dialect: Dialect): TeamRequest[] {
  const rows = round.rows;
  const ids = new Map<TeamTable, Set<string>>();
  const asked: Asked[] = [];
  for (const table of TEAM_TABLES) {
    const open: PlanLead[] = [];
    for (const lead of round.leads.values()) {
      const p = round.progress.get(lead.ref)!;
      if (!settled(lead, table, round, rows)) {
        open.push(lead);
        continue;
      }
      const mine = new Map<string, TeamKeyKind[]>();
      for (const key of lead.keys) {
        if (!KEY_FACTS[key.kind].tables.includes(table) && key.kind !== 'rule') continue;
        for (const r of rows)
          if (r.customerKey === key.id && r.table === table && r.recordId)
            mine.set(r.recordId, [...(mine.get(r.recordId) ?? []), key.kind]);
      }
      if (!mine.size) noteOutcome(p, table, 'checked');
      else {
        round.known.get(lead.ref)!.set(table, mine);
        p.expected.add(table);
        for (const id of mine.keys()) ids.set(table, (ids.get(table) ?? new Set()).add(id));
      }
    }
    if (open.length) {
      for (const l of open) round.progress.get(l.ref)!.cached = false;
      asked.push(...dialect.plan(table, open, round.mode, round.rules ?? null));
    }
  }
  const detail = new Map([...ids].map(([t, set]) => [t, [...set]] as const));
  return keep(round, [...asked, ...dialect.details(detail)]);
}

export function startRound(
  leads: readonly PlanLead[],
  mode: PlanMode,
  dialect: Dialect,
  rows: readonly CacheRow[],
  rules: TeamTable[] | null | undefined,
): { round: Round; step: Step } {
  const round: Round = {
    mode,
    leads: new Map(leads.map((l) => [l.ref, l])),
    asked: new Map(),
    progress: new Map(leads.map((l) => [l.ref, newProgress()])),
    known: new Map(leads.map((l) => [l.ref, new Map()])),
    rules: mode === 'record' && dialect.rules ? rules : null,
    rows,
  };
  const step: Step = { requests: [], rows: [], pause: null, rules: round.rules };
  if (round.rules === undefined && dialect.rules && leads.some((l) => l.recordId)) {
    const request = dialect.rules();
    round.asked.set(request.id, { request, covers: [], self: {}, mode });
    step.requests = [request];
    for (const p of round.progress.values()) p.cached = false;
    return { round, step };
  }
  round.rules ??= null;
  step.requests = plan(round, dialect);
  return { round, step };
}

/** Matches of records re-read by id: each carries the keys the cache remembered it for. */
function readDetails(round: Round, asked: Asked, answer: TeamAnswer | undefined, dialect: Dialect): void {
  const table = asked.request.table;
  const parsed = answer && answer.status >= 200 && answer.status < 300 ? dialect.parse(answer.text ?? '', table) : null;
  for (const [ref, tables] of round.known) {
    const mine = tables.get(table);
    if (!mine) continue;
    const p = round.progress.get(ref)!;
    if (!parsed?.ok) {
      noteOutcome(p, table, answer?.status === 401 ? 'session' : answer?.status === 403 ? 'forbidden' : 'failed');
      continue;
    }
    const matches: TeamMatch[] = [];
    for (const r of parsed.value.records.map(comparable)) {
      const kinds = mine.get(r.record.id);
      if (kinds) matches.push({ record: r.record, status: statusOf(kinds), kinds, url: dialect.link(r.record) });
    }
    p.matches.push(matches);
    noteOutcome(p, table, 'checked');
  }
}

/** Reads one round's answers; returns the next requests (fallbacks), cache rows and any pause. */
export function continueRound(round: Round, answers: readonly TeamAnswer[], dialect: Dialect, now: string): Step {
  const byId = new Map(answers.map((a) => [a.id, a]));
  const step: Step = { requests: [], rows: [], pause: null, rules: round.rules };
  const current = [...round.asked.values()];
  round.asked.clear();
  const next: Asked[] = [];
  for (const asked of current) {
    const answer = byId.get(asked.request.id);
    if (answer?.status === 429) step.pause = answer.retryAfter ?? step.pause ?? '';
    if (asked.request.via === 'rules') {
      const rules = readRules(answer);
      if (rules === 'paused' || rules === 'session') {
        for (const p of round.progress.values()) for (const t of TEAM_TABLES) noteOutcome(p, t, rules);
        return step;
      }
      round.rules = step.rules = rules ?? [];
      return { ...step, requests: step.pause === null ? plan(round, dialect) : [] };
    }
    if (asked.request.via === 'ids') {
      readDetails(round, asked, answer, dialect);
      continue;
    }
    const result = readAnswer(asked, answer, { leads: round.leads, link: dialect.link, now, parse: dialect.parse });
    if (result.kind === 'fallback') next.push(...dialect.fallback(asked, round.leads));
    else if (result.kind === 'problem') for (const ref of result.refs) noteOutcome(round.progress.get(ref)!, result.table, result.outcome);
    else {
      step.rows.push(...result.rows);
      for (const [ref, matches] of result.matches) {
        const p = round.progress.get(ref)!;
        p.matches.push(matches);
        noteOutcome(p, result.table, 'checked');
      }
    }
  }
  if (step.pause !== null) {
    // Nothing more is sent during a pause: what was still to ask is marked paused.
    for (const a of next) for (const c of a.covers) noteOutcome(round.progress.get(c.ref)!, a.request.table, 'paused');
    return step;
  }
  step.requests = keep(round, next);
  return step;
}

/** Every lead's view as it stands: a lead with a request still out (or the org's rules being asked) is pending. */
export function roundViews(round: Round, pausedUntil: string | null, checkedAt: string) {
  const open = new Set<string>();
  let everyone = false;
  for (const a of round.asked.values()) {
    if (!a.covers.length) everyone = true;
    for (const c of a.covers) open.add(c.ref);
  }
  return new Map(
    [...round.progress].map(([ref, p]) => {
      const view = leadView(p, pausedUntil, checkedAt);
      return [ref, everyone || open.has(ref) ? { ...view, phase: 'pending' as const } : view];
    }),
  );
}
