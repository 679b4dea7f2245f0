// Accuracy of duplicate detection on a seeded synthetic lead stream with known truth.
// Prints pairwise precision / recall / F1 of `duplicate`, and of `duplicate`+`possible`.
// Run: npx tsx test/bench/match.bench.ts   (or through the bench runner, which calls run()).
import { normalizeCustomer } from '../../src/core/normalize';
import { InMemoryMatcher, matchProfile, scorePair } from '../../src/core/match';
import { generateLeads, type GeneratedLead } from './gen/leads';

export interface AccuracyFigures {
  leads: number;
  customers: number;
  truePairs: number;
  duplicate: Prf;
  duplicateOrPossible: Prf;
}
interface Prf {
  precision: number;
  recall: number;
  f1: number;
  predictedPairs: number;
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
  const truePairs = countPairs(groups(leads.map((l) => l.truth)));
  return {
    verdicts,
    figures: {
      leads: n,
      customers: new Set(leads.map((l) => l.truth)).size,
      truePairs,
      duplicate: prf(dup, leads),
      duplicateOrPossible: prf(any, leads),
    },
  };
}

function prf(uf: UnionFind, leads: GeneratedLead[]): Prf {
  const clusters = groups(leads.map((_, i) => uf.find(i)));
  let predicted = 0;
  let correct = 0;
  for (const members of clusters.values()) {
    predicted += (members.length * (members.length - 1)) / 2;
    correct += countPairs(groups(members.map((i) => leads[i]!.truth)));
  }
  const truth = countPairs(groups(leads.map((l) => l.truth)));
  const precision = predicted ? correct / predicted : 1;
  const recall = truth ? correct / truth : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, predictedPairs: predicted };
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

function countPairs(g: Map<unknown, number[]>): number {
  let s = 0;
  for (const v of g.values()) s += (v.length * (v.length - 1)) / 2;
  return s;
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

export async function run(): Promise<void> {
  const seeds = [42, 7, 2024];
  const all: AccuracyFigures[] = [];
  console.log('Duplicate detection accuracy (synthetic lead streams, pairwise, transitive clusters)');
  for (const seed of seeds) {
    const leads = generateLeads({ seed, leads: 6000 });
    const t0 = performance.now();
    const { figures: f } = measureAccuracy(leads);
    const ms = performance.now() - t0;
    all.push(f);
    console.log(
      `  seed ${seed}: ${f.leads} leads, ${f.customers} customers, ${f.truePairs} true pairs | ` +
        `duplicate P ${fmt(f.duplicate.precision)} R ${fmt(f.duplicate.recall)} F1 ${fmt(f.duplicate.f1)} | ` +
        `duplicate+possible P ${fmt(f.duplicateOrPossible.precision)} R ${fmt(f.duplicateOrPossible.recall)} F1 ${fmt(f.duplicateOrPossible.f1)} | ${ms.toFixed(0)} ms`,
    );
  }
  const worst = {
    dupP: Math.min(...all.map((f) => f.duplicate.precision)),
    anyR: Math.min(...all.map((f) => f.duplicateOrPossible.recall)),
  };
  console.log(
    `  targets: duplicate precision ≥ 0.99 (worst seed ${fmt(worst.dupP)}), duplicate+possible recall ≥ 0.97 (worst seed ${fmt(worst.anyR)})`,
  );
}

/** Prints the misjudged pairs of one corpus, for tuning weights: `npx tsx test/bench/match.bench.ts --explain`. */
function explain(seed: number): void {
  const leads = generateLeads({ seed, leads: 6000 });
  const { verdicts } = measureAccuracy(leads);
  const show = (i: number) => JSON.stringify(leads[i]!.fields);
  let fp = 0;
  let fn = 0;
  verdicts.forEach((v, i) => {
    if (v.status === 'duplicate' && v.matched !== null && leads[v.matched]!.truth !== leads[i]!.truth && fp++ < 25) {
      const s = scorePair(matchProfile(normalizeCustomer(leads[i]!.fields)), matchProfile(normalizeCustomer(leads[v.matched]!.fields)));
      console.log(
        'FALSE DUP',
        s.score,
        s.comparisons.map((c) => `${c.field}:${c.level}:${c.weight.toFixed(1)}`).join(' '),
        '\n   ',
        show(i),
        '\n   ',
        show(v.matched),
      );
    }
  });
  const firstOfTruth = new Map<number, number>();
  verdicts.forEach((v, i) => {
    const t = leads[i]!.truth;
    const prev = firstOfTruth.get(t);
    if (prev === undefined) firstOfTruth.set(t, i);
    else if (v.status === 'new' && fn++ < 25) {
      const s = scorePair(matchProfile(normalizeCustomer(leads[i]!.fields)), matchProfile(normalizeCustomer(leads[prev]!.fields)));
      console.log(
        'MISSED',
        s.score,
        s.status,
        s.comparisons.map((c) => `${c.field}:${c.level}:${c.weight.toFixed(1)}`).join(' '),
        '\n   ',
        show(i),
        '\n   ',
        show(prev),
      );
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--explain')) explain(Number(process.argv[process.argv.indexOf('--explain') + 1]) || 42);
  else await run();
}
