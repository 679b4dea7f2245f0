// Opening LeadLens's side panel. Chrome and Edge have chrome.sidePanel; Firefox shows the same page
// as a sidebar, opened through sidebarAction. Both only open inside a user gesture (a click, a menu
// item, Enter in the address bar), so callers must call this before they await anything.

/** Where to open the panel: a tab, a window, or the window of the page calling (the popup). */
export type PanelTarget = { tabId?: number; windowId?: number } | 'this-window';

interface FirefoxSidebar {
  open(): Promise<void>;
}

function firefoxSidebar(): FirefoxSidebar | undefined {
  return (globalThis as { browser?: { sidebarAction?: FirefoxSidebar } }).browser?.sidebarAction;
}

function chromeSidePanel(): typeof chrome.sidePanel | undefined {
  return (globalThis as { chrome?: typeof chrome }).chrome?.sidePanel;
}

/** True when this browser can open the panel at all. */
export function canOpenSidePanel(): boolean {
  return chromeSidePanel() !== undefined || firefoxSidebar() !== undefined;
}

/** Opens the side panel. Called synchronously from gesture handlers, so no await may precede it. */
export function openSidePanel(target: PanelTarget): Promise<void> {
  const panel = chromeSidePanel();
  if (!panel) {
    // Firefox: the sidebar belongs to the window the rep is in, whatever the target.
    const sidebar = firefoxSidebar();
    return sidebar ? sidebar.open() : Promise.reject(new Error('This browser has no side panel.'));
  }
  if (target === 'this-window') return chrome.windows.getCurrent().then((w) => panel.open({ windowId: w.id! }));
  if (target.tabId !== undefined) return panel.open({ tabId: target.tabId });
  if (target.windowId !== undefined) return panel.open({ windowId: target.windowId });
  return Promise.reject(new Error('No tab or window to open the side panel in.'));
}
