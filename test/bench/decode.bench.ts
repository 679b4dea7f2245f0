// Decode throughput on a seeded 100,000-string mixed corpus, beside a naive split('|') / split('-')
// baseline measured in the same run. Prints both figures and the ratio (target: within 3x of naive
// while doing full validation). Run: npx tsx test/bench/decode.bench.ts (or npm run bench).
import { decodeLeadSource } from '../../src/core/leadsource';
import { benchCorpus } from '../fixtures/leads/corpus';

const SIZE = 100_000;
const ROUNDS = 15;

/** What a quick script would do: split, no checks. Returns something so the work is not optimised away. */
function naive(s: string): number {
  const [left = '', offer = ''] = s.split('|');
  const [source = '', action = ''] = left.split('-');
  return source.length + action.length + offer.length;
}

function full(s: string): number {
  const d = decodeLeadSource(s);
  return (d.ok ? 1 : 0) + (d.offer?.title?.length ?? 0);
}

function timePass(corpus: string[], fn: (s: string) => number): { ms: number; sink: number } {
  let sink = 0;
  const t0 = performance.now();
  for (const s of corpus) sink += fn(s);
  return { ms: performance.now() - t0, sink };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const corpus = benchCorpus(42, SIZE);
  const chars = corpus.reduce((n, s) => n + s.length, 0);
  let sink = timePass(corpus, naive).sink + timePass(corpus, full).sink; // warm-up
  // Each round times both back to back, so load on a shared machine hits both alike; the ratio is the
  // median of the per-round ratios.
  const naiveMs: number[] = [];
  const fullMs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const a = timePass(corpus, naive);
    const b = timePass(corpus, full);
    sink += a.sink + b.sink;
    naiveMs.push(a.ms);
    fullMs.push(b.ms);
    ratios.push(b.ms / a.ms);
  }
  const ok = corpus.filter((s) => decodeLeadSource(s).ok).length;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(`decode: ${fmt(SIZE)} strings (${fmt(chars / SIZE)} chars on average, ${fmt(ok)} valid), ${ROUNDS} rounds`);
  console.log(`  naive split('|')/split('-'): ${fmt((SIZE / median(naiveMs)) * 1000)} strings/s`);
  console.log(`  decodeLeadSource (full):    ${fmt((SIZE / median(fullMs)) * 1000)} strings/s`);
  console.log(`  ratio: full decode is ${median(ratios).toFixed(2)}x slower than naive (median of per-round ratios; target <= 3x)`);
  if (sink === -1) console.log(''); // keeps the results alive
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
