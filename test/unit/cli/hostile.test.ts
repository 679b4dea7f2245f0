// @vitest-environment node
// The files a rep actually has, including hostile and damaged ones: formula cells, UTF-16 with a byte-order mark,
// Windows-1251/1252 text, a stray quote, rows with extra cells, a 50 MB line; and every payload shape
// `decode --payload` takes. Nothing is garbled or lost without a word on standard error.
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { parseCsv } from '../../../src/core/csv';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], opts: { stdin?: Uint8Array[]; files?: Record<string, string | Uint8Array> } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const stdin = Object.assign(
    (async function* () {
      for (const chunk of opts.stdin ?? []) yield chunk;
    })(),
    { isTTY: false },
  );
  const io: CliIO = {
    stdin,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    readFile: async (p) => {
      const f = opts.files?.[p];
      if (f === undefined) throw new Error(`ENOENT: no such file, open '${p}'`);
      return f;
    },
    writeFile: async () => undefined,
  };
  return { code: await main(argv, io), out, err };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const jsonLines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

function utf16(s: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const [lo, hi] = [c & 0xff, c >> 8];
    out.set(order === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return out;
}

/** Windows-1251 bytes of a text of ASCII and Russian letters (А–я, Ё, ё). */
function cp1251(s: string): Uint8Array {
  return Uint8Array.from(
    [...s].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (ch === 'Ё') return 0xa8;
      if (ch === 'ё') return 0xb8;
      throw new Error(`no cp1251 byte for ${ch}`);
    }),
  );
}

/** Windows-1252 bytes of ASCII and Latin-1 letters. */
const cp1252 = (s: string) => Uint8Array.from([...s].map((ch) => ch.charCodeAt(0)));

const CSV = 'First Name,Last Name,Lead Source\r\nИван,Петров,AppSource-PLT|contoso.crm\r\nАнна,Смирнова,AzurePortal-Create|contoso.vm\r\n';

describe('formula cells in decode --csv', () => {
  const hostile = [
    ['Name', 'Phone', 'Amount', 'Note', 'Lead Source'],
    ['=HYPERLINK("http://evil.example","Click")', '+7 495 123-45-67', '-42', '@SUM(A1:A9)', 'AppSource-PLT|a.b'],
    ['\t=cmd|" /C calc"!A0', '+1 (555) 010-0199', '+3.5', '\r=1+1', 'AppSource-PLT|a.b'],
    ["+cmd|' /C calc'!A0", '-', '1e6', '-2+3+cmd|x', 'AppSource-PLT|a.b'],
  ];
  const file = hostile.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');

  it('guards every cell a spreadsheet would run, keeping phones and plain numbers', async () => {
    const r = await run(['decode', '--csv', 'in.csv'], { files: { 'in.csv': file } });
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    expect(rows[1]!.slice(0, 4)).toEqual(['\'=HYPERLINK("http://evil.example","Click")', '+7 495 123-45-67', '-42', "'@SUM(A1:A9)"]);
    expect(rows[2]!.slice(0, 4)).toEqual(['\'\t=cmd|" /C calc"!A0', '+1 (555) 010-0199', '+3.5', "'\r=1+1"]);
    expect(rows[3]!.slice(0, 4)).toEqual(["'+cmd|' /C calc'!A0", "'-", '1e6', "'-2+3+cmd|x"]);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=@\t\r]/);
  });

  it('writes the original text with --raw', async () => {
    const r = await run(['decode', '--csv', 'in.csv', '--raw'], { files: { 'in.csv': file } });
    expect(parseCsv(r.out)[1]![0]).toBe('=HYPERLINK("http://evil.example","Click")');
  });
});

