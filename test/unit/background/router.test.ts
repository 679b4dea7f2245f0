// Over 300 lines on purpose: one spec per message type of the router table.
import { vi } from 'vitest';
import { fakeBrowser } from '../fake-browser';
import type { MemoryPort } from '../../../src/background/memory-port';
import type { IngestResult } from '../../../src/store/types';
import { DEFAULT_SETTINGS } from '../../../src/store/types';
import { fakeMemory as fakeMemoryBase, newLead } from './fake-memory';

const fake = fakeBrowser();
vi.mock('../../../src/platform/browser', () => ({ browser: fake.browser, t: (k: string) => k, uiLang: () => 'en', send: vi.fn() }));

const { handleMessage } = await import('../../../src/background/router');
const { applyDecision, readTab } = await import('../../../src/background/tab-state');

/** The first lead of each batch is new, the others duplicates by email. */
const firstNewRestDuplicate = (i: number): IngestResult =>
  i === 0 ? newLead(i) : { ...newLead(i), match: { ...newLead(i).match, status: 'duplicate', fields: ['email'], score: 20 } };
const fakeMemory = (overrides: Partial<MemoryPort> = {}) =>
  fakeMemoryBase({ stats: async () => ({ customers: 2, leads: 3 }), ...overrides }, firstNewRestDuplicate);

const pageLead = (key: string, input: string) => ({
  key,
  crm: 'dynamics',
  view: 'record',
  recordId: 'r1',
  recordUrl: 'https://x.crm.dynamics.com/main.aspx',
  lead: { leadSource: { input, ok: true, source: 'AppSource', action: 'PLT' }, customer: { email: 'a@b.com' } },
});

const extensionPage = { url: 'chrome-extension://test/src/options/index.html' };
const tab = { tab: { id: 3, windowId: 1 }, url: 'https://x.crm.dynamics.com/main.aspx' };
/** A content script's sender on a Dynamics page in tab `id`. */
const crmTab = (id: number) => ({ tab: { id }, url: 'https://x.crm.dynamics.com/main.aspx' });

