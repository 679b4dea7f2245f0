// Gives a page's components the desk (desk.ts): the follow-up window from the settings, the offer
// names as the worker publishes them, and the memory's desk source. The window and the names are kept
// current while the page is open (a change saved in the options shows in an open side panel at once).
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { OfferNames } from '../core/offer-names';
import { DEFAULT_DESK, DeskContext, type DeskSource } from './desk';

export function DeskProvider({
  followUpHours,
  watchNames,
  watchHours,
  source,
  children,
}: {
  followUpHours?: number;
  watchNames?: (onChange: (names: OfferNames) => void) => () => void;
  watchHours?: (onChange: (hours: number | undefined) => void) => () => void;
  source?: DeskSource;
  children: ComponentChildren;
}) {
  const [offerNames, setOfferNames] = useState<OfferNames>({});
  useEffect(() => watchNames?.(setOfferNames), [watchNames]);
  // The mirrored window, once read, wins over the settings the page was opened with.
  const [watchedHours, setWatchedHours] = useState<number | undefined>(undefined);
  useEffect(() => watchHours?.(setWatchedHours), [watchHours]);
  const desk = { followUpHours: watchedHours ?? followUpHours ?? DEFAULT_DESK.followUpHours, offerNames, source };
  return <DeskContext.Provider value={desk}>{children}</DeskContext.Provider>;
}
