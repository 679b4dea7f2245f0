// The offer dictionary as the content scripts and pages read it: a `publisher.offer` → name map that
// the service worker mirrors into storage.local whenever the dictionary changes (the store itself,
// IndexedDB in the extension origin, is the worker's alone).
import type { OfferNames } from '../core/offer-names';
import { browser } from './browser';

export const OFFER_NAMES_KEY = 'offerNames';

function namesIn(value: unknown): OfferNames {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => typeof k === 'string' && typeof v === 'string'));
}

/** Calls `onChange` with the names now, and again whenever the worker republishes them; returns an unsubscribe. */
export function watchOfferNames(onChange: (names: OfferNames) => void): () => void {
  let live = true;
  void browser.storage.local.get(OFFER_NAMES_KEY).then(
    (got) => live && onChange(namesIn(got[OFFER_NAMES_KEY])),
    () => undefined,
  );
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[OFFER_NAMES_KEY]) onChange(namesIn(changes[OFFER_NAMES_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(listener);
  };
}
