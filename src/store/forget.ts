// Forgetting: one customer on the rep's request, everything at once, or the leads older than the
// retention period. A forgotten customer leaves no trace: its leads, the decisions about it and the
// pointers other leads kept to it all go.
import { customerFromSightings, isStoredSighting } from './records';
import { idOf, LEAD_STORES, sightingsOf, type RwTx, type StoreCtx } from './tx';

/** Deletes a customer, its sightings and decisions, and every pointer to it from other leads. */
export async function deleteCustomer(tx: RwTx, customerId: string): Promise<void> {
  const sightings = tx.objectStore('sightings');
  const ids = await sightings.index('customerId').getAllKeys(customerId);
  for (const id of ids) await sightings.delete(id);
  await tx.objectStore('customers').delete(customerId);
  const decisions = tx.objectStore('decisions');
  for (const key of await decisions.index('customers').getAllKeys(customerId)) await decisions.delete(key);
  const gone = new Set(ids);
  for (const p of await sightings.index('candidateCustomerId').getAll(customerId)) {
    if (!isStoredSighting(p)) {
      // A damaged lead that pointed at the customer goes with it.
      await sightings.delete(idOf(p) as string);
      continue;
    }
    const { candidateCustomerId: _drop, ...rest } = p;
    const matchedGone = p.match.matchedSightingId !== null && gone.has(p.match.matchedSightingId);
    await sightings.put({
      ...rest,
      match: { ...p.match, candidateCustomerId: null, matchedSightingId: matchedGone ? null : p.match.matchedSightingId },
    });
  }
}

/** Empties the lead memory; the settings stay. */
export async function forgetAll(tx: RwTx): Promise<void> {
  await Promise.all(LEAD_STORES.map((name) => tx.objectStore(name).clear()));
}

/**
 * Deletes the leads last seen before `cutoff` (ISO 8601); a customer left with no lead is forgotten,
 * the others are rebuilt from the leads they keep. Returns how many leads went.
 */
export async function purgeBefore(tx: RwTx, cutoff: string, ctx: StoreCtx): Promise<number> {
  const sightings = tx.objectStore('sightings');
  const old = await sightings.index('lastSeen').getAll(IDBKeyRange.upperBound(cutoff, true));
  const touched = new Set<string>();
  for (const s of old) {
    await sightings.delete(s.id);
    if (typeof s.customerId === 'string') touched.add(s.customerId);
  }
  for (const customerId of touched) {
    const left = await sightingsOf(tx, customerId, ctx);
    if (left.length === 0) await deleteCustomer(tx, customerId);
    else {
      const rebuilt = customerFromSightings(customerId, left);
      if (rebuilt) await tx.objectStore('customers').put(rebuilt);
    }
  }
  return old.length;
}
