// What each adapter reads off the fixture pages (Russian labels everywhere, so nothing may key on them).
import { dynamics, generic, hubspot, salesforce } from '../../../src/crm';
import { attributeOf } from '../../../src/crm/dynamics';
import { parseShownDate } from '../../../src/crm/dom';
import type { Extracted } from '../../../src/crm';
import { loadPage } from './load-fixture';

const inputs = (ex: Extracted[]) => ex.flatMap((e) => e.found.map((f) => f.decoded.input));

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('Dynamics 365 lead form', () => {
  it('finds the LeadSource in Topic and in Description, with the customer beside it', () => {
    const url = loadPage('dynamics-lead-form');
    const ex = dynamics.extract(document, url);
    expect(ex.map((e) => e.field)).toEqual(['subject', 'description']);
    expect(inputs(ex)).toEqual(['AzureMarketplace-INS|contoso.crm-connector', 'AzureMarketplace-INS|contoso.crm-connector']);
    const [topic] = ex;
    expect(topic!.anchor.getAttribute('data-id')).toBe('subject.fieldControl-text-box-text');
    expect(topic!.recordId).toBe('9f2e0c5a-1b2c-4d3e-8f90-0123456789ab');
    expect(topic!.view).toBe('record');
    expect(topic!.recordUrl).toBe(url.href);
    expect(topic!.customer).toEqual({
      firstName: 'Ольга',
      lastName: 'Кузнецова',
      title: 'Руководитель отдела ИТ',
      email: 'o.kuznetsova@severinfo.ru',
      phone: '+7 812 334-56-78',
      company: 'АО «Северсталь-Инфоком»',
      country: 'Россия',
    });
    expect(topic!.createdAt).toBe(new Date(2025, 4, 14, 9, 42).toISOString());
    expect(topic!.description).toContain('<img src=x onerror=');
  });

  it('reads the live value of inputs, header copies and new-look comboboxes', () => {
    const url = loadPage('dynamics-lead-form');
    const subject = document.querySelector<HTMLInputElement>('[data-id="subject.fieldControl-text-box-text"]')!;
    subject.value = 'Запрос по телефону';
    const header = document.querySelector('[data-id="header_leadsourcecode-FieldSectionItemContainer"]')!;
    header.querySelector('button')!.setAttribute('value', 'AppSource-PLT|contoso.crm-connector');
    const ex = dynamics.extract(document, url);
    expect(ex.map((e) => [e.field, e.found[0]!.decoded.input])).toEqual([
      ['header_leadsourcecode', 'AppSource-PLT|contoso.crm-connector'],
      ['description', 'AzureMarketplace-INS|contoso.crm-connector'],
    ]);
    expect(ex[0]!.anchor.localName).toBe('button');
  });

  it('skips quick-view controls of another entity', () => {
    const url = loadPage('dynamics-lead-form');
    document.querySelector('[data-id="editFormRoot"]')!.insertAdjacentHTML(
      'beforeend',
      `<div data-lp-id="MscrmControls.FieldControls.TextBoxControl|parentaccount_qv.description.fieldControl|account">
         <textarea data-id="parentaccount_qv.description.fieldControl-text-box-text">SPZA-PLT|contoso.crm-connector</textarea></div>`,
    );
    expect(inputs(dynamics.extract(document, url))).not.toContain('SPZA-PLT|contoso.crm-connector');
  });

  it('maps control names to attributes without touching real trailing digits', () => {
    expect(attributeOf('header_process_leadsourcecode')).toBe('leadsourcecode');
    expect(attributeOf('header_emailaddress1')).toBe('emailaddress1');
    expect(attributeOf('telephone1')).toBe('telephone1');
    expect(attributeOf('subject1')).toBe('subject');
    expect(attributeOf('fullname_compositionLinkControl_lastname')).toBe('lastname');
    expect(attributeOf('new_marketplacesource2')).toBe('new_marketplacesource2');
  });

  it('reads the same customer from the Contact me and trial pages of the duplicate pair', () => {
    const a = dynamics.extract(document, loadPage('dynamics-lead-contactme'));
    const b = dynamics.extract(document, loadPage('dynamics-lead-trial'));
    expect(inputs(a)).toEqual(['AppSource-PLT|contoso.crm-connector']);
    expect(inputs(b)).toEqual(['AzureMarketplace-StartTestDrive|contoso.crm-connector']);
    expect(a[0]!.recordId).not.toBe(b[0]!.recordId);
    expect(a[0]!.customer.email).toBe('a.smirnov@fabrikam.ru');
    expect(b[0]!.customer.email).toBe('A.Smirnov@Fabrikam.RU');
    expect(a[0]!.customer.lastName).toBe(b[0]!.customer.lastName);
  });
});

