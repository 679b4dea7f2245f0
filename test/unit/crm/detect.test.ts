// Page detection against every adapter's example URLs (github-url-detection style): each example is
// claimed by its own adapter only, with the view it is filed under and the entity and record id it
// names; the adapters' `not` pages are claimed by none. A new adapter is checked against all the others'
// pages, and theirs against it, without a new line here. A URL alone never makes a CRM page: on CRM hosts the
// page carries every CRM's app landmarks here; without them nothing is claimed.
import { ADAPTERS, adapterFor, dynamics, EXAMPLES, hostOwner } from '../../../src/crm';
import type { AdapterExamples, CrmAdapter, PageKind } from '../../../src/crm';

/** Every CRM's app landmarks at once, so a URL on a CRM host is judged by its host and path alone. */
const ALL_LANDMARKS = '<div data-id="topBar"></div><div class="windowViewMode-normal active"></div><div data-test-id="left-sidebar"></div>';

/** Landmarks on CRM hosts; elsewhere (on premises, foreign sites) only landmarks would make a CRM page, so none. */
function pageFor(url: string): Document {
  document.body.innerHTML = hostOwner(new URL(url)) ? ALL_LANDMARKS : '';
  return document;
}

afterEach(() => {
  document.body.innerHTML = '';
});

/** An adapter's examples; a missing entry fails the first test below. */
const examplesOf = (a: CrmAdapter): AdapterExamples =>
  EXAMPLES[a.id] ?? { selectors: {}, urls: { record: [], list: [], not: [] }, matches: {} };

interface Example {
  owner: CrmAdapter;
  url: string;
  kind: PageKind | null;
}

const examples: Example[] = ADAPTERS.flatMap((owner) => [
  ...examplesOf(owner).urls.record.map((e) => ({
    owner,
    url: e.url,
    kind: { crm: owner.id, view: 'record', entity: e.entity, recordId: e.recordId } as PageKind,
  })),
  ...examplesOf(owner).urls.list.map((e) => ({
    owner,
    url: e.url,
    kind: { crm: owner.id, view: 'list', entity: e.entity, recordId: null } as PageKind,
  })),
  ...examplesOf(owner).urls.not.map((url) => ({ owner, url, kind: null })),
]);

describe('page detection', () => {
  it('every adapter has record, list and foreign examples', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(ADAPTERS.map((a) => a.id).sort());
    for (const a of ADAPTERS) {
      const { urls } = examplesOf(a);
      expect(urls.record.length, a.id).toBeGreaterThan(0);
      expect(urls.list.length, a.id).toBeGreaterThan(0);
      expect(urls.not.length, a.id).toBeGreaterThan(0);
    }
  });

  describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s', (_, adapter) => {
    it.each(examples.map((e) => [e.url, e] as const))('on %s', (url, example) => {
      const kind = adapter.detect(new URL(url), pageFor(url));
      if (example.owner === adapter && example.kind) expect(kind, `${adapter.id} must claim its own example ${url}`).toEqual(example.kind);
      else expect(kind, `${adapter.id} must leave ${url} (an example of ${example.owner.id}) alone`).toBeNull();
    });
  });

  it('claims no example without the CRM app landmarks (a fake grid on a CRM host is no CRM page)', () => {
    document.body.innerHTML =
      '<div role="treegrid"><div role="row" row-index="0"></div></div><table><tr data-row-key-value="00Q"></tr></table>';
    for (const e of examples) for (const a of ADAPTERS) expect(a.detect(new URL(e.url), document), `${a.id} on ${e.url}`).toBeNull();
  });

  it('recognises an on-premises Dynamics server by its UCI landmarks', () => {
    const url = new URL('https://crm.contoso.local/Sales/main.aspx?pagetype=entityrecord&etn=lead&id=9f2e0c5a-1b2c-4d3e-8f90-0123456789ab');
    expect(dynamics.detect(url, document)).toBeNull();
    document.body.innerHTML = '<div data-id="topBar"></div>';
    expect(dynamics.detect(url, document)).toMatchObject({ view: 'record' });
    document.body.innerHTML = '';
  });
});

describe('adapter choice', () => {
  it('picks the adapter that claims the page, none for unknown sites', () => {
    document.body.innerHTML = ALL_LANDMARKS;
    expect(adapterFor(new URL('https://acme.lightning.force.com/lightning/o/Lead/list'), document)?.adapter.id).toBe('salesforce');
    expect(adapterFor(new URL('https://app.hubspot.com/contacts/1/record/0-1/2'), document)?.adapter.id).toBe('hubspot');
    const app = 'https://contoso.crm4.dynamics.com/main.aspx?appid=5c1f8a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b';
    expect(adapterFor(new URL(`${app}&pagetype=entitylist&etn=lead`), document)?.adapter.id).toBe('dynamics');
    expect(adapterFor(new URL('https://crm.example.org/leads/42'), document)).toBeNull();
  });

  it('sends every example to its own adapter', () => {
    for (const e of examples)
      expect(adapterFor(new URL(e.url), pageFor(e.url))?.adapter.id ?? null, e.url).toBe(e.kind ? e.owner.id : null);
  });
});
