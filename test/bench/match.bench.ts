// Accuracy of duplicate detection on seeded synthetic lead streams with known truth.
// Pairwise precision / recall of the `duplicate` tier and of `duplicate`+`possible` (transitive
// clusters), on two streams per seed: the everyday one the benchmark has always used, and the same
// kind of stream with the hard cases of gen/shapes.ts, broken down by case.
// Run: npx tsx test/bench/match.bench.ts   (or through the bench runner, which calls run()).
//      npx tsx test/bench/match.bench.ts --explain 42 [--shapes]   prints misjudged pairs for tuning.
import { normalizeCustomer } from '../../src/core/normalize';
import { InMemoryMatcher, matchProfile, scorePair } from '../../src/core/match';
import { generateLeads, type GeneratedLead } from './gen/leads';
import { SHAPES, type Shape } from './gen/world';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  /** Pairs the tier put together, and how many of them are right. */
  predictedPairs: number;
  correctPairs: number;
  /** Pairs that are truly the same customer. */
  truePairs: number;
}

export interface AccuracyFigures {
  leads: number;
  customers: number;
  truePairs: number;
  duplicate: Prf;
  duplicateOrPossible: Prf;
  /** The same two tiers over the pairs that involve at least one lead of the shape. */
  byShape: Partial<Record<Shape, { duplicate: Prf; duplicateOrPossible: Prf }>>;
}

export function measureAccuracy(leads: GeneratedLead[]): { figures: AccuracyFigures; verdicts: ReturnType<InMemoryMatcher['add']>[] } {
  const matcher = new InMemoryMatcher<number>();
  const verdicts = leads.map((l, i) => matcher.add(i, normalizeCustomer(l.fields)));
  const n = leads.length;
  // Clusters: `duplicate` joins a lead to its customer; `possible` additionally links to the candidate.
  const dup = new UnionFind(n);
  const any = new UnionFind(n);
  const firstOfCustomer = new Map<string, number>();
  verdicts.forEach((v, i) => {
    const head = firstOfCustomer.get(v.assignedCustomerId);
    if (head === undefined) firstOfCustomer.set(v.assignedCustomerId, i);
    else {
      dup.union(i, head);
      any.union(i, head);
    }
    if (v.status === 'possible' && v.matched !== null) any.union(i, v.matched);
  });
  const shapes = new Set(leads.map((l) => l.shape));
  const dupByShape = pairCounts(dup, leads, shapes);
  const anyByShape = pairCounts(any, leads, shapes);
  const byShape: AccuracyFigures['byShape'] = {};
  for (const s of SHAPES) if (shapes.has(s)) byShape[s] = { duplicate: dupByShape.get(s)!, duplicateOrPossible: anyByShape.get(s)! };
  const all = dupByShape.get('all')!;
  return {
    verdicts,
    figures: {
      leads: n,
      customers: new Set(leads.map((l) => l.truth)).size,
      truePairs: all.truePairs,
      duplicate: all,
      duplicateOrPossible: anyByShape.get('all')!,
      byShape,
    },
  };
}

/** Pairwise counts over all pairs, and over the pairs touching each shape. */
function pairCounts(uf: UnionFind, leads: GeneratedLead[], shapes: Set<Shape>): Map<Shape | 'all', Prf> {
  const keys: (Shape | 'all')[] = ['all', ...shapes];
  const c = new Map(keys.map((k) => [k, { predicted: 0, correct: 0, truth: 0 }]));
  const bump = (i: number, j: number, field: 'predicted' | 'correct' | 'truth'): void => {
    c.get('all')![field]++;
    const a = leads[i]!.shape;
    const b = leads[j]!.shape;
    c.get(a)![field]++;
    if (b !== a) c.get(b)![field]++;
  };
  for (const members of groups(leads.map((_, i) => uf.find(i))).values()) {
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const [i, j] = [members[x]!, members[y]!];
        bump(i, j, 'predicted');
        if (leads[i]!.truth === leads[j]!.truth) bump(i, j, 'correct');
      }
  }
  for (const members of groups(leads.map((l) => l.truth)).values()) {
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) bump(members[x]!, members[y]!, 'truth');
  }
  const out = new Map<Shape | 'all', Prf>();
  for (const [k, { predicted, correct, truth }] of c) {
    const precision = predicted ? correct / predicted : 1;
    const recall = truth ? correct / truth : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    out.set(k, { precision, recall, f1, predictedPairs: predicted, correctPairs: correct, truePairs: truth });
  }
  return out;
}

function groups<K>(keys: K[]): Map<K, number[]> {
  const m = new Map<K, number[]>();
  keys.forEach((k, i) => {
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  });
  return m;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) x = this.parent[x] = this.parent[this.parent[x]!]!;
    return x;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

const fmt = (x: number): string => x.toFixed(4);
const SEEDS = [42, 7, 2024];
const LEADS = 6000;

/**
 * The everyday stream's figures before issue 10 (commit 84f12b7), per seed: the floor no change may
 * go below. The stream is deterministic, so these are exact, not samples.
 */
