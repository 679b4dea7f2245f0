// Checks that an incoming message has the shape its type promises. Content scripts run next to
// hostile pages, so whatever they send is treated as untrusted input: unknown types, wrong field
// types and oversized payloads are refused instead of being half-processed.
import type { Message, PageLead } from './messages';

const MAX_LEADS_PER_PAGE = 2000;
const MAX_TEXT = 1_000_000;

type Shape = Record<string, 'string' | 'number' | 'object' | 'array' | 'format' | 'decision' | 'optional-object'>;

const SHAPES: Record<Message['type'], Shape> = {
  'page-leads': { url: 'string', leads: 'array' },
  'focus-lead': { key: 'string' },
  'get-locale': {},
  'get-customer': { customerId: 'string' },
  'decide-match': { sightingId: 'string', decision: 'decision' },
  'forget-customer': { customerId: 'string' },
  'forget-all': {},
  export: { format: 'format' },
  import: { format: 'format', text: 'string' },
  'get-settings': {},
  'get-stats': {},
  'set-settings': { settings: 'object' },
};

function fits(value: unknown, kind: Shape[string]): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string' && value.length <= MAX_TEXT * 20;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'optional-object':
      return value === undefined || (typeof value === 'object' && value !== null);
    case 'array':
      return Array.isArray(value);
    case 'format':
      return value === 'json' || value === 'csv';
    case 'decision':
      return value === 'confirmed' || value === 'rejected';
  }
}

const str = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown, max = 10_000) => v === null || v === undefined || str(v, max);

/** A page lead is only accepted with plain string fields of sane size; anything else is dropped. */
export function isPageLead(value: unknown): value is PageLead {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (!str(v.key, 500) || !str(v.crm, 20) || (v.view !== 'record' && v.view !== 'list')) return false;
  if (!optStr(v.recordId, 200) || !optStr(v.recordUrl, 4000)) return false;
  const lead = v.lead as Record<string, unknown> | undefined;
  if (typeof lead !== 'object' || lead === null) return false;
  const customer = lead.customer as Record<string, unknown> | undefined;
  if (typeof customer !== 'object' || customer === null) return false;
  for (const field of Object.values(customer)) if (!optStr(field, 2000)) return false;
  if (!optStr(lead.description, 100_000) || !optStr(lead.offerTitle, 2000) || !optStr(lead.createdAt, 100)) return false;
  return lead.leadSource === null || (typeof lead.leadSource === 'object' && lead.leadSource !== undefined);
}

/** Returns the message when it is well-formed, otherwise null. */
export function parseMessage(value: unknown): Message | null {
  if (typeof value !== 'object' || value === null) return null;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(SHAPES, type)) return null;
  const shape = SHAPES[type as Message['type']];
  for (const [field, kind] of Object.entries(shape)) {
    if (!fits((value as Record<string, unknown>)[field], kind)) return null;
  }
  if (type === 'page-leads') {
    const skipped = (value as { skippedRows?: unknown }).skippedRows;
    if (skipped !== undefined && !(typeof skipped === 'number' && Number.isInteger(skipped) && skipped >= 0)) return null;
    const leads = (value as { leads: unknown[] }).leads;
    if (leads.length > MAX_LEADS_PER_PAGE || !leads.every(isPageLead)) return null;
  }
  return value as Message;
}