describe('encodings', () => {
  it.each(['le', 'be'] as const)('reads UTF-16 %s with its byte-order mark: the real rows, no invented ones', async (order) => {
    const r = await run(['decode', '--csv', 'in.csv'], { files: { 'in.csv': utf16(CSV, order) } });
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ['First Name', 'Last Name'],
      ['Иван', 'Петров'],
      ['Анна', 'Смирнова'],
    ]);
    expect(rows[1]![3]).toBe('yes');
    expect(r.err).not.toMatch(/not UTF-8/);
  });

  it('reads Windows-1251 as Windows-1251, and says so', async () => {
    const r = await run(['decode', '--csv', 'in.csv'], { files: { 'in.csv': cp1251(CSV) } });
    expect(r.code).toBe(0);
    expect(parseCsv(r.out)[1]!.slice(0, 2)).toEqual(['Иван', 'Петров']);
    expect(r.out).not.toContain('\ufffd');
    expect(r.err).toMatch(/in\.csv is not UTF-8 \(byte \d+ is not valid UTF-8\): read as windows-1251/);
  });

  it('reads Western European text that is not UTF-8 as Windows-1252', async () => {
    const text = 'First Name,Last Name,Lead Source\r\nJosé,Müller,AppSource-PLT|a.b\r\nFrançois,Lefèvre,AppSource-PLT|a.b\r\n';
    const r = await run(['decode', '--csv', 'in.csv'], { files: { 'in.csv': cp1252(text) } });
    expect(parseCsv(r.out)[2]!.slice(0, 2)).toEqual(['François', 'Lefèvre']);
    expect(r.err).toMatch(/read as windows-1252/);
  });

  it('takes the encoding the rep names, and refuses one it does not know', async () => {
    const r = await run(['decode', '--csv', 'in.csv', '--encoding', 'windows-1251'], { files: { 'in.csv': cp1251(CSV) } });
    expect(parseCsv(r.out)[2]!.slice(0, 2)).toEqual(['Анна', 'Смирнова']);
    expect(r.err).not.toMatch(/not UTF-8/);
    expect((await run(['decode', '--csv', 'in.csv', '--encoding', 'klingon'], { files: { 'in.csv': CSV } })).code).toBe(2);
  });

  it('reads standard input in Windows-1251 even when it turns non-UTF-8 only later, split anywhere', async () => {
    const text = `AppSource-PLT|contoso.crm\n${'AzurePortal-Create|a.b\n'.repeat(50)}Тема: AppSource-INS|fabrikam.app\n`;
    const bytes = cp1251(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.slice(i * 7, i * 7 + 7));
    const r = await run(['decode', '--json'], { stdin: chunks });
    const lines = jsonLines(r.out);
    expect(lines).toHaveLength(52);
    expect(lines.at(-1)).toMatchObject({ ok: true, input: 'AppSource-INS|fabrikam.app' });
    expect(r.err).toMatch(/standard input is not UTF-8 .* read as windows-1251 from there on/);
  });

  it('reads UTF-16 on standard input', async () => {
    const r = await run(['decode', '--json'], { stdin: [utf16('AppSource-PLT|contoso.crm\r\nWeb\r\n', 'le')] });
    expect(jsonLines(r.out).map((l) => l.ok)).toEqual([true, false]);
  });

  it('keeps a multi-byte UTF-8 letter split between chunks', async () => {
    const bytes = utf8('Тема: AppSource-PLT|contoso.crm\n');
    const r = await run(['decode', '--json'], { stdin: [bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2)] });
    expect(jsonLines(r.out)[0]).toMatchObject({ ok: true });
    expect(r.err).not.toMatch(/not UTF-8/);
  });
});

describe('malformed CSV', () => {
  it('names both lines of a stray quote that merges rows', async () => {
    const text = 'Name,Note,Lead Source\nIvan,"oops,AppSource-PLT|a.b\nAnna,fine,AppSource-PLT|c.d\nBob,closes" here,AppSource-PLT|e.f\n';
    const r = await run(['decode', '--csv', 'in.csv'], { files: { 'in.csv': text } });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/in\.csv: a quote opened on line 2 closes on line 4/);
  });

  it('keeps the added columns under their headers when a row has extra cells, and warns', async () => {
    const text = 'Name,Lead Source\nIvan,AppSource-PLT|a.b,surprise,another\nAnna,AzurePortal-Create|c.d\n';
    const r = await run(['decode', '--csv', 'in.csv'], { files: { 'in.csv': text } });
    const rows = parseCsv(r.out);
    expect(rows[0]!.slice(0, 5)).toEqual(['Name', 'Lead Source', '(extra 1)', '(extra 2)', 'LeadLens OK']);
    expect(rows[1]!.slice(0, 5)).toEqual(['Ivan', 'AppSource-PLT|a.b', 'surprise', 'another', 'yes']);
    expect(rows[2]!.slice(0, 6)).toEqual(['Anna', 'AzurePortal-Create|c.d', '', '', 'yes', 'AzurePortal']);
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
    expect(r.err).toMatch(/row 1 \(line 2\) has 4 cells, the header 2/);
  });
});

describe('a 50 MB line on standard input', () => {
  it('is read in one pass and searched within its first million characters, with a warning', async () => {
    const chunk = utf8('x'.repeat(1 << 16));
    const chunks = [utf8('AppSource-PLT|contoso.crm '), ...Array.from({ length: 800 }, () => chunk), utf8('\nWeb\n')];
    const r = await run(['decode', '--json'], { stdin: chunks });
    const lines = jsonLines(r.out);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ ok: true, input: 'AppSource-PLT|contoso.crm' });
    expect(r.err).toMatch(/line 1 is 52428826 characters long; only its first 1000000 are searched/);
  }, 120_000);
});

