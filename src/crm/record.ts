// Turns the fields an adapter read off one record (a form or a list row) into Extracted occurrences:
// customer fields by role, and a LeadSource scan of every other field's text.
import { findLeadSources } from '../core/find-leadsources';
import type { CustomerFields } from '../core/types';
import { clean, parseShownDate } from './dom';
import type { Extracted, View } from './types';

/** What a field means for LeadLens. Fields without a role are scanned for LeadSource text. */
export type Role = keyof CustomerFields | 'description' | 'createdAt';

export interface FieldRead {
  /** Attribute / API / property name (`emailaddress1`, `Email`, `email`). */
  name: string;
  /** Name used in the occurrence key; differs from `name` for D365 header copies (`header_subject`). */
  key: string;
  /** Element that shows the value (badge anchor). */
  el: Element;
  text: string;
  /** Machine-readable time for createdAt fields (`<time datetime>`), when the page has it. */
  isoTime?: string;
}

export interface RecordRead {
  recordId: string | null;
  recordUrl: string | null;
  view: View;
  fields: FieldRead[];
}

/** Cheap test before the decoder runs: every marketplace LeadSource contains one of these. */
const MAYBE_LEADSOURCE = /azure|spza|appsource|app source|testdrive|test drive|msft_test/i;

export function mayHoldLeadSource(text: string): boolean {
  return text.length > 4 && MAYBE_LEADSOURCE.test(text);
}

export function toExtracted(rec: RecordRead, roles: Readonly<Record<string, Role>>): Extracted[] {
  const customer: CustomerFields = {};
  let description: string | undefined;
  let createdAt: string | undefined;
  for (const f of rec.fields) {
    const role = roles[f.name];
    const text = role === 'description' ? f.text.trim() : clean(f.text);
    if (!role || !text) continue;
    if (role === 'description') description ??= text;
    else if (role === 'createdAt') createdAt ??= f.isoTime ?? parseShownDate(text);
    else customer[role] ??= text;
  }
  // The full name is only kept when the page shows no separate first/last name.
  if (customer.firstName || customer.lastName) delete customer.fullName;
  const out: Extracted[] = [];
  for (const f of rec.fields) {
    const role = roles[f.name];
    if (role && role !== 'description') continue;
    if (!mayHoldLeadSource(f.text)) continue;
    const found = findLeadSources(f.text);
    if (!found.length) continue;
    const e: Extracted = {
      anchor: f.el,
      field: f.key,
      found,
      customer: { ...customer },
      recordId: rec.recordId,
      recordUrl: rec.recordUrl,
      view: rec.view,
    };
    if (description !== undefined) e.description = description;
    if (createdAt !== undefined) e.createdAt = createdAt;
    out.push(e);
  }
  return out;
}
