// An imported memory file is untrusted like a page: each record passes the same field bounds as a content
// script's report (core/bounds.ts), and what the memory derives for matching (normalized fields, profile,
// blocking keys, record key, the decoded LeadSource) is computed again from the record's own fields, never
// taken from the file. A doctored file therefore cannot plant keys that make an unrelated lead a duplicate.
import {
  ALL_CRMS,
  BOUNDS,
  boundedDate,
  boundedId as id,
  boundedString,
  cleanCustomer,
  customerFieldsProblem,
  isObject,
  leadTextProblem,
  safeRecordUrl,
} from '../core/bounds';
import { decodeLeadSource } from '../core/leadsource';
import type { CrmId, MatchedField } from '../core/types';
import { customerProblem, normalizedOf, recordKeyOf, sightingProblem } from './records';
import type { MatchInfo, Settings, Sighting, SightingInput } from './types';

/** More matched fields than any verdict names (email, phone, name, company, …). */
const MAX_MATCH_FIELDS = 16;

const optionalId = (v: unknown) => v === null || v === undefined || id(v);

/** Why an imported sighting breaks a bound (after the store's own shape check), or null. */
export function importedSightingProblem(v: unknown, now: Date): string | null {
  const shape = sightingProblem(v);
  if (shape) return shape;
  const s = v as Record<string, unknown>;
  if (!id(s.id) || !id(s.customerId)) return `sighting ids must be at most ${BOUNDS.id} characters`;
  if (!ALL_CRMS.has(s.crm as CrmId)) return 'sighting field "crm" is not a CRM LeadLens knows';
  const record = leadTextProblem(s, ['recordId', 'recordUrl']);
  if (record) return `sighting field ${record}`;
  const customer = customerFieldsProblem(s.customer);
  if (customer) return `sighting ${customer}`;
  const source = s.leadSource;
  if (source !== null && !boundedString((source as Record<string, unknown>).input, BOUNDS.leadSourceInput))
    return `sighting field "leadSource" must carry its input text (at most ${BOUNDS.leadSourceInput} characters)`;
  const text = leadTextProblem(s, ['offerTitle', 'description']);
  if (text) return `sighting field ${text}`;
  for (const k of ['firstSeen', 'lastSeen'] as const)
    if (!boundedDate(s[k], now)) return `sighting field "${k}" must be a date between 1990 and now`;
  if (s.createdAt !== null && !boundedDate(s.createdAt, now)) return 'sighting field "createdAt" must be a date between 1990 and now';
  const match = s.match as Record<string, unknown>;
  if (!Array.isArray(match.fields) || match.fields.length > MAX_MATCH_FIELDS || !match.fields.every((f) => boundedString(f, 40)))
    return 'sighting field "match.fields" must be a short list of field names';
  if (typeof match.score !== 'number' || !Number.isFinite(match.score)) return 'sighting field "match.score" must be a number';
  if (!optionalId(match.matchedSightingId) || !optionalId(match.candidateCustomerId))
    return 'sighting field "match" must name its sightings and customers by id';
  if (match.decision !== null && match.decision !== undefined && match.decision !== 'confirmed' && match.decision !== 'rejected')
    return 'sighting field "match.decision" must be confirmed, rejected or null';
  return null;
}

/** Why an imported customer breaks a bound, or null (its display fields are rebuilt from its sightings anyway). */
export function importedCustomerProblem(v: unknown): string | null {
  const shape = customerProblem(v);
  if (shape) return shape;
  return id((v as Record<string, unknown>).id) ? null : `customer field "id" must be text of at most ${BOUNDS.id} characters`;
}

/** Why an imported decision breaks a bound, or null. */
export function importedDecisionProblem(v: unknown, now: Date): string | null {
  if (!isObject(v)) return 'a decision must be an object';
  if (!id(v.id) || !id(v.sightingId)) return 'decision fields "id" and "sightingId" must be ids';
  if (!Array.isArray(v.customers) || v.customers.length !== 2 || !v.customers.every(id))
    return 'decision field "customers" must be two ids';
  if (v.decision !== 'confirmed' && v.decision !== 'rejected') return 'decision must be confirmed or rejected';
  if (!boundedDate(v.at, now)) return 'decision field "at" must be a date between 1990 and now';
  return null;
}

/**
 * An imported sighting rebuilt from its own fields: customer fields copied as text, the LeadSource decoded again
 * from its input, normalized fields and record key recomputed, a record link kept only when it is https.
 */
export function rebuiltSighting(s: Sighting, settings: Settings): Sighting {
  const customer = cleanCustomer(s.customer as unknown as Record<string, unknown>);
  const leadSource = s.leadSource ? decodeLeadSource(s.leadSource.input) : null;
  const input: SightingInput = {
    crm: s.crm,
    recordId: s.recordId,
    recordUrl: safeRecordUrl(s.recordUrl),
    lead: { leadSource, customer, ...(s.createdAt ? { createdAt: s.createdAt } : {}) },
    seenAt: s.firstSeen,
  };
  const normalized = normalizedOf(input, settings);
  const m = s.match;
  const match: MatchInfo = {
    status: m.status,
    fields: m.fields.map(String) as MatchedField[],
    score: m.score,
    matchedSightingId: m.matchedSightingId ?? null,
    candidateCustomerId: m.candidateCustomerId ?? null,
    decision: m.decision ?? null,
  };
  return {
    id: s.id,
    customerId: s.customerId,
    crm: s.crm,
    recordId: s.recordId,
    recordUrl: input.recordUrl,
    recordKey: recordKeyOf(input, normalized),
    leadSource,
    customer,
    normalized,
    offerTitle: s.offerTitle,
    description: s.description,
    createdAt: s.createdAt,
    firstSeen: s.firstSeen,
    lastSeen: s.lastSeen,
    match,
  };
}
