// Taking in leads: each new lead is matched against the customers already known (a few keyed reads
// through the blocking-key index, never a scan) and stored with its verdict. Matching runs inside the
// same readwrite transaction as the write, so two tabs reporting one lead at once serialise and never
// create two customers.
import {
  blockingKeys,
  decideMatch,
  matchProfile,
  pairFingerprint,
  type Candidate,
  type MatchOutcome,
  type MatchProfile,
} from '../core/match';
import type { NormalizedCustomer } from '../core/types';
import {
  buildSighting,
  customerFromSighting,
  isStoredCustomer,
  isStoredSighting,
  mergeIntoCustomer,
  normalizedOf,
  pairId,
  recordKeyOf,
  type StoredSighting,
} from './records';
import { idOf, PER_KEY_LIMIT, readable, type AnyTx, type RwTx, type StoreCtx } from './tx';
import type { IngestResult, MatchInfo, Settings, SightingInput } from './types';

/** A lead ready to store: its normalized fields and record identity, worked out before the transaction. */
export interface PreparedLead {
  input: SightingInput;
  normalized: NormalizedCustomer;
  recordKey: string;
}

export function prepareLeads(inputs: SightingInput[], settings: Settings): PreparedLead[] {
  return inputs.map((input) => {
    const normalized = normalizedOf(input, settings);
    return { input, normalized, recordKey: recordKeyOf(input, normalized) };
  });
}

export async function ingestLeads(tx: RwTx, leads: PreparedLead[], ctx: StoreCtx): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  // Writes are not awaited one by one: requests in a transaction run in order, so the next lead
  // already reads them; their outcome is awaited once at the end (a failure aborts everything).
  const writes: Promise<unknown>[] = [];
  for (const lead of leads) results.push(await ingestOne(tx, lead, writes, ctx));
  await Promise.all(writes);
  return results;
}

async function ingestOne(
  tx: RwTx,
  { input, normalized, recordKey }: PreparedLead,
  writes: Promise<unknown>[],
  ctx: StoreCtx,
): Promise<IngestResult> {
  const sightings = tx.objectStore('sightings');
  const customers = tx.objectStore('customers');
  const profile = matchProfile(normalized);
  // One round trip: the record's identity and the match candidates together.
  const [seen, candidateLists] = await Promise.all([sightings.index('recordKey').get(recordKey), candidates(tx, profile)]);
  if (seen && isStoredSighting(seen)) {
    // The same lead record again: nothing new, only when it was last seen.
    if (input.seenAt > seen.lastSeen) {
      writes.push(sightings.put({ ...seen, lastSeen: input.seenAt }));
      const c = await customers.get(seen.customerId);
      if (c && isStoredCustomer(c) && input.seenAt > c.lastSeen) writes.push(customers.put({ ...c, lastSeen: input.seenAt }));
    }
    return { sightingId: seen.id, customerId: seen.customerId, match: seen.match, stageAdvanced: false, seenBefore: true };
  }
  if (seen) {
    // A damaged record under this lead's key: report it and let the fresh sighting replace it.
    const badId = idOf(seen) as string;
    ctx.skipped.sighting(badId);
    writes.push(sightings.delete(badId));
  }

  const outcome = await judge(tx, profile, candidateLists, ctx);
  const id = crypto.randomUUID();
  const customerId = outcome.customerId ?? crypto.randomUUID();
  const match: MatchInfo = {
    status: outcome.status,
    fields: outcome.fields,
    score: outcome.score,
    matchedSightingId: outcome.matched,
    candidateCustomerId: outcome.candidateCustomerId,
    decision: null,
  };
  const sighting = buildSighting(input, normalized, { id, customerId, recordKey }, match);
  let stageAdvanced = false;
  const existing = outcome.customerId ? await customers.get(customerId) : undefined;
  if (existing && isStoredCustomer(existing)) {
    const merged = mergeIntoCustomer(existing, sighting);
    stageAdvanced = merged.stageAdvanced;
    writes.push(customers.put(merged.customer));
  } else {
    writes.push(customers.put(customerFromSighting(sighting)));
  }
  writes.push(sightings.put(sighting));
  return { sightingId: id, customerId, match, stageAdvanced, seenBefore: false };
}

/** Candidate sightings through the key index: a few keyed reads, never a scan. */
function candidates(tx: AnyTx, profile: MatchProfile): Promise<StoredSighting[][]> {
  const index = tx.objectStore('sightings').index('keys');
  return Promise.all(blockingKeys(profile).map((k) => index.getAll(k, PER_KEY_LIMIT)));
}

/** The shared verdict logic over the candidates (and the rep's earlier decisions). */
async function judge(tx: AnyTx, profile: MatchProfile, lists: StoredSighting[][], ctx: StoreCtx): Promise<MatchOutcome<string>> {
  const byId = new Map<string, Candidate<string>>();
  for (const list of lists) {
    // The same sighting often comes back under several keys: it is checked and kept once.
    const unseen = list.filter((s) => !byId.has(idOf(s) as string));
    for (const s of readable(unseen, isStoredSighting, ctx.skipped.sighting))
      byId.set(s.id, { ref: s.id, customerId: s.customerId, profile: s.profile });
  }
  const customerIds = new Set([...byId.values()].map((c) => c.customerId));
  // The rep's rejections involving these customers: which customers were told apart, and which exact
  // pairs of fields (those never come back as a duplicate).
  const decisions = tx.objectStore('decisions').index('customers');
  const found = (await Promise.all([...customerIds].map((id) => decisions.getAll(id)))).flat().filter((d) => d.decision === 'rejected');
  const rejected = new Set(found.map((d) => d.id));
  const rejectedPairs = await rejectedFieldPairs(tx, found);
  return decideMatch(profile, byId.values(), { isRejected: (a, b) => rejected.has(pairId(a, b)), rejectedPairs });
}

/** The pairs of fields the rep rejected: the lead asked about and the earlier lead it was matched with. */
export async function rejectedFieldPairs(tx: AnyTx, decisions: readonly { sightingId: string }[]): Promise<Set<string>> {
  const out = new Set<string>();
  const sightings = tx.objectStore('sightings');
  for (const d of decisions) {
    const s = await sightings.get(d.sightingId);
    const matchedId = s && isStoredSighting(s) ? s.match.matchedSightingId : null;
    const m = matchedId ? await sightings.get(matchedId) : undefined;
    if (s && m && isStoredSighting(m)) out.add(pairFingerprint(s.profile, m.profile));
  }
  return out;
}

/** The verdict a lead would get now, read in `tx` without storing anything. */
export async function findMatches(tx: AnyTx, input: SightingInput, settings: Settings, ctx: StoreCtx): Promise<MatchInfo> {
  const profile = matchProfile(normalizedOf(input, settings));
  const o = await judge(tx, profile, await candidates(tx, profile), ctx);
  return {
    status: o.status,
    fields: o.fields,
    score: o.score,
    matchedSightingId: o.matched,
    candidateCustomerId: o.status === 'duplicate' ? o.customerId : o.candidateCustomerId,
    decision: null,
  };
}
