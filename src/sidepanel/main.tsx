import { render } from 'preact';
import '../ui/styles.css';
import { applyLanguageSetting, send } from '../platform/browser';
import { watchActiveTab, watchTabLeads } from '../platform/tab-leads';
import { SidePanel, type SidePanelSource } from '../ui/SidePanel';
import { customerSource } from '../ui/sources';

// The panel follows the active tab of its window. `?tab=<id>` pins it to one tab (used when the
// panel page is opened as an ordinary tab, e.g. by the browser tests).
const pinned = Number(new URLSearchParams(location.search).get('tab')) || null;

const source: SidePanelSource = {
  customers: customerSource(send),
  watch(onChange) {
    if (pinned) return watchTabLeads(pinned, onChange);
    let stopTab: () => void = () => undefined;
    const stopActive = watchActiveTab((tabId) => {
      stopTab();
      if (tabId === null) {
        stopTab = () => undefined;
        onChange(null);
      } else stopTab = watchTabLeads(tabId, onChange);
    });
    return () => {
      stopActive();
      stopTab();
    };
  },
};

await applyLanguageSetting();
render(<SidePanel source={source} />, document.getElementById('app')!);
