// Export and import of the lead memory: the versioned JSON document, the Excel-friendly CSV, the
// checks that reject a bad file with its line and the reason (pure functions), and the reading and
// writing of the whole memory they need (each inside a transaction memory.ts opens).
import { formatCsv } from '../core/csv';
import { readLeadsCsv } from '../core/payloads';
import type { Lead } from '../core/types';
import { StoreError } from './errors';
import { offerNameProblem } from './offers';
import { importedCustomerProblem, importedDecisionProblem, importedSightingProblem, rebuiltSighting } from './import-checks';
import {
  customerFromSightings,
  isStoredCustomer,
  isStoredSighting,
  publicSighting,
  stageOf,
  withDerived,
  type StoredCustomer,
  type StoredDecision,
  type StoredSighting,
} from './records';
import { readable, sightingsOf, type AnyTx, type RwTx, type StoreCtx } from './tx';
import type { ImportResult, IngestResult, OfferName, Settings, Sighting, SightingInput } from './types';

export const EXPORT_FORMAT = 'leadlens-memory';
export const EXPORT_VERSION = 1;

export interface MemoryExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  settings: Settings;
  /** Customers without their derived company keys. */
  customers: Array<Omit<StoredCustomer, 'orgKeys'>>;
  sightings: Sighting[];
  decisions: StoredDecision[];
  /** The offer dictionary (since schema v5; absent from older exports). */
  offers?: OfferName[];
}

/**
 * The JSON document, one record per line, so an error found on import can name its line and a diff
 * of two exports stays readable.
 */
export function formatExportJson(doc: MemoryExport): string {
  const list = (items: unknown[]): string => (items.length ? `[\n${items.map((i) => '    ' + JSON.stringify(i)).join(',\n')}\n  ]` : '[]');
  return [
    '{',
    `  "format": ${JSON.stringify(doc.format)},`,
    `  "version": ${doc.version},`,
    `  "exportedAt": ${JSON.stringify(doc.exportedAt)},`,
    `  "settings": ${JSON.stringify(doc.settings)},`,
    `  "customers": ${list(doc.customers)},`,
    `  "sightings": ${list(doc.sightings)},`,
    `  "decisions": ${list(doc.decisions)}${doc.offers ? ',' : ''}`,
    ...(doc.offers ? [`  "offers": ${list(doc.offers)}`] : []),
    '}',
    '',
  ].join('\n');
}

/**
 * Parses and checks an export; throws StoreError 'import' (or 'version') with the line and the reason. Every
 * record passes the bounds of import-checks.ts; the settings are checked only when they are to be imported.
 */
export function parseExportJson(text: string, now: Date = new Date()): MemoryExport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const lineCol = /line (\d+)/.exec(message);
    const line = lineCol ? Number(lineCol[1]) : pos ? lineAt(body, Number(pos[1])) : undefined;
    throw new StoreError('import', `Not a LeadLens export: the JSON is malformed (${message})`, line === undefined ? {} : { line });
  }
  const fail = (reason: string, needle?: string): never => {
    const at = needle ? body.indexOf(needle) : -1;
    throw new StoreError('import', `Not a valid LeadLens export: ${reason}`, at >= 0 ? { line: lineAt(body, at) } : {});
  };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return fail('the file is not a JSON object');
  const d = doc as Record<string, unknown>;
  if (d.format !== EXPORT_FORMAT) return fail(`"format" must be "${EXPORT_FORMAT}"`, '"format"');
  if (typeof d.version !== 'number') return fail('"version" is missing', '"version"');
  if (d.version > EXPORT_VERSION) {
    throw new StoreError(
      'version',
      `This export was made by a newer LeadLens (format version ${d.version}; this one reads up to ${EXPORT_VERSION}). Update the extension to import it.`,
      { line: lineAt(body, Math.max(0, body.indexOf('"version"'))) },
    );
  }
  for (const k of ['customers', 'sightings', 'decisions'] as const)
    if (!Array.isArray(d[k])) return fail(`"${k}" must be a list`, `"${k}"`);
  if (d.offers !== undefined && !Array.isArray(d.offers)) return fail('"offers" must be a list', '"offers"');
  if (d.settings !== undefined && (typeof d.settings !== 'object' || d.settings === null))
    return fail('"settings" must be an object', '"settings"');
  const check = (items: unknown[], problem: (v: unknown, now: Date) => string | null, what: string): void => {
    items.forEach((item, i) => {
      const issue = problem(item, now);
      if (!issue) return;
      const id = (item as { id?: unknown } | null)?.id;
      fail(`${what} #${i + 1}: ${issue}`, typeof id === 'string' ? JSON.stringify(id) : undefined);
    });
  };
  check(d.customers as unknown[], importedCustomerProblem, 'customer');
  check(d.sightings as unknown[], importedSightingProblem, 'sighting');
  check(d.decisions as unknown[], importedDecisionProblem, 'decision');
  if (d.offers) check(d.offers as unknown[], offerNameProblem, 'offer');
  const customerIds = new Set((d.customers as StoredCustomer[]).map((c) => c.id));
  for (const s of d.sightings as Sighting[]) {
    if (!customerIds.has(s.customerId))
      fail(`sighting ${s.id} belongs to customer ${s.customerId}, which is not in the file`, JSON.stringify(s.id));
  }
  return d as unknown as MemoryExport;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Column headers of the CSV export, spelled so the core's CSV reader recognises them on re-import. */
