// @vitest-environment node
import { CsvError, detectDelimiter, formatCsv, needsGuard, parseCsv } from '../../../src/core/csv';

describe('parseCsv', () => {
  it('reads quoted fields, escaped quotes and embedded line ends', () => {
    expect(parseCsv('a,"b,c","say ""hi""","multi\nline"\r\n1,2,3,4')).toEqual([
      ['a', 'b,c', 'say "hi"', 'multi\nline'],
      ['1', '2', '3', '4'],
    ]);
  });
  it('accepts LF, CRLF and CR line ends; a final line end adds no row', () => {
    expect(parseCsv('a,b\nc,d\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a,b\rc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
  it('strips a byte-order mark and keeps empty fields', () => {
    expect(parseCsv('\ufeffx,,y,\n')).toEqual([['x', '', 'y', '']]);
    expect(parseCsv('')).toEqual([]);
  });
  it('throws CsvError with the 1-based line of an unterminated quote', () => {
    expect(() => parseCsv('a,b\nc,"d\ne,f')).toThrow(CsvError);
    try {
      parseCsv('a,b\nc,d\n"x,\ny');
    } catch (e) {
      expect((e as CsvError).line).toBe(3);
    }
  });
  it('reads semicolon exports (Russian Excel)', () => {
    const text = 'Имя;Фамилия;Источник\r\nИван;Петров;"SPZA-PLT|Контур; Облако"\r\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(parseCsv(text, { delimiter: ';' })[1]).toEqual(['Иван', 'Петров', 'SPZA-PLT|Контур; Облако']);
  });
});

describe('formatCsv', () => {
  it('quotes only where needed and ends lines with CRLF', () => {
    expect(formatCsv([['a', 'b c', 'x,y', 'q"q', 'l\nm']])).toBe('a,b c,"x,y","q""q","l\nm"\r\n');
  });
  it('adds a BOM on request, for Excel', () => {
    expect(formatCsv([['Иван']], { bom: true })).toBe('\ufeffИван\r\n');
  });
  it('neutralises formula injection, leaving plain numbers and phones alone', () => {
    expect(formatCsv([['=HYPERLINK("http://x")', '+1 555 0100', '-2', '@SUM(A1)', 'ok']])).toBe(
      `"'=HYPERLINK(""http://x"")",+1 555 0100,-2,'@SUM(A1),ok\r\n`,
    );
  });
  it.each([
    ['=1+1', true],
    ['@SUM(A1:A9)', true],
    ['\t=cmd', true],
    ['\r=cmd', true],
    ["+cmd|' /C calc'!A0", true],
    ['-2+3+cmd|x', true],
    ['+HYPERLINK("x")', true],
    ['-', true],
    ['+12', false],
    ['-3.5', false],
    ['1e6', false],
    ['+7 495 123-45-67', false],
    ['+1 (555) 010-0199', false],
    ['+44.20.7946.0000', false],
    ['+1 (555)', true],
    ['plain', false],
    ['', false],
  ])('guards %j: %s', (cell, guarded) => {
    expect(needsGuard(cell)).toBe(guarded);
    expect(
      formatCsv([[cell]])
        .replace(/^"|"?\r\n$/g, '')
        .startsWith("'"),
    ).toBe(guarded);
  });
  it('writes every cell as it is with raw', () => {
    expect(formatCsv([['=1+1', '@x']], { raw: true })).toBe('=1+1,@x\r\n');
  });
  it('round-trips through parseCsv', () => {
    const rows = [
      ['id', 'text'],
      ['1', 'He said "yes", then\r\nleft'],
      ['2', ''],
    ];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });
});

describe('the formula guard on the way back in', () => {
  it('gives back phones and names exactly as they were before export', async () => {
    const { readLeadsCsv } = await import('../../../src/core/payloads');
    const csv = formatCsv([
      ['First Name', 'Phone', 'Company', 'Lead Source'],
      ['Ivan', '+7 495 123-45-67', "'quoted' Ltd", 'AppSource-PLT|a.b'],
    ]);
    expect(csv).toContain(',+7 495 123-45-67,');
    const { leads } = readLeadsCsv(csv);
    // An export made before phones were left unguarded still reads back without the apostrophe.
    expect(readLeadsCsv(csv.replace(',+7', ",'+7")).leads[0]?.lead.customer.phone).toBe('+7 495 123-45-67');
    expect(leads[0]?.lead.customer).toMatchObject({ firstName: 'Ivan', phone: '+7 495 123-45-67', company: "'quoted' Ltd" });
  });
});

describe('row start lines', () => {
  it('names the file line a row starts on, even after a cell that spans lines', async () => {
    const { readLeadsCsv } = await import('../../../src/core/payloads');
    const csv = 'First Name,Description,Lead Source\r\nIvan,"two\nlines",AppSource-PLT|a.b\r\n,,\r\nAnna,ok,AzurePortal-Create|c.d\r\n';
    const lines: number[] = [];
    expect(parseCsv(csv, { rowLines: lines })).toHaveLength(4);
    expect(lines).toEqual([1, 2, 4, 5]);
    const bad = 'First Name,Description,Lead Source\nIvan,"two\nlines",AppSource-PLT|a.b\n"",x,\n';
    // The empty second row starts on file line 4, not 3: the first row's cell took two lines.
    expect(readLeadsCsv(bad).errors).toMatchObject([{ row: 2, line: 4 }]);
    const empty = 'First Name,Email,Lead Source\nIvan,"a\n\nb",AppSource-PLT|a.b\n , ,\nAnna,anna@x.com,\n';
    expect(readLeadsCsv(empty).leads.map((l) => l.row)).toEqual([1, 3]);
  });
});
