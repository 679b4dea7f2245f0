// From the page to occurrences: run the matching adapter (generic as fallback), give every LeadSource
// occurrence a stable key and the PageLead the service worker will receive.
import type { CrmId, DecodedLeadSource } from '../core/types';
import { adapterFor, generic, type Extracted } from '../crm';
import type { PageLead } from '../messaging/messages';

export interface Occurrence {
  /** `crm:recordId:field:index` (`~n` appended when the same key shows up again on the page). */
  key: string;
  anchor: Element;
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
  const match = adapterFor(url, doc);
  let crm: CrmId = match?.adapter.id ?? 'generic';
  const report = { skippedRows: 0 };
  let extracted: Extracted[] = match ? match.adapter.extract(doc, url, report) : [];
  if (!extracted.length) {
    // The adapter knew the page but found nothing it could read: fall back to plain text.
    extracted = generic.extract(doc, url);
    crm = 'generic';
  }
  return { crm, occurrences: toOccurrences(crm, extracted), skippedRows: report.skippedRows };
}

export function toOccurrences(crm: CrmId, extracted: Extracted[]): Occurrence[] {
  const seen = new Map<string, number>();
  const out: Occurrence[] = [];
  for (const e of extracted) {
    e.found.forEach((found, index) => {
      const base = `${crm}:${e.recordId ?? '-'}:${e.field}:${index}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const key = n === 1 ? base : `${base}~${n}`;
      const lead: PageLead['lead'] = { leadSource: found.decoded, customer: e.customer };
      if (e.description !== undefined) lead.description = e.description;
      if (e.createdAt !== undefined) lead.createdAt = e.createdAt;
      out.push({
        key,
        anchor: e.anchor,
        decoded: found.decoded,
        lead: { key, crm, view: e.view, recordId: e.recordId, recordUrl: e.recordUrl, lead },
      });
    });
  }
  return out;
}
