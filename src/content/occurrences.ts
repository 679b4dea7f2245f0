// From the page to occurrences: run the matching adapter (generic as fallback), give every LeadSource
// occurrence a stable key and the PageLead the service worker will receive.
import type { CrmId, DecodedLeadSource } from '../core/types';
import { adapterFor, hostOwner, scanText, type Extracted, type ListRows, type ScanReport } from '../crm';
import type { PageLead } from '../messaging/messages';

export interface Occurrence {
  /** `crm:recordId:field:index` (`~n` appended when the same key shows up again on the page). */
  key: string;
  anchor: Element;
  /** Texts the page showed when read; a badge whose texts changed is withdrawn at once (see Annotator.verify). */
  checks: ReadonlyArray<readonly [el: Element, text: string]>;
  decoded: DecodedLeadSource;
  lead: PageLead;
}

export interface PageScan {
  crm: CrmId;
  occurrences: Occurrence[];
  /** List rows the adapter left out to keep the scan quick (0 on ordinary pages). */
  skippedRows: number;
}

export function scanPage(doc: Document, url: URL): PageScan {
  const owner = hostOwner(url);
  // A CRM host without the CRM's own app landmarks is not a CRM page (a fake grid, a login or error page).
  if (owner && !owner.landmarks(doc)) return { crm: owner.id, occurrences: [], skippedRows: 0 };
  const match = adapterFor(url, doc);
  const report: ScanReport = { skippedRows: 0, claimed: [], ignored: [] };
  const extracted: Extracted[] = match ? match.adapter.extract(doc, url, report) : [];
  const crm: CrmId = match?.adapter.id ?? owner?.id ?? 'generic';
  // What the adapter did not claim is read as text; on a record page it belongs to that record.
  const rest = scanText(doc, url, { claimed: report.claimed ?? [], ignored: report.ignored ?? [] });
  const record = match?.kind.view === 'record' ? report.record : undefined;
  for (const e of rest) extracted.push(record ? { ...e, ...record, customer: { ...record.customer }, view: 'record' } : e);
  return { crm, occurrences: toOccurrences(crm, extracted), skippedRows: report.skippedRows };
}

/**
 * A page split for reading: on a list page the rows (read one by one, the nearest first) and what lies
 * outside them, read at once; on any other page everything is read at once (`list` is null).
 */
export interface PagePlan {
  crm: CrmId;
  /** Occurrences outside the list rows (all of them when the page is no list). */
  occurrences: Occurrence[];
  list: ListRows | null;
}

export function planPage(doc: Document, url: URL): PagePlan {
  const owner = hostOwner(url);
  if (owner && !owner.landmarks(doc)) return { crm: owner.id, occurrences: [], list: null };
  const match = adapterFor(url, doc);
  const list = match?.adapter.list?.(doc, url) ?? null;
  if (!match || !list) return { ...scanPage(doc, url), list: null };
  const crm = match.adapter.id;
  const claimed = list.claimed ?? list.rows.flat();
  return { crm, occurrences: toOccurrences(crm, scanText(doc, url, { claimed, ignored: list.ignored })), list };
}

export function toOccurrences(crm: CrmId, extracted: Extracted[], seen = new Map<string, number>()): Occurrence[] {
  const out: Occurrence[] = [];
  for (const e of extracted) {
    e.found.forEach((found, index) => {
      const base = `${crm}:${e.recordId ?? e.rowKey ?? '-'}:${e.field}:${index}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const key = n === 1 ? base : `${base}~${n}`;
      const lead: PageLead['lead'] = { leadSource: found.decoded, customer: e.customer };
      if (e.description !== undefined) lead.description = e.description;
      if (e.createdAt !== undefined) lead.createdAt = e.createdAt;
      out.push({
        key,
        anchor: e.anchor,
        checks: e.checks ?? [],
        decoded: found.decoded,
        lead: { key, crm, view: e.view, recordId: e.recordId, recordUrl: e.recordUrl, lead },
      });
    });
  }
  return out;
}