describe('service-worker message router', () => {
  it('refuses malformed messages without touching the store', async () => {
    const memory = fakeMemory();
    const deps = { memory: async () => memory, openSidePanel: async () => undefined, extensionOrigin: 'chrome-extension://test/' };
    for (const bad of [
      null,
      'x',
      { type: 'nope' },
      { type: 'page-leads', url: 1, leads: [] },
      { type: 'page-leads', url: 'u', leads: [{ key: 5 }] },
    ]) {
      expect(await handleMessage(bad, tab, deps)).toHaveProperty('error');
    }
    expect(memory.ingested).toHaveLength(0);
  });

  it('takes privileged requests only from LeadLens pages, never from a content script', async () => {
    const forgetAll = vi.fn(async () => undefined);
    const deps = {
      memory: async () => fakeMemory({ forgetAll }),
      openSidePanel: async () => undefined,
      extensionOrigin: 'chrome-extension://test/',
    };
    expect(await handleMessage({ type: 'forget-all' }, tab, deps)).toHaveProperty('error');
    expect(await handleMessage({ type: 'export', format: 'json' }, { url: 'https://evil.example/' }, deps)).toHaveProperty('error');
    expect(forgetAll).not.toHaveBeenCalled();
    expect(await handleMessage({ type: 'forget-all' }, extensionPage, deps)).toEqual({ ok: true });
    // The side panel or options page opened in a tab of its own is still a LeadLens page.
    expect(await handleMessage({ type: 'forget-all' }, { ...extensionPage, tab: { id: 12 } }, deps)).toEqual({ ok: true });
  });

  it('decodes page leads again instead of trusting the page, stores them and answers per key', async () => {
    const memory = fakeMemory();
    const deps = { memory: async () => memory, openSidePanel: async () => undefined, extensionOrigin: 'chrome-extension://test/' };
    const forged = pageLead('k1', 'AzurePortal-Create|contoso.vm'); // claims AppSource/PLT, text says otherwise
    const reply = (await handleMessage(
      { type: 'page-leads', url: 'https://x/1', leads: [forged, pageLead('k2', 'AppSource-PLT|a.b')] },
      tab,
      deps,
    )) as { statuses: Record<string, IngestResult> };
    expect(memory.ingested[0]?.lead.leadSource).toMatchObject({ source: 'AzurePortal', action: 'Create' });
    expect(reply.statuses.k2?.match.status).toBe('duplicate');
    const state = await readTab(3);
    expect(state?.leads.map((l) => [l.key, l.duplicate])).toEqual([
      ['k1', 'new'],
      ['k2', 'duplicate'],
    ]);
  });

  it('does not store the same leads again when a page reports them again; a changed lead is stored', async () => {
    const memory = fakeMemory();
    const deps = { memory: async () => memory, openSidePanel: async () => undefined, extensionOrigin: 'chrome-extension://test/' };
    const from = crmTab(21);
    const leads = [pageLead('a', 'AppSource-PLT|x.y'), pageLead('b', 'AzurePortal-Create|x.z')];
    await handleMessage({ type: 'page-leads', url: 'https://x/list', leads }, from, deps);
    expect(memory.ingested).toHaveLength(2);
    const again = (await handleMessage({ type: 'page-leads', url: 'https://x/list', leads }, from, deps)) as {
      statuses: Record<string, IngestResult>;
    };
    expect(memory.ingested).toHaveLength(2);
    expect(again.statuses.b?.match.status).toBe('duplicate'); // the verdict is kept
    const edited = [leads[0]!, { ...leads[1]!, lead: { ...leads[1]!.lead, customer: { email: 'new@b.com' } } }];
    await handleMessage({ type: 'page-leads', url: 'https://x/list', leads: edited }, from, deps);
    expect(memory.ingested).toHaveLength(3);
    expect(memory.ingested[2]?.lead.customer.email).toBe('new@b.com');
    // Forgetting everything clears the cached verdicts, so the next report stores the leads afresh.
    await handleMessage({ type: 'forget-all' }, extensionPage, deps);
    expect((await readTab(21))?.leads.every((l) => l.result === null && l.duplicate === 'new')).toBe(true);
    await handleMessage({ type: 'page-leads', url: 'https://x/list', leads: edited }, from, deps);
    expect(memory.ingested).toHaveLength(5);
  });

  it('keeps a decision the rep makes while the same page is being reported again', async () => {
    const possible: IngestResult = {
      sightingId: 'sp',
      customerId: 'mine',
      stageAdvanced: false,
      seenBefore: false,
      match: { status: 'possible', fields: ['name'], score: 8, matchedSightingId: 's1', candidateCustomerId: 'earlier', decision: null },
    };
    const memory = fakeMemory({ ingest: async (inputs) => inputs.map(() => possible) });
    let meanwhile: (() => Promise<unknown>) | null = null;
    const deps = {
      memory: async () => {
        const run = meanwhile;
        meanwhile = null;
        if (run) await run(); // the rep clicks "Same customer" while this report waits for the store
        return memory;
      },
      openSidePanel: async () => undefined,
      extensionOrigin: 'chrome-extension://test/',
    };
    const from = crmTab(41);
    const leads = [pageLead('p', 'AzureMarketplace-INS|x.y')];
    await handleMessage({ type: 'page-leads', url: 'https://x/rec', leads }, from, deps);
    expect((await readTab(41))?.leads[0]?.duplicate).toBe('possible');
    meanwhile = () => handleMessage({ type: 'decide-match', sightingId: 'sp', decision: 'confirmed' }, extensionPage, deps);
    const reply = (await handleMessage({ type: 'page-leads', url: 'https://x/rec', leads }, from, deps)) as {
      statuses: Record<string, IngestResult>;
    };
    const after = (await readTab(41))?.leads[0];
    expect([after?.duplicate, after?.result?.customerId, after?.result?.match.decision]).toEqual(['duplicate', 'earlier', 'confirmed']);
    expect(reply.statuses.p?.match.status).toBe('duplicate'); // the badge gets the decision too
  });

  it('gives a content script the badge strings of the language chosen in the options', async () => {
    const ru = { badgeDuplicate: 'Дубль', panelTitle: 'Лиды на этой странице' };
    const deps = (lang: 'auto' | 'ru') => ({
      memory: async () => fakeMemory({ getSettings: async () => ({ ...DEFAULT_SETTINGS, lang }) }),
      openSidePanel: async () => undefined,
      extensionOrigin: 'chrome-extension://test/',
      localeMessages: async () => ru,
    });
    expect(await handleMessage({ type: 'get-locale' }, tab, deps('ru'))).toEqual({ lang: 'ru', messages: { badgeDuplicate: 'Дубль' } });
    expect(await handleMessage({ type: 'get-locale' }, tab, deps('auto'))).toEqual({ lang: null, messages: null });
  });

  it('purges at once when the retention is changed, and at most daily while leads come in', async () => {
    const purge = vi.fn(async () => 0);
    fake.session.delete('leadlens:lastPurge'); // earlier tests in this file already purged at the real time
    let clock = new Date('2026-11-25T10:00:00Z');
    const deps = {
      memory: async () => fakeMemory({ purge }),
      openSidePanel: async () => undefined,
      extensionOrigin: 'chrome-extension://test/',
      now: () => clock,
    };
    await handleMessage({ type: 'set-settings', settings: { lang: 'ru' } }, extensionPage, deps);
    expect(purge).not.toHaveBeenCalled();
    await handleMessage({ type: 'set-settings', settings: { retentionDays: 30 } }, extensionPage, deps);
    expect(purge).toHaveBeenCalledTimes(1);
    const report = (n: number) =>
      handleMessage({ type: 'page-leads', url: `https://x/p${n}`, leads: [pageLead(`p${n}`, 'AppSource-PLT|a.b')] }, crmTab(30), deps);
    await report(1);
    await vi.waitFor(() => expect(purge).toHaveBeenCalledTimes(2));
    await report(2);
    clock = new Date('2026-11-25T20:00:00Z');
    await report(3);
    await new Promise((r) => setTimeout(r, 10));
    expect(purge).toHaveBeenCalledTimes(2); // same day: no second purge
    clock = new Date('2026-11-26T11:00:00Z');
    await report(4);
    await vi.waitFor(() => expect(purge).toHaveBeenCalledTimes(3));
  });

  it('keeps Partner Center test leads out of the customer memory', async () => {
    const memory = fakeMemory();
    const deps = { memory: async () => memory, openSidePanel: async () => undefined, extensionOrigin: 'chrome-extension://test/' };
    const test = pageLead('t1', 'MSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|Contoso Test');
    const reply = (await handleMessage({ type: 'page-leads', url: 'https://x/t', leads: [test] }, crmTab(6), deps)) as {
      statuses: Record<string, unknown>;
    };
    expect(memory.ingested).toHaveLength(0);
    expect(reply.statuses.t1).toBeUndefined();
    expect((await readTab(6))?.leads[0]?.duplicate).toBe('new');
  });

  it('keeps the page listed with "new" verdicts when the store fails, and says why', async () => {
    const deps = {
      memory: async () => fakeMemory({ ingest: () => Promise.reject(new Error('QuotaExceededError: disk full')) }),
      openSidePanel: async () => undefined,
      extensionOrigin: 'chrome-extension://test/',
    };
    const reply = (await handleMessage(
      { type: 'page-leads', url: 'https://x/2', leads: [pageLead('k9', 'AppSource-PLT|a.b')] },
      crmTab(4),
      deps,
    )) as { error?: string };
    expect(reply.error).toMatch(/disk full/);
    expect((await readTab(4))?.leads[0]?.duplicate).toBe('new');
    expect((await readTab(4))?.memoryError).toMatch(/disk full/);
  });

  it('tells the rep about stored records the memory had to skip', async () => {
    const problem = Object.assign(new Error('A stored customer record could not be read and was skipped.'), { code: 'corrupt' });
    const deps = {
      memory: async () => fakeMemory({ takeProblems: () => [problem as never] }),
      openSidePanel: async () => undefined,
      extensionOrigin: 'chrome-extension://test/',
    };
    await handleMessage({ type: 'page-leads', url: 'https://x/3', leads: [pageLead('k5', 'AppSource-PLT|a.b')] }, crmTab(5), deps);
    expect((await readTab(5))?.memoryError).toMatch(/could not be read/);
  });

  it('opens the side panel for a badge click before recording the focus', async () => {
    const order: string[] = [];
    const deps = {
      memory: async () => fakeMemory(),
      openSidePanel: async () => {
        order.push('open');
      },
      extensionOrigin: 'chrome-extension://test/',
    };
    const pending = handleMessage({ type: 'focus-lead', key: 'k1' }, tab, deps);
    expect(order).toEqual(['open']);
    await pending;
    expect((await readTab(3))?.focusKey).toBe('k1');
  });

  it('reports an import failure with its line', async () => {
    const err = Object.assign(new Error('bad date in column CreatedTime'), { line: 4 });
    const deps = {
      memory: async () => fakeMemory({ importCsv: () => Promise.reject(err) }),
      openSidePanel: async () => undefined,
      extensionOrigin: 'chrome-extension://test/',
    };
    expect(await handleMessage({ type: 'import', format: 'csv', text: 'x' }, extensionPage, deps)).toMatchObject({
      error: 'bad date in column CreatedTime',
      line: 4,
    });
  });
});

