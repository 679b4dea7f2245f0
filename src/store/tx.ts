// What the lead memory's modules share: the transaction types every operation takes, the context
// they report to, and the one way a damaged record is skipped. Each operation (ingest, customer view,
// decisions, forgetting, portability) runs inside a transaction that memory.ts opens for it.
import type { IDBPTransaction } from 'idb';
import { isStoredSighting, type StoredSighting } from './records';
import type { LeadDb } from './schema';

/** The stores a lead operation reads or writes (settings live apart, see memory.ts). */
export const LEAD_STORES = ['customers', 'sightings', 'decisions'] as const;
type LeadStores = (typeof LEAD_STORES)[number][];

/**
 * Most records read per index key (match candidates per blocking key, colleagues per company key): the
 * matcher's own limit, so the store and the CLI's in-memory matcher read the same number of candidates.
 */
export { PER_KEY_LIMIT } from '../core/match/keys';

export type RwTx = IDBPTransaction<LeadDb, LeadStores, 'readwrite'>;
export type AnyTx = IDBPTransaction<LeadDb, LeadStores, 'readonly' | 'readwrite'>;

/** Tells the memory that a record with this id (or key) was damaged and has been skipped. */
export type Report = (id: unknown) => void;

export interface StoreCtx {
  now: () => Date;
  /** Where skipped records are reported, by kind. */
  skipped: { sighting: Report; customer: Report };
}

/** The id of a record read from the database whatever its shape (a damaged one may have none). */
export function idOf(record: unknown): unknown {
  return typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
}

/**
 * The records that pass `isValid`, in order. Each one that fails is reported by its id and left out:
 * a damaged record never stops an operation, and the rep is told it was skipped.
 */
export function readable<T>(items: readonly unknown[], isValid: (v: unknown) => v is T, report: Report): T[] {
  const ok: T[] = [];
  for (const item of items) {
    if (isValid(item)) ok.push(item);
    else report(idOf(item));
  }
  return ok;
}

/** Every readable sighting of a customer. */
export async function sightingsOf(tx: AnyTx, customerId: string, ctx: StoreCtx): Promise<StoredSighting[]> {
  const all = await tx.objectStore('sightings').index('customerId').getAll(customerId);
  return readable(all, isStoredSighting, ctx.skipped.sighting);
}
