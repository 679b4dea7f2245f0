// Gives a page's components the desk (desk.ts): the follow-up window from the settings, the offer
// names as the worker publishes them (kept current while the page is open), and the memory's desk source.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { OfferNames } from '../core/offer-names';
import { DEFAULT_DESK, DeskContext, type DeskSource } from './desk';

export function DeskProvider({
  followUpHours,
  watchNames,
  source,
  children,
}: {
  followUpHours?: number;
  watchNames?: (onChange: (names: OfferNames) => void) => () => void;
  source?: DeskSource;
  children: ComponentChildren;
}) {
  const [offerNames, setOfferNames] = useState<OfferNames>({});
  useEffect(() => watchNames?.(setOfferNames), [watchNames]);
  const desk = { followUpHours: followUpHours ?? DEFAULT_DESK.followUpHours, offerNames, source };
  return <DeskContext.Provider value={desk}>{children}</DeskContext.Provider>;
}