describe('a decision on a possible duplicate', () => {
  const possible = {
    key: 'k',
    crm: 'dynamics' as const,
    view: 'record' as const,
    recordId: 'r',
    recordUrl: null,
    firstSeen: '',
    duplicate: 'possible' as const,
    lead: { leadSource: null, customer: {} },
    result: {
      sightingId: 's9',
      customerId: 'mine',
      stageAdvanced: false,
      seenBefore: false,
      match: {
        status: 'possible' as const,
        fields: ['name' as const],
        score: 8,
        matchedSightingId: 's1',
        candidateCustomerId: 'earlier',
        decision: null,
      },
    },
  };
  const tab = { tabId: 1, url: '', updatedAt: '', leads: [possible], selections: [], focusKey: null };

  it('moves a confirmed lead to the earlier customer', () => {
    const lead = applyDecision(tab, 's9', 'confirmed').leads[0]!;
    expect([lead.duplicate, lead.result?.customerId, lead.result?.match.decision]).toEqual(['duplicate', 'earlier', 'confirmed']);
  });

  it('keeps a rejected lead as its own customer', () => {
    const lead = applyDecision(tab, 's9', 'rejected').leads[0]!;
    expect([lead.duplicate, lead.result?.customerId, lead.result?.match.decision]).toEqual(['new', 'mine', 'rejected']);
  });

  it('leaves other leads alone', () => {
    expect(applyDecision(tab, 'other', 'confirmed')).toEqual(tab);
  });
});
