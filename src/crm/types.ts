// What a CRM adapter promises: recognise its own pages, and pull lead occurrences out of them.
import type { CrmId, CustomerFields, FoundLeadSource, View } from '../core/types';

export type { View };

/** What kind of CRM page the URL (and, where needed, the document) says this is. */
export interface PageKind {
  crm: CrmId;
  view: View;
  /** Entity / object the page shows (`lead`, `Lead`, `0-1`), null when unknown. */
  entity: string | null;
  /** Record id from the URL on record pages. */
  recordId: string | null;
}

/** One element on the page that shows LeadSource text, with the lead it belongs to. */
export interface Extracted {
  /** The element that shows the value; badges go right after it (after the control for inputs). */
  anchor: Element;
  /** Field that holds the value, as the CRM names it internally (D365 control name, Salesforce API name, ...). */
  field: string;
  /** Every LeadSource occurrence in that field's text, in text order. */
  found: FoundLeadSource[];
  customer: CustomerFields;
  description?: string;
  /** When the lead was created, ISO 8601, when the page shows it. */
  createdAt?: string;
  recordId: string | null;
  recordUrl: string | null;
  view: View;
  /**
   * Identity of a list row that has no record id (D365 grids): the primary name plus the row's values, so a
   * recycled row element never passes its badge on to another record. Never the row's position.
   */
  rowKey?: string;
  /**
   * What the page showed when this was read: each element's text must still be the same for a badge to stay
   * (a recycled grid row rewrites its cells in place). The anchor itself and, in lists, the row's name.
   */
  checks?: ReadonlyArray<readonly [el: Element, text: string]>;
}

/** What a scan claimed and left out. */
export interface ScanReport {
  /** List rows left unread (no adapter caps rows any more: always 0 from them; kept for the side panel's note). */
  skippedRows: number;
  /** Elements the adapter read (fields, cells, rows): the generic scan leaves them alone. */
  claimed?: Element[];
  /** Parts of the page that must never be read, e.g. the Salesforce pages kept in the DOM but not shown. */
  ignored?: Element[];
  /** On record pages: the record, so values the generic scan finds elsewhere on it belong to it. */
  record?: Pick<Extracted, 'customer' | 'recordId' | 'recordUrl' | 'description' | 'createdAt'>;
}

/** A record page of the CRM and what `detect` must read from its URL. */
export interface RecordExample {
  url: string;
  entity: string;
  recordId: string | null;
}

/** A list page of the CRM (list pages carry no record id). */
export interface ListExample {
  url: string;
  entity: string;
}

/**
 * An adapter's example URLs, kept beside its selectors: the record and list pages it must claim, and
 * pages of its own CRM it must leave alone. test/unit/crm/detect.test.ts checks every example of every
 * adapter against every adapter: each URL is claimed by its own adapter only, with the view it is filed under.
 */
export interface UrlExamples {
  record: readonly RecordExample[];
  list: readonly ListExample[];
  not: readonly string[];
}

/**
 * How many elements a selector finds on the fixture pages it is written for, as `[count, page]` pairs
 * (the page's name in test/fixtures/crm/pages.ts), keyed by the selector's path in the adapter's data
 * (`'list.row'`). test/unit/crm/selectors.test.ts counts them, so a change in a CRM's DOM, or in a
 * fixture, shows up as a count mismatch. An empty list says no fixture page has that part yet.
 */
export type SelectorMatches = Readonly<Record<string, ReadonlyArray<readonly [count: number, page: string]>>>;

/**
 * What the tests know about one adapter, kept in its file right below its data object: example URLs
 * and selector counts. Only tests import these, so the build leaves them out of the content script.
 */
export interface AdapterExamples {
  /** The adapter's data object; `matches` names its selectors by their path in it (`'list.row'`). */
  readonly selectors: object;
  readonly urls: UrlExamples;
  readonly matches: SelectorMatches;
}

/**
 * A list page's rows, found without reading them: the content script reads the rows near the viewport
 * first and the rest in idle time, one row at a time.
 */
export interface ListRows {
  /** Each row as the elements that render it (a pinned column renders a second part), in page order. */
  rows: Element[][];
  /** Reads one row (its parts as `rows` gave them). */
  read(parts: readonly Element[]): Extracted[];
  /** Parts of the page that must never be read (views kept in the DOM but not shown). */
  ignored: Element[];
  /**
   * What the rows take up, for the text scan to leave alone: a container holding nothing but rows as one
   * element (so the scan does not step past thousands of rows). Every row part when absent.
   */
  claimed?: Element[];
}

export interface CrmAdapter {
  id: CrmId;
  /** Host names the CRM serves its app from (the manifest's match patterns follow them, see hosts.ts). */
  hosts: readonly RegExp[];
  /** True when the document shows the CRM's own app landmarks; a URL alone never makes a CRM page. */
  landmarks(doc: Document): boolean;
  /** Recognises the adapter's lead pages: its host (or, on a company's own domain, its landmarks) plus the URL. */
  detect(location: URL, doc: Document): PageKind | null;
  /** Reads the page (every row of a list). */
  extract(root: ParentNode, location: URL, report?: ScanReport): Extracted[];
  /** On the adapter's list pages: the rows, to be read one by one; null on other pages. */
  list?(root: ParentNode, location: URL): ListRows | null;
}
