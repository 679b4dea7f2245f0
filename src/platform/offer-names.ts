// The offer dictionary as LeadLens's pages read it: a `publisher.offer` → name map that the service
// worker mirrors into storage.local whenever the dictionary changes (the store itself, IndexedDB in the
// extension origin, is the worker's alone). The content script reads the same key through platform/content.
import { OFFER_NAMES_KEY, type OfferNames, offerNamesIn } from '../core/offer-names';
import { browser } from './browser';

export { OFFER_NAMES_KEY };

/** Calls `onChange` with the names now, and again whenever the worker republishes them; returns an unsubscribe. */
export function watchOfferNames(onChange: (names: OfferNames) => void): () => void {
  let live = true;
  void browser.storage.local.get(OFFER_NAMES_KEY).then(
    (got) => live && onChange(offerNamesIn(got[OFFER_NAMES_KEY])),
    () => undefined,
  );
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[OFFER_NAMES_KEY]) onChange(offerNamesIn(changes[OFFER_NAMES_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(listener);
  };
}
