import { render } from 'preact';
import '../ui/styles.css';
import '../ui/fit.css';
import { applyLanguageSetting } from '../platform/browser';
import { canOpenSidePanel, openSidePanel } from '../platform/side-panel';
import { watchFollowUpHours, watchOfferNames } from '../platform/offer-names';
import { recentLookups } from '../platform/recent';
import { DeskProvider } from '../ui/DeskProvider';
import { Popup } from '../ui/Popup';

document.documentElement.style.width = '380px';
// The click on the popup's button is a user gesture, so the side panel may be opened from it directly.
const settings = await applyLanguageSetting();
render(
  <DeskProvider followUpHours={settings?.followUpHours} watchNames={watchOfferNames} watchHours={watchFollowUpHours}>
    <Popup openSidePanel={canOpenSidePanel() ? () => openSidePanel('this-window') : undefined} recent={recentLookups} />
  </DeskProvider>,
  document.getElementById('app')!,
);
