// What the panels know about the rep's desk beyond one lead: the follow-up window, the offer names,
// and the memory's search and checklist ticks. Handed down once through a preact context, so a new
// part of a panel (issue 13's team results, say) reads it without threading props through every card.
import { FOLLOW_UP_DEFAULT_HOURS } from '../core/follow-up';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { OfferNames } from '../core/offer-names';
import type { Ask, SearchHit } from '../messaging/messages';

export interface DeskSource {
  search(query: string): Promise<SearchHit[]>;
  ticks(sightingId: string): Promise<string[]>;
  setTick(sightingId: string, step: string, done: boolean): Promise<string[]>;
}

export interface Desk {
  /** The rep's follow-up window for the first reply, in hours (the setting). */
  followUpHours: number;
  offerNames: OfferNames;
  /** Absent where there is no memory to ask (the popup): checklists then keep their ticks on screen only. */
  source?: DeskSource;
}

export const DEFAULT_DESK: Desk = { followUpHours: FOLLOW_UP_DEFAULT_HOURS, offerNames: {} };
export const DeskContext = createContext<Desk>(DEFAULT_DESK);

export function useDesk(): Desk {
  return useContext(DeskContext);
}

export function deskSource(ask: Ask): DeskSource {
  return {
    search: async (query) => {
      const reply = await ask({ type: 'search', query });
      if ('error' in reply) throw new Error(reply.error);
      return reply.hits;
    },
    ticks: async (sightingId) => (await ask({ type: 'get-ticks', sightingId })).steps,
    setTick: async (sightingId, step, done) => {
      const reply = await ask({ type: 'set-tick', sightingId, step, done });
      if ('error' in reply) throw new Error(reply.error);
      return reply.steps;
    },
  };
}