describe('decode --payload', () => {
  const https = {
    UserDetails: { FirstName: 'Ivan', LastName: 'Petrov', Email: 'ivan@contoso.ru', Company: 'Contoso' },
    LeadSource: 'AzureMarketplace-INS|contoso.crm',
    ActionCode: 'INS',
    OfferTitle: 'Contoso CRM',
  };
  const camel = {
    userDetails: { firstName: 'Anna', lastName: 'Smirnova', email: 'anna@fabrikam.ru' },
    leadSource: 'AppSource-PLT|fabrikam.app',
  };
  const azure = {
    PartitionKey: 'lead',
    RowKey: '1',
    LeadSource: 'AzurePortal-Create|contoso.vm',
    CustomerInfo: JSON.stringify({ FirstName: 'Oleg', LastName: 'Sidorov', Email: 'oleg@contoso.ru' }),
  };
  const emails = (out: string) => jsonLines(out).map((l) => (l.customer as { email?: string }).email);

  it.each([
    ['one object', JSON.stringify(https, null, 2), ['ivan@contoso.ru']],
    ['an array', JSON.stringify([https, camel, azure]), ['ivan@contoso.ru', 'anna@fabrikam.ru', 'oleg@contoso.ru']],
    [
      'JSON Lines',
      [https, camel, azure].map((o) => JSON.stringify(o)).join('\n'),
      ['ivan@contoso.ru', 'anna@fabrikam.ru', 'oleg@contoso.ru'],
    ],
    ['an Azure Table row as JSON', JSON.stringify(azure), ['oleg@contoso.ru']],
  ])('reads %s', async (_shape, text, expected) => {
    const r = await run(['decode', '--payload', 'p.json'], { files: { 'p.json': text as string } });
    expect(r.code).toBe(0);
    expect(emails(r.out)).toEqual(expected);
    expect(jsonLines(r.out).every((l) => l.ok === true && (l.leadSource as { ok: boolean }).ok)).toBe(true);
  });

  it('reads keys in either casing', async () => {
    const lower = JSON.stringify({ userdetails: { firstname: 'Ivan', email: 'ivan@contoso.ru' }, leadsource: 'AppSource-PLT|a.b' });
    const r = await run(['decode', '--payload', 'p.json'], { files: { 'p.json': lower } });
    expect(jsonLines(r.out)[0]).toMatchObject({ ok: true, customer: { firstName: 'Ivan', email: 'ivan@contoso.ru' } });
  });

  it('reads an Azure Table CSV export (Storage Explorer), leaving out its @type columns', async () => {
    const info = (o: object) => `"${JSON.stringify(o).replace(/"/g, '""')}"`;
    const text = [
      'PartitionKey,RowKey,Timestamp,Timestamp@type,CustomerInfo,LeadSource',
      `lead,1,2025-05-01T10:00:00Z,Edm.DateTime,${info({ FirstName: 'Ivan', Email: 'ivan@contoso.ru' })},AppSource-PLT|contoso.crm`,
      `lead,2,2025-05-02T10:00:00Z,Edm.DateTime,${info({ FirstName: 'Anna', Email: 'anna@fabrikam.ru' })},AzurePortal-Create|fabrikam.vm`,
    ].join('\r\n');
    const r = await run(['decode', '--payload', 'rows.csv'], { files: { 'rows.csv': text } });
    expect(r.code).toBe(0);
    expect(emails(r.out)).toEqual(['ivan@contoso.ru', 'anna@fabrikam.ru']);
    expect(jsonLines(r.out)[1]).toMatchObject({ line: 3, leadSource: { action: 'Create' } });
  });

  it('names a record that is not a lead and goes on', async () => {
    const text = [JSON.stringify(https), '{"hello": "world"}', 'not json', JSON.stringify(camel)].join('\n');
    const r = await run(['decode', '--payload', 'p.jsonl'], { files: { 'p.jsonl': text } });
    const lines = jsonLines(r.out);
    expect(lines.map((l) => l.ok)).toEqual([true, false, false, true]);
    expect(r.err).toMatch(/record 2 \(line 2\) is not a lead/);
    expect(r.err).toMatch(/record 3 \(line 3\) is not a lead: line 3 is not JSON/);
    expect(r.code).toBe(0);
  });
});
