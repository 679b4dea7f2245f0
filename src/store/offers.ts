// The offer dictionary (schema v5): `publisher.offer` → the friendly name a rep knows the product by.
// Learnt from leads that show both the id and a title; a name the rep edited is never overwritten by
// learning. Exported and imported with the memory.
import { BOUNDS } from '../core/bounds';
import type { LeadDatabase } from './schema';
import type { OfferName } from './types';

const MAX_NAME = BOUNDS.offerName;

/** What is wrong with a dictionary entry (an imported one, or one read back from the store); null when nothing. */
export function offerNameProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be an object';
  const o = v as Partial<Record<keyof OfferName, unknown>>;
  if (typeof o.key !== 'string' || !o.key.trim() || o.key.length > BOUNDS.offerKey)
    return `"key" must be a publisher.offer id of 1 to ${BOUNDS.offerKey} characters`;
  if (typeof o.name !== 'string' || !o.name.trim() || o.name.length > MAX_NAME) return `"name" must be 1 to ${MAX_NAME} characters`;
  if (o.origin !== 'learnt' && o.origin !== 'edited') return '"origin" must be "learnt" or "edited"';
  if (typeof o.updatedAt !== 'string' || o.updatedAt.length > BOUNDS.date || Number.isNaN(Date.parse(o.updatedAt)))
    return '"updatedAt" must be a date';
  return null;
}

export function isOfferName(v: unknown): v is OfferName {
  return offerNameProblem(v) === null;
}

export async function allOffers(db: LeadDatabase): Promise<OfferName[]> {
  return (await db.getAll('offers')).filter(isOfferName).sort((a, b) => a.key.localeCompare(b.key));
}

/** Files what leads taught; returns true when the dictionary changed. Edited names stay as the rep left them. */
export async function learnOffers(db: LeadDatabase, learnt: ReadonlyArray<{ key: string; name: string }>, at: string): Promise<boolean> {
  if (!learnt.length) return false;
  const tx = db.transaction('offers', 'readwrite');
  let changed = false;
  for (const { key, name } of learnt) {
    const k = key.toLocaleLowerCase();
    const n = name.trim().slice(0, MAX_NAME);
    const old = await tx.store.get(k);
    if (!n || (isOfferName(old) && (old.origin === 'edited' || old.name === n))) continue;
    await tx.store.put({ key: k, name: n, origin: 'learnt', updatedAt: at });
    changed = true;
  }
  await tx.done;
  return changed;
}

/** The rep's own name for an offer; an empty name removes the entry. */
export async function editOffer(db: LeadDatabase, key: string, name: string, at: string): Promise<void> {
  const k = key.trim().toLocaleLowerCase();
  const n = name.trim().slice(0, MAX_NAME);
  if (!k) return;
  if (n) await db.put('offers', { key: k, name: n, origin: 'edited', updatedAt: at });
  else await db.delete('offers', k);
}

/** Puts imported entries, keeping what is already here (an import adds, it does not overwrite). */
export async function importOffers(db: LeadDatabase, entries: readonly unknown[]): Promise<number> {
  const tx = db.transaction('offers', 'readwrite');
  let added = 0;
  for (const e of entries) {
    if (!isOfferName(e) || (await tx.store.getKey(e.key.toLocaleLowerCase()))) continue;
    await tx.store.put({ ...e, key: e.key.toLocaleLowerCase() });
    added++;
  }
  await tx.done;
  return added;
}
