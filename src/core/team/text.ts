// Values read from a CRM response are untrusted text: only strings are taken, control characters become
// spaces, the invisible format characters that reorder or hide text (bidi overrides, zero-width) are
// dropped, and the length is capped. They are rendered as text nodes only; this just keeps what the rep
// reads honest (no right-to-left override turning a name around, no zero-width padding).
const CONTROLS = /\p{Cc}/gu;
const INVISIBLE = /\p{Cf}/gu;

export const MAX_TEXT = 200;

/** A plain, single-line string of at most `max` characters, or null when nothing readable is left. */
export function plainText(value: unknown, max = MAX_TEXT): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(INVISIBLE, '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** An ISO 8601 instant, or null when the value is not a date. */
export function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  // Salesforce writes `2026-11-20T09:12:44.000+0000`: give the offset its colon.
  const text = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const d = new Date(text);
  return /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SF_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** A Dataverse row id (lower case), or null. */
export function guid(value: unknown): string | null {
  return typeof value === 'string' && GUID.test(value) ? value.toLowerCase() : null;
}

/** A Salesforce record id (15 or 18 characters), or null. */
export function salesforceId(value: unknown): string | null {
  return typeof value === 'string' && SF_ID.test(value) ? value : null;
}

/** Parses JSON text; null when it is not JSON at all. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
