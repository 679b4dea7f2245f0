import { render } from 'preact';
import '../ui/styles.css';
import '../ui/fit.css';
import { applyLanguageSetting, send } from '../platform/browser';
import { watchFollowUpHours, watchOfferNames } from '../platform/offer-names';
import { watchActiveTab, watchTabLeads } from '../platform/tab-leads';
import { watchTeamView } from '../platform/team-leads';
import { deskSource } from '../ui/desk';
import { DeskProvider } from '../ui/DeskProvider';
import { SidePanel, type SidePanelSource } from '../ui/SidePanel';
import { customerSource } from '../ui/sources';

// The panel follows the active tab of its window. `?tab=<id>` pins it to one tab (used when the
// panel page is opened as an ordinary tab, e.g. by the browser tests).
const pinned = Number(new URLSearchParams(location.search).get('tab')) || null;

/** Follows one tab's view (the pinned one, else the active tab), through `watchOne`. */
function followTab<V>(
  watchOne: (tabId: number, onChange: (v: V | null) => void) => () => void,
  onChange: (v: V | null) => void,
): () => void {
  if (pinned) return watchOne(pinned, onChange);
  let stopTab: () => void = () => undefined;
  const stopActive = watchActiveTab((tabId) => {
    stopTab();
    if (tabId === null) {
      stopTab = () => undefined;
      onChange(null);
    } else stopTab = watchOne(tabId, onChange);
  });
  return () => {
    stopActive();
    stopTab();
  };
}

const source: SidePanelSource = {
  customers: customerSource(send),
  team: (onChange) => followTab(watchTeamView, onChange),
  watch: (onChange) => followTab(watchTabLeads, onChange),
};

const settings = await applyLanguageSetting();
render(
  <DeskProvider
    followUpHours={settings?.followUpHours}
    watchNames={watchOfferNames}
    watchHours={watchFollowUpHours}
    source={deskSource(send)}
  >
    <SidePanel source={source} />
  </DeskProvider>,
  document.getElementById('app')!,
);
