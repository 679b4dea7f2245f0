// The `leadlens` CLI as a rep runs it, as child processes, each figure beside its baseline measured in the same run
// (issue 11): one `decode` of the compiled CLI against a bare `node -e ''` and against the TypeScript sources run
// through tsx (how the command ran before); standard input of one long line at two sizes (linear: the time grows as
// the size); `dedupe` of 100,000 rows (target under 30 s) on the realistic generated stream (test/bench/gen) and on a
// name-heavy one (120 full names for all rows: the worst case for the matcher's name keys), and how soon its --json
// output starts. Needs `npm run build` (dist-cli/). Set LEADLENS_BASELINE to another checkout (e.g. main before a
// change; its compiled CLI when it has dist-cli/, else its sources) to time its stdin and dedupe beside these.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateLeads } from './gen/leads';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/leadlens.js');
const SOURCES = join(ROOT, 'src/cli/leadlens.js');
const ROUNDS = 7;
const ROWS = 100_000;

interface Timed {
  ms: number;
  firstOutputMs: number | null;
  code: number | null;
}

/** Runs node with `args`, feeding `input` on standard input; wall time and when the first output byte came. */
function time(args: string[], input?: string | Buffer, env?: Record<string, string>): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first: number | null = null;
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, ...env } });
    child.stdout.on('data', () => {
      first ??= performance.now() - t0;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, firstOutputMs: first, code }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

const HEADER = 'First Name,Last Name,Name,Email,Phone,Company,Country,Lead Source';

/**
 * A leads CSV of `n` rows where about a third of the customers come back with their email written another way, and
 * every row carries one of only 120 full names: each name key is shared by a thousand people (the worst case).
 */
function nameHeavyCsv(n: number): string {
  const first = ['Ivan', 'Anna', 'John', 'Maria', 'Oleg', 'Emma', 'Li', 'Carlos', 'Fatima', 'Noah', 'Olga', 'Yuki'];
  const last = ['Petrov', 'Smith', 'Garcia', 'Kim', 'Müller', 'Ivanova', 'Chen', 'Novak', 'Rossi', 'Dubois'];
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const person = i % 3 === 2 ? i - 2 : i; // every third row is the customer two rows back, again
    const f = first[person % first.length]!;
    const l = last[(person >> 3) % last.length]!;
    const email =
      i % 3 === 2
        ? `${f}.${l}${person}@Company${person % 997}.example`.toUpperCase()
        : `${f}.${l}${person}@company${person % 997}.example`.toLowerCase();
    const phone = `+1 555 ${String(1_000_000 + ((person * 7919) % 9_000_000)).padStart(7, '0')}`;
    lines.push(`${f},${l},,${email},${phone},Company ${person % 997},US,AppSource-PLT|company${person % 997}.app`);
  }
  return `${lines.join('\n')}\n`;
}

/** The realistic stream of the matching bench (namesakes, colleagues, returning customers, typos) as a leads CSV. */
function generatedCsv(n: number): string {
  const cell = (v: string | undefined): string => (v === undefined ? '' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [HEADER];
  for (const { fields: f, leadSource } of generateLeads({ seed: 42, leads: n }))
    lines.push([f.firstName, f.lastName, f.fullName, f.email, f.phone, f.company, f.country, leadSource].map(cell).join(','));
  return `${lines.join('\n')}\n`;
}

/** The command that runs a checkout's CLI: its compiled one when built, else its sources. */
function cliOf(checkout: string): string {
  return existsSync(join(checkout, 'dist-cli/leadlens.mjs')) ? join(checkout, 'bin/leadlens.js') : join(checkout, 'src/cli/leadlens.js');
}

async function startup(): Promise<void> {
  const value = 'AppSource (SPZA)-PLT|bitnami.openedxcypress';
  await time([BIN, 'decode', '--json', value]); // warm the file cache
  const bare: number[] = [];
  const compiled: number[] = [];
  const sources: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const b = (await time(['-e', ''])).ms;
    const c = (await time([BIN, 'decode', '--json', value])).ms;
    sources.push((await time([SOURCES, 'decode', '--json', value])).ms);
    bare.push(b);
    compiled.push(c);
    ratios.push(c / b);
  }
  console.log(`one decode, median of ${ROUNDS} rounds (each round runs all three back to back):`);
  console.log(`  bare node -e '':              ${fmt(median(bare))} ms`);
  console.log(`  compiled (bin/leadlens.js):   ${fmt(median(compiled))} ms`);
  console.log(`  sources through tsx (before): ${fmt(median(sources))} ms`);
  console.log(`  compiled / bare: ${median(ratios).toFixed(2)}x (target <= 2x)`);
}

