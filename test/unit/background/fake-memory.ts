// One stand-in for the lead memory, shared by the worker's tests: it records what the worker hands to
// `ingest` and answers every other operation with an empty memory's reply. A test changes only what it
// looks at, through `overrides` or its own verdict for the i-th lead of a batch.
import type { MemoryPort } from '../../../src/background/memory-port';
import type { IngestResult, SightingInput } from '../../../src/store/types';
import { DEFAULT_SETTINGS } from '../../../src/store/types';

export type FakeMemory = MemoryPort & { ingested: SightingInput[] };

/** The verdict of a lead nobody has seen before. */
export const newLead = (i: number): IngestResult => ({
  sightingId: `s${i}`,
  customerId: `c${i}`,
  stageAdvanced: false,
  seenBefore: false,
  match: { status: 'new', fields: [], score: 0, matchedSightingId: null, candidateCustomerId: null, decision: null },
});

export function fakeMemory(overrides: Partial<MemoryPort> = {}, verdict: (i: number) => IngestResult = newLead): FakeMemory {
  const ingested: SightingInput[] = [];
  const none = async () => undefined;
  return {
    ingested,
    ingest: async (inputs) => {
      ingested.push(...inputs);
      return inputs.map((_, i) => verdict(i));
    },
    customerView: async () => null,
    decide: none,
    forgetCustomer: none,
    forgetAll: none,
    purge: async () => 0,
    exportJson: async () => '{}',
    exportCsv: async () => '',
    importJson: async () => ({ imported: 0, skipped: 0 }),
    importCsv: async () => ({ imported: 0, skipped: 0 }),
    getSettings: async () => DEFAULT_SETTINGS,
    setSettings: async () => DEFAULT_SETTINGS,
    takeProblems: () => [],
    stats: async () => ({ customers: 0, leads: 0 }),
    knownOfferIds: async () => [],
    ...overrides,
  };
}