const CSV_HEADER = [
  'Customer ID',
  'First Name',
  'Last Name',
  'Full Name',
  'Email',
  'Phone',
  'Company',
  'Title',
  'Country',
  'Lead Source',
  'Offer Title',
  'Stage',
  'Created At',
  'First Seen',
  'Last Seen',
  'CRM',
  'Record ID',
  'Record URL',
  'Match',
  'Matched Fields',
];

export function formatExportCsv(sightings: Sighting[]): string {
  const rows = sightings.map((s) => {
    const c = s.customer;
    return [
      s.customerId,
      c.firstName ?? '',
      c.lastName ?? '',
      c.fullName ?? '',
      c.email ?? '',
      c.phone ?? '',
      c.company ?? '',
      c.title ?? '',
      c.country ?? '',
      s.leadSource?.input ?? '',
      s.offerTitle ?? '',
      stageOf(s),
      s.createdAt ?? '',
      s.firstSeen,
      s.lastSeen,
      s.crm,
      s.recordId ?? '',
      s.recordUrl ?? '',
      s.match.status,
      s.match.fields.join(' '),
    ];
  });
  return formatCsv([CSV_HEADER, ...rows], { bom: true });
}

/**
 * Leads of a CSV file (a CRM export, the Partner Center leads export, or our own CSV export).
 * All or nothing: the first unreadable row rejects the whole file with its line.
 */
export function readImportCsv(text: string): Lead[] {
  let read: ReturnType<typeof readLeadsCsv>;
  try {
    read = readLeadsCsv(text);
  } catch (e) {
    const line = (e as { line?: unknown }).line;
    throw new StoreError(
      'import',
      `The CSV file cannot be read: ${e instanceof Error ? e.message : String(e)}`,
      typeof line === 'number' ? { line } : { line: 1 },
    );
  }
  const bad = read.errors[0];
  if (bad)
    throw new StoreError('import', `Row ${bad.row} of the CSV file (line ${bad.line}): ${bad.message}. Nothing was imported.`, {
      line: bad.line,
    });
  return read.leads.map((l) => l.lead);
}

// ---------------------------------------------------------------------------------------------------
// Reading and writing the whole memory

interface AllRecords {
  customers: StoredCustomer[];
  sightings: StoredSighting[];
  decisions: StoredDecision[];
}

/** Every readable record; a sighting whose customer is unreadable or missing is skipped with it. */
async function readAll(tx: AnyTx, ctx: StoreCtx): Promise<AllRecords> {
  const [customers, sightings, decisions] = await Promise.all([
    tx.objectStore('customers').getAll(),
    tx.objectStore('sightings').getAll(),
    tx.objectStore('decisions').getAll(),
  ]);
  const okCustomers = readable(customers, isStoredCustomer, ctx.skipped.customer);
  const known = new Set(okCustomers.map((c) => c.id));
  const belongs = (s: unknown): s is StoredSighting => isStoredSighting(s) && known.has(s.customerId);
  return { customers: okCustomers, sightings: readable(sightings, belongs, ctx.skipped.sighting), decisions };
}

