// @vitest-environment node
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { parseCsv } from '../../../src/core/csv';

interface Run {
  code: number;
  out: string;
  err: string;
  files: Map<string, string>;
}

async function run(argv: string[], opts: { stdin?: string; tty?: boolean; files?: Record<string, string> } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const files = new Map(Object.entries(opts.files ?? {}));
  const stdin = Object.assign(
    (async function* () {
      if (opts.stdin !== undefined) yield new TextEncoder().encode(opts.stdin);
    })(),
    { isTTY: opts.tty ?? false },
  );
  const io: CliIO = {
    stdin,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    readFile: async (p) => {
      const f = files.get(p);
      if (f === undefined) throw new Error(`ENOENT: no such file, open '${p}'`);
      return f;
    },
    writeFile: async (p, t) => {
      files.set(p, t);
    },
  };
  const code = await main(argv, io);
  return { code, out, err, files };
}

const jsonLines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('leadlens decode', () => {
  it('decodes strings given as arguments, human-readable by default', async () => {
    const r = await run(['decode', 'SPZA-PLT|contoso.crm-connector']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/AppSource/);
    expect(r.out).toMatch(/PLT \(Contact me\)/);
    expect(r.out).toMatch(/publisher contoso, offer crm-connector/);
  });

  it('prints JSON Lines with the documented fields', async () => {
    const r = await run(['decode', '--json', 'AzureMarketplace-StartTestDrive|Red Hat O', 'Web']);
    const [a, b] = jsonLines(r.out);
    expect(a).toEqual({
      input: 'AzureMarketplace-StartTestDrive|Red Hat O',
      ok: true,
      source: 'AzureMarketplace',
      action: 'StartTestDrive',
      stage: 'trial',
      offer: { publisherId: null, offerId: null, title: 'Red Hat O' },
      testLead: false,
      testLeadTime: null,
      warnings: [],
    });
    expect(b).toMatchObject({ input: 'Web', ok: false, source: null, action: null, reason: 'not-marketplace' });
  });

  it('reports the first of several values on a line, with a several-values warning and the others', async () => {
    const r = await run(['decode', '--json', 'SPZA-PLT|contoso.crm AzureMarketplace-INS|contoso.bi']);
    const [a] = jsonLines(r.out);
    expect(a).toMatchObject({
      input: 'SPZA-PLT|contoso.crm',
      action: 'PLT',
      offer: { publisherId: 'contoso', offerId: 'crm' },
      warnings: ['several-values'],
      others: [
        expect.objectContaining({
          input: 'AzureMarketplace-INS|contoso.bi',
          action: 'INS',
          offer: expect.objectContaining({ offerId: 'bi' }),
        }),
      ],
    });
    // A free-text offer ends where the next value begins.
    const [t] = jsonLines((await run(['decode', '--json', 'SPZA-PLT|Contoso CRM Suite AzurePortal-Create|Contoso Backup'])).out);
    expect(t).toMatchObject({ offer: { title: 'Contoso CRM Suite' }, warnings: ['several-values'] });
    expect((t as { others: { offer: { title: string } }[] }).others[0]!.offer.title).toBe('Contoso Backup');
    // Counter-case: one value is just that value.
    const [one] = jsonLines((await run(['decode', '--json', 'SPZA-PLT|contoso.crm'])).out);
    expect(one).not.toHaveProperty('others');
    expect((one as { warnings: string[] }).warnings).toEqual([]);
  });

  it('reads one value per stdin line, reports bad lines and goes on', async () => {
    const r = await run(['decode', '--json'], {
      stdin: 'SPZA-PLT|a.b\r\ngarbage ###\n\nMSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|<Offer Name>\n',
    });
    const lines = jsonLines(r.out);
    expect(lines.map((l) => l.ok)).toEqual([true, false, true]);
    expect(lines[2]).toMatchObject({ testLead: true, stage: 'test', testLeadTime: '2018-03-22T15:48:03.131Z' });
    expect(r.err).toMatch(/1 of the lines/);
    expect(r.code).toBe(0);
  });

  it('guards the columns it adds against spreadsheet formulas, and keeps a phone as it is', async () => {
    const csv = 'Phone,Lead Source\n+7 495 123-45-67,AppSource-PLT|=HYPERLINK("http://x")\n';
    const r = await run(['decode', '--csv', 'in.csv'], { files: { 'in.csv': csv } });
    const rows = parseCsv(r.out);
    expect(rows[1]![0]).toBe('+7 495 123-45-67');
    expect(rows[1]!.slice(2).every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);
  });

  it('finds a LeadSource inside a longer line', async () => {
    const [l] = jsonLines((await run(['decode', '--json', 'Topic: AzurePortal-Create|contoso.vm, call back'])).out);
    expect(l).toMatchObject({ ok: true, action: 'Create', input: 'AzurePortal-Create|contoso.vm' });
  });

  it('adds decoded columns to a CSV export, finding the column by header', async () => {
    const csv = '\ufeffName;Lead Source;Email\r\nJane;SPZA-PLT|contoso.crm;jane@x.com\r\nBob;Web;=cmd()\r\nAnn\r\n';
    const r = await run(['decode', '--csv', 'in.csv'], { files: { 'in.csv': csv } });
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(r.out, { delimiter: ';' });
    expect(rows[0]).toEqual([
      'Name',
      'Lead Source',
      'Email',
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
    ]);
    expect(rows[1]).toEqual([
      'Jane',
      'SPZA-PLT|contoso.crm',
      'jane@x.com',
      'yes',
      'AppSource',
      'PLT',
      'interest',
      'contoso',
      'crm',
      'contoso.crm',
      'no',
      '',
      '',
    ]);
    // The export's own formula cell is guarded too (issue 11: the file is someone else's, the spreadsheet is the rep's).
    expect(rows[2]!.slice(0, 4)).toEqual(['Bob', 'Web', "'=cmd()", 'no']);
    expect(rows[2]![12]).toBe('not-marketplace');
    expect(rows[3]!.slice(0, 4)).toEqual(['Ann', '', '', 'no']);
  });

  it('uses --column and --out', async () => {
    const csv = 'id,Topic\n1,"Lead: AzureMarketplace-INS|checkpoint.check-point-r77-10sg-byol"\n';
    const r = await run(['decode', '--csv', 'in.csv', '--column', 'topic', '--out', 'out.csv'], { files: { 'in.csv': csv } });
    expect(r.code).toBe(0);
    const rows = parseCsv(r.files.get('out.csv')!);
    expect(rows[1]!.slice(2, 6)).toEqual(['yes', 'AzureMarketplace', 'INS', 'active']);
  });

  it('finds the column by its content when no header names it', async () => {
    const r = await run(['decode', '--csv', 'in.csv'], { files: { 'in.csv': 'a,b\nx,AzurePortal-Create|p.o\ny,SPZA-PLT|p.o\n' } });
    expect(parseCsv(r.out)[1]!.slice(2, 4)).toEqual(['yes', 'AzurePortal']);
  });

  it.each([
    [['decode', '--csv', 'missing.csv'], 1, /cannot read missing.csv/],
    [['decode', '--csv', 'in.csv', '--column', 'Nope'], 2, /no column "Nope"/],
    [['decode', '--bogus'], 2, /unknown option --bogus/],
    [['decode', '--lang', 'de', 'x'], 2, /--lang must be en or ru/],
    [['decode', '--csv'], 2, /--csv needs a value/],
    [['decode', '--column', 'x', 'SPZA-PLT|a.b'], 2, /go with --csv/],
    [['decode', '--csv', 'bad.csv'], 1, /Unterminated quoted field \(line 2\)/],
    [['frobnicate'], 2, /unknown command/],
  ])('%j → exit %i with a clear message', async (argv, code, message) => {
    const r = await run(argv, { files: { 'in.csv': 'a,Lead Source\n1,SPZA-PLT|a.b\n', 'bad.csv': 'a,b\n"unterminated,x\n' } });
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
  });

  it('refuses to wait on a terminal with nothing to decode', async () => {
    const r = await run(['decode'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing to decode/);
  });
});

describe('leadlens explain', () => {
  it('explains and lists dated next steps', async () => {
    const r = await run(['explain', 'SPZA-PLT|contoso.crm-connector', '--at', '2024-03-04T09:00:00Z']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Contact me/);
    expect(r.out).toMatch(/1\. .*due 2024-03-05 09:00 UTC/);
  });
  it('speaks Russian with --lang ru', async () => {
    const r = await run(['explain', 'SPZA-DNC|contoso.crm', '--lang', 'ru']);
    expect(r.out).toMatch(/Не связывайтесь/);
    expect(r.out).toMatch(/без срока/);
  });
  it('joins unquoted words into one value', async () => {
    const r = await run(['explain', '--json', 'AzureMarketplace-StartTestDrive|Red', 'Hat', 'OpenShift']);
    expect(JSON.parse(r.out).decoded.offer.title).toBe('Red Hat OpenShift');
  });
  it('exits non-zero for a value that is not a LeadSource, and for a missing one', async () => {
    expect((await run(['explain', 'Web'])).code).toBe(1);
    const r = await run(['explain']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs a LeadSource/);
    expect((await run(['explain', 'x', '--at', 'yesterday'])).err).toMatch(/--at/);
  });
});

describe('leadlens', () => {
  it('prints help and version', async () => {
    expect((await run(['--help'])).out).toMatch(/decode.*explain.*dedupe/s);
    expect((await run(['--version'])).out).toMatch(/^leadlens \d+\.\d+\.\d+/);
    expect((await run([])).code).toBe(2);
  });
  it('dispatches dedupe', async () => {
    const r = await run(['dedupe', '--help']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^leadlens dedupe FILE\.csv/);
    expect(await run(['dedupe', 'missing.csv'])).toMatchObject({ code: 1, err: expect.stringContaining('cannot read missing.csv') });
  });
});

describe('the real bin', () => {
  it('runs node src/cli/leadlens.js end to end', async () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['src/cli/leadlens.js', 'decode', '--json', 'AppSource (SPZA)-PLT|bitnami.openedxcypress'],
      { cwd: root },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      source: 'AppSource',
      action: 'PLT',
      offer: { publisherId: 'bitnami', offerId: 'openedxcypress' },
    });
    const bad = await promisify(execFile)(process.execPath, ['src/cli/leadlens.js', 'decode', '--nope'], { cwd: root }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad).toMatchObject({ code: 2 });
  });
});
