// From pair scores to a verdict for a new lead: compare it with every candidate sighting, keep the
// best pair per customer, and pick the customer. Shared by the IndexedDB store and the CLI's
// in-memory matcher so both judge alike.
import type { DuplicateStatus, MatchedField } from '../types';
import type { MatchProfile } from './keys';
import { scorePair } from './score';

export interface Candidate<Ref> {
  ref: Ref;
  customerId: string;
  profile: MatchProfile;
}

export interface MatchOutcome<Ref> {
  status: DuplicateStatus;
  /** For `duplicate`: the customer the lead belongs to. */
  customerId: string | null;
  /** For `possible`: the customer it may belong to. */
  candidateCustomerId: string | null;
  /** The earlier sighting that matched best (for duplicate and possible). */
  matched: Ref | null;
  score: number;
  fields: MatchedField[];
}

export interface DecideOptions {
  /** The rep said these two customers are different people. */
  isRejected?: (customerA: string, customerB: string) => boolean;
}

const RANK: Record<DuplicateStatus, number> = { duplicate: 2, possible: 1, new: 0 };

interface Best<Ref> {
  customerId: string;
  ref: Ref;
  status: DuplicateStatus;
  score: number;
  fields: MatchedField[];
}

export function decideMatch<Ref>(profile: MatchProfile, candidates: Iterable<Candidate<Ref>>, opts: DecideOptions = {}): MatchOutcome<Ref> {
  const list = [...candidates];
  // A phone on file for more than one customer is a switchboard, not a person.
  const phoneOwners = new Set<string>();
  if (profile.phone) for (const c of list) if (c.profile.phone === profile.phone) phoneOwners.add(c.customerId);
  const phoneShared = phoneOwners.size > 1;

  const best = new Map<string, Best<Ref>>();
  for (const c of list) {
    const s = scorePair(profile, c.profile, { phoneShared });
    const prev = best.get(c.customerId);
    if (!prev || RANK[s.status] > RANK[prev.status] || (RANK[s.status] === RANK[prev.status] && s.score > prev.score)) {
      best.set(c.customerId, { customerId: c.customerId, ref: c.ref, status: s.status, score: s.score, fields: s.fields });
    }
  }
  const ranked = [...best.values()].sort((x, y) => RANK[y.status] - RANK[x.status] || y.score - x.score);
  const top = ranked[0];
  if (top && top.status === 'duplicate') {
    return {
      status: 'duplicate',
      customerId: top.customerId,
      candidateCustomerId: null,
      matched: top.ref,
      score: top.score,
      fields: top.fields,
    };
  }
  if (top && top.status === 'possible') {
    // When the lead is also possible for a customer the rep has told apart from the top one, the
    // rep has effectively answered for the top one already: offer the other if it is close.
    let pick = top;
    const rejected = opts.isRejected;
    if (rejected) {
      const alt = ranked.find((o) => o !== top && o.status === 'possible' && rejected(o.customerId, top.customerId));
      if (alt && alt.score >= top.score - 1) pick = alt;
    }
    return {
      status: 'possible',
      customerId: null,
      candidateCustomerId: pick.customerId,
      matched: pick.ref,
      score: pick.score,
      fields: pick.fields,
    };
  }
  return { status: 'new', customerId: null, candidateCustomerId: null, matched: null, score: 0, fields: [] };
}
