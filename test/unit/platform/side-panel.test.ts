import { vi } from 'vitest';
import { canOpenSidePanel, openSidePanel } from '../../../src/platform/side-panel';

const g = globalThis as { chrome?: unknown; browser?: unknown };

afterEach(() => {
  delete g.chrome;
  delete g.browser;
});

describe('opening the side panel', () => {
  it('in Chrome and Edge opens chrome.sidePanel on the tab, the window, or the calling page’s window', async () => {
    const open = vi.fn(async () => undefined);
    g.chrome = { sidePanel: { open }, windows: { getCurrent: async () => ({ id: 12 }) } };
    expect(canOpenSidePanel()).toBe(true);
    await openSidePanel({ tabId: 7, windowId: 1 });
    await openSidePanel({ windowId: 2 });
    await openSidePanel('this-window');
    expect(open.mock.calls).toEqual([[{ tabId: 7 }], [{ windowId: 2 }], [{ windowId: 12 }]]);
    await expect(openSidePanel({})).rejects.toThrow('No tab or window');
  });

  it('opens the tab’s panel synchronously, inside the gesture', () => {
    const open = vi.fn(async () => undefined);
    g.chrome = { sidePanel: { open } };
    void openSidePanel({ tabId: 3 });
    expect(open).toHaveBeenCalledWith({ tabId: 3 });
  });

  it('in Firefox opens the sidebar instead, whatever the target', async () => {
    const sidebar = vi.fn(async () => undefined);
    g.chrome = {};
    g.browser = { sidebarAction: { open: sidebar } };
    expect(canOpenSidePanel()).toBe(true);
    await openSidePanel({ tabId: 7 });
    await openSidePanel('this-window');
    expect(sidebar).toHaveBeenCalledTimes(2);
  });

  it('says so where there is no panel at all', async () => {
    expect(canOpenSidePanel()).toBe(false);
    await expect(openSidePanel({ tabId: 1 })).rejects.toThrow('no side panel');
  });
});
