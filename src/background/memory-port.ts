// What the service worker needs from the lead memory: the store's own interface, narrowed to the
// operations the router uses, so tests can hand in a small fake.
import type { LeadMemory } from '../store/memory';

export type MemoryPort = Pick<
  LeadMemory,
  | 'ingest'
  | 'customerView'
  | 'decide'
  | 'forgetCustomer'
  | 'forgetAll'
  | 'purge'
  | 'exportJson'
  | 'exportCsv'
  | 'importJson'
  | 'importCsv'
  | 'getSettings'
  | 'setSettings'
  | 'takeProblems'
  | 'stats'
  | 'knownOfferIds'
>;

/** A readable reason from whatever the store threw (StoreError carries a code and, for imports, a line). */
export function describeError(error: unknown): { error: string; line?: number } {
  if (error instanceof Error) {
    const line = (error as { line?: unknown }).line;
    return typeof line === 'number' ? { error: error.message, line } : { error: error.message };
  }
  return { error: String(error) };
}
