// Turns the fields an adapter read off one record (a form or a list row) into Extracted occurrences:
// customer fields by role, and a LeadSource scan of every other field's text.
import { findLeadSources } from '../core/leadsource';
import type { CustomerFields } from '../core/types';
import { clean, parseShownDate, readShown } from './dom';
import type { Extracted, ScanReport, View } from './types';

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

/** The record a form shows: customer fields by role, description and creation time. */
export function recordContext(rec: RecordRead, roles: Readonly<Record<string, Role>>): NonNullable<ScanReport['record']> {
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
  const out: NonNullable<ScanReport['record']> = { customer, recordId: rec.recordId, recordUrl: rec.recordUrl };
  if (description !== undefined) out.description = description;
  if (createdAt !== undefined) out.createdAt = createdAt;
  return out;
}

export function toExtracted(rec: RecordRead, roles: Readonly<Record<string, Role>>, extra: Partial<Extracted> = {}): Extracted[] {
  const context = recordContext(rec, roles);
  const out: Extracted[] = [];
  for (const f of rec.fields) {
    const role = roles[f.name];
    if (role && role !== 'description') continue;
    if (!mayHoldLeadSource(f.text)) continue;
    const found = findLeadSources(f.text);
    if (!found.length) continue;
    out.push({
      ...extra,
      ...context,
      anchor: f.el,
      field: f.key,
      found,
      customer: { ...context.customer },
      view: rec.view,
      checks: [[f.el, clean(readShown(f.el))], ...(extra.checks ?? [])],
    });
  }
  return out;
}
