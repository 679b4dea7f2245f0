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
  /**
   * The first N columns are someone's own data passed through (a CRM export being annotated): they are
   * written as they came, without the formula guard, so a phone `+7 495…` stays `+7 495…`.
   */
  verbatimColumns?: number;
}

/**
 * Formula injection guard: a spreadsheet runs a cell that starts with = + - @ (or a tab / CR) as a
 * formula, so a lead named `=HYPERLINK(...)` could act when a rep opens the export. Such cells get a
 * leading apostrophe, which spreadsheets show as plain text. (A phone like +1 555... gets it too.)
 */
function neutralise(cell: string): string {
  const c = cell.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${cell}` : cell;
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
  const verbatim = opts.verbatimColumns ?? 0;
  const body = rows
    .map((r) => r.map((cell, i) => quoteIfNeeded(i < verbatim ? (cell ?? '') : neutralise(cell ?? ''), delim)).join(delim))
    .join('\r\n');
  return (opts.bom ? '\ufeff' : '') + body + (rows.length ? '\r\n' : '');
}
