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
}

/** What a scan had to leave out: list rows beyond the adapter's cap (a scan must stay quick). */
export interface ScanReport {
  skippedRows: number;
}

export interface CrmAdapter {
  id: CrmId;
  detect(location: URL, doc: Document): PageKind | null;
  /** Reads the page; rows left out because of the row cap are counted in `report`. */
  extract(root: ParentNode, location: URL, report?: ScanReport): Extracted[];
}
