// The team check's vocabulary: asking the CRM itself (with the rep's own session) whether a lead's
// customer is already there as a lead, contact or account. Pure data shapes, shared by the query
// builders, the parsers, the service worker, the content script and the side panel.
import type { DuplicateStatus } from '../types';

/** The CRM tables a customer can already be in (Dataverse logical names; Salesforce Lead/Contact/Account). */
export type TeamTable = 'lead' | 'contact' | 'account';

export const TEAM_TABLES: readonly TeamTable[] = ['lead', 'contact', 'account'];

/**
 * What a customer key is made of. `email`, `person`, `company`, `domain` and `rule` are asked for;
 * `phone` is only compared on the records the other keys brought back (phones are free text in the CRM).
 */
export type TeamKeyKind = 'email' | 'phone' | 'person' | 'company' | 'domain' | 'rule';

/** One customer key: `org|kind:value`, e.g. `contoso.crm4.dynamics.com|email:ada.park@contoso.com`. */
export interface TeamKey {
  kind: TeamKeyKind;
  /** The normalised value (what the CRM is asked for, or what a record is compared with). */
  value: string;
  /** The cache key: org host, kind and value. */
  id: string;
}

/**
 * One CRM record as LeadLens keeps it after reading a response: a whitelist of fields, each plain text
 * (or null). Nothing else of the response survives parsing.
 */
export interface TeamRecord {
  table: TeamTable;
  /** Dataverse GUID (lower case) or Salesforce 15/18-character id. */
  id: string;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phones: string[];
  company: string | null;
  website: string | null;
  owner: string | null;
  /** ISO 8601. */
  createdOn: string | null;
}

/** A CRM record that is this customer (or may be), and which keys said so. */
export interface TeamMatch {
  record: TeamRecord;
  status: Exclude<DuplicateStatus, 'new'>;
  kinds: TeamKeyKind[];
  /** https link to the record on the same CRM host, or null. */
  url: string | null;
}

/** What one table's answer came to. */
export type TableOutcome =
  | 'checked' //      the CRM answered; matches (if any) are listed
  | 'forbidden' //    403: the rep may not read this table
  | 'session' //      401: the CRM session expired
  | 'paused' //       429: the CRM asked to wait (Retry-After)
  | 'limit' //        Salesforce: the org's daily API allowance is mostly used; LeadLens stops asking
  | 'failed'; //      anything else: bad JSON, 400, 5xx, network

/** The team verdict on one lead, as the side panel shows it. */
export interface TeamLeadView {
  /** `pending` while asking; `done` when every table has an outcome. */
  phase: 'pending' | 'done';
  /** The strongest match: duplicate beats possible; `new` when the CRM answered with nothing. */
  status: DuplicateStatus;
  matches: TeamMatch[];
  tables: Partial<Record<TeamTable, TableOutcome>>;
  /** ISO 8601: when checks may resume after a 429. */
  pausedUntil: string | null;
  /** ISO 8601: when the CRM was asked (or the session cache answered). */
  checkedAt: string;
  /** True when the answer came from this session's cache. */
  cached: boolean;
}

/** The badge's part of a team verdict (sent to the content script). */
export type TeamMark = 'pending' | 'duplicate' | 'possible' | 'none' | 'not-checked' | 'unavailable' | 'paused';

export interface TeamBadge {
  mark: TeamMark;
  /** What the team answer adds to the badge's duplicate status. */
  status: DuplicateStatus;
  /** Up to three matches to name in the hover card. */
  matches: Array<{ table: TeamTable; name: string | null; owner: string | null }>;
  more: number;
  pausedUntil: string | null;
}

const RANK: Readonly<Record<DuplicateStatus, number>> = { new: 0, possible: 1, duplicate: 2 };

/** The stronger of two duplicate statuses (a team answer can only upgrade a badge, never downgrade it). */
export function strongest(a: DuplicateStatus, b: DuplicateStatus): DuplicateStatus {
  return RANK[a] >= RANK[b] ? a : b;
}
