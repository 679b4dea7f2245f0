// The limits every lead field must keep, wherever the lead comes from: a content script's report (untrusted page
// data), an imported memory file, the settings the options page or a file sends. One set of checks, so the
// message validator (messaging/validate.ts) and the import (store/records.ts) cannot drift apart. Pure.
import type { CrmId, CustomerFields } from './types';

/** Longest text per customer field; `country` and `phone` are short by nature, an address is not a name. */
export const CUSTOMER_FIELD_MAX: Readonly<Record<keyof CustomerFields, number>> = {
  firstName: 200,
  lastName: 200,
  fullName: 400,
  email: 320,
  phone: 100,
  company: 400,
  title: 400,
  country: 100,
};

export const CUSTOMER_FIELDS = Object.keys(CUSTOMER_FIELD_MAX) as ReadonlyArray<keyof CustomerFields>;

export const BOUNDS = {
  /** A LeadSource value is at most a few hundred characters; a cell holding several stays well below this. */
  leadSourceInput: 4000,
  offerTitle: 500,
  /** Salesforce's long text area holds 32,000 characters, the largest description a CRM shows. */
  description: 32_000,
  recordId: 200,
  url: 2048,
  /** A badge key: `<crm>:<record>:<field>:<n>` or a list row's identity. */
  leadKey: 1000,
  /** Ids the memory hands out (`c-…`, `s-…`) and their pairs. */
  id: 200,
  /** ISO 8601 with zone and fraction: `2024-05-01T09:30:00.000+03:00` and then some. */
  date: 40,
  /** Leads one page report may carry (the adapters' row cap is far below). */
  leadsPerPage: 2000,
  rowsSkipped: 1_000_000,
  /** The side panel's search box. */
  searchQuery: 200,
  /** A next step's id in the checklist (`reply`, `demo`, …). */
  stepId: 100,
  /** An offer dictionary key (`publisher.offer`) and the friendly name filed under it. */
  offerKey: 300,
  offerName: 200,
} as const;

/** Dates outside this window are not a lead's: before 1990, or more than two days ahead of now. */
export const EARLIEST_DATE = Date.UTC(1990, 0, 1);
export const FUTURE_SLACK_MS = 2 * 86_400_000;

/** CRMs a page can report from (the content script's adapters and the generic reader). */
export const PAGE_CRMS: ReadonlySet<CrmId> = new Set(['dynamics', 'salesforce', 'hubspot', 'generic']);
/** Every CRM id a stored lead may carry (pages, imports and the rep's own entries). */
export const ALL_CRMS: ReadonlySet<CrmId> = new Set(['dynamics', 'salesforce', 'hubspot', 'generic', 'import', 'manual']);

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string of at most `max` characters. */
export const boundedString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** Null, undefined or a string of at most `max` characters. */
export const optionalString = (v: unknown, max: number): boolean => v === null || v === undefined || boundedString(v, max);

/** A record id: a non-empty string of at most BOUNDS.id characters. */
export const boundedId = (v: unknown): v is string => boundedString(v, BOUNDS.id) && v.length > 0;

/** A lead's optional text fields, each with its bound, as a page report and an imported sighting carry them. */
const LEAD_TEXTS = {
  recordId: BOUNDS.recordId,
  recordUrl: BOUNDS.url,
  offerTitle: BOUNDS.offerTitle,
  description: BOUNDS.description,
} as const;

/** The first of these optional text fields of `v` that is not null, absent or text within its bound, said as a reason. */
export function leadTextProblem(v: Record<string, unknown>, fields: readonly (keyof typeof LEAD_TEXTS)[]): string | null {
  for (const f of fields) if (!optionalString(v[f], LEAD_TEXTS[f])) return `${f} must be at most ${LEAD_TEXTS[f]} characters`;
  return null;
}

/** An ISO-like date that parses and lies between 1990 and two days from `now`. */
export function boundedDate(v: unknown, now: Date): v is string {
  if (!boundedString(v, BOUNDS.date)) return false;
  const t = Date.parse(v);
  return Number.isFinite(t) && t >= EARLIEST_DATE && t <= now.getTime() + FUTURE_SLACK_MS;
}

/** Why a customer object breaks the rules (unknown field, too many, too long, not text), or null. */
export function customerFieldsProblem(v: unknown): string | null {
  if (!isObject(v)) return 'customer must be an object';
  const keys = Object.keys(v);
  if (keys.length > CUSTOMER_FIELDS.length) return `customer has ${keys.length} fields; at most ${CUSTOMER_FIELDS.length}`;
  for (const k of keys) {
    const max = (CUSTOMER_FIELD_MAX as Record<string, number>)[k];
    if (max === undefined) return `customer field "${k.slice(0, 40)}" is not one LeadLens keeps`;
    if (!optionalString(v[k], max)) return `customer field "${k}" must be text of at most ${max} characters`;
  }
  return null;
}

/** The customer fields as a fresh object holding only the known, non-empty text fields. */
export function cleanCustomer(v: Record<string, unknown>): CustomerFields {
  const out: Record<string, string> = {};
  // In the object's own order, so a record that goes out and comes back in is the same text.
  for (const k of Object.keys(v)) {
    const value = v[k];
    if (Object.hasOwn(CUSTOMER_FIELD_MAX, k) && typeof value === 'string') out[k] = value;
  }
  return out as CustomerFields;
}

/**
 * A record link LeadLens may show: an https URL without user name or password, within the length bound, and,
 * when `pageHost` is given, on that very host (the CRM page that reported it). Anything else is null.
 */
export function safeRecordUrl(v: unknown, pageHost?: string): string | null {
  if (!boundedString(v, BOUNDS.url) || !v) return null;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  if (pageHost !== undefined && url.hostname.toLowerCase() !== pageHost.toLowerCase()) return null;
  return url.href;
}
