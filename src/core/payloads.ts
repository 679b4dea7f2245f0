// Whole lead records as the marketplace delivers them, each turned into one `Lead`:
// - the HTTPS endpoint's JSON (keys in any casing: `UserDetails`/`userDetails`, `LeadSource`/`leadSource`);
// - an Azure Table row (`CustomerInfo` is a JSON string, `ProductId` is `publisher.offer`);
// - Salesforce web-to-lead `key = value` lines (or the same as a form-encoded body);
// - a CSV row from a CRM or Partner Center export, columns found by header spelling.
// Keys are compared after dropping case, spaces, '_' and '-', so `first_name`, `First Name` and
// `FirstName` are one key. Anything that is not a lead record throws PayloadError with a plain message.
import { detectDelimiter, parseCsv, unguardCell } from './csv';
import { decodeLeadSource, withActionCode } from './leadsource';
import { dotNetTicksToIso } from './ticks';
import type { CustomerFields, DecodedLeadSource, Lead } from './types';

export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

/** `First Name`, `first_name`, `firstName` → `firstname`; letters of any script are kept. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

type Dict = Record<string, unknown>;

function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A view of an object's keys by normalized name (first spelling wins). */
function keyed(obj: Dict): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const nk = normalizeKey(k);
    if (!m.has(nk)) m.set(nk, v);
  }
  return m;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t ? t : undefined;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function pick(m: Map<string, unknown>, ...names: string[]): string | undefined {
  for (const n of names) {
    const t = text(m.get(n));
    if (t !== undefined) return t;
  }
  return undefined;
}

const CUSTOMER_KEYS: Record<keyof CustomerFields, readonly string[]> = {
  firstName: ['firstname', 'fname', 'givenname'],
  lastName: ['lastname', 'lname', 'surname', 'familyname'],
  fullName: ['fullname', 'name', 'contactname', 'customername'],
  email: ['email', 'emailaddress', 'mail', 'businessemail', 'workemail'],
  phone: ['phone', 'phonenumber', 'telephone', 'businessphone', 'mobilephone', 'mobile'],
  company: ['company', 'companyname', 'organization', 'organisation', 'accountname'],
  title: ['title', 'jobtitle', 'position'],
  country: ['country', 'countryregion', 'countryorregion'],
};

function customerFrom(m: Map<string, unknown>): CustomerFields {
  const c: CustomerFields = {};
  for (const [field, names] of Object.entries(CUSTOMER_KEYS) as Array<[keyof CustomerFields, readonly string[]]>) {
    const v = pick(m, ...names);
    if (v !== undefined) c[field] = v;
  }
  return c;
}

const TEST_MARK = /MSFT_TEST_(\d{15,19})/i;

/**
 * Test leads sent to HTTPS endpoints carry a normal LeadSource (`AzureMarketplace` + `INS`) but
 * `MSFT_TEST_<ticks>` in the customer fields; such a lead is a test lead whatever its LeadSource says.
 */
function markTestLead(decoded: DecodedLeadSource | null, lead: Lead): DecodedLeadSource | null {
  if (decoded?.testLead) return decoded;
  const fields = [...Object.values(lead.customer), lead.description ?? ''];
  for (const f of fields) {
    const m = f && f.length < 4096 ? TEST_MARK.exec(f) : null;
    if (!m) continue;
    const base = decoded ?? decodeLeadSource(m[0]);
    const marked: DecodedLeadSource = { ...base, ok: true, testLead: true, stage: 'test', testLeadTime: dotNetTicksToIso(m[1]!) };
    delete marked.reason;
    return marked;
  }
  return decoded;
}

