// Content script entry (manifest.json, and the standalone build registered for CRM addresses the rep adds):
// badges LeadSource values on CRM pages and reports them.
import { FOLLOW_UP_KEY, followUpHoursIn } from '../core/follow-up';
import { OFFER_NAMES_KEY, offerNamesIn } from '../core/offer-names';
import type { Lang } from '../core/types';
import { isFirefox, send, t, uiLang, watchLocal } from '../platform/content';
import { setFollowUpHours } from './card';
import { startLens } from './lens';
import { hasOfferNames, setOfferNames } from './offer-names';

function main(): void {
  // The first look starts at once, in the browser's language. The rep may have chosen the other one in the
  // options: the service worker sends its badge strings, and the badges are repainted when they arrive (a
  // cold worker takes a few hundred milliseconds to answer; no badge waits for it).
  let lang: Lang = uiLang();
  let chosen: Record<string, string> | null = null;
  // Firefox opens its sidebar only from a shortcut or its own UI, never from a click relayed by a page:
  // there the card names the shortcut instead of promising that a click opens LeadLens.
  const wording = (key: string) => (key === 'badgeOpen' && isFirefox() ? 'badgeOpenFirefox' : key);
  const lens = startLens({ win: window, send, lang: () => lang, t: (key) => chosen?.[wording(key)] ?? t(wording(key)) });
  void lens.scan();
  send({ type: 'get-locale' })
    .then((locale) => {
      if (!locale?.lang || !locale.messages || locale.lang === lang) return;
      lang = locale.lang;
      chosen = locale.messages;
      lens.repaint();
    })
    .catch(() => undefined); // keep the browser's language
  // The offer dictionary's names, as the worker mirrors them into storage.local. They usually arrive after
  // the first badges: those are repainted then (no badge waits for them), and again whenever the dictionary
  // changes. A page that never gets any keeps the offer ids alone and is not repainted for nothing.
  try {
    watchLocal(OFFER_NAMES_KEY, (value) => {
      const names = offerNamesIn(value);
      if (!hasOfferNames() && Object.keys(names).length === 0) return;
      setOfferNames(names);
      lens.repaint();
    });
    // The follow-up window words and dates the card's first step; cards are built when opened, so no repaint.
    watchLocal(FOLLOW_UP_KEY, (value) => setFollowUpHours(followUpHoursIn(value)));
  } catch {
    // no storage API here: ids alone, and the playbook's own 24 hours
  }
}

main();
