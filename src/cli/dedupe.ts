// `leadlens dedupe FILE.csv [--json]`: the store's duplicate matching run over a CSV export in row
// order (rows are leads arriving over time). Per row: which customer it belongs to, the verdict and
// the earlier row it matched. Human output groups rows by customer; --json gives JSON Lines.
import { readFile } from 'node:fs/promises';
import { InMemoryMatcher } from '../core/match';
import { customerName } from '../core/display';
import { normalizeCountry, normalizeCustomer } from '../core/normalize';
import { readLeadsCsv } from '../core/payloads';
import type { DuplicateStatus, Lead } from '../core/types';

interface Out {
  write(chunk: string): unknown;
}

export interface DedupeIO {
  stdout: Out;
  stderr: Out;
  stdin?: AsyncIterable<string | Uint8Array>;
  readFile?: (path: string) => Promise<string>;
}

export const DEDUPE_HELP = `leadlens dedupe FILE.csv [--json] [--country CC]
  Finds rows of a CRM or Partner Center leads export that are the same customer. Rows are taken as
  leads arriving in order. For every row: row (1-based data row), customer (an id shared by the rows
  judged the same customer), match (new | possible | duplicate) and matchedRow (the earlier row it
  matched, or null). FILE may be - for standard input.
  --json          one JSON object per row (JSON Lines) instead of the grouped listing
  --country CC    country for phone numbers written without one (ISO code or name)
`;

export interface DedupeRow {
  row: number;
  customer: string;
  match: DuplicateStatus;
  matchedRow: number | null;
  /** For `possible`: the customer it may belong to. */
  possibleCustomer: string | null;
  score: number;
  fields: string[];
}

/** The verdicts for leads in arrival order (exported for tests and other batch tools). */
export function dedupeLeads(leads: Array<{ row: number; lead: Lead }>, defaultCountry: string | null = null): DedupeRow[] {
  const matcher = new InMemoryMatcher<number>();
  const ids = new Map<string, string>();
  const label = (internal: string): string => {
    let id = ids.get(internal);
    if (!id) ids.set(internal, (id = `c${ids.size + 1}`));
    return id;
  };
  return leads.map(({ row, lead }) => {
    const v = matcher.add(row, normalizeCustomer(lead.customer, { defaultCountry }));
    return {
      row,
      customer: label(v.assignedCustomerId),
      match: v.status,
      matchedRow: v.matched,
      possibleCustomer: v.candidateCustomerId ? label(v.candidateCustomerId) : null,
      score: v.score,
      fields: v.fields,
    };
  });
}

export async function runDedupe(args: string[], io: DedupeIO): Promise<number> {
  let json = false;
  let country: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      io.stdout.write(DEDUPE_HELP);
      return 0;
    } else if (a === '--json') json = true;
    else if (a === '--country' || a.startsWith('--country=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      country = value ? normalizeCountry(value) : null;
      if (!country)
        return usage(io, `--country needs a country code or name (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
    } else if (a.startsWith('-') && a !== '-') return usage(io, `unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) return usage(io, files.length ? 'give exactly one CSV file' : 'which CSV file? (use - for standard input)');
  const file = files[0]!;

  let text: string;
  try {
    text = file === '-' ? await readAll(io) : await (io.readFile ?? ((p: string) => readFile(p, 'utf8')))(file);
  } catch (e) {
    io.stderr.write(
      `leadlens dedupe: cannot read ${file}: ${(e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e))}\n`,
    );
    return 1;
  }
  let read: ReturnType<typeof readLeadsCsv>;
  try {
    read = readLeadsCsv(text);
  } catch (e) {
    io.stderr.write(`leadlens dedupe: ${file} is not a usable leads CSV: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  for (const err of read.errors) io.stderr.write(`leadlens dedupe: row ${err.row} skipped: ${err.message}\n`);

  const rows = dedupeLeads(read.leads, country);
  if (json) {
    for (const r of rows) io.stdout.write(JSON.stringify(r) + '\n');
    return 0;
  }
  const leadsByRow = new Map(read.leads.map((l) => [l.row, l.lead]));
  const groups = new Map<string, DedupeRow[]>();
  for (const r of rows) {
    const g = groups.get(r.customer);
    if (g) g.push(r);
    else groups.set(r.customer, [r]);
  }
  const counts = { duplicate: 0, possible: 0, new: 0 };
  for (const r of rows) counts[r.match]++;
  io.stdout.write(
    `${rows.length} rows, ${groups.size} customers: ${counts.duplicate} duplicate, ${counts.possible} possible, ${counts.new} new\n`,
  );
  for (const [customer, members] of groups) {
    io.stdout.write(
      `\n${customer}  ${describe(leadsByRow.get(members[0]!.row))}${members.length > 1 ? `  (${members.length} rows)` : ''}\n`,
    );
    for (const r of members) {
      const why = r.fields.length ? `  [${r.fields.join(', ')}]` : '';
      const what =
        r.match === 'duplicate'
          ? `duplicate of row ${r.matchedRow}`
          : r.match === 'possible'
            ? `possibly ${r.possibleCustomer} (row ${r.matchedRow})`
            : 'new';
      io.stdout.write(`  row ${String(r.row).padStart(5)}  ${what}${why}\n`);
    }
  }
  return 0;
}

function describe(lead: Lead | undefined): string {
  if (!lead) return '';
  const c = lead.customer;
  const name = customerName(c);
  const parts = [name, c.email ? `<${c.email.trim()}>` : '', c.company ? `· ${c.company}` : ''].filter(Boolean);
  return parts.join(' ');
}

function usage(io: DedupeIO, message: string): number {
  io.stderr.write(`leadlens dedupe: ${message}\n\n${DEDUPE_HELP}`);
  return 2;
}

async function readAll(io: DedupeIO): Promise<string> {
  if (!io.stdin) throw new Error('no standard input');
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
