// From pair scores to a verdict for a new lead: compare it with every candidate sighting, keep the
// best pair per customer, and pick the customer. Shared by the IndexedDB store and the CLI's
// in-memory matcher so both judge alike.
import type { DuplicateStatus, MatchedField } from '../types';
import { commonFullName } from './frequency';
import type { MatchProfile } from './keys';
import { pairFingerprint, scorePair, type PairScore } from './score';

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
  /**
   * Pairs of fields the rep has rejected (`pairFingerprint` of the two profiles): a candidate that
   * forms exactly such a pair with the new lead is not matched again, so it never returns as `duplicate`.
   */
  rejectedPairs?: ReadonlySet<string>;
}

const RANK: Record<DuplicateStatus, number> = { duplicate: 2, possible: 1, new: 0 };

interface Best<Ref> {
  customerId: string;
  ref: Ref;
  profile: MatchProfile;
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
  const contacts = new Map<string, ContactTally>();
  for (const c of list) {
    if (opts.rejectedPairs?.size && opts.rejectedPairs.has(pairFingerprint(profile, c.profile))) continue;
    const s = scorePair(profile, c.profile, { phoneShared });
    let t = contacts.get(c.customerId);
    if (!t) contacts.set(c.customerId, (t = newTally()));
    tally(t, s, profile, c.profile);
    const prev = best.get(c.customerId);
    if (!prev || RANK[s.status] > RANK[prev.status] || (RANK[s.status] === RANK[prev.status] && s.score > prev.score)) {
      best.set(c.customerId, {
        customerId: c.customerId,
        ref: c.ref,
        profile: c.profile,
        status: s.status,
        score: s.score,
        fields: s.fields,
      });
    }
  }
  // Contact points judged over all of a customer's sightings: when none agrees and either a mailbox a
  // person keeps only one of differs (another address at the same company, another personal address),
  // or the lead's email and phone both differ from every one on file, or a common full name (a John
  // Smith) has only its name and company to go on: its emails lie across the work / free-mail line
  // (one work address, one personal) or no email or phone can be compared at all. Then it is a
  // namesake until the rep says not.
  const leadCommon = commonFullName(profile.first, profile.last);
  for (const b of best.values()) {
    if (b.status !== 'duplicate') continue;
    const c = contacts.get(b.customerId)!;
    const allDiffer = profile.email !== null && profile.phone !== null && c.emailDiffers && c.phoneDiffers;
    const commonName = (c.kindDiffers || !c.compared) && (leadCommon || commonFullName(b.profile.first, b.profile.last));
    if (!c.agree && (c.conflict || allDiffer || commonName)) b.status = 'possible';
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

interface ContactTally {
  /** Some sighting agrees on an email (the same address or user part, a typo of it) or the phone. */
  agree: boolean;
  /** Some sighting has a mailbox a person keeps only one of, and it differs. */
  conflict: boolean;
  /** Some sighting has an email / a phone, and it differs. */
  emailDiffers: boolean;
  phoneDiffers: boolean;
  /** Some sighting has an email or a phone to compare with the lead's. */
  compared: boolean;
  /** Some sighting has an email of the other kind (work where the lead's is free-mail, or the reverse), and it differs. */
  kindDiffers: boolean;
}

function newTally(): ContactTally {
  return { agree: false, conflict: false, emailDiffers: false, phoneDiffers: false, kindDiffers: false, compared: false };
}

/** Adds what one pair says about contact points to a customer's tally (in place). */
function tally(t: ContactTally, s: PairScore, lead: MatchProfile, onFile: MatchProfile): void {
  for (const c of s.comparisons) {
    if (c.field === 'email' || c.field === 'phone') t.compared = true;
    if (c.field === 'email') {
      if (c.level === 'exact' || c.level === 'user' || c.level === 'close') t.agree = true;
      else t.emailDiffers = true;
      if (c.level === 'sameDomain' || c.level === 'freeDiffer') t.conflict = true;
      // `differ` only: a user part both share (`user`, `nameUser`) is a weak tie, not a conflict.
      if (c.level === 'differ' && (lead.domain === null) !== (onFile.domain === null)) t.kindDiffers = true;
    }
    if (c.field === 'phone') {
      if (c.level === 'exact') t.agree = true;
      else if (c.level === 'differ') t.phoneDiffers = true;
    }
  }
}
