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
  type StoredCustomer,
  type StoredDecision,
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

/**
 * Takes in a report's leads in one transaction and few round trips: every lead's record and candidates are
 * asked for at once, then the candidates' customers and the rep's decisions about them, then each lead is
 * judged in order without waiting on the database (the leads of this batch are candidates of the later
 * ones). `onVerdicts` gets the verdicts as soon as they are known; the writes (the sightings, then each
 * customer touched in its final state: stage, journey dates) are issued after that, in a later task of the
 * same transaction, so a caller can answer before the records are serialised. Resolves once all are written.
 */
export async function ingestLeads(
  tx: RwTx,
  leads: PreparedLead[],
  ctx: StoreCtx,
  onVerdicts?: (results: IngestResult[]) => void,
): Promise<IngestResult[]> {
  const sightings = tx.objectStore('sightings');
  const profiles = leads.map((l) => matchProfile(l.normalized));
  const asked = new Map<string, Promise<StoredSighting[]>>();
  const [seenList, candidateLists] = await Promise.all([
    Promise.all(leads.map((l) => sightings.index('recordKey').get(l.recordKey))),
    Promise.all(profiles.map((p) => candidates(tx, p, asked))),
  ]);
  const known = await knownAround(tx, seenList, candidateLists);
  const batch = new Batch();
  const puts: StoredSighting[] = [];
  const removals: string[] = [];
  const out: SightingWrites = { put: (record) => puts.push(record), remove: (id) => removals.push(id) };
  const results = leads.map((lead, i) => judgeOne(lead, profiles[i]!, seenList[i], candidateLists[i]!, known, batch, out, ctx));
  if (onVerdicts) {
    onVerdicts(results);
    // One cheap read keeps the transaction open across a task: the caller's answer goes out first.
    await sightings.get('');
  }
  const writes: Promise<unknown>[] = [];
  // A put can throw at once (a value the database refuses); the transaction is then aborted and every
  // request already queued rejects. Each one gets a handler here so those rejections are not left
  // unhandled, while Promise.all below still fails on the first of them.
  const track = (request: Promise<unknown>) => {
    request.catch(() => undefined);
    writes.push(request);
  };
  for (const id of removals) track(sightings.delete(id));
  for (const record of puts) track(sightings.put(record));
  const customers = tx.objectStore('customers');
  for (const c of batch.customers.values()) track(customers.put(c));
  await Promise.all(writes);
  return results;
}

/** What the batch's candidates lead to: their customers and the rep's rejections involving them. */
interface Known {
  customers: Map<string, StoredCustomer>;
  /** Rejected decisions by customer id. */
  rejections: Map<string, StoredDecision[]>;
  /** Field pairs the rep rejected, by decision id. */
  pairs: Map<string, string>;
}

async function knownAround(tx: RwTx, seenList: unknown[], lists: StoredSighting[][][]): Promise<Known> {
  const ids = new Set<string>();
  for (const seen of seenList) if (seen && isStoredSighting(seen)) ids.add(seen.customerId);
  for (const perLead of lists) for (const list of perLead) for (const s of list) if (isStoredSighting(s)) ids.add(s.customerId);
  const customerStore = tx.objectStore('customers');
  const decisions = tx.objectStore('decisions').index('customers');
  const idList = [...ids];
  const [found, decided] = await Promise.all([
    Promise.all(idList.map((id) => customerStore.get(id))),
    Promise.all(idList.map((id) => decisions.getAll(id))),
  ]);
  const customers = new Map<string, StoredCustomer>();
  found.forEach((c, i) => {
    if (c && isStoredCustomer(c)) customers.set(idList[i]!, c);
  });
  const rejections = new Map<string, StoredDecision[]>();
  const rejected: StoredDecision[] = [];
  decided.forEach((list, i) => {
    const no = list.filter((d) => d.decision === 'rejected');
    if (no.length) rejections.set(idList[i]!, no);
    rejected.push(...no);
  });
  const pairs = new Map<string, string>();
  const unique = [...new Map(rejected.map((d) => [d.id, d])).values()];
  const fingerprints = await Promise.all(unique.map((d) => rejectedFieldPairs(tx, [d])));
  unique.forEach((d, i) => {
    const [fp] = fingerprints[i]!;
    if (fp) pairs.set(d.id, fp);
  });
  return { customers, rejections, pairs };
}

/** Where a judged lead's sighting goes (the requests are issued once every lead of the batch is judged). */
interface SightingWrites {
  put(s: StoredSighting): void;
  remove(id: string): void;
}

/** The sightings and customers this batch created or changed so far, as later leads must see them. */
class Batch {
  readonly customers = new Map<string, StoredCustomer>();
  readonly byRecord = new Map<string, IngestResult>();
  readonly byKey = new Map<string, Candidate<string>[]>();
  /** Stored sightings read for this batch and found readable (the same objects come back for many leads). */
  private readonly checked = new WeakSet<object>();

