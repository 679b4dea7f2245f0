// The service worker's side of the team check. A content script names the page leads to check; the
// worker plans the requests (session cache first), hands Dataverse's to the content script to send
// same-origin with the page's session, reads the answers it brings back, remembers what they settled
// and keeps the side panel's view. Salesforce's requests the worker sends itself (team-salesforce.ts).
// Nothing is planned while the rep has the check off, and nothing while a 429's pause lasts.
import type { CacheRow, TeamAnswer } from '../core/team/answers';
import { dataverseDialect } from '../core/team/dataverse-dialect';
import type { PlanLead, PlanMode } from '../core/team/dataverse-plan';
import { askable, teamCustomer, teamKeys } from '../core/team/keys';
import { continueRound, type Dialect, type Round, roundViews, type Step, startRound } from '../core/team/round';
import { apiHost } from '../core/team/salesforce';
import { salesforceDialect } from '../core/team/salesforce-dialect';
import { guid } from '../core/team/text';
import type { TeamTable } from '../core/team/types';
import { badgeOf, waitingBadge } from '../core/team/view';
import type { Message, PageLead, TeamCheckReply } from '../messaging/messages';
import type { TeamTabView } from '../messaging/team-view';
import type { Settings } from '../store/types';
import type { LeadMemory } from '../store/memory';
import { readTab } from './tab-state';
import { hasSalesforceAccess, salesforceSession } from '../platform/team-permissions';
import { teamGate } from './team-gate';
import { salesforceCheck } from './team-salesforce';
import { writeTeamView } from './team-view';

type TeamCheck = Extract<Message, { type: 'team-check' }>;
export type TeamMemory = Pick<LeadMemory, 'getSettings' | 'teamChecks' | 'recordTeamChecks'>;

/** A round waiting for its answers (the worker may be stopped meanwhile; then the page asks again later). */
interface Live {
  round: Round;
  tabId: number;
  url: string;
  host: string;
  dialect: Dialect;
  refOfKey: Map<string, string>;
  started: number;
}

const ROUND_TTL_MS = 120_000;
const live = new Map<string, Live>();
/** Each org's published lead rules, asked once per worker life. */
const orgRules = new Map<string, TeamTable[] | null>();

export const TEAM_OFF: TeamCheckReply = { on: false, round: null, requests: [], marks: {}, pausedUntil: null };

/** Whether the rep turned the check on for this page's CRM. */
export function teamCheckOn(settings: Settings, crm: PageLead['crm']): boolean {
  return (crm === 'dynamics' && settings.teamCheck.dynamics) || (crm === 'salesforce' && settings.teamCheck.salesforce);
}

/** The page's leads worth asking about: marketplace leads (test leads are nobody), grouped per record. */
export function planLeads(
  leads: readonly PageLead[],
  org: string,
  country: string | null,
): { leads: PlanLead[]; refOfKey: Map<string, string>; mode: PlanMode } {
  const byRef = new Map<string, PlanLead>();
  const refOfKey = new Map<string, string>();
  for (const l of leads) {
    const source = l.lead.leadSource;
    if (!source?.ok || source.testLead) continue;
    const recordId = l.crm === 'dynamics' ? guid(l.recordId) : l.recordId;
    const ref = recordId ? `r:${recordId}` : `k:${l.key}`;
    if (!byRef.has(ref)) {
      const customer = teamCustomer(l.lead.customer, country);
      const keys = teamKeys(customer, org, l.view === 'record' ? recordId : null);
      if (!askable(keys)) continue;
      byRef.set(ref, { ref, customer, keys, recordId });
    }
    refOfKey.set(l.key, ref);
  }
  const mode: PlanMode = leads.length > 0 && leads.every((l) => l.view === 'record') ? 'record' : 'grid';
  return { leads: [...byRef.values()], refOfKey, mode };
}

function marksOf(l: Live, pausedUntil: string | null, now: Date): TeamCheckReply['marks'] {
  const views = roundViews(l.round, pausedUntil, now.toISOString());
  const marks: TeamCheckReply['marks'] = {};
  for (const [key, ref] of l.refOfKey) {
    const view = views.get(ref);
    marks[key] = view ? badgeOf(view) : waitingBadge(pausedUntil);
  }
  return marks;
}

