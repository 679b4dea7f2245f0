// What the side panel shows for each tab. The service worker keeps it in storage.session under
// tabKey(tabId) (background/tab-state.ts writes it, platform/tab-leads.ts lets the panel watch it): it
// survives the worker being stopped, is cleared when the browser closes, and content scripts cannot
// read it.
import type { DecodedLeadSource, DuplicateStatus } from '../core/types';
import type { IngestResult } from '../store/types';
import type { PageLead } from './messages';

/** One lead of the tab, with the memory's verdict on it. */
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

const TAB_KEY_PREFIX = 'tab:';

/** The storage.session key of a tab's view. */
export function tabKey(tabId: number): string {
  return `${TAB_KEY_PREFIX}${tabId}`;
}

/** The tab a storage.session key belongs to, or null when it is not a tab's view. */
export function tabIdOfKey(key: string): number | null {
  if (!key.startsWith(TAB_KEY_PREFIX)) return null;
  const id = Number(key.slice(TAB_KEY_PREFIX.length));
  return Number.isInteger(id) ? id : null;
}
