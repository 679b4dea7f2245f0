// The `leadlens` CLI as a rep runs it, as child processes, each figure beside its baseline measured in the same run
// (issue 11): one `decode` of the compiled CLI against a bare `node -e ''` and against the TypeScript sources run
// through tsx (how the command ran before); standard input of one long line at two sizes (linear: the time grows as
// the size); `dedupe` of 100,000 rows (target under 30 s) and how soon its --json output starts. Needs
// `npm run build` (dist-cli/). Set LEADLENS_BASELINE to another checkout (e.g. /work/main before issue 11) to time
// its stdin and dedupe beside these.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
function time(args: string[], input?: string | Buffer): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first: number | null = null;
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'] });
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

/** A leads CSV of `n` rows where about a third of the customers come back with their email or phone written another way. */
function leadsCsv(n: number): string {
  const first = ['Ivan', 'Anna', 'John', 'Maria', 'Oleg', 'Emma', 'Li', 'Carlos', 'Fatima', 'Noah', 'Olga', 'Yuki'];
  const last = ['Petrov', 'Smith', 'Garcia', 'Kim', 'Müller', 'Ivanova', 'Chen', 'Novak', 'Rossi', 'Dubois'];
  const lines = ['First Name,Last Name,Email,Phone,Company,Country,Lead Source'];
  for (let i = 0; i < n; i++) {
    const person = i % 3 === 2 ? i - 2 : i; // every third row is the customer two rows back, again
    const f = first[person % first.length]!;
    const l = last[(person >> 3) % last.length]!;
    const email =
      i % 3 === 2
        ? `${f}.${l}${person}@Company${person % 997}.example`.toUpperCase()
        : `${f}.${l}${person}@company${person % 997}.example`.toLowerCase();
    const phone = `+1 555 ${String(1_000_000 + ((person * 7919) % 9_000_000)).padStart(7, '0')}`;
    lines.push(`${f},${l},${email},${phone},Company ${person % 997},US,AppSource-PLT|company${person % 997}.app`);
  }
  return `${lines.join('\n')}\n`;
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
  if (baseline) rows.push([join(baseline, 'src/cli/leadlens.js'), `baseline ${baseline}`]);
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

async function dedupe(dir: string, baseline: string | null): Promise<void> {
  const file = join(dir, 'leads.csv');
  writeFileSync(file, leadsCsv(ROWS));
  const t = await time([BIN, 'dedupe', '--json', file]);
  console.log(
    `dedupe of ${fmt(ROWS)} rows (compiled): ${(t.ms / 1000).toFixed(1)} s, ${fmt(ROWS / (t.ms / 1000))} rows/s (target: under 30 s)`,
  );
  console.log(
    `  --json streams: the first row came out after ${((t.firstOutputMs ?? Number.NaN) / 1000).toFixed(1)} s of ${(t.ms / 1000).toFixed(1)} s`,
  );
  if (baseline) {
    // The old dedupe is slow: time it on 10,000 rows only.
    const small = join(dir, 'small.csv');
    writeFileSync(small, leadsCsv(10_000));
    const now = await time([BIN, 'dedupe', '--json', small]);
    const before = await time([join(baseline, 'src/cli/leadlens.js'), 'dedupe', '--json', small]);
    console.log(
      `  10,000 rows side by side: compiled ${fmt(10_000 / (now.ms / 1000))} rows/s, baseline ${fmt(10_000 / (before.ms / 1000))} rows/s (first output after ${((before.firstOutputMs ?? Number.NaN) / 1000).toFixed(1)} of ${(before.ms / 1000).toFixed(1)} s)`,
    );
  }
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
