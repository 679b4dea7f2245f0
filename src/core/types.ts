// The shared vocabulary of LeadLens. Every layer (core, store, crm adapters, content script,
// service worker, UI, CLI) speaks in these types; keep them small and free of browser APIs.

/** Canonical storefront a marketplace lead came from. `SPZA` and `AppSource (SPZA)` decode to `AppSource`. */
export type SourceCode = 'AzureMarketplace' | 'AzurePortal' | 'AppSource' | 'TestDrive';

/** The customer action the marketplace reports. Free trial arrives as `INS` too. */
export type ActionCode = 'INS' | 'PLT' | 'DNC' | 'Create' | 'StartTestDrive';

/** Where the customer stands in the funnel, derived from the action (and the test-lead flag). */
export type Stage = 'interest' | 'trial' | 'active' | 'do-not-contact' | 'test' | 'unknown';

export type Lang = 'en' | 'ru';

/** A text kept in both UI languages. */
export type Text = Record<Lang, string>;

/**
 * Why a decoded value deserves a second look, as stable codes (the CLI prints them in --json;
 * the UI looks up their wording in the catalog).
 */
export type WarningCode =
  | 'truncated' //         the value shows a sign of a cut: a trailing `…`, a partial action code, a short GUID group
  | 'possibly-truncated' // the whole field is exactly at its limit (Salesforce's 40 characters): it may be cut
  | 'offer-completed' //   a cut offer id was completed from offers seen before
  | 'several-values' //    the line holds more than one LeadSource; this is the first
  | 'percent-encoded' //   it arrived URL-encoded (%7C for |)
  | 'loose-spacing' //     spaces around '-' or '|', or around the whole value
  | 'source-only' //       only the storefront was given (HTTPS payloads put the action in ActionCode)
  | 'no-offer' //          no offer part after '|'
  | 'legacy-source' //     the retired TestDrive source
  | 'action-storefront-mismatch'; // e.g. Create outside the Azure portal

/** Why a string is not a marketplace LeadSource. */
export type RejectReason =
  | 'empty'
  | 'not-marketplace' //   no marketplace source at all (e.g. `Web`, `Partner Referral`)
  | 'salesforce-appexchange' // `SFDC-IN|...`, a look-alike from Salesforce's own marketplace
  | 'unknown-action' //    a marketplace source with an action code we do not know
  | 'missing-action' //    a marketplace source with nothing after '-'
  | 'too-long'; //         input beyond what a LeadSource can be

export interface Offer {
  /** `publisher` of `publisher.offer`, when the offer part is an id. */
  publisherId: string | null;
  /** `offer` of `publisher.offer`, when the offer part is an id. */
  offerId: string | null;
  /** The offer's display title when the part is free text (or the id itself when no title is known). */
  title: string | null;
  /** When the id was completed from known offers: the id as it arrived. */
  completedFrom?: string;
}

/** The result of decoding one LeadSource occurrence. Never thrown, always returned. */
export interface DecodedLeadSource {
  /** The exact text that was decoded (the occurrence, not the whole surrounding text). */
  input: string;
  ok: boolean;
  source: SourceCode | null;
  /** The spelling the source arrived in (`SPZA`, `AppSource (SPZA)`, ...). */
  sourceLiteral: string | null;
  action: ActionCode | null;
  stage: Stage;
  offer: Offer | null;
  testLead: boolean;
  /** For `MSFT_TEST_<ticks>` test leads: the moment the number encodes, ISO 8601 UTC. */
  testLeadTime: string | null;
  warnings: WarningCode[];
  /** Set when `ok` is false. */
  reason?: RejectReason;
}

/** A LeadSource found inside a longer text, with its position (UTF-16 offsets into that text). */
export interface FoundLeadSource {
  start: number;
  end: number;
  decoded: DecodedLeadSource;
}

/** Customer fields as the marketplace or the CRM page delivered them; every one may be missing. */
export interface CustomerFields {
  firstName?: string;
  lastName?: string;
  /** Only when first/last are not separate (list views, Salesforce `Lead.Name`). */
  fullName?: string;
  email?: string;
  phone?: string;
  company?: string;
  title?: string;
  country?: string;
}

/** One lead as read from a payload, a CSV row or a CRM page. */
export interface Lead {
  /** The decoded LeadSource (null when the record carries none we could read). */
  leadSource: DecodedLeadSource | null;
  customer: CustomerFields;
  /** Offer title sent beside the LeadSource (HTTPS `OfferTitle`, Azure Table `OfferDisplayName`). */
  offerTitle?: string;
  description?: string;
  /** When the lead was created, ISO 8601, if the record says. */
  createdAt?: string;
}

/** Customer fields cleaned for display and matching. Produced by `normalizeCustomer`. */
export interface NormalizedCustomer {
  /** Canonical email: trimmed, lower-cased (provider-specific folding for matching lives in match keys). */
  email: string | null;
  /** Registrable domain of the email (`contoso.co.uk`). */
  emailDomain: string | null;
  /** True when the domain is a free-mail provider (gmail.com, mail.ru, ...): never a company signal. */
  freeMail: boolean;
  /** E.164 (`+14155551234`), or null when the number cannot be parsed. */
  phone: string | null;
  /** ISO 3166-1 alpha-2 (`US`), or null. */
  country: string | null;
  /** Company name as shown, trimmed. */
  company: string | null;
  /** Company with legal forms and punctuation removed, case-folded, Latin script: the matching key. */
  companyKey: string | null;
  /** Trimmed, case-folded names (script kept). */
  firstName: string | null;
  lastName: string | null;
  title: string | null;
}

/** Duplicate verdict for a lead against everything seen before. */
export type DuplicateStatus = 'new' | 'possible' | 'duplicate';

/** A customer field two leads were compared on (the matched ones are listed strongest first). */
export type MatchedField = 'email' | 'phone' | 'name' | 'company' | 'domain' | 'country';

/** The rep's answer to "is this the same customer?" on a possible match. */
export type Decision = 'confirmed' | 'rejected';

/** The kind of CRM page: one record's form, or a list of records. */
export type View = 'record' | 'list';

/** Which CRM a lead was seen on ('import' and 'manual' for leads that came from a file or were typed). */
export type CrmId = 'dynamics' | 'salesforce' | 'hubspot' | 'generic' | 'import' | 'manual';

/** A recommended action for the rep. */
export interface NextStep {
  id: string;
  text: string;
  /** When it should be done, ISO 8601; null when it has no deadline. */
  due: string | null;
}

/** What a stage means and what to do, in one language. */
export interface Playbook {
  stage: Stage;
  headline: string;
  explanation: string;
  steps: NextStep[];
}
