import { render } from 'preact';
import '../ui/styles.css';
import '../ui/fit.css';
import type { DecodedLeadSource } from '../core/types';
import { completeOffers } from '../messaging/complete-offers';
import { applyLanguageSetting, send } from '../platform/browser';
import { canOpenSidePanel, openSidePanel } from '../platform/side-panel';
import { offerNameKeys, watchFollowUpHours, watchOfferNames } from '../platform/offer-names';
import { recentLookups } from '../platform/recent';
import { DeskProvider } from '../ui/DeskProvider';
import { Popup } from '../ui/Popup';

document.documentElement.style.width = '380px';
// The click on the popup's button is a user gesture, so the side panel may be opened from it directly.
const settings = await applyLanguageSetting();
/** A pasted value whose offer id may be cut is completed from the dictionary and the worker's ids (short timeout). */
const complete = (decoded: DecodedLeadSource[]) => completeOffers(decoded, { dictionary: offerNameKeys, ask: send });
render(
  <DeskProvider followUpHours={settings?.followUpHours} watchNames={watchOfferNames} watchHours={watchFollowUpHours}>
    <Popup openSidePanel={canOpenSidePanel() ? () => openSidePanel('this-window') : undefined} recent={recentLookups} complete={complete} />
  </DeskProvider>,
  document.getElementById('app')!,
);
