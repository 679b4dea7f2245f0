// The tail every reader shares: decode the LeadSource (completed by the columns beside it), copy the
// offer title, description and creation date, and mark test leads.
import { decodeLeadSource, withActionCode } from '../leadsource';
import { dotNetTicksToIso } from '../ticks';
import type { CustomerFields, DecodedLeadSource, Lead } from '../types';
import { parseLeadDate } from './date';

/** The LeadSource as a record spells it, and the columns some records carry beside it. */
export interface RawLeadSource {
  leadSource?: string;
  /** `ActionCode` (HTTPS, Azure Table, some CSV exports) when LeadSource holds only the storefront. */
  actionCode?: string;
  /** `publisher.offer`, a separate and complete column: a confident offer id even when LeadSource was cut. */
  productId?: string;
}

/** The rest of what a reader found in one record. */
export interface LeadFields {
  customer: CustomerFields;
  offerTitle?: string;
  description?: string;
  /** When the lead was created: a Date (Azure Table SDKs give one) or text that parseLeadDate reads. */
  created?: string | Date;
}

/** One Lead from what a reader found: the same steps, in the same order, for every record format. */
export function finishLead(fields: LeadFields, raw: RawLeadSource): Lead {
  const { offerTitle, description, created } = fields;
  const lead: Lead = { leadSource: leadSourceFrom(raw, offerTitle), customer: fields.customer };
  if (offerTitle) lead.offerTitle = offerTitle;
  if (description) lead.description = description;
  const createdAt = created instanceof Date ? created.toISOString() : parseLeadDate(created);
  if (createdAt) lead.createdAt = createdAt;
  lead.leadSource = markTestLead(lead.leadSource, lead);
  return lead;
}

/** Decoded LeadSource, completed by a separate action code and offer id/title when the record has them. */
function leadSourceFrom(raw: RawLeadSource, offerTitle: string | undefined): DecodedLeadSource | null {
  if (raw.leadSource === undefined) return null;
  let d = decodeLeadSource(raw.leadSource);
  if (raw.actionCode) d = withActionCode(d, raw.actionCode);
  if (!d.ok && d.reason !== 'unknown-action') return d;
  const productId = raw.productId;
  const dot = productId ? productId.indexOf('.') : -1;
  if (productId && dot > 0 && dot < productId.length - 1 && !/\s/.test(productId)) {
    // ProductId is a separate, complete column: it gives the confident id even when LeadSource was cut.
    d = {
      ...d,
      offer: { publisherId: productId.slice(0, dot), offerId: productId.slice(dot + 1), title: offerTitle ?? d.offer?.title ?? productId },
    };
  } else if (offerTitle) {
    d = { ...d, offer: d.offer ? { ...d.offer, title: offerTitle } : { publisherId: null, offerId: null, title: offerTitle } };
  }
  return d;
}

const TEST_MARK = /MSFT_TEST_(\d{15,19})/i;

/**
 * Test leads sent to HTTPS endpoints carry a normal LeadSource (`AzureMarketplace` + `INS`) but
 * `MSFT_TEST_<ticks>` in the customer fields; such a lead is a test lead whatever its LeadSource says.
 */
function markTestLead(decoded: DecodedLeadSource | null, lead: Lead): DecodedLeadSource | null {
  if (decoded?.testLead) return decoded;
  const fields = [...Object.values(lead.customer), lead.description ?? ''];
  for (const f of fields) {
    const m = f && f.length < 4096 ? TEST_MARK.exec(f) : null;
    if (!m) continue;
    const base = decoded ?? decodeLeadSource(m[0]);
    const marked: DecodedLeadSource = { ...base, ok: true, testLead: true, stage: 'test', testLeadTime: dotNetTicksToIso(m[1]!) };
    delete marked.reason;
    return marked;
  }
  return decoded;
}
