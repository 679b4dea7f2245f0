// What the service worker needs from the lead memory. The IndexedDB implementation in src/store
// satisfies it; tests hand in a fake.
import type { CustomerView, IngestResult, SightingInput, Settings } from '../store/types';

export interface MemoryPort {
  ingest(inputs: SightingInput[]): Promise<IngestResult[]>;
  customerView(customerId: string): Promise<CustomerView | null>;
  decide(sightingId: string, decision: 'confirmed' | 'rejected'): Promise<void>;
  forgetCustomer(customerId: string): Promise<void>;
  forgetAll(): Promise<void>;
  purge(now?: Date): Promise<number>;
  exportJson(): Promise<string>;
  exportCsv(): Promise<string>;
  importJson(text: string): Promise<{ imported: number; skipped: number }>;
  importCsv(text: string): Promise<{ imported: number; skipped: number }>;
  getSettings(): Promise<Settings>;
  setSettings(change: Partial<Settings>): Promise<Settings>;
}

/** A readable reason from whatever the store threw (StoreError carries a code and, for imports, a line). */
export function describeError(error: unknown): { error: string; line?: number } {
  if (error instanceof Error) {
    const line = (error as { line?: unknown }).line;
    return typeof line === 'number' ? { error: error.message, line } : { error: error.message };
  }
  return { error: String(error) };
}
