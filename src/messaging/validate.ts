// Checks that an incoming message has the shape its type promises, field by field: every field has a type, a
// length bound and, where it has one, an allowed set (core/bounds.ts holds the limits, shared with the import).
// Content scripts run next to hostile pages, so whatever they send is untrusted: unknown types, unknown fields
// in a lead, wrong types, oversized text, dates that do not parse or lie outside 1990…now+2 days, duplicate
// badge keys are all refused as a whole, never half-processed. A valid message comes back as a fresh copy
// holding only the fields LeadLens reads. Where a page lead's record link may point is the router's business
// (it knows the sending page's host, see background/router.ts).
import {
  BOUNDS,
  boundedDate,
  boundedId as id,
  boundedString,
  cleanCustomer,
  customerFieldsProblem,
  isObject,
  leadTextProblem,
  PAGE_CRMS,
} from '../core/bounds';
import type { CrmId, DecodedLeadSource, Lead } from '../core/types';
import { settingsChangeProblem } from '../store/settings';
import type { TeamAnswer } from '../core/team/answers';
import type { Message, PageLead } from './messages';
import { MAX_PARTS, PART_CHARS } from './transfer';

/** The largest import text one `import` message may carry itself (a bigger file arrives in parts, see transfer.ts). */
export const MAX_IMPORT_TEXT = PART_CHARS;

type Check = (v: unknown, now: Date) => boolean;

const transferId = (v: unknown) => boundedString(v, 64) && v.length > 0;
const partIndex = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_PARTS;
const format = (v: unknown) => v === 'json' || v === 'csv';

/** Each type's fields and their checks; a field not listed here is ignored and not copied. */
const SHAPES: Record<Message['type'], Record<string, Check>> = {
  'page-leads': {
    url: (v) => boundedString(v, BOUNDS.url),
    leads: (v, now) => Array.isArray(v) && v.length <= BOUNDS.leadsPerPage && v.every((l) => pageLeadProblem(l, now) === null),
    skippedRows: (v) => v === undefined || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= BOUNDS.rowsSkipped),
    // A report of changes only (issue 9): the keys gone since the page's last report.
    delta: (v) => v === undefined || typeof v === 'boolean',
    removed: (v) =>
      v === undefined || (Array.isArray(v) && v.length <= BOUNDS.leadsPerPage && v.every((k) => boundedString(k, BOUNDS.leadKey))),
  },
  'focus-lead': { key: (v) => boundedString(v, BOUNDS.leadKey) && v.length > 0 },
  'get-locale': {},
  'get-customer': { customerId: id },
  'decide-match': { sightingId: id, decision: (v) => v === 'confirmed' || v === 'rejected' },
  'forget-customer': { customerId: id },
  'forget-all': {},
  export: { format },
  'export-part': { download: transferId, index: partIndex },
  'import-part': { upload: transferId, index: partIndex, text: (v) => boundedString(v, PART_CHARS) },
  import: {
    format,
    text: (v) => v === undefined || boundedString(v, MAX_IMPORT_TEXT),
    upload: (v) => v === undefined || transferId(v),
    parts: (v) => v === undefined || (partIndex(v) && (v as number) > 0),
    withSettings: (v) => v === undefined || typeof v === 'boolean',
  },
  'get-settings': {},
  'get-stats': {},
  'set-settings': { settings: (v) => settingsChangeProblem(v) === null },
  'team-check': {
    url: (v) => boundedString(v, BOUNDS.url),
    keys: (v) => Array.isArray(v) && v.length <= BOUNDS.leadsPerPage && v.every((k) => boundedString(k, BOUNDS.leadKey) && k.length > 0),
    round: (v) => v === undefined || (boundedString(v, 100) && v.length > 0),
    answers: (v) => v === undefined || (Array.isArray(v) && v.length <= MAX_TEAM_ANSWERS && v.every(isTeamAnswer)),
  },
  // The rep's desk (background/desk.ts), from LeadLens pages only.
  search: { query: (v) => boundedString(v, BOUNDS.searchQuery) },
  'get-ticks': { sightingId: id },
  'set-tick': { sightingId: id, step: (v) => boundedString(v, BOUNDS.stepId) && v.length > 0, done: (v) => typeof v === 'boolean' },
  'get-offers': {},
  'offer-ids': { prefix: (v) => boundedString(v, BOUNDS.offerKey) && v.length > 0 },
  // An empty name removes the entry (store/offers.ts).
  'set-offer': { key: (v) => boundedString(v, BOUNDS.offerKey) && v.trim().length > 0, name: (v) => boundedString(v, BOUNDS.offerName) },
};

