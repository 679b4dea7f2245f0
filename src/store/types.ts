// The lead memory's public shapes: what the service worker hands in, and what the UI gets back.
// The IndexedDB schema itself is private to src/store/.
import { FOLLOW_UP_DEFAULT_HOURS } from '../core/follow-up';
import type {
  CrmId,
  DecodedLeadSource,
  Decision,
  DuplicateStatus,
  Lead,
  MatchedField,
  NormalizedCustomer,
  Offer,
  Stage,
} from '../core/types';

export type { CrmId, Decision };

/** One lead seen on a page (or imported), before it is stored. */
export interface SightingInput {
  crm: CrmId;
  /** The CRM's own record id when the page shows it (D365 GUID, Salesforce 00Q..., HubSpot id). */
  recordId: string | null;
  recordUrl: string | null;
  lead: Lead;
  /** When LeadLens saw it, ISO 8601. */
  seenAt: string;
}

/** A stored sighting. */
export interface Sighting {
  id: string;
  customerId: string;
  crm: CrmId;
  recordId: string | null;
  recordUrl: string | null;
  /** Identity of the lead record, used to make re-seeing idempotent. */
  recordKey: string;
  leadSource: DecodedLeadSource | null;
  customer: Lead['customer'];
  normalized: NormalizedCustomer;
  offerTitle: string | null;
  description: string | null;
  createdAt: string | null;
  firstSeen: string;
  lastSeen: string;
  /** The verdict given when this sighting first arrived. */
  match: MatchInfo;
}

/** Why a lead was judged the same customer as an earlier one. */
export interface MatchInfo {
  status: DuplicateStatus;
  /** Fields that agreed with the matched customer, e.g. ['email', 'phone', 'name']. */
  fields: MatchedField[];
  /** Total Fellegi–Sunter weight (log2 odds); 0 for new customers. */
  score: number;
  /** The earlier sighting it matched best, if any. */
  matchedSightingId: string | null;
  /** For `possible`: the customer it may belong to (the sighting is kept in its own customer until confirmed). */
  candidateCustomerId: string | null;
  /** The rep's decision on a `possible` match. */
  decision: Decision | null;
}

/** The answer to ingesting one sighting. */
export interface IngestResult {
  sightingId: string;
  customerId: string;
  match: MatchInfo;
  /** True when this lead moved the customer further down the funnel (interest → trial → active). */
  stageAdvanced: boolean;
  /** True when the same record had been seen before (nothing new was stored). */
  seenBefore: boolean;
}

/** What an import did: leads added, and leads skipped because the memory already had them. */
export interface ImportResult {
  imported: number;
  skipped: number;
}

export interface JourneyStep {
  sightingId: string;
  action: DecodedLeadSource['action'];
  stage: Stage;
  offer: string | null;
  source: DecodedLeadSource['source'];
  /** The lead's own time when known, else when it was first seen. */
  at: string;
  crm: CrmId;
  recordUrl: string | null;
}

export interface CustomerView {
  customerId: string;
  displayName: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  journey: JourneyStep[];
  furthestStage: Stage;
  /** Other customers at the same company (shared corporate domain or company key). */
  colleagues: Array<{ customerId: string; displayName: string; email: string | null; lastSeen: string }>;
  /** Open `possible` matches awaiting the rep's decision. */
  pending: Array<{ sightingId: string; candidateCustomerId: string; fields: MatchedField[] }>;
}

/** One customer the side panel's search found: who, how far they got, which offers, how many leads matched. */
export interface SearchHit {
  customerId: string;
  displayName: string;
  company: string | null;
  email: string | null;
  /** The newest matching lead's time (created, else first seen). */
  lastAt: string;
  /** The customer's furthest stage. */
  stage: Stage;
  offers: Offer[];
  /** Leads of this customer that matched. */
  leads: number;
}

/** An offer's friendly name in the offer dictionary, keyed by `publisher.offer` (lower case). */
export interface OfferName {
  key: string;
  name: string;
  /** 'learnt' from a lead that showed both the id and a title; 'edited' by the rep (never overwritten by learning). */
  origin: 'learnt' | 'edited';
  updatedAt: string;
}

/** The steps of a lead's checklist the rep ticked off. */
export interface StepTicks {
  sightingId: string;
  steps: string[];
  updatedAt: string;
}

export interface Settings {
  /** Sightings older than this many days are purged. */
  retentionDays: number;
  /** Default country for phone numbers without a country code (ISO alpha-2), or null. */
  defaultCountry: string | null;
  lang: 'auto' | 'en' | 'ru';
  /** Hours the rep gives a new lead's first steps before they count as overdue (1–720). */
  followUpHours: number;
  /**
   * The team check: ask the CRM itself (with the rep's own session) whether a customer is already there.
   * Off until the rep turns it on in the options, per CRM; Salesforce also needs permissions granted then.
   */
  teamCheck: TeamCheckSettings;
}

export interface TeamCheckSettings {
  dynamics: boolean;
  salesforce: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  retentionDays: 365,
  defaultCountry: null,
  lang: 'auto',
  followUpHours: FOLLOW_UP_DEFAULT_HOURS,
  teamCheck: { dynamics: false, salesforce: false },
};
