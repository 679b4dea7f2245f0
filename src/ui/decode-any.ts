// Decodes whatever a rep pastes: a bare LeadSource, a Description that contains one or several,
// an HTTPS-endpoint JSON payload, or a Salesforce web-to-lead block.
import { decodeAnyText } from '../core/leadsource';
import { leadFromHttpsPayload, leadFromWebToLead } from '../core/payloads';
import type { DecodedLeadSource, Lead } from '../core/types';

export interface PastedLead {
  decoded: DecodedLeadSource[];
  /** Customer fields when the paste was a whole payload. */
  lead: Lead | null;
}

const MAX_PASTE = 1_000_000;

export function decodePasted(raw: string): PastedLead {
  const text = raw.length > MAX_PASTE ? raw.slice(0, MAX_PASTE) : raw;
  const trimmed = text.trim();
  if (!trimmed) return { decoded: [], lead: null };
  const lead = readPayload(trimmed);
  if (lead?.leadSource) return { decoded: [lead.leadSource], lead };
  return { decoded: decodeAnyText(trimmed), lead };
}

function readPayload(text: string): Lead | null {
  try {
    if (text.startsWith('{')) return leadFromHttpsPayload(JSON.parse(text));
    if (/^\s*[a-z_]+\s*=/im.test(text) && /\blead_source\s*=/i.test(text)) return leadFromWebToLead(text);
  } catch {
    // Not a payload after all: fall through to plain LeadSource decoding.
  }
  return null;
}
