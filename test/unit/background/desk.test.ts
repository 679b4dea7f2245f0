// The desk's messages in the worker: search, ticks and the offer dictionary, which a page's leads teach
// and which is published to storage.local for content scripts and pages.
import { vi } from 'vitest';
import { fakeBrowser } from '../fake-browser';
import type { DeskMemory } from '../../../src/background/desk';
import type { MemoryPort } from '../../../src/background/memory-port';
import { DEFAULT_SETTINGS } from '../../../src/store/types';

const fake = fakeBrowser();
vi.mock('../../../src/platform/browser', () => ({ browser: fake.browser, t: (k: string) => k, uiLang: () => 'en', send: vi.fn() }));
const { handleMessage } = await import('../../../src/background/router');
const { openMemory } = await import('../../../src/store/memory');

const page = { url: 'chrome-extension://leadlens/src/sidepanel/index.html' };
const crm = { tab: { id: 4 }, url: 'https://contoso.crm4.dynamics.com/main.aspx' };

async function setup() {
  const memory = await openMemory({ name: `desk-${Math.random()}` });
  const published: Array<Record<string, string>> = [];
  const deps = {
    memory: async () => memory as unknown as MemoryPort,
    desk: async () => memory as DeskMemory,
    openSidePanel: async () => undefined,
    extensionOrigin: 'chrome-extension://leadlens/',
    publishOffers: async (names: Record<string, string>) => {
      published.push(names);
    },
    publishSettings: async (settings: { followUpHours: number }) => {
      mirroredHours.push(settings.followUpHours);
    },
  };
  const mirroredHours: number[] = [];
  return { memory, deps, published, mirroredHours };
}

const lead = (key: string, leadSource: string, description?: string) => ({
  key,
  crm: 'dynamics',
  view: 'record',
  recordId: `r-${key}`,
  recordUrl: null,
  lead: {
    leadSource: { input: leadSource },
    customer: { firstName: 'Ольга', lastName: 'Кузнецова', email: 'o.k@severinfo.ru' },
    description,
  },
});

describe('the desk in the worker', () => {
  it('learns an offer name from a page lead with an id and an "Offer Title", publishes it, and searches what was stored', async () => {
    const { memory, deps, published } = await setup();
    const reply = await handleMessage(
      {
        type: 'page-leads',
        url: crm.url,
        leads: [lead('a', 'AzureMarketplace-INS|contoso.crm-connector', 'Offer Title: Contoso CRM Connector')],
      },
      crm,
      deps,
    );
    expect(reply).toHaveProperty('statuses');
    expect(published).toEqual([{ 'contoso.crm-connector': 'Contoso CRM Connector' }]);
    // The same page again teaches nothing new: nothing is republished.
    await handleMessage(
      {
        type: 'page-leads',
        url: crm.url,
        leads: [lead('a', 'AzureMarketplace-INS|contoso.crm-connector', 'Offer Title: Contoso CRM Connector')],
      },
      crm,
      deps,
    );
    expect(published).toHaveLength(1);
    const found = (await handleMessage({ type: 'search', query: 'кузн' }, page, deps)) as { hits: Array<{ displayName: string }> };
    expect(found.hits.map((h) => h.displayName)).toEqual(['Ольга Кузнецова']);
    expect(await handleMessage({ type: 'get-offers' }, page, deps)).toMatchObject({
      offers: [{ key: 'contoso.crm-connector', origin: 'learnt' }],
    });
    memory.close();
  });

  it('keeps ticks and offer edits to LeadLens pages, and publishes an edit', async () => {
    const { memory, deps, published } = await setup();
    expect(await handleMessage({ type: 'set-tick', sightingId: 's1', step: 'first-reply', done: true }, crm, deps)).toHaveProperty('error');
    expect(await handleMessage({ type: 'set-tick', sightingId: 's1', step: 'first-reply', done: true }, page, deps)).toEqual({
      steps: ['first-reply'],
    });
    expect(await handleMessage({ type: 'get-ticks', sightingId: 's1' }, page, deps)).toEqual({ steps: ['first-reply'] });
    expect(await handleMessage({ type: 'set-tick', sightingId: 's1', step: 'x', done: 'yes' }, page, deps)).toHaveProperty('error');
    expect(await handleMessage({ type: 'set-offer', key: 'a.b', name: 'AB' }, page, deps)).toEqual({ ok: true });
    expect(published.at(-1)).toEqual({ 'a.b': 'AB' });
    memory.close();
  });

  it('answers with an error, not a crash, where there is no memory', async () => {
    const { memory, deps } = await setup();
    const { desk: _none, ...without } = deps;
    expect(await handleMessage({ type: 'search', query: 'a' }, page, without)).toHaveProperty('error');
    expect(await handleMessage({ type: 'get-ticks', sightingId: 's' }, page, without)).toEqual({ steps: [] });
    expect(DEFAULT_SETTINGS.followUpHours).toBe(24);
    memory.close();
  });

  it("mirrors the follow-up window for the content script's card when the options save it or an import brings it", async () => {
    const { memory, deps, mirroredHours } = await setup();
    expect(await handleMessage({ type: 'set-settings', settings: { followUpHours: 48 } }, page, deps)).toMatchObject({ followUpHours: 48 });
    expect(mirroredHours).toEqual([48]);
    // A refused value is not saved and not mirrored.
    expect(await handleMessage({ type: 'set-settings', settings: { followUpHours: 0 } }, page, deps)).toHaveProperty('error');
    expect(mirroredHours).toEqual([48]);
    const exported = JSON.parse(await memory.exportJson());
    await handleMessage({ type: 'set-settings', settings: { followUpHours: 6 } }, page, deps);
    // An import without its settings leaves the window (and its copy) alone; with them, the copy follows.
    await handleMessage({ type: 'import', format: 'json', text: JSON.stringify(exported) }, page, deps);
    expect(mirroredHours).toEqual([48, 6]);
    await handleMessage({ type: 'import', format: 'json', text: JSON.stringify(exported), withSettings: true }, page, deps);
    expect(mirroredHours).toEqual([48, 6, 48]);
    // A copy that cannot be written does not fail the save.
    const failing = { ...deps, publishSettings: async () => Promise.reject(new Error('quota')) };
    expect(await handleMessage({ type: 'set-settings', settings: { followUpHours: 12 } }, page, failing)).toMatchObject({
      followUpHours: 12,
    });
    memory.close();
  });
});
