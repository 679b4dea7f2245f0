// The worker's unchanged-lead check and its reply order: a page that reports the same leads again is
// answered from the tab's view, also after storage.session handed the view back with sorted keys.
import { vi } from 'vitest';
import type { PageLead } from '../../../src/messaging/messages';
import type { IngestResult } from '../../../src/store/types';
import { fakeBrowser, sortedKeys } from '../fake-browser';
import { fakeMemory, newLead } from './fake-memory';

const fake = fakeBrowser();
vi.mock('../../../src/platform/browser', () => ({ browser: fake.browser, t: (k: string) => k, uiLang: () => 'en', send: vi.fn() }));

const memory = () => fakeMemory();

// Keys deliberately out of alphabetical order, as a content script builds them.
const lead = (key: string, email: string): PageLead => ({
  key,
  crm: 'dynamics',
  view: 'list',
  recordId: `r-${key}`,
  recordUrl: null,
  lead: {
    leadSource: { input: 'AppSource-PLT|contoso.crm', ok: true } as never,
    customer: { lastName: 'Zed', email, company: 'Contoso' },
    createdAt: '2026-11-20T10:00:00.000Z',
  },
});

describe('page leads in the service worker', () => {
  it('sees a lead as unchanged whatever order its keys come back in', async () => {
    const { sameLead } = await import('../../../src/background/page-leads');
    const a = lead('k1', 'a@contoso.com');
    expect(sameLead(sortedKeys(a), a)).toBe(true);
    expect(sameLead(sortedKeys(a), lead('k1', 'b@contoso.com'))).toBe(false);
  });

  it('does not ingest an unchanged report again after the worker restarted (the view read from storage.session)', async () => {
    const m = memory();
    const deps = { memory: async () => m, openSidePanel: async () => undefined, extensionOrigin: 'chrome-extension://test/' };
    const from = { tab: { id: 71 }, url: 'https://x.crm.dynamics.com/list' };
    const leads = [lead('a', 'a@contoso.com'), lead('b', 'b@contoso.com')];
    const first = await import('../../../src/background/router');
    await first.handleMessage({ type: 'page-leads', url: 'https://x/list', leads }, from, deps);
    expect(m.ingested).toHaveLength(2);
    await (await import('../../../src/background/tab-state')).readTab(71); // the view is written
    // A new worker: nothing cached in memory, the view comes back from storage.session with sorted keys.
    vi.resetModules();
    const restarted = await import('../../../src/background/router');
    const again = (await restarted.handleMessage({ type: 'page-leads', url: 'https://x/list', leads }, from, deps)) as {
      statuses: Record<string, IngestResult>;
    };
    expect(m.ingested).toHaveLength(2);
    expect(Object.keys(again.statuses).sort()).toEqual(['a', 'b']);
  });

  it('replies before the tab view is written, and the view follows', async () => {
    const m = memory();
    const deps = { memory: async () => m, openSidePanel: async () => undefined, extensionOrigin: 'chrome-extension://test/' };
    const { handleMessage } = await import('../../../src/background/router');
    const { readTab } = await import('../../../src/background/tab-state');
    let sets = 0;
    const set = fake.browser.storage.session.set;
    fake.browser.storage.session.set = async (items) => {
      sets++;
      return set(items);
    };
    try {
      const reply = (await handleMessage(
        { type: 'page-leads', url: 'https://x/2', leads: [lead('c', 'c@contoso.com')] },
        { tab: { id: 72 }, url: 'https://x.crm.dynamics.com/2' },
        deps,
      )) as {
        statuses: Record<string, IngestResult>;
      };
      expect(reply.statuses.c?.match.status).toBe('new');
      expect(sets).toBe(0);
      expect((await readTab(72))?.leads.map((l) => l.key)).toEqual(['c']);
      await vi.waitFor(() => expect(sets).toBe(1));
    } finally {
      fake.browser.storage.session.set = set;
    }
  });

  it('replies as soon as the memory knows the verdicts, before it has written them; a later failure reaches the view', async () => {
    let fail: (e: Error) => void = () => undefined;
    const m = fakeMemory({
      // Verdicts at once, the writes never done until the test fails them.
      ingest: (inputs, onVerdicts) => {
        const results = inputs.map((_, i) => newLead(i));
        onVerdicts?.(results);
        return new Promise((_, reject) => {
          fail = reject;
        });
      },
    });
    const deps = { memory: async () => m, openSidePanel: async () => undefined, extensionOrigin: 'chrome-extension://test/' };
    const { handleMessage } = await import('../../../src/background/router');
    const { readTab } = await import('../../../src/background/tab-state');
    const reply = (await handleMessage(
      { type: 'page-leads', url: 'https://x/3', leads: [lead('d', 'd@contoso.com')] },
      { tab: { id: 73 }, url: 'https://x.crm.dynamics.com/3' },
      deps,
    )) as { statuses: Record<string, IngestResult>; error?: string };
    expect(reply.statuses.d?.match.status).toBe('new');
    expect(reply.error).toBeUndefined();
    fail(new Error('disk full'));
    await vi.waitFor(async () => expect((await readTab(73))?.memoryError).toBe('disk full'));
  });
});
