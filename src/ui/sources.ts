// What the panels ask the lead memory, as small ports. Components get them injected (the pages wire
// them to the service worker through platform's `send`; tests hand in their own), so ui/ neither
// sends messages nor knows the store.
import type { Decision } from '../core/types';
import type { Ask, Reply, Settings } from '../messaging/messages';
import { type ExportedParts, exportInParts, importInParts } from '../messaging/transfer';

/** The customer panel: a customer's view, and the rep's two actions on it. */
export interface CustomerSource {
  customer(customerId: string): Promise<Reply<'get-customer'>>;
  decide(sightingId: string, decision: Decision): Promise<Reply<'decide-match'>>;
  forget(customerId: string): Promise<Reply<'forget-customer'>>;
}

/** The options page: settings, what the memory holds, export, import and forget-all. */
export interface OptionsSource {
  settings(): Promise<Reply<'get-settings'>>;
  saveSettings(settings: Settings): Promise<Reply<'set-settings'>>;
  stats(): Promise<Reply<'get-stats'>>;
  /** The export in parts (messaging/transfer.ts), or why it failed. */
  exportMemory(format: 'json' | 'csv'): Promise<ExportedParts>;
  /** `withSettings`: the rep ticked "also import settings". */
  importMemory(format: 'json' | 'csv', text: string, withSettings?: boolean): Promise<Reply<'import'>>;
  forgetAll(): Promise<Reply<'forget-all'>>;
  /** The offer dictionary (OfferDictionary.tsx). */
  offers(): Promise<Reply<'get-offers'>['offers']>;
  setOffer(key: string, name: string): Promise<Reply<'set-offer'>>;
}

export function customerSource(ask: Ask): CustomerSource {
  return {
    customer: (customerId) => ask({ type: 'get-customer', customerId }),
    decide: (sightingId, decision) => ask({ type: 'decide-match', sightingId, decision }),
    forget: (customerId) => ask({ type: 'forget-customer', customerId }),
  };
}

export function optionsSource(ask: Ask): OptionsSource {
  return {
    settings: () => ask({ type: 'get-settings' }),
    saveSettings: (settings) => ask({ type: 'set-settings', settings }),
    stats: () => ask({ type: 'get-stats' }),
    exportMemory: (format) => exportInParts(ask, format),
    importMemory: (format, text, withSettings) => importInParts(ask, format, text, withSettings),
    forgetAll: () => ask({ type: 'forget-all' }),
    offers: async () => (await ask({ type: 'get-offers' })).offers,
    setOffer: (key, name) => ask({ type: 'set-offer', key, name }),
  };
}
