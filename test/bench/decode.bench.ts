// Decode throughput on a seeded 100,000-string mixed corpus, beside a naive split('|') / split('-')
// baseline measured in the same run. Prints both figures and the ratio (target: within 3x of naive
// while doing full validation). Run: npx tsx test/bench/decode.bench.ts (or npm run bench).
import { decodeLeadSource } from '../../src/core/leadsource';
import { benchCorpus } from '../fixtures/leads/corpus';

const SIZE = 100_000;
const ROUNDS = 7;

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

function measure(corpus: string[], fn: (s: string) => number): { opsPerSec: number; sink: number } {
  let sink = 0;
  for (const s of corpus) sink += fn(s); // warm-up
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (const s of corpus) sink += fn(s);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return { opsPerSec: (corpus.length / median) * 1000, sink };
}

export async function run(): Promise<void> {
  const corpus = benchCorpus(42, SIZE);
  const chars = corpus.reduce((n, s) => n + s.length, 0);
  // Interleave the two so machine noise hits both alike.
  const a1 = measure(corpus, naive);
  const b1 = measure(corpus, full);
  const a2 = measure(corpus, naive);
  const b2 = measure(corpus, full);
  const naiveOps = Math.max(a1.opsPerSec, a2.opsPerSec);
  const fullOps = Math.max(b1.opsPerSec, b2.opsPerSec);
  const ok = corpus.filter((s) => decodeLeadSource(s).ok).length;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(`decode: ${SIZE.toLocaleString('en-US')} strings (${fmt(chars / SIZE)} chars on average, ${ok.toLocaleString('en-US')} valid), median of ${ROUNDS} rounds`);
  console.log(`  naive split('|')/split('-'): ${fmt(naiveOps)} strings/s`);
  console.log(`  decodeLeadSource (full):    ${fmt(fullOps)} strings/s`);
  console.log(`  ratio: full decode is ${(naiveOps / fullOps).toFixed(2)}x slower than naive (target <= 3x)`);
  if (a1.sink + b1.sink === 0.5) console.log(''); // keep the results alive
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
