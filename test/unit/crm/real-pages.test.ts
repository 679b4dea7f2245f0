// What the adapters read off the "real" CRM pages (built from public sources, German and Russian labels):
// values from the element that holds them, native shadow roots, cached console tabs, rows without record ids.
import { salesforce, dynamics, hubspot } from '../../../src/crm';
import type { Extracted, ScanReport } from '../../../src/crm';
import { attributeOf } from '../../../src/crm/dynamics';
import { scanPage } from '../../../src/content/occurrences';
import { loadReal } from './load-real';

const values = (ex: Extracted[]) => ex.flatMap((e) => e.found.map((f) => f.decoded.input));
const report = (): ScanReport => ({ skippedRows: 0, claimed: [], ignored: [] });

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Salesforce list views (lightning-datatable)', () => {
  it.each([
    ['table mode, raw data-cell-value', 'real-sf-list-table'],
    ['role-based rendering, no raw value', 'real-sf-list-rolebased-mcas'],
  ])('%s: whole values, never the translated inline-edit text', (_, name) => {
    const { url } = loadReal(name);
    const ex = salesforce.extract(document, url, report());
    expect(values(ex)).toEqual([
      'AzureMarketplace-INS|contoso.crm-connector',
      'AppSource-PLT|contoso.crm-connector',
      'AzurePortal-Create|northwind.erp-suite',
      'TestDrive-StartTestDrive|contoso.crm-connector',
    ]);
    const [first] = ex;
    expect(first!.anchor.localName).toBe('lst-formatted-text');
    expect(first!.recordId).toBe('00QdN00000DjG64UAF');
    expect(first!.customer).toMatchObject({ fullName: 'Anna Schmidt', company: 'Fabrikam GmbH', email: 'anna.schmidt@fabrikam-gmbh.de' });
    expect(first!.createdAt).toBe(name === 'real-sf-list-table' ? '2025-06-02T08:15:00.000Z' : new Date(2025, 5, 2, 10, 15).toISOString());
  });
});

describe('Salesforce record pages', () => {
  it('reads a native (mixed) shadow record through its slots, dates from lightning-formatted-date-time text', () => {
    const { url } = loadReal('real-sf-record-native');
    const r = report();
    const ex = salesforce.extract(document, url, r);
    expect(values(ex)).toEqual(['AppSource-PLT|contoso.crm-connector']);
    expect(ex[0]!.anchor.getAttribute('slot')).toBe('outputField');
    expect(ex[0]!.customer).toEqual({
      fullName: 'Anna Schmidt',
      company: 'Fabrikam GmbH',
      title: 'Leiterin IT-Einkauf',
      email: 'anna.schmidt@fabrikam-gmbh.de',
      phone: '+49 30 901820-14',
      country: 'Deutschland',
    });
    expect(ex[0]!.createdAt).toBe(new Date(2025, 5, 2, 10, 15).toISOString());
    expect(r.record?.recordId).toBe('00QdN00000DjG64UAF');
  });

  it('reads the synthetic-shadow record the same way', () => {
    const { url } = loadReal('real-sf-record-synthetic');
    const ex = salesforce.extract(document, url, report());
    expect(values(ex)).toEqual(['AzureMarketplace-INS|fabrikam.sales-insights']);
    expect(ex[0]!.customer).toMatchObject({ fullName: 'Дмитрий Волков', country: 'Russland' });
  });

  it('the highlights panel (no field name) is read by the generic scan as part of the record', () => {
    const { url } = loadReal('real-sf-record-native');
    const scan = scanPage(document, url);
    expect(scan.occurrences.map((o) => o.decoded.input).sort()).toEqual([
      'AppSource-PLT|contoso.crm-connector',
      'AzureMarketplace-INS|contoso.crm-connector',
    ]);
    const highlight = scan.occurrences.find((o) => o.decoded.input.startsWith('AzureMarketplace'))!;
    expect(highlight.lead.recordId).toBe('00QdN00000DjG64UAF');
    expect(highlight.lead.lead.customer.email).toBe('anna.schmidt@fabrikam-gmbh.de');
  });

  it('never reads the cached, inactive console tab (closed shadow roots), neither adapter nor generic scan', () => {
    const { url } = loadReal('real-sf-console');
    const scan = scanPage(document, url);
    const found = scan.occurrences.map((o) => o.decoded.input);
    expect(found.sort()).toEqual(['AppSource-PLT|contoso.crm-connector', 'AzureMarketplace-INS|contoso.crm-connector']);
    expect(found).not.toContain('AzurePortal-Create|northwind.erp-suite');
  });
});

