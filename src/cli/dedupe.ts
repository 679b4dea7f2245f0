// `leadlens dedupe FILE.csv [--json]`: the store's duplicate matching run over a CSV export in row
// order (rows are leads arriving over time). Per row: which customer it belongs to, the verdict and
// the earlier row it matched. Human output groups rows by customer; --json gives JSON Lines.
import { customerName } from '../core/display';
import { InMemoryMatcher } from '../core/match';
import { normalizeCountry, normalizeCustomer } from '../core/normalize';
import { readLeadsCsv } from '../core/payloads';
import type { DuplicateStatus, Lead } from '../core/types';
import { namedDecoder } from './encoding';
import { type CliIO, parseArgs, readStdin, readText, UsageError } from './io';

export const DEDUPE_HELP = `leadlens dedupe FILE.csv [--json] [--country CC] [--encoding NAME]
  Finds rows of a CRM or Partner Center leads export that are the same customer. Rows are taken as
  leads arriving in order. For every row: row (1-based data row), customer (an id shared by the rows
  judged the same customer), match (new | possible | duplicate) and matchedRow (the earlier row it
  matched, or null). FILE may be - for standard input.
  --json          one JSON object per row (JSON Lines) instead of the grouped listing
  --country CC    country for phone numbers written without one (ISO code or name)
  --encoding NAME read the file in this encoding (by default a byte-order mark decides, else UTF-8, else
                  Windows-1251/1252 with a warning)
`;

interface DedupeRow {
  row: number;
  customer: string;
  match: DuplicateStatus;
  matchedRow: number | null;
  /** For `possible`: the customer it may belong to. */
  possibleCustomer: string | null;
  score: number;
  fields: string[];
}

interface DedupeOptions {
  /** A path, or `-` for standard input. */
  file: string;
  json: boolean;
  /** For phone numbers written without a country code. */
  country: string | null;
  encoding: string | undefined;
}

/** Characters of JSON Lines gathered before a write (about a hundred rows). */
const JSON_CHUNK = 16_384;

type Leads = ReturnType<typeof readLeadsCsv>['leads'];

/** The verdicts for leads in arrival order, each handed to `emit` as soon as it is judged. */
function dedupeLeads(leads: Leads, defaultCountry: string | null, emit?: (row: DedupeRow) => void): DedupeRow[] {
  const matcher = new InMemoryMatcher<number>();
  const ids = new Map<string, string>();
  const label = (internal: string): string => {
    let id = ids.get(internal);
    if (!id) ids.set(internal, (id = `c${ids.size + 1}`));
    return id;
  };
  return leads.map(({ row, lead }) => {
    const v = matcher.add(row, normalizeCustomer(lead.customer, { defaultCountry }));
    const judged: DedupeRow = {
      row,
      customer: label(v.assignedCustomerId),
      match: v.status,
      matchedRow: v.matched,
      possibleCustomer: v.candidateCustomerId ? label(v.candidateCustomerId) : null,
      score: v.score,
      fields: v.fields,
    };
    emit?.(judged);
    return judged;
  });
}

/** The command line, `help`, or a UsageError. */
function optionsOf(args: string[]): DedupeOptions | 'help' {
  const { flags, positional } = parseArgs(args, ['json', 'country', 'help', 'encoding'], ['country', 'encoding']);
  if (flags.has('help') || positional.includes('-h')) return 'help';
  const unknown = positional.find((p) => p.startsWith('-') && p !== '-');
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  const named = flags.get('country');
  const country = typeof named === 'string' ? normalizeCountry(named) : null;
  if (typeof named === 'string' && !country) throw new UsageError(`--country needs a country code or name (got ${JSON.stringify(named)})`);
  if (positional.length !== 1)
    throw new UsageError(positional.length ? 'give exactly one CSV file' : 'which CSV file? (use - for standard input)');
  const encoding = flags.get('encoding') as string | undefined;
  if (encoding) namedDecoder(encoding); // an unknown name is a usage error now, not a read error later
  return { file: positional[0]!, json: flags.has('json'), country, encoding };
}

export async function runDedupe(args: string[], io: CliIO): Promise<number> {
  let options: DedupeOptions | 'help';
  try {
    options = optionsOf(args);
  } catch (e) {
    if (e instanceof UsageError) return usage(io, e.message);
    throw e;
  }
  if (options === 'help') {
    io.stdout.write(DEDUPE_HELP);
    return 0;
  }
  const leads = await readLeads(options, io);
  if (!leads) return 1;
  // JSON Lines go out as rows are judged, a few dozen kilobytes at a time (one write per row was an eighth of the
  // run); the grouped listing needs every row first.
  if (options.json) {
    let pending = '';
    dedupeLeads(leads, options.country, (r) => {
      pending += JSON.stringify(r) + '\n';
      if (pending.length >= JSON_CHUNK) {
        io.stdout.write(pending);
        pending = '';
      }
    });
    if (pending) io.stdout.write(pending);
  } else writeGroups(dedupeLeads(leads, options.country), leads, io);
  return 0;
}

/** The leads of the CSV file (or standard input), with skipped rows reported; null when it cannot be read. */
async function readLeads({ file, encoding }: DedupeOptions, io: CliIO): Promise<Leads | null> {
  let text: string;
  try {
    const read = file === '-' ? await readStdin(io, encoding) : await readText(io, file, encoding);
    if (read.warning) io.stderr.write(`leadlens dedupe: ${file === '-' ? 'standard input' : file} is ${read.warning}\n`);
    text = read.text;
  } catch (e) {
    const why = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
    io.stderr.write(`leadlens dedupe: cannot read ${file}: ${why}\n`);
    return null;
  }
  let read: ReturnType<typeof readLeadsCsv>;
  try {
    read = readLeadsCsv(text);
  } catch (e) {
    io.stderr.write(`leadlens dedupe: ${file} is not a usable leads CSV: ${e instanceof Error ? e.message : String(e)}\n`);
    return null;
  }
  for (const err of read.errors) io.stderr.write(`leadlens dedupe: row ${err.row} skipped: ${err.message}\n`);
  return read.leads;
}

/** The human listing: a summary line, then each customer with its rows and what each row matched. */
function writeGroups(rows: DedupeRow[], leads: Leads, io: CliIO): void {
  const leadsByRow = new Map(leads.map((l) => [l.row, l.lead]));
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
}

function describe(lead: Lead | undefined): string {
  if (!lead) return '';
  const c = lead.customer;
  const name = customerName(c);
  const parts = [name, c.email ? `<${c.email.trim()}>` : '', c.company ? `· ${c.company}` : ''].filter(Boolean);
  return parts.join(' ');
}

function usage(io: CliIO, message: string): number {
  io.stderr.write(`leadlens dedupe: ${message}\n\n${DEDUPE_HELP}`);
  return 2;
}