const BEFORE: Record<number, { dupP: number; dupR: number; anyP: number; anyR: number }> = {
  42: { dupP: 0.9988, dupR: 0.957, anyP: 0.7821, anyR: 0.9839 },
  7: { dupP: 0.9994, dupR: 0.9545, anyP: 0.7656, anyR: 0.9868 },
  2024: { dupP: 1.0, dupR: 0.961, anyP: 0.7498, anyR: 0.9889 },
};
const TARGET = { dupP: 0.995, anyR: 0.98 };

export async function run(): Promise<void> {
  console.log(`Duplicate detection accuracy (synthetic lead streams of ${LEADS} leads, pairwise over transitive clusters)`);
  console.log('\nEveryday stream (the generator as before issue 10), beside the figures before issue 10:');
  for (const seed of SEEDS) {
    const t0 = performance.now();
    const { figures: f } = measureAccuracy(generateLeads({ seed, leads: LEADS }));
    const ms = performance.now() - t0;
    const b = BEFORE[seed]!;
    const cell = (now: number, was: number): string => `${fmt(now)} (was ${fmt(was)}${now + 5e-5 < was ? ', LOWER' : ''})`;
    console.log(
      `  seed ${seed}: ${f.leads} leads, ${f.customers} customers, ${f.truePairs} true pairs | ` +
        `duplicate P ${cell(f.duplicate.precision, b.dupP)} R ${cell(f.duplicate.recall, b.dupR)} | ` +
        `duplicate+possible P ${cell(f.duplicateOrPossible.precision, b.anyP)} R ${cell(f.duplicateOrPossible.recall, b.anyR)} | ${ms.toFixed(0)} ms`,
    );
  }

  console.log('\nStream with hard cases (gen/shapes.ts), per shape: pairs that involve a lead of the shape');
  const header = ['seed', 'shape', 'true pairs', 'dup P', 'dup R', 'dup+pos P', 'dup+pos R', 'dup pairs (wrong)', 'dup+pos pairs (wrong)'];
  const rows: string[][] = [header];
  let worstDupP = 1;
  let worstAnyR = 1;
  for (const seed of SEEDS) {
    const { figures: f } = measureAccuracy(generateLeads({ seed, leads: LEADS, shapes: true }));
    worstDupP = Math.min(worstDupP, f.duplicate.precision);
    worstAnyR = Math.min(worstAnyR, f.duplicateOrPossible.recall);
    const line = (shape: string, d: Prf, a: Prf): string[] => [
      String(seed),
      shape,
      String(d.truePairs),
      fmt(d.precision),
      fmt(d.recall),
      fmt(a.precision),
      fmt(a.recall),
      `${d.predictedPairs} (${d.predictedPairs - d.correctPairs})`,
      `${a.predictedPairs} (${a.predictedPairs - a.correctPairs})`,
    ];
    rows.push(line('all', f.duplicate, f.duplicateOrPossible));
    for (const [shape, t] of Object.entries(f.byShape)) rows.push(line(shape, t.duplicate, t.duplicateOrPossible));
  }
  printTable(rows);
  console.log(
    `  targets: duplicate precision ≥ ${TARGET.dupP} on every seed (worst ${fmt(worstDupP)}${worstDupP < TARGET.dupP ? ' MISSED' : ''}), ` +
      `duplicate+possible recall ≥ ${TARGET.anyR} (worst ${fmt(worstAnyR)}${worstAnyR < TARGET.anyR ? ' MISSED' : ''})`,
  );
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log('  ' + r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
}

/** Prints the misjudged pairs of one corpus, for tuning weights. */
function explain(seed: number, shapes: boolean): void {
  const leads = generateLeads({ seed, leads: LEADS, shapes });
  const { verdicts } = measureAccuracy(leads);
  const show = (i: number) => `${leads[i]!.shape} ${JSON.stringify(leads[i]!.fields)}`;
  const why = (i: number, j: number): string => {
    const s = scorePair(matchProfile(normalizeCustomer(leads[i]!.fields)), matchProfile(normalizeCustomer(leads[j]!.fields)));
    return `${s.score} ${s.status} ${s.comparisons.map((c) => `${c.field}:${c.level}:${c.weight.toFixed(1)}`).join(' ')}`;
  };
  let fp = 0;
  let fn = 0;
  verdicts.forEach((v, i) => {
    if (v.status === 'duplicate' && v.matched !== null && leads[v.matched]!.truth !== leads[i]!.truth && fp++ < 40) {
      console.log('FALSE DUP', why(i, v.matched), '\n   ', show(i), '\n   ', show(v.matched));
    }
  });
  const firstOfTruth = new Map<number, number>();
  verdicts.forEach((v, i) => {
    const t = leads[i]!.truth;
    const prev = firstOfTruth.get(t);
    if (prev === undefined) firstOfTruth.set(t, i);
    else if (v.status === 'new' && fn++ < 40) console.log('MISSED', why(i, prev), '\n   ', show(i), '\n   ', show(prev));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--explain');
  if (at >= 0) explain(Number(process.argv[at + 1]) || 42, process.argv.includes('--shapes'));
  else await run();
}
