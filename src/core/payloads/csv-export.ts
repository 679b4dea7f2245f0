// CSV exports from a CRM or Partner Center: columns found by header spelling (English and Russian),
// one lead per data row.
import { detectDelimiter, parseCsv, unguardCell } from '../csv';
import type { CustomerFields, Lead } from '../types';
import { PayloadError } from './error';
import { finishLead } from './finish';
import { CUSTOMER_KEYS, normalizeKey, text } from './keys';

export type CsvField = keyof CustomerFields | 'leadSource' | 'actionCode' | 'offerTitle' | 'productId' | 'description' | 'createdAt';

/** Header spellings per field (normalized: lower case, letters and digits only). English and Russian. */
const CSV_HEADERS: Record<CsvField, readonly string[]> = {
  firstName: [...CUSTOMER_KEYS.firstName, 'имя'],
  lastName: [...CUSTOMER_KEYS.lastName, 'фамилия'],
  fullName: [...CUSTOMER_KEYS.fullName, 'leadname', 'фио', 'полноеимя'],
  email: [...CUSTOMER_KEYS.email, 'emailaddress1', 'электроннаяпочта', 'email1', 'почта'],
  phone: [...CUSTOMER_KEYS.phone, 'telephone1', 'телефон', 'рабочийтелефон'],
  company: [...CUSTOMER_KEYS.company, 'company name', 'компания', 'организация', 'названиеорганизации'],
  title: [...CUSTOMER_KEYS.title, 'должность'],
  country: [...CUSTOMER_KEYS.country, 'address1country', 'страна', 'странарегион'],
  leadSource: ['leadsource', 'leadsourcecode', 'source', 'sourcesystemname', 'источникинтереса', 'источниклида', 'источник'],
  actionCode: ['actioncode', 'action', 'calltoaction', 'cta'],
  offerTitle: ['offertitle', 'offerdisplayname', 'offername', 'offer', 'productname'],
  productId: ['productid', 'offerid'],
  description: ['description', 'notes', 'comments', 'message', 'описание'],
  createdAt: [
    'leadcreationdatetime',
    'createdtime',
    'createdon',
    'createddate',
    'createdat',
    'created',
    'datecreated',
    'датасоздания',
    'создано',
  ],
};

export type CsvColumns = Partial<Record<CsvField, number>>;

/** Which column holds which lead field, from a header row; columns it cannot place are left out. */
export function csvColumns(header: string[]): CsvColumns {
  const cols: CsvColumns = {};
  const norm = header.map((h) => normalizeKey(h ?? ''));
  for (const [field, names] of Object.entries(CSV_HEADERS) as Array<[CsvField, readonly string[]]>) {
    for (const name of names) {
      const idx = norm.indexOf(normalizeKey(name));
      if (idx >= 0 && !Object.values(cols).includes(idx)) {
        cols[field] = idx;
        break;
      }
    }
  }
  return cols;
}

/** A lead from one CSV data row, using the columns found by `csvColumns`. */
export function leadFromCsvRow(columns: CsvColumns, row: string[]): Lead {
  const cell = (f: CsvField): string | undefined => {
    const i = columns[f];
    const raw = i === undefined ? undefined : row[i];
    return raw === undefined ? undefined : text(unguardCell(raw));
  };
  const customer: CustomerFields = {};
  for (const f of Object.keys(CUSTOMER_KEYS) as Array<keyof CustomerFields>) {
    const v = cell(f);
    if (v !== undefined) customer[f] = v;
  }
  return finishLead(
    { customer, offerTitle: cell('offerTitle'), description: cell('description'), created: cell('createdAt') },
    { leadSource: cell('leadSource'), actionCode: cell('actionCode'), productId: cell('productId') },
  );
}

/**
 * Every lead of a CSV export. Blank rows are skipped; a row with nothing usable is reported in `errors`
 * (row = 1-based data row, header not counted) and reading goes on. A file without a recognisable
 * header, or with a quote that never closes, throws (PayloadError / CsvError).
 */
export function readLeadsCsv(csvText: string): {
  leads: Array<{ row: number; lead: Lead }>;
  errors: Array<{ row: number; line: number; message: string }>;
} {
  const rowLines: number[] = [];
  const rows = parseCsv(csvText, { delimiter: detectDelimiter(csvText), rowLines });
  const header = rows[0];
  if (!header) throw new PayloadError('The CSV file is empty');
  const columns = csvColumns(header);
  if (Object.keys(columns).length === 0) {
    throw new PayloadError(`No known lead columns in the CSV header (got: ${header.slice(0, 8).join(', ')})`);
  }
  const leads: Array<{ row: number; lead: Lead }> = [];
  // `line` is where the row starts in the file, which differs from row + 1 after a cell spanning lines.
  const errors: Array<{ row: number; line: number; message: string }> = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (cells.every((c) => c.trim() === '')) continue;
    try {
      const lead = leadFromCsvRow(columns, cells);
      if (!lead.leadSource && Object.keys(lead.customer).length === 0) {
        errors.push({ row: r, line: rowLines[r] ?? r + 1, message: 'No lead source and no customer fields in this row' });
        continue;
      }
      leads.push({ row: r, lead });
    } catch (e) {
      errors.push({ row: r, line: rowLines[r] ?? r + 1, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return { leads, errors };
}