export async function exportJson(tx: AnyTx, settings: Settings, ctx: StoreCtx, offers?: OfferName[]): Promise<string> {
  const { customers, sightings, decisions } = await readAll(tx, ctx);
  return formatExportJson({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: ctx.now().toISOString(),
    settings,
    customers: customers.map(({ orgKeys: _derived, ...c }) => c),
    sightings: sightings.map(publicSighting),
    decisions,
    ...(offers ? { offers } : {}),
  });
}

/** One row per lead, grouped by customer, oldest first. */
export async function exportCsv(tx: AnyTx, ctx: StoreCtx): Promise<string> {
  const { sightings } = await readAll(tx, ctx);
  sightings.sort((a, b) => a.customerId.localeCompare(b.customerId) || a.firstSeen.localeCompare(b.firstSeen));
  return formatExportCsv(sightings.map(publicSighting));
}

/**
 * Adds a checked export (see parseExportJson) to the memory. Each sighting is rebuilt from its own fields
 * (import-checks.ts: matching keys are computed here, with the memory's settings, never read from the file).
 * Leads the memory already holds, by id or by record, are skipped; the customers that gained leads are
 * rebuilt from their sightings. Settings are not touched here.
 */
export async function importDocument(tx: RwTx, doc: MemoryExport, ctx: StoreCtx, settings: Settings): Promise<ImportResult> {
  const sightings = tx.objectStore('sightings');
  const incoming = doc.sightings.map((s) => rebuiltSighting(s, settings));
  // What the memory holds, read as keys in three requests (a file of 100,000 leads would otherwise cost two
  // lookups per lead): sighting ids, record keys and customer ids.
  const [ids, customerIds, recordKeys] = await Promise.all([
    sightings.getAllKeys().then((k) => new Set<unknown>(k)),
    tx
      .objectStore('customers')
      .getAllKeys()
      .then((k) => new Set<unknown>(k)),
    indexKeys(tx),
  ]);
  let skipped = 0;
  const added = new Map<string, StoredSighting[]>();
  const writes: Promise<unknown>[] = [];
  for (const s of incoming) {
    if (ids.has(s.id) || recordKeys.has(s.recordKey)) {
      skipped++;
      continue;
    }
    recordKeys.add(s.recordKey);
    const stored = withDerived(s);
    writes.push(sightings.put(stored));
    added.set(s.customerId, [...(added.get(s.customerId) ?? []), stored]);
  }
  await Promise.all(writes);
  // The customer is what its sightings say: display fields and company keys alike. A customer the memory did not
  // know has only the sightings just added; one it knew is read back whole.
  const known = [...added.keys()].filter((id) => customerIds.has(id));
  const before = await Promise.all(known.map((id) => sightingsOf(tx, id, ctx)));
  const whole = new Map(known.map((id, i) => [id, before[i]!]));
  await Promise.all(
    [...added].map(([id, fresh]) => {
      const rebuilt = customerFromSightings(id, whole.get(id) ?? fresh);
      return rebuilt ? tx.objectStore('customers').put(rebuilt) : undefined;
    }),
  );
  await Promise.all(doc.decisions.map((d) => tx.objectStore('decisions').put(d)));
  return { imported: incoming.length - skipped, skipped };
}

/** Every record key the memory holds, read with a key cursor over its index. */
async function indexKeys(tx: RwTx): Promise<Set<unknown>> {
  const keys = new Set<unknown>();
  let cursor = await tx.objectStore('sightings').index('recordKey').openKeyCursor();
  while (cursor) {
    keys.add(cursor.key);
    cursor = await cursor.continue();
  }
  return keys;
}

/** The leads of a CSV file as sightings to ingest, seen now (all or nothing, see readImportCsv). */
export function csvSightings(text: string, seenAt: string): SightingInput[] {
  return readImportCsv(text).map((lead) => ({ crm: 'import', recordId: null, recordUrl: null, lead, seenAt }));
}

/** An ingest's outcome told as an import: leads the memory already had count as skipped. */
export function importCounts(results: IngestResult[]): ImportResult {
  const skipped = results.filter((r) => r.seenBefore).length;
  return { imported: results.length - skipped, skipped };
}
