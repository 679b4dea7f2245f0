// Every message that crosses a context boundary, as one discriminated union.
// Messages from content scripts are untrusted page-derived input: the service worker validates them
// with `parseMessage` before acting.
import type { TeamAnswer } from '../core/team/answers';
import type { TeamBadge } from '../core/team/types';
import type { CrmId, Decision, Lang, Lead, View } from '../core/types';
import type { CustomerView, IngestResult, OfferName, SearchHit, Settings } from '../store/types';

/** The memory's shapes the replies carry, for pages that must not reach into the store. */
export type { CustomerView, IngestResult, OfferName, SearchHit, Settings };

/** A lead the content script found on the page. */
export interface PageLead {
  /** Stable id of this occurrence on the page (also the badge's `data-leadlens-key`). */
  key: string;
  crm: CrmId;
  view: View;
  recordId: string | null;
  recordUrl: string | null;
  lead: Lead;
}

export type Message =
  | {
      type: 'page-leads';
      url: string;
      /** Every lead of the page, or with `delta`, only those added or changed since the last report. */
      leads: PageLead[];
      skippedRows?: number;
      /** The leads are changes to the page's last report (same URL); `removed` names the keys gone. */
      delta?: boolean;
      removed?: string[];
    }
  | { type: 'focus-lead'; key: string }
  | { type: 'get-locale' }
  | { type: 'get-customer'; customerId: string }
  | { type: 'decide-match'; sightingId: string; decision: Decision }
  | { type: 'forget-customer'; customerId: string }
  | { type: 'forget-all' }
  /** Makes an export and offers it in parts (messaging/transfer.ts). */
  | { type: 'export'; format: 'json' | 'csv' }
  | { type: 'export-part'; download: string; index: number }
  | { type: 'import-part'; upload: string; index: number; text: string }
  /**
   * Applies an import: its text, or the `parts` sent before as `import-part` under `upload`.
   * `withSettings`: the rep ticked "also import settings"; without it a file never changes them.
   */
  | { type: 'import'; format: 'json' | 'csv'; text?: string; upload?: string; parts?: number; withSettings?: boolean }
  | { type: 'get-settings' }
  | { type: 'get-stats' }
  | { type: 'set-settings'; settings: Partial<Settings> }
  /**
   * The team check of a page's leads (by occurrence key). Without `round` it starts; with it, it brings
   * the answers to that round's requests (which the content script sent same-origin to the CRM's API).
   */
  | { type: 'team-check'; url: string; keys: string[]; round?: string; answers?: TeamAnswer[] }
  | { type: 'search'; query: string }
  | { type: 'get-ticks'; sightingId: string }
  | { type: 'set-tick'; sightingId: string; step: string; done: boolean }
  | { type: 'get-offers' }
  | { type: 'set-offer'; key: string; name: string }
  /** The known offer ids (memory and dictionary) that begin with `prefix`: the popup completes a cut id with them. */
  | { type: 'offer-ids'; prefix: string };

/** A request the content script sends to its own page's origin for the team check (a GET). */
export interface TeamWireRequest {
  id: string;
  path: string;
}

export interface TeamCheckReply {
  /** False while the team check is off for this CRM (then nothing is ever asked). */
  on: boolean;
  /** Set while requests are out: their answers come back with this round. */
  round: string | null;
  requests: TeamWireRequest[];
  /** Each occurrence key's badge part. */
  marks: Record<string, TeamBadge>;
  /** ISO 8601: no team check before then (a 429's Retry-After). */
  pausedUntil: string | null;
}

/** The reply each message gets. */
export interface Replies {
  /** `resync`: a delta arrived for a page the worker holds no report of; the page sends all its leads. */
  'page-leads': { statuses: Record<string, IngestResult | null>; error?: string; resync?: boolean };
  'focus-lead': { ok: boolean };
  /** The language chosen in the options and the badge strings in it; nulls when LeadLens follows the browser. */
  'get-locale': { lang: Lang | null; messages: Record<string, string> | null };
  'get-customer': CustomerView | null;
  'decide-match': { ok: boolean; error?: string };
  'forget-customer': { ok: boolean; error?: string };
  'forget-all': { ok: boolean; error?: string };
  export: { download: string; parts: number; filename: string } | { error: string };
  'export-part': { text: string } | { error: string };
  'import-part': { ok: true } | { error: string };
  import: { imported: number; skipped: number } | { error: string; line?: number };
  'get-settings': Settings;
  /** What the memory holds, and the browser's storage estimate for the extension (bytes; null if unknown). */
  'get-stats': { customers: number; leads: number; usage: number | null; quota: number | null } | { error: string };
  'set-settings': Settings | { error: string };
  'team-check': TeamCheckReply;
  search: { hits: SearchHit[] } | { error: string };
  'get-ticks': { steps: string[] };
  'set-tick': { steps: string[] } | { error: string };
  'get-offers': { offers: OfferName[] };
  'set-offer': { ok: boolean; error?: string };
  'offer-ids': { ids: string[] };
}

export type Reply<T extends Message['type']> = Replies[T];

/** Asks the service worker: sends one message and resolves to its typed reply (platform's `send`). */
export type Ask = <M extends Message>(message: M) => Promise<Reply<M['type']>>;
