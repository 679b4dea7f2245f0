// `leadlens decode`: LeadSource strings from arguments, stdin lines, a CSV export (decode-csv.ts) or whole lead
// payloads (payload.ts). Input is read as encoding.ts says (BOM, UTF-8, else a Windows code page with a warning).
import { actionLabel, reasonLabel, sourceLabel, stageLabel, warningLabel } from '../core/catalog';
import { offerLabel } from '../core/display';
import type { DecodedLeadSource, Lang } from '../core/types';
import { decodeCsvFile } from './decode-csv';
import { decodeCell, decodedJson, type LineResult } from './decode-json';
import { namedDecoder } from './encoding';
import { parseArgs, readText, stdinLines, UsageError, type CliIO } from './io';
import { payloadJson, payloadRecords } from './payload';

export const DECODE_HELP = `Usage:
  leadlens decode [--json] [--lang en|ru] STRING...   decode the given LeadSource values
  leadlens decode [--json] [--lang en|ru] < FILE      decode one value per line (blank lines skipped)
  leadlens decode --csv FILE [--column NAME] [--out FILE] [--raw]
                                                     add decoded columns to a CSV export
  leadlens decode --payload FILE                     whole lead records: an HTTPS-endpoint JSON object,
                                                     an array, JSON Lines, Azure Table rows (JSON or CSV)
Options:
  --json           one JSON object per input (JSON Lines); --payload always writes JSON Lines
  --csv FILE       a CSV export; the LeadSource column is found by its header unless --column names it
  --column NAME    the header of the column to decode
  --out FILE       write the CSV there instead of standard output
  --raw            write CSV cells as they are, without the spreadsheet formula guard (a leading ')
  --encoding NAME  read input in this encoding (utf-8, utf-16le, windows-1251, ...); by default a byte-order
                   mark decides, else UTF-8, else Windows-1251/1252 with a warning
  --lang en|ru     language of the human-readable output
`;

export { decodeCell, decodedJson, type LineResult };

/** Longest line searched for LeadSource values: a Description is far shorter; a 50 MB line is not a lead. */
export const MAX_LINE = 1_000_000;

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

export async function runDecode(args: string[], io: CliIO): Promise<number> {
  const { flags, positional } = parseArgs(
    args,
    ['json', 'csv', 'column', 'out', 'lang', 'help', 'raw', 'encoding', 'payload'],
    ['csv', 'column', 'out', 'lang', 'encoding', 'payload'],
  );
  if (flags.has('help')) {
    io.stdout.write(DECODE_HELP);
    return 0;
  }
  const lang = langOf(flags.get('lang'));
  const encoding = flags.get('encoding') as string | undefined;
  if (encoding) namedDecoder(encoding); // an unknown name is a usage error before anything is read
  const csv = flags.get('csv');
  const payload = flags.get('payload');
  if (typeof csv === 'string' && typeof payload === 'string') throw new UsageError('give either --csv FILE or --payload FILE');
  if ((typeof csv === 'string' || typeof payload === 'string') && positional.length)
    throw new UsageError('give either a file (--csv, --payload) or strings, not both');
  if (typeof payload === 'string') return decodePayloadFile(payload, encoding, io);
  if (typeof csv === 'string') return decodeCsvFile(csv, flags, io);
  if (flags.has('column') || flags.has('out') || flags.has('raw')) throw new UsageError('--column, --out and --raw go with --csv FILE');
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
  const onWarning = (w: string) => io.stderr.write(`leadlens: standard input is ${w}\n`);
  for await (const raw of stdinLines(io, { encoding, onWarning })) {
    lineNo++;
    let line = lineNo === 1 ? raw.replace(/^\ufeff/, '') : raw;
    if (line.length > MAX_LINE) {
      io.stderr.write(`leadlens: line ${lineNo} is ${line.length} characters long; only its first ${MAX_LINE} are searched\n`);
      line = line.slice(0, MAX_LINE);
    }
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

/** `--payload FILE`: one JSON line per record; records that are not leads are named on standard error. */
async function decodePayloadFile(path: string, encoding: string | undefined, io: CliIO): Promise<number> {
  let text: string;
  try {
    const read = await readText(io, path, encoding);
    if (read.warning) io.stderr.write(`leadlens: ${path} is ${read.warning}\n`);
    text = read.text;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.stderr.write(`leadlens: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  let records: ReturnType<typeof payloadRecords>;
  try {
    records = payloadRecords(text);
  } catch (e) {
    io.stderr.write(`leadlens: ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  let leads = 0;
  records.forEach((record, i) => {
    const { json, error } = payloadJson(record, i);
    if (error) io.stderr.write(`leadlens: ${path}: record ${i + 1} (line ${record.line}) is not a lead: ${error}\n`);
    else leads++;
    io.stdout.write(JSON.stringify(json) + '\n');
  });
  io.stderr.write(`leadlens: ${leads} of ${records.length} records in ${path} are leads\n`);
  return leads || !records.length ? 0 : 1;
}

function langOf(v: string | true | undefined): Lang {
  if (v === undefined) return 'en';
  if (v === 'en' || v === 'ru') return v;
  throw new UsageError('--lang must be en or ru');
}