describe('Dynamics 365 new-look form', () => {
  it('reads values that arrive after the first render, the composite name and the collapsed header as text', () => {
    vi.useFakeTimers();
    const { url, runScripts } = loadReal('real-d365-form-cn');
    runScripts();
    expect(values(dynamics.extract(document, url))).toEqual([]);
    vi.advanceTimersByTime(800);
    const ex = dynamics.extract(document, url);
    expect(ex.map((e) => e.field)).toEqual(['subject']);
    expect(ex[0]!.customer).toMatchObject({ firstName: 'Anna', lastName: 'Schmidt', email: 'anna.schmidt@fabrikam-gmbh.de' });
    const scan = scanPage(document, url);
    const header = scan.occurrences.find((o) => o.anchor.closest('[id^="headerControlsList_"]'));
    expect(header?.decoded.input).toBe('AzureMarketplace-INS|contoso.crm-connector');
    expect(header?.lead.recordId).toBe('9f2e0c5a-1b2c-4d3e-8f90-0123456789ab');
  });

  it('reads header and BPF flyout fields once their flyout is open, BPF copies keep their attribute', () => {
    vi.useFakeTimers();
    const { url, runScripts } = loadReal('real-d365-form-cn');
    runScripts();
    vi.advanceTimersByTime(800);
    (document.getElementById('headerFieldsExpandButton_1') as HTMLButtonElement).click();
    (document.querySelector('#bpfContainer li[data-stage-index="0"]') as HTMLElement).click();
    vi.advanceTimersByTime(200);
    const fields = dynamics.extract(document, url).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['subject', 'header_subject', 'header_process_subject_1']));
    expect(attributeOf('header_process_emailaddress1_1')).toBe('emailaddress1');
    expect(attributeOf('header_process_subject_2')).toBe('subject');
    expect(attributeOf('emailaddress1')).toBe('emailaddress1');
    expect(attributeOf('subject1')).toBe('subject');
  });
});

describe('Dynamics 365 Power Apps grid (no record id, no href)', () => {
  it('keys rows by name and values, never by position: shuffling and renumbering rows keeps every key', () => {
    const { url } = loadReal('real-d365-grid-mcas');
    const before = dynamics.extract(document, url);
    expect(values(before)).toHaveLength(6);
    expect(before.every((e) => e.recordId === null && /^row-/.test(e.rowKey ?? ''))).toBe(true);
    expect(new Set(before.map((e) => e.rowKey)).size).toBe(6);
    const anna = before.find((e) => e.customer.fullName === 'Schmidt, Anna')!;
    expect(anna.customer.email).toBe('anna.schmidt@fabrikam-gmbh.de');
    // The same rows, shown at other positions.
    for (const row of Array.from(document.querySelectorAll('[role=row][row-index]')))
      row.setAttribute('row-index', String(10 + Number(row.getAttribute('row-index'))));
    const after = dynamics.extract(document, url);
    expect(after.map((e) => e.rowKey).sort()).toEqual(before.map((e) => e.rowKey).sort());
    // Another record in Anna's row element: another key.
    const cell = Array.from(document.querySelectorAll('[col-id="emailaddress1"] span')).find((s) => s.textContent === anna.customer.email)!;
    cell.textContent = 'someone.else@example.de';
    expect(dynamics.extract(document, url).map((e) => e.rowKey)).not.toContain(anna.rowKey);
  });
});

describe('HubSpot 2024+ record and index', () => {
  it('reads the key-information card, not the associated company, and the PROPERTIES_LIST card as text', () => {
    const { url } = loadReal('real-hubspot-record-na2');
    const ex = hubspot.extract(document, url, report());
    expect(values(ex)).toEqual(['AzureMarketplace-StartTestDrive|contoso.crm-connector']);
    expect(ex[0]!.customer).toEqual({
      fullName: 'Anna Schmidt',
      email: 'anna.schmidt@fabrikam-gmbh.de',
      phone: '+49 30 901820-14',
      title: 'Leiterin IT-Einkauf',
      company: 'Fabrikam GmbH',
      country: 'Deutschland',
    });
    expect(ex[0]!.description).toContain('Test-Drive gestartet.');
    // Without the highlight title, the company's `name` in the association card still is not the contact's name.
    document.querySelector('[data-selenium-test="highlightTitle"]')!.remove();
    expect(hubspot.extract(document, url, report())[0]!.customer.fullName).toBeUndefined();
    const scan = scanPage(document, url);
    const profile = scan.occurrences.find((o) => o.decoded.input === 'AppSource-PLT|contoso.crm-connector');
    expect(profile?.lead.recordId).toBe('51234567890');
    expect(profile?.lead.crm).toBe('hubspot');
  });

  it('reads the index rows with their record ids', () => {
    const { url } = loadReal('real-hubspot-index-mcas');
    const ex = hubspot.extract(document, url, report());
    expect(ex.map((e) => [e.recordId, e.found[0]!.decoded.input])).toEqual([
      ['51234567890', 'AzureMarketplace-StartTestDrive|contoso.crm-connector'],
      ['51234567891', 'AppSource-INS|contoso.crm-connector'],
      ['51234567893', 'AzurePortal-Create|northwind.erp-suite'],
    ]);
  });
});

describe('landmarks, not URLs, make a CRM page', () => {
  it('a fake grid on a real CRM host without the app landmarks is not read at all', () => {
    document.body.innerHTML =
      '<div role="treegrid"><div role="row" row-index="0"><div role="gridcell" col-id="subject"><span>AzureMarketplace-INS|contoso.crm-connector</span></div>' +
      '<div role="gridcell" col-id="emailaddress1"><span>victim@example.com</span></div></div></div>';
    const scan = scanPage(document, new URL('https://contoso.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=lead'));
    expect(scan.occurrences).toEqual([]);
  });
});
