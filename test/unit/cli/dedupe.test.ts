import { describe, expect, it } from 'vitest';
import { runDedupe } from '../../../src/cli/dedupe';

const CSV = [
  'First Name,Last Name,Email,Phone,Company,Country,Lead Source',
  'Ivan,Petrov,Ivan.Petrov@contoso.ru,+7 916 123 45 67,ООО «Контосо»,Russia,AzureMarketplace-PLT|contoso.app',
  'John,Smith,john.smith@fabrikam.com,(415) 555-1234,"Fabrikam, Inc.",US,AppSource-PLT|contoso.app',
  'Иван,Петров,ivan.petrov@CONTOSO.ru,8 (916) 123-45-67,Contoso LLC,RU,AzureMarketplace-StartTestDrive|contoso.app',
  'Anna,Sidorova,anna.sidorova@contoso.ru,+7 916 123 45 67,Contoso,RU,AzureMarketplace-PLT|contoso.app',
  'John,Smith,john.smith.1980@gmail.com,,,US,AppSource-INS|contoso.app',
].join('\n');

function run(args: string[], files: Record<string, string> = { 'leads.csv': CSV }) {
  let out = '';
  let err = '';
  const io = {
    stdin: (async function* () {})(),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    readFile: async (p: string) => {
      if (!(p in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return files[p]!;
    },
  };
  return runDedupe(args, io).then((code) => ({ code, out, err }));
}

describe('leadlens dedupe', () => {
  it('prints one JSON line per row with customer, match and matchedRow', async () => {
    const { code, out } = await run(['leads.csv', '--json']);
    expect(code).toBe(0);
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.row, r.customer, r.match, r.matchedRow])).toEqual([
      [1, 'c1', 'new', null],
      [2, 'c2', 'new', null],
      [3, 'c1', 'duplicate', 1],
      [4, 'c3', 'new', null],
      [5, 'c4', 'possible', 2],
    ]);
    expect(rows[4].possibleCustomer).toBe('c2');
  });

  it('groups rows by customer in the human listing', async () => {
    const { code, out } = await run(['leads.csv']);
    expect(code).toBe(0);
    expect(out).toContain('5 rows, 4 customers: 1 duplicate, 1 possible, 3 new');
    const block = out.split('\n\n')[1]!.split('\n');
    expect(block[0]).toBe('c1  Ivan Petrov <Ivan.Petrov@contoso.ru> · ООО «Контосо»  (2 rows)');
    expect(block[1]).toMatch(/^ {2}row +1 {2}new$/);
    expect(block[2]).toMatch(/^ {2}row +3 {2}duplicate of row 1 {2}\[email, name, phone/);
    expect(out).toContain('possibly c2 (row 2)');
  });

  it('reads standard input with -', async () => {
    const stdin = (async function* () {
      yield CSV;
    })();
    let out = '';
    const code = await runDedupe(['-', '--json'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => 0 }, stdin });
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(5);
  });

  it('fails clearly on bad arguments and unreadable files', async () => {
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining('which CSV file') });
    expect(await run(['a.csv', 'b.csv'])).toMatchObject({ code: 2 });
    expect(await run(['leads.csv', '--frobnicate'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown option --frobnicate'),
    });
    expect(await run(['missing.csv'])).toMatchObject({ code: 1, err: expect.stringContaining('cannot read missing.csv: ENOENT') });
    expect(await run(['x.csv'], { 'x.csv': 'Foo,Bar\n1,2\n' })).toMatchObject({
      code: 1,
      err: expect.stringContaining('not a usable leads CSV'),
    });
    expect(await run(['leads.csv', '--country', 'Narnia'])).toMatchObject({ code: 2 });
  });

  it('reads its options through the shared argv reader: -h, --country=CC, single-dash unknowns', async () => {
    expect(await run(['-h'])).toMatchObject({ code: 0, out: expect.stringContaining('leadlens dedupe FILE.csv') });
    expect(await run(['leads.csv', '--json', '--country=RU'])).toMatchObject({ code: 0, err: '' });
    expect(await run(['leads.csv', '-x'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown option -x') });
    expect(await run(['leads.csv', '--country'])).toMatchObject({ code: 2, err: expect.stringContaining('--country needs a value') });
  });
});
