import { vi } from 'vitest';
import { fakeBrowser } from '../fake-browser';

const fake = fakeBrowser();
vi.mock('../../../src/platform/browser', () => ({ browser: fake.browser, t: (k: string) => k, uiLang: () => 'en', send: vi.fn() }));

const { handleMenuClick, MENU_ID } = await import('../../../src/background/menu');
const { readTab } = await import('../../../src/background/tab-state');

describe('context menu "Decode LeadSource"', () => {
  it('opens the side panel before it awaits anything, so the click still counts as a user gesture', async () => {
    const order: string[] = [];
    const get = fake.browser.storage.session.get;
    fake.browser.storage.session.get = async (k) => {
      order.push('storage');
      return get(k);
    };
    const openSidePanel = vi.fn(async () => {
      order.push('open');
    });
    const done = handleMenuClick(
      { menuItemId: MENU_ID, selectionText: 'AzureMarketplace-INS|contoso.crm-connector' },
      { id: 7, windowId: 1 },
      { openSidePanel },
    );
    // Called synchronously, inside the handler's own turn.
    expect(openSidePanel).toHaveBeenCalledWith({ tabId: 7 });
    expect(order[0]).toBe('open');
    await done;
    fake.browser.storage.session.get = get;
  });

  it('files the decoded selection under the tab for the side panel', async () => {
    await handleMenuClick(
      { menuItemId: MENU_ID, selectionText: 'see SPZA-PLT|contoso.crm-connector and AzurePortal-Create|contoso.vm' },
      { id: 8 },
      { openSidePanel: async () => undefined },
    );
    const tab = await readTab(8);
    expect(tab?.selections[0]?.decoded.map((d) => [d.source, d.action])).toEqual([
      ['AppSource', 'PLT'],
      ['AzurePortal', 'Create'],
    ]);
  });

  it('still files the selection when the panel refuses to open', async () => {
    await handleMenuClick(
      { menuItemId: MENU_ID, selectionText: 'AzureMarketplace-StartTestDrive|x.y' },
      { id: 9 },
      { openSidePanel: () => Promise.reject(new Error('no gesture')) },
    );
    expect((await readTab(9))?.selections).toHaveLength(1);
  });

  it('ignores clicks on other menu items', async () => {
    const openSidePanel = vi.fn(async () => undefined);
    await handleMenuClick({ menuItemId: 'other', selectionText: 'x' }, { id: 10 }, { openSidePanel });
    expect(openSidePanel).not.toHaveBeenCalled();
  });

  it('explains why a selection holding no LeadSource is not one', async () => {
    await handleMenuClick({ menuItemId: MENU_ID, selectionText: 'Web' }, { id: 11 }, { openSidePanel: async () => undefined });
    const [only, ...more] = (await readTab(11))?.selections[0]?.decoded ?? [];
    expect(more).toHaveLength(0);
    expect(only?.ok).toBe(false);
    expect(only?.reason).toBeTruthy();
  });
});
