// A cut offer id completed end to end in the worker (issue 10): a real lead memory (fake IndexedDB)
// knows a whole offer from an earlier page; a lead whose LeadSource is exactly at Salesforce's
// 40-character limit, and a context-menu selection of such a value, come back with the whole offer id
// and the fragment it was completed from.
import { vi } from 'vitest';
import type { PageLead } from '../../../src/messaging/messages';
import { openMemory } from '../../../src/store/memory';
import { fakeBrowser } from '../fake-browser';

const fake = fakeBrowser();
vi.mock('../../../src/platform/browser', () => ({ browser: fake.browser, t: (k: string) => k, uiLang: () => 'en', send: vi.fn() }));

const { handleMessage } = await import('../../../src/background/router');
const { handleMenuClick, MENU_ID } = await import('../../../src/background/menu');
const { readTab } = await import('../../../src/background/tab-state');

const WHOLE = 'AzureMarketplace-INS|fabrikam.sales-insights';
const CUT = WHOLE.slice(0, 40); // `AzureMarketplace-INS|fabrikam.sales-insi`

const pageLead = (key: string, leadSource: string, email: string): PageLead => ({
  key,
  crm: 'salesforce',
  view: 'record',
  recordId: `r-${key}`,
  recordUrl: null,
  lead: {
    leadSource: { input: leadSource, ok: true } as never,
    customer: { firstName: 'Dana', lastName: `Lee${key}`, email, company: `Firm ${key}` },
  },
});

async function worker(name: string) {
  const memory = await openMemory({ name, now: () => new Date('2026-11-20T10:00:00Z') });
  const deps = { memory: async () => memory, openSidePanel: async () => undefined, extensionOrigin: 'chrome-extension://test/' };
  const from = (tab: number) => ({ tab: { id: tab }, url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q/view' });
  const report = (tab: number, leads: PageLead[]) =>
    handleMessage({ type: 'page-leads', url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q/view', leads }, from(tab), deps);
  return { memory, report, deps };
}

describe('a cut offer id completed from the memory', () => {
  it('on a CRM page: the lead is judged and shown with the whole offer id and a "completed from" note', async () => {
    const { memory, report } = await worker('complete-page');
    await report(31, [pageLead('a', WHOLE, 'a@fabrikam.com')]);
    expect(await memory.knownOfferIds()).toEqual(['fabrikam.sales-insights']);

    await report(32, [pageLead('b', CUT, 'b@northwind.com')]);
    const shown = (await readTab(32))!.leads[0]!.lead.leadSource!;
    expect(shown.offer).toMatchObject({ publisherId: 'fabrikam', offerId: 'sales-insights', completedFrom: 'fabrikam.sales-insi' });
    expect(shown.warnings).toContain('offer-completed');
    expect(shown.warnings).not.toContain('possibly-truncated');
    // What the memory stored for the new lead is the completed value too.
    const doc = JSON.parse(await memory.exportJson()) as { sightings: { leadSource: { offer: { offerId: string } } }[] };
    expect(doc.sightings.map((s) => s.leadSource.offer.offerId).sort()).toEqual(['sales-insights', 'sales-insights']);
    memory.close();
  });

  it('from the context menu: the selection is filed completed', async () => {
    const { memory, report } = await worker('complete-menu');
    await report(33, [pageLead('a', WHOLE, 'a@fabrikam.com')]);
    await handleMenuClick(
      { menuItemId: MENU_ID, selectionText: ` ${CUT} ` },
      { id: 34 },
      { openSidePanel: async () => undefined, knownOfferIds: () => memory.knownOfferIds() },
    );
    const [decoded] = (await readTab(34))!.selections[0]!.decoded;
    expect(decoded!.offer).toMatchObject({ offerId: 'sales-insights', completedFrom: 'fabrikam.sales-insi' });
    memory.close();
  });

  it('counter-cases: two offers that begin alike, or none on file, leave the value "may be cut"', async () => {
    const { memory, report } = await worker('complete-ambiguous');
    await report(35, [pageLead('c', CUT, 'c@northwind.com')]);
    const alone = (await readTab(35))!.leads[0]!.lead.leadSource!;
    expect(alone.warnings).toContain('possibly-truncated');
    expect(alone.offer?.completedFrom).toBeUndefined();

    await report(36, [pageLead('a', WHOLE, 'a@fabrikam.com'), pageLead('d', 'AzurePortal-Create|fabrikam.sales-insight-pro', 'd@x.com')]);
    // A cut value is no known offer itself.
    expect(await memory.knownOfferIds()).toEqual(['fabrikam.sales-insight-pro', 'fabrikam.sales-insights']);
    await report(37, [pageLead('e', CUT, 'e@northwind.com')]);
    const both = (await readTab(37))!.leads[0]!.lead.leadSource!;
    expect(both.warnings).toContain('possibly-truncated');
    expect(both.offer?.offerId).toBe('sales-insi');
    memory.close();
  });

  it('from the offer dictionary alone: an offer the rep named completes a cut id no lead on file shows', async () => {
    const { memory, report } = await worker('complete-dictionary');
    await memory.editOffer('Fabrikam.Sales-Insights', 'Fabrikam Sales Insights');
    expect(await memory.knownOfferIds()).toEqual(['fabrikam.sales-insights']);
    await report(38, [pageLead('f', CUT, 'f@northwind.com')]);
    const shown = (await readTab(38))!.leads[0]!.lead.leadSource!;
    expect(shown.offer).toMatchObject({ offerId: 'sales-insights', completedFrom: 'fabrikam.sales-insi' });
    expect(shown.warnings).toContain('offer-completed');
    // The same offer on a lead and in the dictionary is one id.
    await report(39, [pageLead('g', 'AppSource-PLT|Fabrikam.Sales-Insights', 'g@fabrikam.com')]);
    expect(await memory.knownOfferIds()).toEqual(['fabrikam.sales-insights']);
    memory.close();
  });
});

describe('offer-ids: the ids a LeadLens page completes a cut id with', () => {
  it('answers a LeadLens page with the known ids that begin with the prefix, and no content script', async () => {
    const { memory, report, deps } = await worker('offer-ids');
    await report(40, [pageLead('a', WHOLE, 'a@fabrikam.com'), pageLead('d', 'AzurePortal-Create|contoso.crm', 'd@x.com')]);
    await memory.editOffer('fabrikam.sales-pilot', 'Sales Pilot');
    const popup = { url: 'chrome-extension://test/src/popup/index.html' };
    expect(await handleMessage({ type: 'offer-ids', prefix: 'FABRIKAM.sales-' }, popup, deps)).toEqual({
      ids: ['fabrikam.sales-pilot', 'fabrikam.sales-insights'],
    });
    expect(await handleMessage({ type: 'offer-ids', prefix: 'northwind.' }, popup, deps)).toEqual({ ids: [] });
    const page = { tab: { id: 41 }, url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q/view' };
    expect(await handleMessage({ type: 'offer-ids', prefix: 'fabrikam.' }, page, deps)).toHaveProperty('error');
    expect(await handleMessage({ type: 'offer-ids', prefix: '' }, popup, deps)).toHaveProperty('error');
    memory.close();
  });
});
