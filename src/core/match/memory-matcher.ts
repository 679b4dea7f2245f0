// An in-memory lead matcher for batch work (the `leadlens dedupe` CLI, the accuracy benchmark):
// the same keys, scores and verdicts as the IndexedDB store, with the index kept in Maps.
import type { NormalizedCustomer } from '../types';
import { blockingKeys, matchProfile, type MatchProfile } from './keys';
import { decideMatch, type Candidate, type MatchOutcome } from './decide';

export interface MatchedLead<Ref> extends MatchOutcome<Ref> {
  /** The customer this lead now belongs to (a new id for `new` and `possible`). */
  assignedCustomerId: string;
}

export class InMemoryMatcher<Ref = number> {
  private readonly records: Candidate<Ref>[] = [];
  private readonly index = new Map<string, number[]>();
  private nextCustomer = 1;

  /** Most candidate records read per key, as in the store (a very common name stays cheap). */
  constructor(private readonly perKeyLimit = 200) {}

  get size(): number {
    return this.records.length;
  }

  /** The verdict for a lead against everything added so far, without adding it. */
  match(profile: MatchProfile): MatchOutcome<Ref> {
    return decideMatch(profile, this.candidates(profile));
  }

  /** Judges the lead, then remembers it under the customer it was judged to belong to. */
  add(ref: Ref, customer: NormalizedCustomer | MatchProfile): MatchedLead<Ref> {
    const profile = 'first' in customer ? customer : matchProfile(customer);
    const outcome = this.match(profile);
    const assignedCustomerId = outcome.customerId ?? `c${this.nextCustomer++}`;
    const at = this.records.length;
    this.records.push({ ref, customerId: assignedCustomerId, profile });
    for (const key of blockingKeys(profile)) {
      const list = this.index.get(key);
      if (list) list.push(at);
      else this.index.set(key, [at]);
    }
    return { ...outcome, assignedCustomerId };
  }

  private *candidates(profile: MatchProfile): Iterable<Candidate<Ref>> {
    const seen = new Set<number>();
    for (const key of blockingKeys(profile)) {
      const list = this.index.get(key);
      if (!list) continue;
      // The most recent records first: the ones a returning customer most likely left.
      for (let i = list.length - 1, n = 0; i >= 0 && n < this.perKeyLimit; i--, n++) {
        const at = list[i]!;
        if (seen.has(at)) continue;
        seen.add(at);
        yield this.records[at]!;
      }
    }
  }
}
