// `leadlens decode`: LeadSource strings from arguments, stdin lines or a CSV export.
import { actionLabel, reasonLabel, sourceLabel, stageLabel, warningLabel } from '../core/catalog';
import { CsvError, detectDelimiter, formatCsv, parseCsv } from '../core/csv';
import { offerLabel } from '../core/display';
import { decodeAnyText, decodeLeadSource } from '../core/leadsource';
import { csvColumns, normalizeKey } from '../core/payloads';
import type { DecodedLeadSource, Lang } from '../core/types';
import { parseArgs, readText, stdinLines, UsageError, writeText, type CliIO } from './io';

export const DECODE_HELP = `Usage:
  leadlens decode [--json] [--lang en|ru] STRING...   decode the given LeadSource values
  leadlens decode [--json] [--lang en|ru] < FILE      decode one value per line (blank lines skipped)
  leadlens decode --csv FILE [--column NAME] [--out FILE]
                                                     add decoded columns to a CSV export
Options:
  --json         one JSON object per input (JSON Lines)
  --csv FILE     a CSV export; the LeadSource column is found by its header unless --column names it
  --column NAME  the header of the column to decode
  --out FILE     write the CSV there instead of standard output
  --lang en|ru   language of the human-readable output
`;

/** A line's result: its first value, and the other values on the same line (`several-values`). */
export type LineResult = DecodedLeadSource & { others?: DecodedLeadSource[] };

/** The JSON Lines record for one input. */
export function decodedJson(d: LineResult): Record<string, unknown> {
  const o: Record<string, unknown> = {
    input: d.input,
    ok: d.ok,
    source: d.source,
    action: d.action,
    stage: d.stage,
    offer: d.offer,
    testLead: d.testLead,
    testLeadTime: d.testLeadTime,
    warnings: d.warnings,
  };
  if (!d.ok) o.reason = d.reason ?? 'not-marketplace';
  if (d.others?.length) o.others = d.others.map(decodedJson);
  return o;
}

/**
 * One result per argument, line or cell: the value it is, else the first one inside it. A line with
 * several values (`SPZA-PLT|contoso.crm AzureMarketplace-INS|contoso.bi`) gives its first value with a
 * `several-values` warning and the others in `others`.
 */
export function decodeCell(value: string): LineResult {
  const [first, ...others] = decodeAnyText(value);
  if (!others.length) return first!;
  return { ...first!, warnings: [...first!.warnings, 'several-values'], others };
}

function human(d: LineResult, lang: Lang): string {
  const lines = [`${d.ok ? '✔' : '✘'} ${JSON.stringify(d.input)}`];
  if (!d.ok) lines.push(`    ${reasonLabel(d.reason ?? 'not-marketplace', lang)}`);
  if (d.testLead) lines.push(`    test lead${d.testLeadTime ? `, generated ${d.testLeadTime}` : ''}`);
  if (d.source) lines.push(`    source:  ${sourceLabel(d.source, lang)} (${d.sourceLiteral ?? d.source})`);
  if (d.action) lines.push(`    action:  ${d.action} (${actionLabel(d.action, lang)})`);
  if (d.ok) lines.push(`    stage:   ${stageLabel(d.stage, lang)}`);
  if (d.offer) {
    const o = d.offer;
    const id =
      o.publisherId && o.offerId
        ? `publisher ${o.publisherId}, offer ${o.offerId}`
        : o.publisherId
          ? `publisher ${o.publisherId}, offer id unknown`
          : '';
    lines.push(`    offer:   ${offerLabel(o)}${id ? ` (${id})` : ''}`);
  }
  for (const w of d.warnings) lines.push(`    note:    ${warningLabel(w, lang)}`);
  for (const o of d.others ?? []) lines.push(`    also:    ${JSON.stringify(o.input)}`);
  return lines.join('\n') + '\n';
}

function langOf(v: string | true | undefined): Lang {
  if (v === undefined) return 'en';
  if (v === 'en' || v === 'ru') return v;
  throw new UsageError('--lang must be en or ru');
}

export async function runDecode(args: string[], io: CliIO): Promise<number> {
  const { flags, positional } = parseArgs(args, ['json', 'csv', 'column', 'out', 'lang', 'help'], ['csv', 'column', 'out', 'lang']);
  if (flags.has('help')) {
    io.stdout.write(DECODE_HELP);
    return 0;
  }
  const lang = langOf(flags.get('lang'));
  const csv = flags.get('csv');
  if (typeof csv === 'string') {
    if (positional.length) throw new UsageError('give either --csv FILE or strings, not both');
    return decodeCsvFile(csv, flags, io);
  }
  if (flags.has('column') || flags.has('out')) throw new UsageError('--column and --out go with --csv FILE');
  const json = flags.has('json');
  const emit = (d: DecodedLeadSource): void => {
    io.stdout.write(json ? JSON.stringify(decodedJson(d)) + '\n' : human(d, lang));
  };
  if (positional.length) {
    for (const s of positional) emit(decodeCell(s));
    return 0;
  }
  if (io.stdin.isTTY) throw new UsageError('nothing to decode: give a string, or pipe lines on standard input');
  let lineNo = 0;
  let bad = 0;
  for await (const line of stdinLines(io)) {
    lineNo++;
    if (!line.trim()) continue;
    try {
      const d = decodeCell(line);
      if (!d.ok) bad++;
      emit(d);
    } catch (e) {
      // The decoder never throws by contract; if it ever does, say which line and keep going.
      bad++;
      io.stderr.write(`leadlens: line ${lineNo}: ${e instanceof Error ? e.message : String(e)}\n`);
      if (json) io.stdout.write(JSON.stringify({ input: line, ok: false, reason: 'error' }) + '\n');
    }
  }
  if (bad) io.stderr.write(`leadlens: ${bad} of the lines read are not marketplace LeadSource values\n`);
  return 0;
}

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

async function decodeCsvFile(path: string, flags: Map<string, string | true>, io: CliIO): Promise<number> {
  let text: string;
  try {
    text = await readText(io, path);
  } catch (e) {
    io.stderr.write(`leadlens: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const delimiter = detectDelimiter(text.replace(/^\ufeff/, ''));
  let rows: string[][];
  try {
    rows = parseCsv(text, { delimiter });
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
  const column = flags.get('column');
  const col = pickColumn(header, rows, typeof column === 'string' ? column : undefined);
  const out: string[][] = [[...header, ...ADDED]];
  let bad = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const padded = row.length < header.length ? [...row, ...Array<string>(header.length - row.length).fill('')] : row;
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
  // The export's own columns go back unchanged; only the columns LeadLens adds get the formula guard.
  const result = formatCsv(out, { bom: text.startsWith('\ufeff'), delimiter, verbatimColumns: header.length });
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