  /** The readable ones of these stored sightings; a damaged one is reported (each time it is met). */
  readable(list: readonly unknown[], ctx: StoreCtx): StoredSighting[] {
    const fresh = list.filter((s) => !(typeof s === 'object' && s !== null && this.checked.has(s)));
    if (fresh.length === list.length) {
      const ok = readable(list, isStoredSighting, ctx.skipped.sighting);
      for (const s of ok) this.checked.add(s);
      return ok;
    }
    for (const s of readable(fresh, isStoredSighting, ctx.skipped.sighting)) this.checked.add(s);
    return list.filter((s): s is StoredSighting => typeof s === 'object' && s !== null && this.checked.has(s));
  }

  add(s: StoredSighting): void {
    const candidate = { ref: s.id, customerId: s.customerId, profile: s.profile };
    for (const k of s.keys) {
      const list = this.byKey.get(k);
      if (list) list.push(candidate);
      else this.byKey.set(k, [candidate]);
    }
  }
}

function judgeOne(
  { input, normalized, recordKey }: PreparedLead,
  profile: MatchProfile,
  seen: unknown,
  lists: StoredSighting[][],
  known: Known,
  batch: Batch,
  out: SightingWrites,
  ctx: StoreCtx,
): IngestResult {
  const earlier = batch.byRecord.get(recordKey);
  if (earlier) return { ...earlier, stageAdvanced: false, seenBefore: true };
  if (seen && isStoredSighting(seen)) {
    // The same lead record again: nothing new, only when it was last seen.
    if (input.seenAt > seen.lastSeen) {
      out.put({ ...seen, lastSeen: input.seenAt });
      const c = batch.customers.get(seen.customerId) ?? known.customers.get(seen.customerId);
      if (c && input.seenAt > c.lastSeen) batch.customers.set(c.id, { ...c, lastSeen: input.seenAt });
    }
    return { sightingId: seen.id, customerId: seen.customerId, match: seen.match, stageAdvanced: false, seenBefore: true };
  }
  if (seen) {
    // A damaged record under this lead's key: report it and let the fresh sighting replace it.
    const badId = idOf(seen) as string;
    ctx.skipped.sighting(badId);
    out.remove(badId);
  }
  const outcome = decide(profile, lists, known, batch, ctx);
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
  out.put(sighting);
  batch.add(sighting);
  let stageAdvanced = false;
  const existing = outcome.customerId ? (batch.customers.get(customerId) ?? known.customers.get(customerId)) : undefined;
  if (existing) {
    const merged = mergeIntoCustomer(existing, sighting);
    stageAdvanced = merged.stageAdvanced;
    batch.customers.set(customerId, merged.customer);
  } else {
    batch.customers.set(customerId, customerFromSighting(sighting));
  }
  const result = { sightingId: id, customerId, match, stageAdvanced, seenBefore: false };
  batch.byRecord.set(recordKey, result);
  return result;
}

/** The verdict over the stored candidates and this batch's, with the rep's rejections. */
function decide(profile: MatchProfile, lists: StoredSighting[][], known: Known, batch: Batch, ctx: StoreCtx): MatchOutcome<string> {
  const byId = new Map<string, Candidate<string>>();
  for (const list of lists) {
    // The same sighting often comes back under several keys, and for several leads of the batch (the lists
    // are shared): it is checked once per batch and kept once per lead.
    for (const s of batch.readable(
      list.filter((x) => !byId.has(idOf(x) as string)),
      ctx,
    ))
      byId.set(s.id, { ref: s.id, customerId: s.customerId, profile: s.profile });
  }
  // This batch's sightings under the same keys, within the per-key limit the stored ones are read with.
  blockingKeys(profile).forEach((k, i) => {
    const room = PER_KEY_LIMIT - (lists[i]?.length ?? 0);
    for (const c of (batch.byKey.get(k) ?? []).slice(0, Math.max(0, room))) byId.set(c.ref, c);
  });
  const rejected = new Set<string>();
  const rejectedPairs = new Set<string>();
  for (const customerId of new Set([...byId.values()].map((c) => c.customerId))) {
    for (const d of known.rejections.get(customerId) ?? []) {
      rejected.add(d.id);
      const fp = known.pairs.get(d.id);
      if (fp) rejectedPairs.add(fp);
    }
  }
  return decideMatch(profile, byId.values(), { isRejected: (a, b) => rejected.has(pairId(a, b)), rejectedPairs });
}

/** Candidate sightings through the key index: a few keyed reads, never a scan. */
function candidates(tx: AnyTx, profile: MatchProfile, asked = new Map<string, Promise<StoredSighting[]>>()): Promise<StoredSighting[][]> {
  const index = tx.objectStore('sightings').index('keys');
  return Promise.all(
    blockingKeys(profile).map((k) => {
      // Leads of one page often share a key (a company's domain, a common name): it is read once per batch.
      let list = asked.get(k);
      if (!list) asked.set(k, (list = index.getAll(k, PER_KEY_LIMIT)));
      return list;
    }),
  );
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