async function stdinScaling(baseline: string | null): Promise<void> {
  const line = (mb: number) => `AppSource-PLT|contoso.crm ${'x'.repeat(mb * 1_000_000)}\n`;
  const small = line(5);
  const big = line(20);
  const rows: Array<[string, string]> = [[BIN, 'compiled (now)']];
  if (baseline) rows.push([cliOf(baseline), `baseline ${baseline}`]);
  console.log('standard input, one line of 5 MB and of 20 MB (linear: 20 MB takes about 4x):');
  for (const [bin, label] of rows) {
    const a = median(
      [
        await time([bin, 'decode', '--json'], small),
        await time([bin, 'decode', '--json'], small),
        await time([bin, 'decode', '--json'], small),
      ].map((t) => t.ms),
    );
    const b = median(
      [
        await time([bin, 'decode', '--json'], big),
        await time([bin, 'decode', '--json'], big),
        await time([bin, 'decode', '--json'], big),
      ].map((t) => t.ms),
    );
    console.log(`  ${label}: 5 MB ${fmt(a)} ms, 20 MB ${fmt(b)} ms, ratio ${(b / a).toFixed(2)}x`);
  }
}

const secs = (ms: number): string => (ms / 1000).toFixed(1);

/**
 * A dedupe run: wall time, rows per second, when the first --json row came, and the CPU seconds the process used
 * (user + system, written at exit by a preloaded module): on a machine shared with other work the wall time
 * grows with the load, the CPU time much less.
 */
async function dedupeLine(label: string, cli: string, file: string, rows: number, dir: string): Promise<string> {
  const cpuFile = join(dir, 'cpu.json');
  rmSync(cpuFile, { force: true });
  const t = await time(['--import', pathToFileURL(join(dir, 'cpu.mjs')).href, cli, 'dedupe', '--json', file], undefined, {
    CPU_FILE: cpuFile,
  });
  const cpu = existsSync(cpuFile) ? (JSON.parse(readFileSync(cpuFile, 'utf8')) as { user: number; system: number }) : null;
  const cpuText = cpu ? `, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU-s` : '';
  return `${label}: ${secs(t.ms)} s${cpuText}, ${fmt(rows / (t.ms / 1000))} rows/s, first row after ${secs(t.firstOutputMs ?? Number.NaN)} s${t.code ? ` (exit ${t.code})` : ''}`;
}

async function dedupe(dir: string, baseline: string | null): Promise<void> {
  writeFileSync(
    join(dir, 'cpu.mjs'),
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.CPU_FILE, JSON.stringify(process.cpuUsage())));\n",
  );
  const real = join(dir, 'generated.csv');
  writeFileSync(real, generatedCsv(ROWS));
  const heavy = join(dir, 'name-heavy.csv');
  writeFileSync(heavy, nameHeavyCsv(ROWS));
  console.log(
    `dedupe --json of ${fmt(ROWS)} rows (target: under 30 s), load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores:`,
  );
  console.log(`  ${await dedupeLine('generated stream, compiled (now)', BIN, real, ROWS, dir)}`);
  if (baseline) console.log(`  ${await dedupeLine(`generated stream, baseline ${baseline}`, cliOf(baseline), real, ROWS, dir)}`);
  console.log(`  ${await dedupeLine('name-heavy stream, compiled (now)', BIN, heavy, ROWS, dir)}`);
  if (baseline) {
    // The name-heavy stream took the matcher before its per-key limit about 5 minutes: side by side on 10,000 rows.
    const small = join(dir, 'name-heavy-10k.csv');
    writeFileSync(small, nameHeavyCsv(10_000));
    console.log('  name-heavy stream, 10,000 rows side by side:');
    console.log(`    ${await dedupeLine('compiled (now)', BIN, small, 10_000, dir)}`);
    console.log(`    ${await dedupeLine(`baseline ${baseline}`, cliOf(baseline), small, 10_000, dir)}`);
  }
  console.log(`  load average after: ${loadavg()[0]!.toFixed(1)}`);
}

export async function run(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist-cli/leadlens.mjs'))) throw new Error('dist-cli/ is missing: run `npm run build` first');
  const baseline = process.env.LEADLENS_BASELINE ?? null;
  const dir = mkdtempSync(join(tmpdir(), 'leadlens-cli-bench-'));
  try {
    await startup();
    await stdinScaling(baseline);
    await dedupe(dir, baseline);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
