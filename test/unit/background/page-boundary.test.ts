// The page boundary at the service worker: content-script messages count only from a tab whose URL, as the
// browser reports it in sender.url, is a CRM host (built in or added by the rep); the URL inside the message is
// not believed, and record links survive only as https on the reporting page's own host.
import { vi } from 'vitest';
import { fakeBrowser } from '../fake-browser';
import { fakeMemory } from './fake-memory';

const fake = fakeBrowser();
vi.mock('../../../src/platform/browser', () => ({ browser: fake.browser, t: (k: string) => k, uiLang: () => 'en', send: vi.fn() }));

const { handleMessage } = await import('../../../src/background/router');
const { readTab } = await import('../../../src/background/tab-state');

const memory = () => fakeMemory();

const lead = (key: string, recordUrl: string | null) => ({
  key,
  crm: 'dynamics',
  view: 'list',
  recordId: key,
  recordUrl,
  lead: { leadSource: { input: 'AppSource-PLT|a.b' }, customer: { email: 'victim@contoso.com' } },
});

function setup(addresses: string[] = []) {
  const m = memory();
  const opened: unknown[] = [];
  const deps = {
    memory: async () => m,
    openSidePanel: async (t: unknown) => {
      opened.push(t);
    },
    extensionOrigin: 'chrome-extension://test/',
    crmAddresses: async () => addresses,
  };
  return { m, opened, deps };
}

const report = (url: string, leads = [lead('r1', null)]) => ({ type: 'page-leads', url, leads });

describe('which pages may report leads', () => {
  it.each([
    ['a commerce page under dynamics.com', 'https://contoso-shop.commerce.dynamics.com/x?pagetype=entitylist&etn=lead'],
    ['the Dynamics marketing site', 'https://dynamics.microsoft.com/en-us/'],
    ['a look-alike host', 'https://org.crm4.dynamics.com.evil.example/main.aspx'],
    ['plain http on a CRM host', 'http://org.crm4.dynamics.com/main.aspx'],
    ['credentials in the URL', 'https://a:b@org.crm4.dynamics.com/main.aspx'],
    ['a company host the rep did not add', 'https://crm.fabrikam.example/main.aspx'],
  ])('refuses page-leads and focus-lead from %s, whatever the message says', async (_why, senderUrl) => {
    const { m, opened, deps } = setup();
    const sender = { tab: { id: 70 }, url: senderUrl };
    const forged = report('https://org.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=lead');
    expect(await handleMessage(forged, sender, deps)).toEqual({ error: '"page-leads" is only accepted from CRM pages.' });
    expect(await handleMessage({ type: 'focus-lead', key: 'r1' }, sender, deps)).toHaveProperty('error');
    expect(m.ingested).toHaveLength(0);
    expect(opened).toHaveLength(0);
    expect(await readTab(70)).toBeNull();
  });

  it('refuses a report without a sender URL or tab', async () => {
    const { m, deps } = setup();
    expect(await handleMessage(report('https://org.crm4.dynamics.com/'), { tab: { id: 71 } }, deps)).toHaveProperty('error');
    expect(await handleMessage(report('https://org.crm4.dynamics.com/'), { url: 'https://org.crm4.dynamics.com/' }, deps)).toHaveProperty(
      'error',
    );
    expect(m.ingested).toHaveLength(0);
  });

  it('takes a CRM address the rep added, and stops as soon as it is removed', async () => {
    const addresses = ['crm.fabrikam.example'];
    const { m, deps } = setup(addresses);
    const sender = { tab: { id: 72 }, url: 'https://crm.fabrikam.example/main.aspx' };
    expect(await handleMessage(report(sender.url), sender, deps)).toHaveProperty('statuses');
    expect(m.ingested).toHaveLength(1);
    addresses.length = 0;
    expect(await handleMessage(report(sender.url, [lead('r2', null)]), sender, deps)).toHaveProperty('error');
    expect(m.ingested).toHaveLength(1);
  });

  it('uses the sender URL for the tab, not the one in the message', async () => {
    const { deps } = setup();
    const sender = { tab: { id: 73 }, url: 'https://org.crm4.dynamics.com/main.aspx?etn=lead' };
    await handleMessage(report('https://evil.example/phish'), sender, deps);
    expect((await readTab(73))?.url).toBe(sender.url);
    // A single-page app that moved on within the same origin keeps its newer address.
    await handleMessage(report('https://org.crm4.dynamics.com/main.aspx?etn=lead&id=2'), sender, deps);
    expect((await readTab(73))?.url).toBe('https://org.crm4.dynamics.com/main.aspx?etn=lead&id=2');
  });
});

describe('record links from a page', () => {
  it('keeps https links on the reporting host and drops everything else before storing', async () => {
    const { m, deps } = setup();
    const sender = { tab: { id: 74 }, url: 'https://org.crm4.dynamics.com/main.aspx' };
    const leads = [
      lead('same', 'https://org.crm4.dynamics.com/main.aspx?id=1'),
      lead('js', 'javascript:alert(1)'),
      lead('other', 'https://evil.example/sign-in'),
      lead('http', 'http://org.crm4.dynamics.com/main.aspx?id=1'),
      lead('sibling', 'https://other.crm4.dynamics.com/main.aspx?id=1'),
    ];
    await handleMessage(report(sender.url, leads), sender, deps);
    expect(m.ingested.map((s) => s.recordUrl)).toEqual(['https://org.crm4.dynamics.com/main.aspx?id=1', null, null, null, null]);
    expect((await readTab(74))?.leads.map((l) => l.recordUrl)).toEqual([
      'https://org.crm4.dynamics.com/main.aspx?id=1',
      null,
      null,
      null,
      null,
    ]);
  });
});
