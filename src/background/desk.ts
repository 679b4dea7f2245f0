// The rep's desk in the worker: search over the memory, the checklist ticks, and the offer dictionary
// (learnt from the leads pages report, edited in the options, handed to content scripts and pages
// through storage.local so they can show names without asking). The router spreads these handlers
// into its table; they take only the deps they use, so this file does not import the router.
import { decodeLeadSource } from '../core/leadsource';
import { learnedOfferName } from '../core/offer-names';
import type { Message, PageLead, Reply } from '../messaging/messages';
import type { LeadMemory } from '../store/memory';
import { describeError } from './memory-port';

/** The part of the lead memory the desk uses. */
export type DeskMemory = Pick<LeadMemory, 'search' | 'ticks' | 'setTick' | 'offers' | 'learnOffers' | 'editOffer'>;

/** What these handlers need from the router's deps: the memory's desk part (absent: they answer with an error). */
export interface DeskDeps {
  desk?: () => Promise<DeskMemory>;
  publishOffers?: (names: Record<string, string>) => Promise<void>;
}

type DeskType = 'search' | 'get-ticks' | 'set-tick' | 'get-offers' | 'set-offer';
type DeskHandlers = {
  [T in DeskType]: (message: Extract<Message, { type: T }>, ctx: { deps: DeskDeps }) => Promise<Reply<T>>;
};

async function tryMemory<T>(deps: DeskDeps, op: (m: DeskMemory) => Promise<T>): Promise<T | { error: string }> {
  try {
    if (!deps.desk) return { error: 'LeadLens has no lead memory here.' };
    return await op(await deps.desk());
  } catch (error) {
    return { error: describeError(error).error };
  }
}

/** Writes the dictionary where content scripts and pages read it. */
async function publish(m: DeskMemory, deps: DeskDeps): Promise<void> {
  if (!deps.publishOffers) return;
  const offers = await m.offers();
  await deps.publishOffers(Object.fromEntries(offers.map((o) => [o.key, o.name])));
}

export const deskHandlers: DeskHandlers = {
  search: (message, { deps }) => tryMemory(deps, async (m) => ({ hits: await m.search(message.query) })),
  'get-ticks': async (message, { deps }) => {
    const steps = await tryMemory(deps, (m) => m.ticks(message.sightingId));
    return { steps: Array.isArray(steps) ? steps : [] };
  },
  'set-tick': (message, { deps }) =>
    tryMemory(deps, async (m) => ({ steps: await m.setTick(message.sightingId, message.step, message.done) })),
  'get-offers': async (_message, { deps }) => {
    const offers = await tryMemory(deps, (m) => m.offers());
    return { offers: Array.isArray(offers) ? offers : [] };
  },
  'set-offer': async (message, { deps }) => {
    const done = await tryMemory(deps, async (m) => {
      await m.editOffer(message.key, message.name);
      await publish(m, deps);
      return { ok: true };
    });
    return 'error' in done ? { ok: false, error: done.error } : done;
  },
};

/** Files the offer names a page's leads show (id + title) and republishes the dictionary when it changed. */
export async function learnFromPage(leads: readonly PageLead[], deps: DeskDeps): Promise<void> {
  // A content script's leads are page data: the LeadSource is decoded again here, as ingest does.
  const learnt = leads
    .map((l) => {
      const input = l.lead.leadSource?.input;
      if (typeof input !== 'string') return null;
      return learnedOfferName({ ...l.lead, leadSource: decodeLeadSource(input) });
    })
    .filter((x): x is { key: string; name: string } => x !== null);
  if (!learnt.length) return;
  await tryMemory(deps, async (m) => {
    if (await m.learnOffers(learnt)) await publish(m, deps);
  });
}
