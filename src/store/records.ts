// What the lead memory keeps, record by record, and the pure functions that build and check records.
// Derived fields (match profile, keys) are kept beside the public Sighting so that matching reads
// ready-made values; they are recomputed on import and never exported.
import { stageRank } from '../core/catalog';
import { searchTerms } from '../core/search';
import { customerName } from '../core/display';
import { normalizeCustomer } from '../core/normalize';
import { blockingKeys, companyKeys, matchProfile, type MatchProfile } from '../core/match';
import type { Decision, NormalizedCustomer, Stage } from '../core/types';
import type { MatchInfo, Settings, Sighting, SightingInput } from './types';

export interface StoredSighting extends Sighting {
  /** Match profile of `normalized`. */
  profile: MatchProfile;
  /** Blocking keys of `profile` (multiEntry index). */
  keys: string[];
  /** Since schema v5: the words the side panel's search finds it by (core/search.ts; multiEntry index). */
  terms?: string[];
  /** Copy of `match.candidateCustomerId` for an index (null is not indexed). */
  candidateCustomerId?: string;
  /** Since schema v4: the whole offer id (`publisher.offer`) of its LeadSource, for the known-offers index. */
  offerKey?: string;
}

export interface StoredCustomer {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  firstSeen: string;
  lastSeen: string;
  furthestStage: Stage;
  /** Since schema v2: corporate domain and company keys (`d:contoso.com`, `c:contoso`) for the account view. */
  orgKeys: string[];
}

export interface StoredDecision {
  /** The two customer ids, sorted, joined by '|'. */
  id: string;
  customers: [string, string];
  decision: Decision;
  sightingId: string;
  at: string;
}

export const SETTINGS_KEY = 'settings';
export type { Settings };

export function pairId(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Identity of a lead record: the CRM's own id when known, else what the lead itself says. */
export function recordKeyOf(input: SightingInput, n: NormalizedCustomer): string {
  if (input.recordId) return `${input.crm}:${input.recordId}`;
  const name = [n.firstName ?? '', n.lastName ?? ''].join(' ');
  return ['lead', input.lead.leadSource?.input.trim() ?? '', n.email ?? '', name, input.lead.createdAt ?? ''].join('|');
}

export function normalizedOf(input: SightingInput, settings: Settings): NormalizedCustomer {
  return normalizeCustomer(input.lead.customer, { defaultCountry: settings.defaultCountry });
}

/** A sighting record ready to store. */
export function buildSighting(
  input: SightingInput,
  normalized: NormalizedCustomer,
  ids: { id: string; customerId: string; recordKey: string },
  match: MatchInfo,
): StoredSighting {
  const s: Sighting = {
    id: ids.id,
    customerId: ids.customerId,
    crm: input.crm,
    recordId: input.recordId,
    recordUrl: input.recordUrl,
    recordKey: ids.recordKey,
    leadSource: input.lead.leadSource,
    customer: input.lead.customer,
    normalized,
    offerTitle: input.lead.offerTitle ?? null,
    description: input.lead.description ?? null,
    createdAt: input.lead.createdAt ?? null,
    firstSeen: input.seenAt,
    lastSeen: input.seenAt,
    match,
  };
  return withDerived(s);
}

/** Adds the derived matching fields to a public sighting. */
export function withDerived(s: Sighting): StoredSighting {
  const profile = matchProfile(s.normalized);
  const stored: StoredSighting = { ...s, profile, keys: blockingKeys(profile), terms: searchTerms(s) };
  if (s.match.candidateCustomerId) stored.candidateCustomerId = s.match.candidateCustomerId;
  const offer = offerKeyOf(s);
  if (offer) stored.offerKey = offer;
  return stored;
}

/**
 * `publisher.offer` of a lead whose LeadSource shows a whole offer id: what a cut one may be completed
 * from. A value that is or may be cut names no known offer.
 */
export function offerKeyOf(s: Pick<Sighting, 'leadSource'>): string | undefined {
  const d = s.leadSource;
  if (!d?.ok || !d.offer?.publisherId || !d.offer.offerId) return undefined;
  if (d.warnings.includes('truncated') || d.warnings.includes('possibly-truncated')) return undefined;
  return `${d.offer.publisherId}.${d.offer.offerId}`;
}

/** The public part of a stored sighting (what export writes). */
export function publicSighting(s: StoredSighting): Sighting {
  const { profile: _p, keys: _k, terms: _t, candidateCustomerId: _c, offerKey: _o, ...rest } = s;
  return rest;
}

export function stageOf(s: Sighting): Stage {
  return s.leadSource?.stage ?? 'unknown';
}

export function displayNameOf(n: NormalizedCustomer, raw: Sighting['customer']): string {
  const name = customerName(raw) || [n.firstName, n.lastName].filter(Boolean).join(' ');
  return name || n.email || raw.company?.trim() || '—';
}

/** A customer as one sighting describes it. */
export function customerFromSighting(s: StoredSighting): StoredCustomer {
  return {
    id: s.customerId,
    displayName: displayNameOf(s.normalized, s.customer),
    email: s.normalized.email,
    phone: s.normalized.phone,
    company: s.normalized.company,
    firstSeen: s.firstSeen,
    lastSeen: s.lastSeen,
    furthestStage: stageOf(s),
    orgKeys: companyKeys(s.profile),
  };
}

/** Folds a newer sighting into a customer: fills gaps, moves lastSeen, keeps the furthest stage. */
export function mergeIntoCustomer(c: StoredCustomer, s: StoredSighting): { customer: StoredCustomer; stageAdvanced: boolean } {
  const stage = stageOf(s);
  const advanced = stageRank(stage) > stageRank(c.furthestStage) && stageRank(c.furthestStage) >= 1;
  const orgKeys = [...new Set([...(c.orgKeys ?? []), ...companyKeys(s.profile)])];
  return {
    stageAdvanced: advanced,
    customer: {
      ...c,
      displayName: c.displayName === '—' ? displayNameOf(s.normalized, s.customer) : c.displayName,
      email: c.email ?? s.normalized.email,
      phone: c.phone ?? s.normalized.phone,
      company: c.company ?? s.normalized.company,
      firstSeen: s.firstSeen < c.firstSeen ? s.firstSeen : c.firstSeen,
      lastSeen: s.lastSeen > c.lastSeen ? s.lastSeen : c.lastSeen,
      furthestStage: stageRank(stage) > stageRank(c.furthestStage) ? stage : c.furthestStage,
      orgKeys,
    },
  };
}

/** Rebuilds a customer from all its sightings (after a purge, a merge or an import). */
export function customerFromSightings(id: string, sightings: StoredSighting[]): StoredCustomer | null {
  const sorted = [...sightings].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen));
  const first = sorted[0];
  if (!first) return null;
  let c = customerFromSighting({ ...first, customerId: id });
  for (const s of sorted.slice(1)) c = mergeIntoCustomer(c, s).customer;
  return c;
}

