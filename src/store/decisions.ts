// The rep's answer on a possible match. Both answers are remembered for the pair of customers, so the
// same question is not asked again; a confirmation also merges the two customers into one.
import type { Decision } from '../core/types';
import { StoreError } from './errors';
import { customerFromSightings, isStoredSighting, pairId, type StoredDecision } from './records';
import { sightingsOf, type RwTx, type StoreCtx } from './tx';

export async function decide(tx: RwTx, sightingId: string, decision: Decision, ctx: StoreCtx): Promise<void> {
  const sightings = tx.objectStore('sightings');
  const s = await sightings.get(sightingId);
  if (!s || !isStoredSighting(s)) throw new StoreError('corrupt', `There is no readable lead ${sightingId} to decide on.`);
  const candidate = s.match.candidateCustomerId;
  if (!candidate) throw new StoreError('corrupt', 'This lead has no possible match to confirm or reject.');
  const from = s.customerId;
  const record: StoredDecision = {
    id: pairId(from, candidate),
    customers: [from, candidate],
    decision,
    sightingId,
    at: ctx.now().toISOString(),
  };
  await tx.objectStore('decisions').put(record);
  await sightings.put({ ...s, match: { ...s.match, decision } });
  if (decision === 'confirmed' && from !== candidate && (await tx.objectStore('customers').getKey(candidate))) {
    await mergeCustomers(tx, from, candidate, ctx);
  }
}

/** Moves every sighting of `from` into `into` and drops `from`. */
async function mergeCustomers(tx: RwTx, from: string, into: string, ctx: StoreCtx): Promise<void> {
  const sightings = tx.objectStore('sightings');
  const moved = await sightingsOf(tx, from, ctx);
  for (const s of moved) await sightings.put({ ...s, customerId: into });
  const all = await sightingsOf(tx, into, ctx);
  const rebuilt = customerFromSightings(into, all);
  if (rebuilt) await tx.objectStore('customers').put(rebuilt);
  await tx.objectStore('customers').delete(from);
  // Pointers at the merged-away customer now point at the one it joined.
  const pointing = await sightings.index('candidateCustomerId').getAll(from);
  for (const p of pointing) {
    if (!isStoredSighting(p)) continue;
    await sightings.put({ ...p, candidateCustomerId: into, match: { ...p.match, candidateCustomerId: into } });
  }
}
