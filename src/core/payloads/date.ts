// The one date reader for lead records: exports, payloads, and (through crm/dom.ts) dates a CRM page shows.

/** `d.m.yyyy` (European) or `m/d/yyyy` (US), with an optional time and AM/PM. */
const NUMERIC_DATE = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;

/**
 * ISO 8601 for the date forms exports use; undefined when it cannot be read. `d.m.yyyy` and `m/d/yyyy`
 * are read as UTC (d/m when the first number cannot be a month); anything else goes to Date.parse, so
 * ISO 8601 text keeps its own offset, and ISO text without one is local time.
 */
export function parseLeadDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const m = NUMERIC_DATE.exec(v);
  if (m) {
    let day = Number(m[1]);
    let month = Number(m[3]);
    if (m[2] === '/' && month <= 12 && day <= 12) [day, month] = [month, day];
    else if (m[2] === '/' && day <= 12 && month > 12) [day, month] = [month, day];
    let hour = Number(m[5] ?? 0);
    if (m[8]?.toUpperCase() === 'PM' && hour < 12) hour += 12;
    if (m[8]?.toUpperCase() === 'AM' && hour === 12) hour = 0;
    const t = Date.UTC(Number(m[4]), month - 1, day, hour, Number(m[6] ?? 0), Number(m[7] ?? 0));
    return Number.isNaN(t) || month > 12 || day > 31 ? undefined : new Date(t).toISOString();
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
