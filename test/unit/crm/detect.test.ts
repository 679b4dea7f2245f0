// Page detection per CRM against example URLs (refined-github style): each adapter claims exactly its
// lead pages and nothing else.
import { adapterFor, dynamics, hubspot, salesforce } from '../../../src/crm';
import type { CrmAdapter, PageKind } from '../../../src/crm';

const doc = () => document;

function expectDetect(adapter: CrmAdapter, url: string, expected: Partial<PageKind> | null): void {
  const kind = adapter.detect(new URL(url), doc());
  if (expected === null) expect(kind, url).toBeNull();
  else expect(kind, url).toMatchObject(expected);
}

const D = 'https://contoso.crm4.dynamics.com/main.aspx?appid=5c1f8a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b';

describe('Dynamics 365 detection', () => {
  it.each([
    [
      `${D}&pagetype=entityrecord&etn=lead&id=9f2e0c5a-1b2c-4d3e-8f90-0123456789ab`,
      { view: 'record', recordId: '9f2e0c5a-1b2c-4d3e-8f90-0123456789ab' },
    ],
    [
      'https://org.crm.dynamics.com/main.aspx?etn=lead&pagetype=entityrecord&id=%7B9F2E0C5A-1B2C-4D3E-8F90-0123456789AB%7D',
      { view: 'record', recordId: '9f2e0c5a-1b2c-4d3e-8f90-0123456789ab' },
    ],
    ['https://org.crm11.dynamics.com/main.aspx?appid=1&forceUCI=1&pagetype=entityrecord&etn=lead', { view: 'record', recordId: null }],
    [`${D}&pagetype=entitylist&etn=lead&viewid=00000000-0000-0000-00aa-000010001003&viewType=1039`, { view: 'list', recordId: null }],
    ['https://org.crm4.dynamics.com.mcas.ms/main.aspx?pagetype=entitylist&etn=lead', { view: 'list' }],
    ['https://org.crm.dynamics.com/main.aspx?PageType=EntityList&Etn=Lead', { view: 'list' }],
  ] as const)('claims %s', (url, kind) => expectDetect(dynamics, url, { crm: 'dynamics', entity: 'lead', ...kind }));

  it.each([
    `${D}&pagetype=entityrecord&etn=contact&id=9f2e0c5a-1b2c-4d3e-8f90-0123456789ab`,
    `${D}&pagetype=entitylist&etn=account`,
    `${D}&pagetype=dashboard&id=1`,
    `${D}&pagetype=entityrecord`,
    'https://contoso.crm4.dynamics.com/api/data/v9.2/leads',
    'https://dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=lead',
    'https://make.powerapps.com/environments/x/solutions',
    'https://example.com/main.aspx?pagetype=entityrecord&etn=lead',
  ])('ignores %s', (url) => expectDetect(dynamics, url, null));

  it('recognises an on-premises server by its UCI landmarks', () => {
    const url = 'https://crm.contoso.local/Sales/main.aspx?pagetype=entityrecord&etn=lead&id=9f2e0c5a-1b2c-4d3e-8f90-0123456789ab';
    expectDetect(dynamics, url, null);
    document.body.innerHTML = '<div data-id="topBar"></div>';
    expectDetect(dynamics, url, { view: 'record' });
    document.body.innerHTML = '';
  });
});

describe('Salesforce detection', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view', { view: 'record', recordId: '00Q5g00000AbCdEEAV' }],
    ['https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdE/view', { view: 'record', recordId: '00Q5g00000AbCdE' }],
    ['https://acme.lightning.force.com/lightning/r/00Q5g00000AbCdEEAV/view', { view: 'record', recordId: '00Q5g00000AbCdEEAV' }],
    ['https://acme.my.salesforce.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view?ws=%2Flightning', { view: 'record' }],
    ['https://acme.lightning.force.com/lightning/o/Lead/list?filterName=00B5g000004XyZaEAK', { view: 'list', recordId: null }],
    ['https://acme.lightning.force.com/lightning/o/Lead/list?filterName=Recent', { view: 'list' }],
    ['https://acme.lightning.force.com/lightning/o/Lead/home', { view: 'list' }],
  ] as const)('claims %s', (url, kind) => expectDetect(salesforce, url, { crm: 'salesforce', entity: 'Lead', ...kind }));

  it.each([
    'https://acme.lightning.force.com/lightning/r/Account/0015g00000AbCdEEAV/view',
    'https://acme.lightning.force.com/lightning/r/0035g00000AbCdEEAV/view',
    'https://acme.lightning.force.com/lightning/o/Opportunity/list',
    'https://acme.lightning.force.com/lightning/page/home',
    'https://acme.lightning.force.com/lightning/setup/ObjectManager/Lead/view',
    'https://lightning.force.com.example.org/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
    'https://www.salesforce.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
  ])('ignores %s', (url) => expectDetect(salesforce, url, null));
});

describe('HubSpot detection', () => {
  it.each([
    ['https://app.hubspot.com/contacts/1234567/record/0-1/987654321', { view: 'record', recordId: '987654321', entity: '0-1' }],
    ['https://app-eu1.hubspot.com/contacts/1234567/record/0-1/987654321/', { view: 'record', recordId: '987654321' }],
    ['https://app.hubspot.com/contacts/1234567/record/0-136/5551', { view: 'record', entity: '0-136' }],
    ['https://app.hubspot.com/contacts/1234567/contact/987654321', { view: 'record', recordId: '987654321' }],
    ['https://app.hubspot.com/contacts/1234567/objects/0-1/views/all/list', { view: 'list', recordId: null }],
  ] as const)('claims %s', (url, kind) => expectDetect(hubspot, url, { crm: 'hubspot', ...kind }));

  it.each([
    'https://app.hubspot.com/contacts/1234567/record/0-2/55',
    'https://app.hubspot.com/contacts/1234567/record/0-3/55',
    'https://app.hubspot.com/reports-dashboard/1234567/view/1',
    'https://app.hubspot.com/contacts/1234567/objects/0-2/views/all/list',
    'https://www.hubspot.com/contacts/1234567/record/0-1/987654321',
    'https://app.hubspot.com.evil.example/contacts/1234567/record/0-1/987654321',
  ])('ignores %s', (url) => expectDetect(hubspot, url, null));
});

describe('adapter choice', () => {
  it('picks the adapter that claims the page, none for unknown sites', () => {
    expect(adapterFor(new URL('https://acme.lightning.force.com/lightning/o/Lead/list'), document)?.adapter.id).toBe('salesforce');
    expect(adapterFor(new URL('https://app.hubspot.com/contacts/1/record/0-1/2'), document)?.adapter.id).toBe('hubspot');
    expect(adapterFor(new URL(`${D}&pagetype=entitylist&etn=lead`), document)?.adapter.id).toBe('dynamics');
    expect(adapterFor(new URL('https://crm.example.org/leads/42'), document)).toBeNull();
  });
});
