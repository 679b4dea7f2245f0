// CSV as RFC 4180 describes it (quoted fields, "" inside quotes, CR / LF / CRLF line ends), read in one
// linear pass. Also the two habits of real exports: a UTF-8 byte-order mark (stripped) and, in Russian
// and other European Excel locales, ';' as the separator (`detectDelimiter`).

export class CsvError extends Error {
  /** 1-based line where the problem starts. */
  readonly line: number;
  constructor(message: string, line: number) {
    super(`${message} (line ${line})`);
    this.name = 'CsvError';
    this.line = line;
  }
}

export interface CsvReadOptions {
  /** Field separator; default ','. */
  delimiter?: string;
  /** When given, receives the 1-based file line each row starts on (quoted cells may span lines). */
  rowLines?: number[];
}

/**
 * Parses CSV text into rows of cells. A final line end does not add an empty row; a blank line in the
 * middle is a row with one empty cell, as RFC 4180 has it. Throws CsvError on a quote that never closes.
 */
export function parseCsv(text: string, opts: CsvReadOptions = {}): string[][] {
  const delim = (opts.delimiter ?? ',').charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  if (i >= n) return rows;
  opts.rowLines?.push(line);
  for (;;) {
    // One field starting at i.
    let cell: string;
    if (text.charCodeAt(i) === 34) {
      const startLine = line;
      let buf = '';
      let from = i + 1;
      let j = from;
      for (;;) {
        if (j >= n) throw new CsvError('Unterminated quoted field', startLine);
        const c = text.charCodeAt(j);
        if (c === 34) {
          if (text.charCodeAt(j + 1) === 34) {
            buf += text.slice(from, j + 1);
            j += 2;
            from = j;
            continue;
          }
          break;
        }
        if (c === 10 || (c === 13 && text.charCodeAt(j + 1) !== 10)) line++;
        j++;
      }
      buf += text.slice(from, j);
      i = j + 1;
      // Anything between the closing quote and the separator is kept as text (lenient).
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === delim || c === 10 || c === 13) break;
        k++;
      }
      cell = k > i ? buf + text.slice(i, k) : buf;
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === delim || c === 10 || c === 13) break;
        k++;
      }
      cell = text.slice(i, k);
      i = k;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      continue; // a separator at the very end leaves one more (empty) field, read by the next round
    }
    // Line end: CRLF, LF or CR.
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
    opts.rowLines?.push(line);
  }
}

/** ',' unless the first line (outside quotes) has more ';' or tabs, as Excel writes in many locales. */
export function detectDelimiter(text: string): string {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte-order mark so Excel reads the file as UTF-8 (Cyrillic names survive). */
  bom?: boolean;
  delimiter?: string;
  /** Every cell as it is, without the formula guard (the CLI's --raw, for pipelines that want the original text). */
  raw?: boolean;
}

/** A number as a spreadsheet reads it: `-2`, `+3.5`, `1e6`, `-0,5`. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
/** A phone number: `+7 495 123-45-67`, `+1 (555) 010-0199`, `+44.20.7946.0000` (digits, spaces, ( ) . - /). */
const PHONE = /^\+[\d\s().\-/]+$/;

/** True when a spreadsheet could run the cell as a formula, so the guard must quote it. */
export function needsGuard(cell: string): boolean {
  const c = cell.charCodeAt(0);
  if (c === 61 || c === 64 || c === 9 || c === 13) return true; // = @ tab CR
  if (c !== 43 && c !== 45) return false; // + -
  return !PLAIN_NUMBER.test(cell) && !(PHONE.test(cell) && cell.replace(/\D/g, '').length >= 5);
}

/**
 * Formula injection guard: a spreadsheet runs a cell that starts with = @ tab or CR, or with + or - before anything
 * but a plain number or a phone number, as a formula, so a lead named `=HYPERLINK(...)` could act when a rep opens
 * the file. Such cells get a leading apostrophe, which spreadsheets show as plain text; phones keep their `+`.
 */
function neutralise(cell: string): string {
  return needsGuard(cell) ? `'${cell}` : cell;
}

/**
 * Undoes the guard on reading: an apostrophe followed by a character the guard protects is taken
 * off, so a phone exported as '+7 495... comes back as +7 495...
 */
export function unguardCell(cell: string): string {
  if (cell.charCodeAt(0) !== 39 || cell.length < 2) return cell;
  const c = cell.charCodeAt(1);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? cell.slice(1) : cell;
}

function quoteIfNeeded(cell: string, delim: string): string {
  const needs = cell.includes('"') || cell.includes(delim) || cell.includes('\n') || cell.includes('\r') || /^\s|\s$/.test(cell);
  return needs ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Writes rows as CSV with CRLF line ends, quoting only where needed. */
export function formatCsv(rows: string[][], opts: CsvWriteOptions = {}): string {
  const delim = opts.delimiter ?? ',';
  const body = rows
    .map((r) => r.map((cell) => quoteIfNeeded(opts.raw ? (cell ?? '') : neutralise(cell ?? ''), delim)).join(delim))
    .join('\r\n');
  return (opts.bom ? '\ufeff' : '') + body + (rows.length ? '\r\n' : '');
}
