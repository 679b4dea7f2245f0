// Every message that crosses a context boundary, as one discriminated union.
// Messages from content scripts are untrusted page-derived input: the service worker validates them
// with `parseMessage` before acting.
import type { DecodedLeadSource, DuplicateStatus, Lang, Lead } from '../core/types';
import type { CrmId, CustomerView, IngestResult, Settings } from '../store/types';

/** A lead the content script found on the page. */
export interface PageLead {
  /** Stable id of this occurrence on the page (also the badge's `data-leadlens-key`). */
  key: string;
  crm: CrmId;
  view: 'record' | 'list';
  recordId: string | null;
  recordUrl: string | null;
  lead: Lead;
}

/** What the side panel shows for one lead of the current tab. */
export interface TabLead extends PageLead {
  duplicate: DuplicateStatus;
  result: IngestResult | null;
  /** When LeadLens first saw this lead in this tab (the due-time reference when the page shows no created date). */
  firstSeen: string;
}

export interface TabLeads {
  tabId: number;
  url: string;
  updatedAt: string;
  leads: TabLead[];
  /** Decoded by the context menu, newest first. */
  selections: Array<{ text: string; decoded: DecodedLeadSource[]; at: string }>;
  /** The lead the rep clicked on the page, if any. */
  focusKey: string | null;
  /** List rows the page showed beyond what one scan reads (the rep is asked to filter the view). */
  skippedRows?: number;
  /** Why the lead memory could not take this page's leads (full disk, blocked upgrade...), if it failed. */
  memoryError?: string | null;
}

export type Message =
  | { type: 'page-leads'; url: string; leads: PageLead[]; skippedRows?: number }
  | { type: 'focus-lead'; key: string }
  | { type: 'get-locale' }
  | { type: 'get-tab-leads'; tabId: number }
  | { type: 'get-customer'; customerId: string }
  | { type: 'decide-match'; sightingId: string; decision: 'confirmed' | 'rejected' }
  | { type: 'forget-customer'; customerId: string }
  | { type: 'forget-all' }
  | { type: 'export'; format: 'json' | 'csv' }
  | { type: 'import'; format: 'json' | 'csv'; text: string }
  | { type: 'get-settings' }
  | { type: 'get-stats' }
  | { type: 'set-settings'; settings: Partial<Settings> };

/** The reply each message gets. */
export interface Replies {
  'page-leads': { statuses: Record<string, IngestResult | null>; error?: string };
  'focus-lead': { ok: boolean };
  /** The language chosen in the options and the badge strings in it; nulls when LeadLens follows the browser. */
  'get-locale': { lang: Lang | null; messages: Record<string, string> | null };
  'get-tab-leads': TabLeads | null;
  'get-customer': CustomerView | null;
  'decide-match': { ok: boolean; error?: string };
  'forget-customer': { ok: boolean; error?: string };
  'forget-all': { ok: boolean; error?: string };
  export: { text: string; filename: string } | { error: string };
  import: { imported: number; skipped: number } | { error: string; line?: number };
  'get-settings': Settings;
  /** What the memory holds, and the browser's storage estimate for the extension (bytes; null if unknown). */
  'get-stats': { customers: number; leads: number; usage: number | null; quota: number | null } | { error: string };
  'set-settings': Settings | { error: string };
}

export type Reply<T extends Message['type']> = Replies[T];
