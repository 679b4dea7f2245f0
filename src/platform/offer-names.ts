// What the service worker mirrors into storage.local for LeadLens's pages, read and kept current here: the
// offer dictionary's names (a `publisher.offer` → name map, rewritten whenever the dictionary changes) and the
// rep's follow-up window (rewritten when the settings change). The store itself, IndexedDB in the extension
// origin, is the worker's alone. The content script reads the same keys through platform/content.
import { FOLLOW_UP_KEY, followUpHoursIn } from '../core/follow-up';
import { OFFER_NAMES_KEY, type OfferNames, offerNamesIn } from '../core/offer-names';
import { browser } from './browser';

export { OFFER_NAMES_KEY };

/** Calls `onChange` with the key's value now, and again whenever the worker rewrites it; returns an unsubscribe. */
function watchMirrored<T>(key: string, read: (value: unknown) => T, onChange: (value: T) => void): () => void {
  let live = true;
  // A change that arrives before the first read answers is newer than what that read returns.
  let changed = false;
  void browser.storage.local.get(key).then(
    (got) => live && !changed && onChange(read(got[key])),
    () => undefined,
  );
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !changes[key]) return;
    changed = true;
    onChange(read(changes[key].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(listener);
  };
}

/** The offer names now and as the worker republishes them. */
export function watchOfferNames(onChange: (names: OfferNames) => void): () => void {
  return watchMirrored(OFFER_NAMES_KEY, offerNamesIn, onChange);
}

/** The follow-up window now and whenever the options change it (undefined: not mirrored yet). */
export function watchFollowUpHours(onChange: (hours: number | undefined) => void): () => void {
  return watchMirrored(FOLLOW_UP_KEY, followUpHoursIn, onChange);
}

/** The dictionary's offer ids as last published (none when nothing is there or it cannot be read). */
export async function offerNameKeys(): Promise<string[]> {
  const got = await browser.storage.local.get(OFFER_NAMES_KEY);
  return Object.keys(offerNamesIn(got[OFFER_NAMES_KEY]));
}