/** Decoded LeadSource, completed by a separate action code and offer id/title when the record has them. */
function leadSourceFrom(
  raw: string | undefined,
  actionCode: string | undefined,
  productId: string | undefined,
  offerTitle: string | undefined,
): DecodedLeadSource | null {
  if (raw === undefined) return null;
  let d = decodeLeadSource(raw);
  if (actionCode) d = withActionCode(d, actionCode);
  if (!d.ok && d.reason !== 'unknown-action') return d;
  const dot = productId ? productId.indexOf('.') : -1;
  if (productId && dot > 0 && dot < productId.length - 1 && !/\s/.test(productId)) {
    // ProductId is a separate, complete column: it gives the confident id even when LeadSource was cut.
    d = {
      ...d,
      offer: { publisherId: productId.slice(0, dot), offerId: productId.slice(dot + 1), title: offerTitle ?? d.offer?.title ?? productId },
    };
  } else if (offerTitle) {
    d = { ...d, offer: d.offer ? { ...d.offer, title: offerTitle } : { publisherId: null, offerId: null, title: offerTitle } };
  }
  return d;
}

/** ISO 8601 for the date forms exports use; undefined when it cannot be read. */
export function parseLeadDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  // d.m.yyyy (European) or m/d/yyyy (US; d/m when the first number cannot be a month), optional time.
  const m = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i.exec(v);
  if (m) {
    let day = Number(m[1]);
    let month = Number(m[3]);
    if (m[2] === '/' && month <= 12 && day <= 12) [day, month] = [month, day];
    else if (m[2] === '/' && day <= 12 && month > 12) [day, month] = [month, day];
    let hour = Number(m[5] ?? 0);
    if (m[8]?.toUpperCase() === 'PM' && hour < 12) hour += 12;
    if (m[8]?.toUpperCase() === 'AM' && hour === 12) hour = 0;
    const t = Date.UTC(Number(m[4]), month - 1, day, hour, Number(m[6] ?? 0), Number(m[7] ?? 0));
    return Number.isNaN(t) || month > 12 || day > 31 ? undefined : new Date(t).toISOString();
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/**
 * Parses a JSON text, repairing one known defect: the marketplace's own sample test lead lacks a comma
 * between two properties on separate lines. We insert it (tolerant read) rather than reject a payload
 * that a rep copied from the documentation. Anything else that is not JSON throws PayloadError.
 */
export function parsePayloadJson(textIn: string): { value: unknown; repaired: boolean } {
  try {
    return { value: JSON.parse(textIn), repaired: false };
  } catch {
    const fixed = insertMissingCommas(textIn);
    try {
      return { value: JSON.parse(fixed), repaired: true };
    } catch (e) {
      throw new PayloadError(`Not valid JSON: ${(e as Error).message}`);
    }
  }
}

/** Adds ',' where a value ends a line and the next line starts a new "key" (one linear pass). */
function insertMissingCommas(s: string): string {
  let out = '';
  let inString = false;
  let lastValueEnd = false; // the last token outside a string ended a value
  let sawNewline = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        lastValueEnd = true;
        sawNewline = false;
      }
      continue;
    }
    if (c === '\n') {
      sawNewline = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '"') {
      if (lastValueEnd && sawNewline) {
        out += s.slice(from, i) + ',';
        from = i;
      }
      inString = true;
      continue;
    }
    lastValueEnd = c === '}' || c === ']' || /[0-9el]/.test(c);
    sawNewline = false;
  }
  return out + s.slice(from);
}

/** A lead from the HTTPS endpoint's JSON (an object, or its text). */
export function leadFromHttpsPayload(json: unknown): Lead {
  const value = typeof json === 'string' ? parsePayloadJson(json).value : json;
  if (!isDict(value)) throw new PayloadError('Not a lead payload: expected a JSON object');
  const top = keyed(value);
  const details = top.get('userdetails') ?? top.get('customerinfo');
  const customerMap = isDict(details) ? keyed(details) : typeof details === 'string' ? keyed(customerInfoObject(details)) : top;
  const customer = customerFrom(customerMap);
  const raw = pick(top, 'leadsource');
  const offerTitle = pick(top, 'offertitle', 'offerdisplayname', 'offername');
  if (raw === undefined && Object.keys(customer).length === 0) {
    throw new PayloadError('Not a lead payload: no LeadSource and no customer details (UserDetails)');
  }
  const lead: Lead = { leadSource: leadSourceFrom(raw, pick(top, 'actioncode'), pick(top, 'productid', 'offerid'), offerTitle), customer };
  if (offerTitle) lead.offerTitle = offerTitle;
  const description = pick(top, 'description');
  if (description) lead.description = description;
  const created = parseLeadDate(pick(top, 'createdtime', 'createdat', 'leadcreationdatetime', 'createdon'));
  if (created) lead.createdAt = created;
  lead.leadSource = markTestLead(lead.leadSource, lead);
  return lead;
}

