import { vi } from 'vitest';
import { fakeBrowser } from '../fake-browser';
import type { TabLeads } from '../../../src/messaging/tab-view';

const fake = fakeBrowser();
vi.mock('../../../src/platform/browser', () => ({ browser: fake.browser }));

const { watchActiveTab, watchTabLeads } = await import('../../../src/platform/tab-leads');
const { updateTab } = await import('../../../src/background/tab-state');

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const urls = (seen: Array<TabLeads | null>) => seen.map((s) => s?.url ?? null);

describe('watching a tab view', () => {
  it('gives the view the worker keeps for the tab, then every change to it, until stopped', async () => {
    await updateTab(4, (tab) => ({ ...tab, url: 'https://one' }));
    const seen: Array<TabLeads | null> = [];
    const stop = watchTabLeads(4, (s) => seen.push(s));
    await flush();
    await updateTab(5, (tab) => ({ ...tab, url: 'https://another-tab' }));
    await updateTab(4, (tab) => ({ ...tab, url: 'https://two' }));
    stop();
    await updateTab(4, (tab) => ({ ...tab, url: 'https://after-stop' }));
    await flush();
    expect(urls(seen)).toEqual(['https://one', 'https://two']);
  });

  it('says null for a tab the worker knows nothing about', async () => {
    const seen: Array<TabLeads | null> = [];
    watchTabLeads(99, (s) => seen.push(s))();
    const stop = watchTabLeads(98, (s) => seen.push(s));
    await flush();
    stop();
    expect(seen).toEqual([null]);
  });

  it('never lets its first read overwrite a change heard meanwhile', async () => {
    await updateTab(6, (tab) => ({ ...tab, url: 'https://old' }));
    const get = fake.browser.storage.session.get;
    let releaseRead = () => undefined as unknown;
    fake.browser.storage.session.get = (k) => new Promise((resolve) => (releaseRead = () => get(k).then(resolve)));
    const old = get('tab:6');
    const seen: Array<TabLeads | null> = [];
    const stop = watchTabLeads(6, (s) => seen.push(s));
    fake.browser.storage.session.get = get;
    await updateTab(6, (tab) => ({ ...tab, url: 'https://new' }));
    // The first read answers late, with what it saw before the change.
    fake.browser.storage.session.get = () => old;
    releaseRead();
    await flush();
    fake.browser.storage.session.get = get;
    stop();
    expect(urls(seen)).toEqual(['https://new']);
  });
});

describe('watching the active tab', () => {
  it('follows the rep from tab to tab until stopped', async () => {
    fake.browser.tabs.activeId = 3;
    const seen: Array<number | null> = [];
    const stop = watchActiveTab((id) => seen.push(id));
    await flush();
    fake.browser.tabs.activate(8);
    await flush();
    stop();
    fake.browser.tabs.activate(9);
    await flush();
    expect(seen).toEqual([3, 8]);
  });
});