describe('Dynamics 365 lead grid', () => {
  it('reads one occurrence per marketplace row, with record ids from the name links', () => {
    const url = loadPage('dynamics-lead-list');
    const ex = dynamics.extract(document, url);
    expect(ex).toHaveLength(14); // 16 rows, two of them not from the marketplace
    expect(ex.every((e) => e.view === 'list' && e.field === 'subject')).toBe(true);
    const sources = new Set(ex.map((e) => e.found[0]!.decoded.sourceLiteral));
    expect(sources).toEqual(new Set(['AzureMarketplace', 'AzurePortal', 'AppSource', 'SPZA', 'AppSource (SPZA)', 'TestDrive', null]));
    const actions = new Set(ex.map((e) => e.found[0]!.decoded.action));
    expect(actions).toEqual(new Set(['INS', 'PLT', 'DNC', 'Create', 'StartTestDrive', null]));
    expect(ex.some((e) => e.found[0]!.decoded.testLead)).toBe(true);
    const first = ex[0]!;
    expect(first.recordId).toBe('7a1c0e52-4b1d-4c55-9a3e-0d2b5f6c7a01');
    expect(first.recordUrl).toContain('pagetype=entityrecord');
    expect(first.customer).toEqual({
      fullName: 'Ольга Кузнецова',
      company: 'АО «Северсталь-Инфоком»',
      email: 'o.kuznetsova@severinfo.ru',
      phone: '+7 812 334-56-78',
    });
    expect(first.anchor.localName).toBe('span');
    expect(first.anchor.closest('[col-id]')!.getAttribute('col-id')).toBe('subject');
  });

  it('shows the returning customer twice, with different email case and phone format', () => {
    const ex = dynamics.extract(document, loadPage('dynamics-lead-list'));
    const maria = ex.filter((e) => e.customer.fullName === 'Мария Соколова');
    expect(maria.map((e) => e.customer.email)).toEqual(['m.sokolova@tailspin.ru', 'M.Sokolova@Tailspin.RU']);
    expect(maria[0]!.customer.phone).not.toBe(maria[1]!.customer.phone);
  });

  it('joins pinned and centre parts of a row and skips hidden rows', () => {
    const url = new URL('https://contoso.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=lead');
    document.body.innerHTML = `<div role="treegrid">
      <div class="ag-pinned-left-cols-container"><div role="row" row-index="0"><div role="gridcell" col-id="fullname">
        <a href="/main.aspx?pagetype=entityrecord&etn=lead&id=11111111-2222-3333-4444-555555555555">Анна</a></div></div></div>
      <div class="ag-center-cols-container">
        <div role="row" row-index="0"><div role="gridcell" col-id="subject"><span>SPZA-PLT|a.b</span></div></div>
        <div role="row" row-index="1" hidden><div role="gridcell" col-id="subject"><span>SPZA-PLT|c.d</span></div></div>
      </div></div>`;
    const ex = dynamics.extract(document, url);
    expect(ex).toHaveLength(1);
    expect(ex[0]!.recordId).toBe('11111111-2222-3333-4444-555555555555');
    expect(ex[0]!.customer.fullName).toBe('Анна');
  });
});

describe('Salesforce', () => {
  it('reads the active record only, including a field inside an open shadow root', () => {
    const url = loadPage('salesforce-lead-record');
    const ex = salesforce.extract(document, url);
    expect(ex.map((e) => e.field)).toEqual(['LeadSource', 'Description']);
    expect(inputs(ex)).toEqual(['AppSource-PLT|contoso.crm-connector', 'AppSource-PLT|contoso.crm-connector']);
    expect(inputs(ex)).not.toContain('SPZA-DNC|contoso.crm-connector'); // the cached, inactive page
    expect(ex[1]!.anchor.getRootNode()).toBeInstanceOf(ShadowRoot);
    expect(ex[0]!.recordId).toBe('00Q5g00000AbCdEEAV');
    expect(ex[0]!.customer).toEqual({
      fullName: 'Николай Ершов',
      company: 'ООО «Сибирь Телеком»',
      title: 'Руководитель службы поддержки',
      email: 'n.ershov@sibtelecom.ru',
      phone: '+7 383 212-45-00',
      country: 'Россия',
    });
    expect(ex[0]!.createdAt).toBe('2025-06-03T04:25:00.000Z');
  });

  it('reads list rows by record id and column key, leaving look-alikes and plain sources out', () => {
    const url = loadPage('salesforce-lead-list');
    const ex = salesforce.extract(document, url);
    expect(ex.map((e) => e.recordId)).toEqual([
      '00Q5g00000AbCdEEAV',
      '00Q5g00000AbCdFEAV',
      '00Q5g00000AbCdGEAV',
      '00Q5g00000AbCdHEAV',
      '00Q5g00000AbCdIEAV',
      '00Q5g00000AbCdJEAV',
    ]);
    // 39 characters: not at Salesforce's 40-character limit, so read whole (issue 10: only a field
    // exactly at its limit may be cut).
    expect(ex[1]!.found[0]!.decoded.warnings).not.toContain('truncated');
    expect(ex[1]!.found[0]!.decoded.offer?.title).toBe('Red Hat');
    expect(ex[0]!.recordUrl).toBe('https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view');
    expect(ex[0]!.customer.email).toBe('n.ershov@sibtelecom.ru');
    expect(ex[0]!.anchor.localName).toBe('lightning-base-formatted-text');
  });

  it('reads nothing when only inactive cached pages are present', () => {
    const url = loadPage('salesforce-lead-record');
    document.querySelector('.windowViewMode-normal.active')!.classList.remove('active');
    expect(salesforce.extract(document, url)).toEqual([]);
  });
});

