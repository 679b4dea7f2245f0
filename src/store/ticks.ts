// The checklist ticks: which next steps of a lead the rep has done, kept per lead (sighting id) in the
// `ticks` store (schema v5), so a tick survives a reload, a restart and another tab.
import type { LeadDatabase } from './schema';
import type { StepTicks } from './types';

const MAX_STEPS = 50;

export function isStepTicks(v: unknown): v is StepTicks {
  const t = v as Partial<StepTicks> | null;
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.sightingId === 'string' &&
    Array.isArray(t.steps) &&
    t.steps.every((s) => typeof s === 'string')
  );
}

/** The steps ticked on a lead (none when it has no record, or a damaged one). */
export async function ticksOf(db: LeadDatabase, sightingId: string): Promise<string[]> {
  const row = await db.get('ticks', sightingId);
  return isStepTicks(row) ? row.steps : [];
}

/** Ticks or unticks one step and returns the lead's ticks as they now are. */
export async function setTick(db: LeadDatabase, sightingId: string, step: string, done: boolean, at: string): Promise<string[]> {
  const tx = db.transaction('ticks', 'readwrite');
  const row = await tx.store.get(sightingId);
  const steps = new Set(isStepTicks(row) ? row.steps : []);
  if (done) steps.add(step);
  else steps.delete(step);
  const next = [...steps].slice(0, MAX_STEPS);
  if (next.length) await tx.store.put({ sightingId, steps: next, updatedAt: at });
  else await tx.store.delete(sightingId);
  await tx.done;
  return next;
}

/**
 * Drops the ticks of leads the memory no longer holds (after a customer is forgotten or old leads are purged),
 * so nothing is kept about a lead that is gone. The rep ticks by hand, so the store stays small.
 */
export async function dropOrphanTicks(db: LeadDatabase): Promise<number> {
  const tx = db.transaction(['ticks', 'sightings'], 'readwrite');
  const ticks = tx.objectStore('ticks');
  let dropped = 0;
  for (const key of await ticks.getAllKeys()) {
    if ((await tx.objectStore('sightings').getKey(key)) !== undefined) continue;
    await ticks.delete(key);
    dropped++;
  }
  await tx.done;
  return dropped;
}
