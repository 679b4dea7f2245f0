// `leadlens decode --csv FILE`: the export with LeadLens's decoded columns added. Every cell written gets the
// spreadsheet formula guard (core/csv.ts) unless --raw; damage a malformed file would do silently is named on
// standard error instead: a quote that closes rows later (both lines), rows with more cells than the header (their
// extra cells go under "(extra n)" columns, so the added columns stay under their own headers).
import { decodeLeadSource } from '../core/leadsource';
import { CsvError, detectDelimiter, formatCsv, parseCsv } from '../core/csv';
import { csvColumns, normalizeKey } from '../core/payloads';
import type { DecodedLeadSource } from '../core/types';
import { decodeCell } from './decode-json';
import { type CliIO, readText, UsageError, writeText } from './io';

const ADDED = [
  'LeadLens OK',
  'LeadLens Source',
  'LeadLens Action',
  'LeadLens Stage',
  'LeadLens Publisher',
  'LeadLens Offer Id',
  'LeadLens Offer',
  'LeadLens Test Lead',
  'LeadLens Warnings',
  'LeadLens Reason',
];

/** Warnings of one kind beyond this many are counted, not listed. */
const LISTED = 10;

function addedCells(d: DecodedLeadSource): string[] {
  return [
    d.ok ? 'yes' : 'no',
    d.source ?? '',
    d.action ?? '',
    d.ok ? d.stage : '',
    d.offer?.publisherId ?? '',
    d.offer?.offerId ?? '',
    d.offer?.title ?? '',
    d.testLead ? 'yes' : 'no',
    d.warnings.join(' '),
    d.ok ? '' : (d.reason ?? ''),
  ];
}

/** The column to decode: named, else by header, else the one whose cells decode most often. */
function pickColumn(header: string[], rows: string[][], named: string | undefined): number {
  if (named !== undefined) {
    let idx = header.indexOf(named);
    if (idx < 0) idx = header.map(normalizeKey).indexOf(normalizeKey(named));
    if (idx < 0) throw new UsageError(`no column "${named}" in the CSV header (columns: ${header.join(', ')})`);
    return idx;
  }
  const byHeader = csvColumns(header).leadSource;
  if (byHeader !== undefined) return byHeader;
  const hits = header.map(() => 0);
  for (const row of rows.slice(1, 201)) {
    row.forEach((cell, i) => {
      if (i < hits.length && cell && decodeLeadSource(cell).ok) hits[i]!++;
    });
  }
  const best = hits.reduce((b, h, i) => (h > (hits[b] ?? 0) ? i : b), 0);
  if (!hits[best])
    throw new UsageError(`no LeadSource column found in the CSV header (columns: ${header.join(', ')}); name it with --column`);
  return best;
}

/**
 * Rows a stray quote merged: a quoted cell that runs over a line end and goes on with what looks like the next
 * row (a separator after the line break). Each as the line the quote opened on and the line it closed on.
 */
export function mergedRows(rows: string[][], rowLines: number[], delimiter: string): Array<{ from: number; to: number }> {
  const found: Array<{ from: number; to: number }> = [];
  rows.forEach((cells, r) => {
    let line = rowLines[r] ?? r + 1;
    for (const cell of cells) {
      const breaks = cell.split(/\r\n|\r|\n/);
      if (breaks.length > 1 && breaks.slice(1).some((part) => part.includes(delimiter)))
        found.push({ from: line, to: line + breaks.length - 1 });
      line += breaks.length - 1;
    }
  });
  return found;
}

function tell(io: CliIO, path: string, lines: string[], more: (n: number) => string): void {
  for (const l of lines.slice(0, LISTED)) io.stderr.write(`leadlens: ${path}: ${l}\n`);
  if (lines.length > LISTED) io.stderr.write(`leadlens: ${path}: ${more(lines.length - LISTED)}\n`);
}

export async function decodeCsvFile(path: string, flags: Map<string, string | true>, io: CliIO): Promise<number> {
  let text: string;
  let bom: boolean;
  try {
    const read = await readText(io, path, flags.get('encoding') as string | undefined);
    if (read.warning) io.stderr.write(`leadlens: ${path} is ${read.warning}\n`);
    ({ text, bom } = read);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.stderr.write(`leadlens: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const delimiter = detectDelimiter(text.replace(/^\ufeff/, ''));
  const rowLines: number[] = [];
  let rows: string[][];
  try {
    rows = parseCsv(text, { delimiter, rowLines });
  } catch (e) {
    if (e instanceof CsvError) {
      io.stderr.write(`leadlens: ${path}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const header = rows[0];
  if (!header) {
    io.stderr.write(`leadlens: ${path} is empty\n`);
    return 1;
  }
  tell(
    io,
    path,
    mergedRows(rows, rowLines, delimiter).map(
      (m) => `a quote opened on line ${m.from} closes on line ${m.to}: the rows between are read as one cell (check for a stray ")`,
    ),
    (n) => `and ${n} more quotes that merge rows`,
  );
  const wide = rows.map((r, i) => [i, r.length] as const).filter(([i, n]) => i > 0 && n > header.length);
  const extra = Math.max(0, ...wide.map(([, n]) => n - header.length));
  tell(
    io,
    path,
    wide.map(
      ([i, n]) =>
        `row ${i} (line ${rowLines[i] ?? i + 1}) has ${n} cells, the header ${header.length}: the extra cells are kept under "(extra n)" columns`,
    ),
    (n) => `and ${n} more rows with extra cells`,
  );
  const width = header.length + extra;
  const column = flags.get('column');
  const col = pickColumn(header, rows, typeof column === 'string' ? column : undefined);
  const extraHeads = Array.from({ length: extra }, (_, i) => `(extra ${i + 1})`);
  const out: string[][] = [[...header, ...extraHeads, ...ADDED]];
  let bad = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const padded = row.length < width ? [...row, ...Array<string>(width - row.length).fill('')] : row;
    try {
      const d = decodeCell(row[col] ?? '');
      if (!d.ok && d.reason !== 'empty') bad++;
      out.push([...padded, ...addedCells(d)]);
    } catch (e) {
      bad++;
      io.stderr.write(`leadlens: ${path}: data row ${r}: ${e instanceof Error ? e.message : String(e)}\n`);
      out.push([...padded, 'no', '', '', '', '', '', '', 'no', '', 'error']);
    }
  }
  const result = formatCsv(out, { bom, delimiter, raw: flags.has('raw') });
  const target = flags.get('out');
  if (typeof target === 'string') {
    try {
      await writeText(io, target, result);
    } catch (e) {
      io.stderr.write(`leadlens: cannot write ${target}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    }
  } else {
    io.stdout.write(result);
  }
  io.stderr.write(
    `leadlens: decoded column "${header[col] ?? col}" in ${rows.length - 1} rows${bad ? `; ${bad} not marketplace LeadSource values` : ''}\n`,
  );
  return 0;
}