// ---------------------------------------------------------------------------------------------------
// Shape checks: a record that fails them is corrupt (skipped and reported, never a crash).

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a value is not a valid public sighting, or null when it is. */
export function sightingProblem(v: unknown): string | null {
  if (!isObj(v)) return 'a sighting must be an object';
  for (const k of ['id', 'customerId', 'crm', 'recordKey', 'firstSeen', 'lastSeen'] as const)
    if (!isStr(v[k]) || v[k] === '') return `sighting field "${k}" must be a non-empty string`;
  for (const k of ['recordId', 'recordUrl', 'offerTitle', 'description', 'createdAt'] as const)
    if (!isStrOrNull(v[k])) return `sighting field "${k}" must be a string or null`;
  if (!isObj(v.customer)) return 'sighting field "customer" must be an object';
  if (!isObj(v.normalized)) return 'sighting field "normalized" must be an object';
  if (v.leadSource !== null && !isObj(v.leadSource)) return 'sighting field "leadSource" must be an object or null';
  if (!isObj(v.match) || !['new', 'possible', 'duplicate'].includes(v.match.status as string))
    return 'sighting field "match" must have a status of new, possible or duplicate';
  if (Number.isNaN(Date.parse(v.firstSeen as string)) || Number.isNaN(Date.parse(v.lastSeen as string)))
    return 'sighting dates must be ISO 8601';
  return null;
}

export function isStoredSighting(v: unknown): v is StoredSighting {
  return sightingProblem(v) === null && Array.isArray((v as StoredSighting).keys) && isObj((v as StoredSighting).profile);
}

export function customerProblem(v: unknown): string | null {
  if (!isObj(v)) return 'a customer must be an object';
  for (const k of ['id', 'displayName', 'firstSeen', 'lastSeen', 'furthestStage'] as const)
    if (!isStr(v[k])) return `customer field "${k}" must be a string`;
  for (const k of ['email', 'phone', 'company'] as const) if (!isStrOrNull(v[k])) return `customer field "${k}" must be a string or null`;
  return null;
}

export function isStoredCustomer(v: unknown): v is StoredCustomer {
  return customerProblem(v) === null && Array.isArray((v as StoredCustomer).orgKeys);
}
