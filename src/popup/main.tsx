import { render } from 'preact';
import '../ui/styles.css';
import { applyLanguageSetting } from '../platform/browser';
import { Popup } from '../ui/Popup';

document.documentElement.style.width = '380px';
// The click is a user gesture, so the side panel may be opened from it directly.
// Firefox has no chrome.sidePanel; its sidebar opens through sidebarAction instead.
const firefoxSidebar = (globalThis as { browser?: { sidebarAction?: { open(): Promise<void> } } }).browser?.sidebarAction;
const openSidePanel = chrome.sidePanel
  ? () => chrome.windows.getCurrent().then((w) => chrome.sidePanel.open({ windowId: w.id! }))
  : firefoxSidebar
    ? () => firefoxSidebar.open()
    : undefined;
await applyLanguageSetting();
render(<Popup openSidePanel={openSidePanel} />, document.getElementById('app')!);