describe('HubSpot', () => {
  it('reads the custom lead_source property and skips the hidden tab', () => {
    const url = loadPage('hubspot-contact');
    const ex = hubspot.extract(document, url);
    expect(ex.map((e) => e.field)).toEqual(['lead_source']);
    expect(inputs(ex)).toEqual(['AzureMarketplace-StartTestDrive|contoso.crm-connector']);
    expect(ex[0]!.anchor.getAttribute('data-selenium-test')).toBe('property-input-lead_source');
    expect(ex[0]!.recordId).toBe('987654321');
    expect(ex[0]!.customer).toEqual({
      firstName: 'Григорий',
      lastName: 'Ковалёв',
      email: 'g.kovalev@volga-it.ru',
      phone: '+7 846 200-30-40',
      company: 'ООО «Волга ИТ»',
      title: 'Технический директор',
      country: 'Россия',
    });
    expect(ex[0]!.description).toMatch(/^Хотим проверить/);
  });

  it('reads index rows from data-table-external-id cells', () => {
    const url = new URL('https://app.hubspot.com/contacts/1234567/objects/0-1/views/all/list');
    document.body.innerHTML = `<table><tbody>
      <tr data-test-id="row-555"><td data-table-external-id="cell-0-1-name-555"><a href="#"><span data-test-id="truncated-object-label">Анна Белова</span></a></td>
        <td data-table-external-id="cell-0-2-email-555">anna@example.ru</td>
        <td data-table-external-id="cell-0-3-lead_source-555"><span>SPZA-PLT|contoso.crm-connector</span></td></tr>
      <tr data-test-id="row-556"><td data-table-external-id="cell-1-3-lead_source-556"><span>Реклама</span></td></tr>
    </tbody></table>`;
    const ex = hubspot.extract(document, url);
    expect(ex).toHaveLength(1);
    expect(ex[0]).toMatchObject({
      recordId: '555',
      view: 'list',
      field: 'lead_source',
      customer: { fullName: 'Анна Белова', email: 'anna@example.ru' },
    });
    expect(ex[0]!.recordUrl).toBe('https://app.hubspot.com/contacts/1234567/record/0-1/555');
  });
});

describe('generic fallback', () => {
  it('finds LeadSources in visible text and input values of any page', () => {
    const url = new URL('https://crm.example.org/leads/42');
    document.body.innerHTML = `<main>
      <p>Источник: <b>AzurePortal-Create|contoso.crm-connector</b></p>
      <input value="SPZA-DNC|contoso.crm-connector"><textarea>Web</textarea>
      <div hidden><span>AppSource-PLT|contoso.crm-connector</span></div>
      <div style="display:none">AppSource-INS|contoso.crm-connector</div>
      <script>var s = "AppSource-PLT|contoso.crm-connector";</script>
      <table><tr><td><span>AzureMarketplace-INS|contoso.crm-connector</span></td></tr></table>
    </main>`;
    const ex = generic.extract(document, url);
    expect(inputs(ex)).toEqual([
      'AzurePortal-Create|contoso.crm-connector',
      'SPZA-DNC|contoso.crm-connector',
      'AzureMarketplace-INS|contoso.crm-connector',
    ]);
    expect(ex.map((e) => e.anchor.localName)).toEqual(['b', 'input', 'span']);
    expect(ex.map((e) => e.view)).toEqual(['record', 'record', 'list']);
    expect(ex[0]!.field).toMatch(/^text-[0-9a-z]+$/);
  });

  it('ignores what LeadLens itself put on the page', () => {
    document.body.innerHTML = '<p>SPZA-PLT|a.b</p><span data-leadlens>SPZA-PLT|a.b</span>';
    expect(generic.extract(document, new URL('https://x.example/'))).toHaveLength(1);
  });
});

describe('dates as CRMs print them', () => {
  it.each([
    ['14.05.2025 09:42', new Date(2025, 4, 14, 9, 42).toISOString()],
    ['5/14/2025 9:42 PM', new Date(2025, 4, 14, 21, 42).toISOString()],
    ['14/05/2025', new Date(2025, 4, 14).toISOString()],
    ['2025-05-14 07:05', new Date(2025, 4, 14, 7, 5).toISOString()],
    ['2025-05-14T07:05:00Z', '2025-05-14T07:05:00.000Z'],
  ])('%s', (text, iso) => expect(parseShownDate(text)).toBe(iso));

  it.each(['', 'вчера', '31.02.2025', '14 мая 2025', '14.05.2025 14:61', '14.05.2025 24:00'])('leaves %j alone', (text) =>
    expect(parseShownDate(text)).toBeUndefined(),
  );
});
