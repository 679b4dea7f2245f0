import { render } from 'preact';
import '../ui/styles.css';
import { applyLanguageSetting } from '../platform/browser';
import type { TabLeads } from '../messaging/tab-view';
import { SidePanel, type SidePanelSource } from '../ui/SidePanel';

// The panel follows the active tab of its window. `?tab=<id>` pins it to one tab (used when the
// panel page is opened as an ordinary tab, e.g. by the browser tests).
const pinned = Number(new URLSearchParams(location.search).get('tab')) || null;

const source: SidePanelSource = {
  watch(onChange) {
    let tabId: number | null = pinned;
    const key = () => `tab:${tabId}`;
    const refresh = async () => {
      if (!pinned) {
        const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
        tabId = active?.id ?? null;
      }
      if (tabId === null) return onChange(null);
      const got = await chrome.storage.session.get(key());
      onChange((got[key()] as TabLeads | undefined) ?? null);
    };
    const onStorage = (changes: Record<string, chrome.storage.StorageChange>) => {
      if (key() in changes) onChange((changes[key()]!.newValue as TabLeads | undefined) ?? null);
    };
    const onActivated = () => void refresh();
    chrome.storage.session.onChanged.addListener(onStorage);
    if (!pinned) chrome.tabs.onActivated.addListener(onActivated);
    void refresh();
    return () => {
      chrome.storage.session.onChanged.removeListener(onStorage);
      chrome.tabs.onActivated.removeListener(onActivated);
    };
  },
};

await applyLanguageSetting();
render(<SidePanel source={source} />, document.getElementById('app')!);
