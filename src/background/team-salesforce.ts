// The Salesforce team check, run by the service worker itself: a Lightning page cannot call the REST API
// (its session is not valid for it, and my.salesforce.com is another origin), so the worker calls the org's
// API host with the rep's own session — the `sid` cookie of ORG.my.salesforce.com, read at the moment of the
// check and never stored. Only with the option on and both optional permissions granted. One composite call
// carries a page's SOQL queries (one API call however many); the org's duplicate rules (ui-api/predupe) are
// asked for the open lead. Above 80 % of the org's daily API allowance LeadLens stops asking.
import type { TeamAnswer } from '../core/team/answers';
import type { PlanLead, PlanMode } from '../core/team/dataverse-plan';
import type { TeamRequest } from '../core/team/dataverse';
import { comparable } from '../core/team/match';
import { continueRound, type Round, startRound } from '../core/team/round';
import { apiHost, apiUsage, composite, parsePredupe, parseQuery, predupe, soqlByIds, splitComposite } from '../core/team/salesforce';
import { salesforceDialect } from '../core/team/salesforce-dialect';
import type { CacheRow } from '../core/team/answers';
import { TEAM_TABLES, type TeamMatch, type TeamTable } from '../core/team/types';
import { noteOutcome } from '../core/team/view';

/** The share of the org's daily API allowance above which no team check is sent. */
export const USAGE_LIMIT = 0.8;
const TIMEOUT_MS = 20_000;
const MAX_BODY = 3_000_000;

export interface SalesforcePorts {
  /** Whether `cookies` and this API host are granted (optional permissions). */
  hasAccess(host: string): Promise<boolean>;
  /** The rep's session on the API host (the `sid` cookie), or null. */
  session(host: string): Promise<string | null>;
  fetch: typeof fetch;
}

/** Orgs whose allowance was found mostly used, until the worker stops. */
const limited = new Set<string>();

export interface SalesforceResult {
  round: Round;
  rows: CacheRow[];
  pause: string | null;
}

function noteAll(round: Round, outcome: 'failed' | 'session' | 'limit'): void {
  for (const p of round.progress.values()) for (const t of TEAM_TABLES) noteOutcome(p, t, outcome);
}

async function call(
  host: string,
  sid: string,
  request: TeamRequest,
  ports: SalesforcePorts,
): Promise<TeamAnswer & { usage: number | null }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await ports.fetch(`https://${host}${request.path}`, {
      method: request.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${sid}`,
        Accept: 'application/json',
        'Sforce-Call-Options': 'client=LeadLens',
        ...(request.body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(request.body ? { body: request.body } : {}),
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    const text = await response.text();
    const usage = apiUsage(response.headers.get('Sforce-Limit-Info'));
    if (text.length > MAX_BODY) return { id: request.id, status: response.status, retryAfter: null, text: null, error: 'too-large', usage };
    return { id: request.id, status: response.status, retryAfter: response.headers.get('Retry-After'), text, usage };
  } catch {
    return {
      id: request.id,
      status: 0,
      retryAfter: null,
      text: null,
      error: controller.signal.aborted ? 'timeout' : 'network',
      usage: null,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Several queries as one composite call; one query alone as itself. */
async function send(host: string, sid: string, requests: readonly TeamRequest[], ports: SalesforcePorts): Promise<TeamAnswer[]> {
  if (requests.length === 1) {
    const answer = await call(host, sid, requests[0]!, ports);
    if (answer.usage !== null && answer.usage >= USAGE_LIMIT) limited.add(host);
    return [answer];
  }
  const batch = composite(requests);
  const answer = await call(host, sid, batch, ports);
  if (answer.usage !== null && answer.usage >= USAGE_LIMIT) limited.add(host);
  const parts = answer.status === 200 && answer.text ? splitComposite(answer.text, batch.refs) : new Map();
  return requests.map((r) => {
    const part = parts.get(r.id);
    if (part) return { id: r.id, status: part.status, retryAfter: null, text: part.text };
    return {
      id: r.id,
      status: answer.status === 200 ? 0 : answer.status,
      retryAfter: answer.retryAfter,
      text: null,
      error: answer.status === 200 ? 'network' : undefined,
    };
  });
}

/** The org's rules for each open lead (predupe), its matches read by id for their names and owners. */
async function rulesFor(
  round: Round,
  leads: readonly PlanLead[],
  host: string,
  sid: string,
  pageUrl: URL,
  ports: SalesforcePorts,
): Promise<void> {
  const link = salesforceDialect(pageUrl).link;
  for (const lead of leads) {
    if (!lead.recordId || limited.has(host)) continue;
    const [answer] = await send(host, sid, [predupe(lead.customer)], ports);
    const parsed = answer && answer.status === 200 ? parsePredupe(answer.text ?? '') : null;
    // No rules, no Duplicate Management, an error: the queries alone answer.
    if (!parsed?.ok) continue;
    const ids = [...parsed.value].map(([table, list]) => [table, list.filter((id) => id !== lead.recordId)] as [TeamTable, string[]]);
    const wanted = ids.filter(([, list]) => list.length);
    if (!wanted.length) continue;
    const answers = await send(
      host,
      sid,
      wanted.map(([table, list]) => ({ ...soqlByIds(table, list), id: `ids:${table}` })),
      ports,
    );
    const matches: TeamMatch[] = [];
    for (const [table] of wanted) {
      const got = answers.find((a) => a.id === `ids:${table}`);
      const records = got?.status === 200 ? parseQuery(got.text ?? '', table) : null;
      if (!records?.ok) continue;
      for (const r of records.value.records.map(comparable))
        matches.push({ record: r.record, status: 'duplicate', kinds: ['rule'], url: link(r.record) });
    }
    round.progress.get(lead.ref)?.matches.push(matches);
  }
}

export async function salesforceCheck(
  pageUrl: URL,
  leads: readonly PlanLead[],
  mode: PlanMode,
  rows: readonly CacheRow[],
  ports: SalesforcePorts,
  now: Date,
): Promise<SalesforceResult | null> {
  const host = apiHost(pageUrl.host);
  if (!host) return null;
  const dialect = salesforceDialect(pageUrl);
  const { round, step: first } = startRound(leads, mode, dialect, rows, null);
  const result: SalesforceResult = { round, rows: [], pause: null };
  if (!first.requests.length && mode !== 'record') return result;
  if (limited.has(host)) {
    noteAll(round, 'limit');
    return result;
  }
  if (!(await ports.hasAccess(host))) {
    noteAll(round, 'failed');
    return result;
  }
  const sid = await ports.session(host);
  if (!sid) {
    noteAll(round, 'session');
    return result;
  }
  if (mode === 'record') await rulesFor(round, leads, host, sid, pageUrl, ports);
  let step = first;
  for (let i = 0; i < 4 && step.requests.length; i++) {
    const answers = await send(host, sid, step.requests, ports);
    step = continueRound(round, answers, dialect, now.toISOString());
    result.rows.push(...step.rows);
    if (step.pause !== null) result.pause = step.pause;
  }
  return result;
}

/** Tests start with no org marked as over its allowance. */
export function resetSalesforceLimits(): void {
  limited.clear();
}