async function publish(l: Live, step: Step, memory: TeamMemory, now: Date, roundId: string): Promise<TeamCheckReply> {
  const gate = await teamGate();
  if (step.pause !== null) await gate.pause(step.pause, now.getTime());
  if (step.rules !== undefined) orgRules.set(l.host, step.rules);
  if (step.rows.length) await memory.recordTeamChecks(step.rows).catch(() => undefined);
  const pausedUntil = gate.pausedUntilIso(now.getTime());
  const views = roundViews(l.round, pausedUntil, now.toISOString());
  const byKey: TeamTabView['byKey'] = {};
  for (const [key, ref] of l.refOfKey) {
    const view = views.get(ref);
    if (view) byKey[key] = view;
  }
  await writeTeamView(l.tabId, l.url, l.host, byKey);
  const requests = step.requests.filter((r) => !r.method).map((r) => ({ id: r.id, path: r.path }));
  if (requests.length) live.set(roundId, l);
  else live.delete(roundId);
  return { on: true, round: requests.length ? roundId : null, requests, marks: marksOf(l, pausedUntil, now), pausedUntil };
}

function sweep(now: number): void {
  for (const [id, l] of live) if (now - l.started > ROUND_TTL_MS) live.delete(id);
}

export async function handleTeamCheck(message: TeamCheck, tabId: number, memory: TeamMemory, now: Date): Promise<TeamCheckReply> {
  sweep(now.getTime());
  const settings = await memory.getSettings();
  const tab = await readTab(tabId);
  const wanted = new Set(message.keys);
  const pageLeads = (tab?.leads ?? []).filter((l) => wanted.has(l.key));
  const crm = pageLeads[0]?.crm;
  if (!crm || !teamCheckOn(settings, crm)) return TEAM_OFF;
  let url: URL;
  try {
    url = new URL(message.url);
  } catch {
    return TEAM_OFF;
  }
  if (url.protocol !== 'https:') return TEAM_OFF;

  if (message.round !== undefined) return continueCheck(message.round, message.answers ?? [], tabId, memory, now);

  const gate = await teamGate();
  const host = url.host.toLowerCase();
  const planned = planLeads(pageLeads, crm === 'salesforce' ? (apiHost(host) ?? host) : host, settings.defaultCountry);
  if (!gate.open(now.getTime())) {
    const pausedUntil = gate.pausedUntilIso(now.getTime());
    const marks = Object.fromEntries([...planned.refOfKey.keys()].map((k) => [k, waitingBadge(pausedUntil)]));
    return { on: true, round: null, requests: [], marks, pausedUntil };
  }
  const keys = planned.leads.flatMap((p) => p.keys.map((k) => k.id));
  const rows = keys.length ? await memory.teamChecks(keys).catch(() => []) : [];
  if (crm === 'salesforce') return salesforceReply(url, message.url, tabId, planned, rows, memory, now);
  const rules = orgRules.has(host) ? orgRules.get(host) : undefined;
  const dialect = dataverseDialect(url);
  const started = startRound(planned.leads, planned.mode, dialect, rows, rules);
  const l: Live = { round: started.round, tabId, url: message.url, host, dialect, refOfKey: planned.refOfKey, started: now.getTime() };
  return publish(l, started.step, memory, now, crypto.randomUUID());
}

/** Salesforce: the worker asks the org itself and answers with the marks at once (no requests for the page). */
async function salesforceReply(
  url: URL,
  pageUrl: string,
  tabId: number,
  planned: ReturnType<typeof planLeads>,
  rows: CacheRow[],
  memory: TeamMemory,
  now: Date,
): Promise<TeamCheckReply> {
  const ports = { hasAccess: hasSalesforceAccess, session: salesforceSession, fetch: (...a: Parameters<typeof fetch>) => fetch(...a) };
  const result = await salesforceCheck(url, planned.leads, planned.mode, rows, ports, now);
  if (!result) return TEAM_OFF;
  const host = url.host.toLowerCase();
  const l: Live = {
    round: result.round,
    tabId,
    url: pageUrl,
    host,
    dialect: salesforceDialect(url),
    refOfKey: planned.refOfKey,
    started: now.getTime(),
  };
  return publish(l, { requests: [], rows: result.rows, pause: result.pause, rules: undefined }, memory, now, crypto.randomUUID());
}

async function continueCheck(
  roundId: string,
  answers: TeamAnswer[],
  tabId: number,
  memory: TeamMemory,
  now: Date,
): Promise<TeamCheckReply> {
  const l = live.get(roundId);
  if (!l || l.tabId !== tabId) {
    // The round is gone (the worker restarted, or it timed out): nothing is asked again now.
    return { on: true, round: null, requests: [], marks: {}, pausedUntil: null };
  }
  const step = continueRound(l.round, answers, l.dialect, now.toISOString());
  return publish(l, step, memory, now, roundId);
}