/** Answers one team-check round may bring back, and the longest body each may carry. */
const MAX_TEAM_ANSWERS = 64;
const MAX_TEAM_BODY = 4_000_000;
const TEAM_ERRORS = new Set(['skipped', 'network', 'timeout', 'too-large', 'refused']);

/** One answer to a team-check request, as the content script read it off the CRM's response. */
export function isTeamAnswer(v: unknown): boolean {
  if (!isObject(v) || !boundedString(v.id, 200) || !v.id) return false;
  if (!(Number.isInteger(v.status) && (v.status as number) >= 0 && (v.status as number) < 1000)) return false;
  if (!(v.retryAfter === null || boundedString(v.retryAfter, 100)) || !(v.text === null || boundedString(v.text, MAX_TEAM_BODY)))
    return false;
  return v.error === undefined || (typeof v.error === 'string' && TEAM_ERRORS.has(v.error));
}

/** A checked answer as a fresh object with only the fields the worker reads. */
function copyTeamAnswer(v: Record<string, unknown>): TeamAnswer {
  const answer: TeamAnswer = {
    id: v.id as string,
    status: v.status as number,
    retryAfter: v.retryAfter as string | null,
    text: v.text as string | null,
  };
  if (v.error !== undefined) answer.error = v.error as TeamAnswer['error'];
  return answer;
}

/** Why a page lead is refused, or null when every field keeps its type, bound and allowed set. */
export function pageLeadProblem(value: unknown, now: Date = new Date()): string | null {
  if (!isObject(value)) return 'a lead must be an object';
  if (!boundedString(value.key, BOUNDS.leadKey) || !value.key) return 'key must be text';
  if (!PAGE_CRMS.has(value.crm as CrmId)) return 'crm is not one a page can report';
  if (value.view !== 'record' && value.view !== 'list') return 'view must be record or list';
  const record = leadTextProblem(value, ['recordId', 'recordUrl']);
  if (record) return record;
  const lead = value.lead;
  if (!isObject(lead)) return 'lead must be an object';
  const source = lead.leadSource;
  if (source !== null && !(isObject(source) && boundedString(source.input, BOUNDS.leadSourceInput)))
    return `leadSource must be null or carry its input text (at most ${BOUNDS.leadSourceInput} characters)`;
  const customer = customerFieldsProblem(lead.customer);
  if (customer) return customer;
  const text = leadTextProblem(lead, ['offerTitle', 'description']);
  if (text) return text;
  if (lead.createdAt !== undefined && lead.createdAt !== null && !boundedDate(lead.createdAt, now))
    return 'createdAt must be a date between 1990 and now';
  return null;
}

/** A checked page lead as a fresh object with only the fields LeadLens reads. */
function copyPageLead(v: Record<string, unknown>): PageLead {
  const lead = v.lead as Record<string, unknown>;
  const source = lead.leadSource as { input: string } | null;
  const copy: Lead = {
    // Only the text travels on: the worker decodes it again (background/page-leads.ts).
    leadSource: source === null ? null : ({ input: source.input } as DecodedLeadSource),
    customer: cleanCustomer(lead.customer as Record<string, unknown>),
  };
  for (const k of ['offerTitle', 'description', 'createdAt'] as const) if (typeof lead[k] === 'string') copy[k] = lead[k];
  return {
    key: v.key as string,
    crm: v.crm as CrmId,
    view: v.view as PageLead['view'],
    recordId: typeof v.recordId === 'string' ? v.recordId : null,
    recordUrl: typeof v.recordUrl === 'string' ? v.recordUrl : null,
    lead: copy,
  };
}

/** Returns a fresh copy of the message when it is well-formed, otherwise null. */
export function parseMessage(value: unknown, now: Date = new Date()): Message | null {
  if (!isObject(value)) return null;
  const type = value.type;
  if (typeof type !== 'string' || !Object.hasOwn(SHAPES, type)) return null;
  const shape = SHAPES[type as Message['type']];
  const copy: Record<string, unknown> = { type };
  for (const [field, check] of Object.entries(shape)) {
    if (!check(value[field], now)) return null;
    if (value[field] !== undefined) copy[field] = value[field];
  }
  // An import names its text or its parts, never both and never neither.
  if (type === 'import' && (copy.text === undefined) === (copy.upload === undefined || copy.parts === undefined)) return null;
  if (type === 'page-leads') {
    const leads = (value.leads as Record<string, unknown>[]).map(copyPageLead);
    if (new Set(leads.map((l) => l.key)).size !== leads.length) return null;
    copy.leads = leads;
  }
  if (type === 'team-check') {
    // A round's answers come with the round they answer; a start has neither.
    if ((value.round === undefined) !== (value.answers === undefined)) return null;
    if (value.answers !== undefined) copy.answers = (value.answers as Record<string, unknown>[]).map(copyTeamAnswer);
  }
  return copy as unknown as Message;
}
