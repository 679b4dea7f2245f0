// `leadlens decode --payload FILE`: whole lead records as the marketplace delivers them, read by the same readers
// the popup uses (core/payloads): one HTTPS-endpoint JSON object, an array of them, JSON Lines, Azure Table rows
// (as JSON or as a Storage Explorer CSV export), keys in any casing. One JSON line per lead; a record that is not a
// lead gets a line with its reason and a note on standard error, and reading goes on.
import { detectDelimiter, parseCsv } from '../core/csv';
import { decodeLeadSource } from '../core/leadsource';
import { leadFromAzureTableRow, leadFromHttpsPayload, parsePayloadJson } from '../core/payloads';
import type { Lead } from '../core/types';
import { decodedJson } from './decode-json';

/** One record of the file and where it starts (1-based line). */
interface PayloadRecord {
  value: unknown;
  line: number;
}

/** An Azure Table row: its keys say so (PartitionKey, RowKey, or CustomerInfo without UserDetails). */
function isAzureRow(o: Record<string, unknown>): boolean {
  const keys = new Set(Object.keys(o).map((k) => k.toLowerCase()));
  return keys.has('partitionkey') || keys.has('rowkey') || (keys.has('customerinfo') && !keys.has('userdetails'));
}

export function leadFromRecord(value: unknown): Lead {
  const o = value as Record<string, unknown>;
  return typeof o === 'object' && o !== null && !Array.isArray(o) && isAzureRow(o) ? leadFromAzureTableRow(o) : leadFromHttpsPayload(value);
}

/** The records of a JSON text: one object, an array, or JSON Lines (one value per line). */
function jsonRecords(text: string): PayloadRecord[] {
  try {
    const { value } = parsePayloadJson(text);
    return Array.isArray(value) ? value.map((v, i) => ({ value: v, line: i + 1 })) : [{ value, line: 1 }];
  } catch (whole) {
    // Not one JSON value: JSON Lines, each non-blank line its own record.
    const records: PayloadRecord[] = [];
    const lines = text.split('\n');
    if (lines.filter((l) => l.trim()).length < 2) throw whole;
    lines.forEach((l, i) => {
      if (!l.trim()) return;
      try {
        records.push({ value: JSON.parse(l), line: i + 1 });
      } catch (e) {
        records.push({ value: new SyntaxError(`line ${i + 1} is not JSON: ${(e as Error).message}`), line: i + 1 });
      }
    });
    return records;
  }
}

/** The rows of an Azure Table CSV export as objects; Storage Explorer's `Name@type` columns are left out. */
function csvRecords(text: string): PayloadRecord[] {
  const rowLines: number[] = [];
  const rows = parseCsv(text, { delimiter: detectDelimiter(text.replace(/^\ufeff/, '')), rowLines });
  const header = rows[0] ?? [];
  const keep = header.map((h, i) => [h.trim(), i] as const).filter(([h]) => h && !h.endsWith('@type'));
  return rows
    .slice(1)
    .flatMap((cells, r) =>
      cells.every((c) => !c.trim())
        ? []
        : [{ value: Object.fromEntries(keep.map(([h, i]) => [h, cells[i] ?? ''])), line: rowLines[r + 1] ?? r + 2 }],
    );
}

/** The file's records, JSON or CSV by its first character. */
export function payloadRecords(text: string): PayloadRecord[] {
  const body = text.replace(/^\ufeff/, '').trimStart();
  return body.startsWith('{') || body.startsWith('[') ? jsonRecords(body) : csvRecords(text);
}

/** The JSON line for one record: the lead's fields and its decoded LeadSource, or why it is not a lead. */
export function payloadJson(record: PayloadRecord, index: number): { json: Record<string, unknown>; error?: string } {
  try {
    if (record.value instanceof Error) throw record.value;
    const lead = leadFromRecord(record.value);
    const source = lead.leadSource ?? decodeLeadSource('');
    return {
      json: {
        record: index + 1,
        line: record.line,
        ok: true,
        customer: lead.customer,
        offerTitle: lead.offerTitle ?? null,
        createdAt: lead.createdAt ?? null,
        leadSource: lead.leadSource ? decodedJson(source) : null,
      },
    };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    return { json: { record: index + 1, line: record.line, ok: false, error }, error };
  }
}