function customerInfoObject(s: string): Dict {
  let v: unknown;
  try {
    v = parsePayloadJson(s).value;
  } catch {
    throw new PayloadError('CustomerInfo is not valid JSON');
  }
  if (!isDict(v)) throw new PayloadError('CustomerInfo is not a JSON object');
  return v;
}

/** A lead from one Azure Table entity (`MarketplaceLeads`). */
export function leadFromAzureTableRow(row: Record<string, unknown>): Lead {
  if (!isDict(row)) throw new PayloadError('Not an Azure Table row: expected an object');
  const m = keyed(row);
  const info = m.get('customerinfo');
  const customer = customerFrom(keyed(isDict(info) ? info : typeof info === 'string' && info.trim() ? customerInfoObject(info) : {}));
  const raw = pick(m, 'leadsource');
  if (raw === undefined && Object.keys(customer).length === 0) {
    throw new PayloadError('Not an Azure Table lead row: no LeadSource and no CustomerInfo');
  }
  const offerTitle = pick(m, 'offerdisplayname', 'offertitle');
  const lead: Lead = { leadSource: leadSourceFrom(raw, pick(m, 'actioncode'), pick(m, 'productid'), offerTitle), customer };
  if (offerTitle) lead.offerTitle = offerTitle;
  const description = pick(m, 'description');
  if (description) lead.description = description;
  const createdRaw = m.get('createdtime') ?? m.get('timestamp');
  const created = createdRaw instanceof Date ? createdRaw.toISOString() : parseLeadDate(text(createdRaw));
  if (created) lead.createdAt = created;
  lead.leadSource = markTestLead(lead.leadSource, lead);
  return lead;
}

/** A lead from Salesforce web-to-lead fields: `key = value` lines, or a form-encoded `a=b&c=d` body. */
export function leadFromWebToLead(body: string): Lead {
  if (typeof body !== 'string') throw new PayloadError('Not a web-to-lead text');
  const fields: Dict = {};
  const trimmed = body.trim();
  if (!trimmed.includes('\n') && trimmed.includes('&') && !trimmed.includes(' = ')) {
    for (const [k, v] of new URLSearchParams(trimmed)) if (!(k in fields)) fields[k] = v;
  } else {
    for (const line of trimmed.split(/\r\n|\r|\n/)) {
      const eq = line.indexOf('=');
      if (eq <= 0) continue;
      const k = line.slice(0, eq).trim();
      if (k && !(k in fields)) fields[k] = line.slice(eq + 1).trim();
    }
  }
  const m = keyed(fields);
  const customer = customerFrom(m);
  const raw = pick(m, 'leadsource');
  if (raw === undefined && Object.keys(customer).length === 0) {
    throw new PayloadError('Not a web-to-lead record: no lead_source and no customer fields (expected "key = value" lines)');
  }
  const lead: Lead = { leadSource: leadSourceFrom(raw, undefined, undefined, undefined), customer };
  const description = pick(m, 'description');
  if (description) lead.description = description;
  lead.leadSource = markTestLead(lead.leadSource, lead);
  return lead;
}

// ---------------------------------------------------------------------------------------------------
// CSV exports

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
  const offerTitle = cell('offerTitle');
  const lead: Lead = { leadSource: leadSourceFrom(cell('leadSource'), cell('actionCode'), cell('productId'), offerTitle), customer };
  if (offerTitle) lead.offerTitle = offerTitle;
  const description = cell('description');
  if (description) lead.description = description;
  const created = parseLeadDate(cell('createdAt'));
  if (created) lead.createdAt = created;
  lead.leadSource = markTestLead(lead.leadSource, lead);
  return lead;
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
