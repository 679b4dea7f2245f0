// An in-memory lead matcher for batch work (the `leadlens dedupe` CLI, the accuracy benchmark):
// the same keys, scores and verdicts as the IndexedDB store, with the index kept in Maps.
import type { NormalizedCustomer } from '../types';
import { blockingKeys, matchProfile, PER_KEY_LIMIT, type MatchProfile } from './keys';
import { decideMatch, type Candidate, type MatchOutcome } from './decide';

export interface MatchedLead<Ref> extends MatchOutcome<Ref> {
  /** The customer this lead now belongs to (a new id for `new` and `possible`). */
  assignedCustomerId: string;
}

export class InMemoryMatcher<Ref = number> {
  private readonly records: Candidate<Ref>[] = [];
  private readonly index = new Map<string, number[]>();
  private nextCustomer = 1;
  /** Per record, the number of the last candidate search that took it. */
  private taken = new Uint32Array(1024);
  private stamp = 0;

  /** Most candidate records read per key: the store's limit (a very common name stays cheap). */
  constructor(private readonly perKeyLimit = PER_KEY_LIMIT) {}

  get size(): number {
    return this.records.length;
  }

  /** The verdict for a lead against everything added so far, without adding it. */
  match(profile: MatchProfile): MatchOutcome<Ref> {
    return decideMatch(profile, this.candidates(blockingKeys(profile)));
  }

  /** Judges the lead, then remembers it under the customer it was judged to belong to. */
  add(ref: Ref, customer: NormalizedCustomer | MatchProfile): MatchedLead<Ref> {
    const profile = 'first' in customer ? customer : matchProfile(customer);
    const keys = blockingKeys(profile);
    const outcome = decideMatch(profile, this.candidates(keys));
    const assignedCustomerId = outcome.customerId ?? `c${this.nextCustomer++}`;
    const at = this.records.length;
    this.records.push({ ref, customerId: assignedCustomerId, profile });
    for (const key of keys) {
      const list = this.index.get(key);
      if (list) list.push(at);
      else this.index.set(key, [at]);
    }
    return { ...outcome, assignedCustomerId };
  }

  /**
   * The records sharing one of these keys, each once, the most recent first per key and at most
   * `perKeyLimit` per key. A stamp per record, not a Set per lead, tells which are already taken.
   */
  private candidates(keys: string[]): Candidate<Ref>[] {
    const out: Candidate<Ref>[] = [];
    const stamp = ++this.stamp;
    if (this.taken.length < this.records.length) {
      const grown = new Uint32Array(Math.max(1024, this.records.length * 2));
      grown.set(this.taken);
      this.taken = grown;
    }
    for (const key of keys) {
      const list = this.index.get(key);
      if (!list) continue;
      for (let i = list.length - 1, n = 0; i >= 0 && n < this.perKeyLimit; i--, n++) {
        const at = list[i]!;
        if (this.taken[at] === stamp) continue;
        this.taken[at] = stamp;
        out.push(this.records[at]!);
      }
    }
    return out;
  }
}
