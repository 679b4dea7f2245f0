// @vitest-environment node
// Over 300 lines on purpose: one group of specs per payload reader, sharing sample payloads.
import { CsvError } from '../../../src/core/csv';
import {
  csvColumns,
  leadFromAzureTableRow,
  leadFromCsvRow,
  leadFromHttpsPayload,
  leadFromWebToLead,
  parseLeadDate,
  parsePayloadJson,
  PayloadError,
  readLeadsCsv,
} from '../../../src/core/payloads';

// Documented example bodies, verbatim.
const PC_EXAMPLE = `{
  "UserDetails": {
    "FirstName": "Some",
    "LastName": "One",
    "Email": "someone@contoso.com",
    "Phone": "16175555555",
    "Country": "USA",
    "Company": "Contoso",
    "Title": "Esquire"
 },
  "LeadSource": "AzureMarketplace",
  "ActionCode": "INS",
  "OfferTitle": "Test Microsoft",
  "Description": "Test run through Power Automate"
}`;
const CAMEL_EXAMPLE = `{
  "userDetails": {
    "firstName": "Some",
    "lastName": "One",
    "email": "someone@contoso.com",
    "phone": "16175555555",
    "country": "USA",
    "company": "Contoso",
    "title": "Chief MS Documentation Tester"
 },
  "leadSource": "AzureMarketplace",
  "actionCode": "INS",
  "offerTitle": "Test Microsoft",
  "description": "Test run through Power Automate"
}`;
const OLD_EXAMPLE = `{
"OfferTitle": "Test Microsoft",
"LeadSource": "Test run through MS Flow",
"UserDetails": {
"Company": "Contoso",
"Country": "USA",
"Email": "someone@contoso.com",
"FirstName": "Some",
"LastName": "One",
"Phone": "16175555555",
"Title": "Esquire"
}
}`;
const FAQ_TEST_LEAD = `{
    "userDetails": {
      "FirstName": "MSFT_TEST_636573304831318844",
      "LastName": "MSFT_TEST_636573304831318844",
      "Email": "MSFT_TEST_636573304831318844@test.com",
      "Phone": "1234567890",
      "Country": "US",
      "Company": "MSFT_TEST_636573304831318844",
      "Title": "MSFT_TEST_636573304831318844"
    },
    "LeadSource": "AzureMarketplace",
    "ActionCode": "INS",
    "OfferTitle": "Contoso Test"
    "Description": "MSFT_TEST_636573304831318844"
}`;
const WEB_TO_LEAD = `company = MSFT_TEST_636573304831318844
country = US
description = MSFT_TEST_636573304831318844
email = MSFT_TEST_636573304831318844@test.com
encoding = UTF-8
encoding = UTF-8
first_name = MSFT_TEST_636573304831318844
last_name = MSFT_TEST_636573304831318844
lead_source = MSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|<Offer Name>
oid = 00Do0000000ZHog
phone = 1234567890
title = MSFT_TEST_636573304831318844`;
const SOME_ONE = {
  firstName: 'Some',
  lastName: 'One',
  email: 'someone@contoso.com',
  phone: '16175555555',
  country: 'USA',
  company: 'Contoso',
};

describe('HTTPS endpoint JSON', () => {
  it('reads the documented PascalCase body and completes the source with ActionCode', () => {
    const lead = leadFromHttpsPayload(PC_EXAMPLE);
    expect(lead.customer).toEqual({ ...SOME_ONE, title: 'Esquire' });
    expect(lead.leadSource).toMatchObject({
      ok: true,
      source: 'AzureMarketplace',
      action: 'INS',
      stage: 'active',
      offer: { title: 'Test Microsoft' },
      warnings: [],
    });
    expect(lead.offerTitle).toBe('Test Microsoft');
    expect(lead.description).toBe('Test run through Power Automate');
  });
  it('reads the camelCase body that actually arrives', () => {
    const lead = leadFromHttpsPayload(JSON.parse(CAMEL_EXAMPLE));
    expect(lead.customer).toEqual({ ...SOME_ONE, title: 'Chief MS Documentation Tester' });
    expect(lead.leadSource).toMatchObject({ source: 'AzureMarketplace', action: 'INS' });
  });
  it('reads keys in any casing', () => {
    const lead = leadFromHttpsPayload({ USERDETAILS: { FIRSTNAME: 'A', email: 'a@b.c' }, leadsource: 'SPZA-PLT|contoso.crm' });
    expect(lead.customer).toEqual({ firstName: 'A', email: 'a@b.c' });
    expect(lead.leadSource).toMatchObject({ source: 'AppSource', action: 'PLT', offer: { publisherId: 'contoso', offerId: 'crm' } });
  });
  it('reads a full Source-Action|Offer in LeadSource and puts OfferTitle on the offer', () => {
    const lead = leadFromHttpsPayload({
      leadSource: 'AzureMarketplace-StartTestDrive|redhat.openshift',
      offerTitle: 'Red Hat OpenShift',
      userDetails: {},
    });
    expect(lead.leadSource?.offer).toEqual({ publisherId: 'redhat', offerId: 'openshift', title: 'Red Hat OpenShift' });
  });
  it('keeps the customer of the older sample whose LeadSource is free text', () => {
    const lead = leadFromHttpsPayload(OLD_EXAMPLE);
    expect(lead.customer).toEqual({ ...SOME_ONE, title: 'Esquire' });
    expect(lead.leadSource).toMatchObject({ ok: false, reason: 'not-marketplace' });
  });
  it('tolerates the missing comma of the documented test lead and flags it as a test lead', () => {
    expect(parsePayloadJson(FAQ_TEST_LEAD).repaired).toBe(true);
    const lead = leadFromHttpsPayload(FAQ_TEST_LEAD);
    expect(lead.leadSource).toMatchObject({
      ok: true,
      testLead: true,
      stage: 'test',
      source: 'AzureMarketplace',
      action: 'INS',
      testLeadTime: '2018-03-22T15:48:03.131Z',
    });
    expect(lead.offerTitle).toBe('Contoso Test');
    expect(lead.customer.email).toBe('MSFT_TEST_636573304831318844@test.com');
  });
  it.each([
    ['not JSON at all', 'hello'],
    ['an array', '[1,2]'],
    ['null', null],
    ['an object without lead fields', { foo: 1 }],
    ['a number', 42],
  ])('rejects %s with PayloadError', (_name, value) => {
    expect(() => leadFromHttpsPayload(value)).toThrow(PayloadError);
  });
});

describe('Azure Table row', () => {
  const customerInfo = JSON.stringify({
    FirstName: 'MSFT_TEST_636737558587117715',
    LastName: 'MSFT_TEST_636737558587117715',
    Email: 'MSFT_TEST_636737558587117715@test.com',
    Phone: '1234567890',
    Country: 'US',
    Company: 'MSFT_TEST_636737558587117715',
    Title: 'MSFT_TEST_636737558587117715',
  });
  it('reads CustomerInfo as a JSON string, ProductId, OfferDisplayName and CreatedTime', () => {
    const lead = leadFromAzureTableRow({
      PartitionKey: '9:2F28:2F2018',
      RowKey: 'abc',
      ProductId: 'redhat.openshift-container-platform',
      CustomerInfo:
        '{"FirstName":"John","LastName":"Smith","Email":"jsmith@microsoft.com","Phone":"1234567890","Country":"US","Company":"Microsoft","Title":"CTO"}',
      LeadSource: 'AzureMarketplace-StartTestDrive|Red Hat OpenShift Container Platform',
      ActionCode: 'StartTestDrive',
      PublisherDisplayName: 'Red Hat',
      OfferDisplayName: 'Red Hat OpenShift Container Platform',
      CreatedTime: '2018-09-28T18:24:18.711Z',
      Description: 'Campaigns: ',
    });
    expect(lead.customer).toEqual({
      firstName: 'John',
      lastName: 'Smith',
      email: 'jsmith@microsoft.com',
      phone: '1234567890',
      country: 'US',
      company: 'Microsoft',
      title: 'CTO',
    });
    expect(lead.leadSource).toMatchObject({
      action: 'StartTestDrive',
      stage: 'trial',
      offer: { publisherId: 'redhat', offerId: 'openshift-container-platform', title: 'Red Hat OpenShift Container Platform' },
    });
    expect(lead.offerTitle).toBe('Red Hat OpenShift Container Platform');
    expect(lead.createdAt).toBe('2018-09-28T18:24:18.711Z');
    expect(lead.description).toBe('Campaigns:');
  });
  it('ProductId restores the id when LeadSource was cut', () => {
    const lead = leadFromAzureTableRow({
      ProductId: 'checkpoint.check-point-r77-10sg-byol',
      LeadSource: 'AzureMarketplace-INS|checkpoint.check-po',
      CustomerInfo: '{}',
    });
    expect(lead.leadSource?.offer).toMatchObject({ publisherId: 'checkpoint', offerId: 'check-point-r77-10sg-byol' });
    expect(lead.leadSource?.warnings).toContain('possibly-truncated');
  });
  it('reads the sample test entity as a test lead', () => {
    const lead = leadFromAzureTableRow({ CustomerInfo: customerInfo, LeadSource: 'AzureMarketplace', ActionCode: 'Create' });
    expect(lead.leadSource).toMatchObject({ testLead: true, stage: 'test', testLeadTime: expect.stringMatching(/^2018-09-28T18:24/) });
  });
  it('rejects a broken CustomerInfo or a row with nothing in it', () => {
    expect(() => leadFromAzureTableRow({ CustomerInfo: '{broken', LeadSource: 'AzureMarketplace' })).toThrow(/CustomerInfo/);
    expect(() => leadFromAzureTableRow({ PartitionKey: 'x' })).toThrow(PayloadError);
  });
});

describe('Salesforce web-to-lead', () => {
  it('reads the documented key = value test lead', () => {
    const lead = leadFromWebToLead(WEB_TO_LEAD);
    expect(lead.customer).toMatchObject({
      firstName: 'MSFT_TEST_636573304831318844',
      email: 'MSFT_TEST_636573304831318844@test.com',
      phone: '1234567890',
      country: 'US',
    });
    expect(lead.leadSource).toMatchObject({
      ok: true,
      testLead: true,
      stage: 'test',
      offer: { title: '<Offer Name>' },
      testLeadTime: '2018-03-22T15:48:03.131Z',
    });
    expect(lead.description).toBe('MSFT_TEST_636573304831318844');
  });
  it('reads a form-encoded body too', () => {
    const lead = leadFromWebToLead('first_name=Jane&last_name=Doe&lead_source=SPZA-PLT%7Ccontoso.crm&email=jane%40fabrikam.com');
    expect(lead.customer).toEqual({ firstName: 'Jane', lastName: 'Doe', email: 'jane@fabrikam.com' });
    expect(lead.leadSource).toMatchObject({ action: 'PLT', offer: { offerId: 'crm' } });
  });
  it('rejects text that is not web-to-lead', () => {
    expect(() => leadFromWebToLead('just some words')).toThrow(PayloadError);
  });
});

describe('CSV rows', () => {
  it.each([
    [['First Name', 'Last Name', 'Email Address', 'Company Name', 'Country', 'Phone Number', 'Job Title', 'Lead Source']],
    [['FirstName', 'LastName', 'Email', 'Company', 'Country', 'Phone', 'Title', 'LeadSource']],
    [['first_name', 'last_name', 'email', 'company', 'country', 'phone', 'title', 'lead_source']],
    [['Имя', 'Фамилия', 'Электронная почта', 'Компания', 'Страна', 'Телефон', 'Должность', 'Источник интереса']],
  ])('maps header spellings %j', (header) => {
    const cols = csvColumns(header);
    expect(cols).toMatchObject({ firstName: 0, lastName: 1, email: 2, company: 3, country: 4, phone: 5, title: 6, leadSource: 7 });
    const lead = leadFromCsvRow(cols, [
      'Jane',
      'Doe',
      'jane@fabrikam.com',
      'Fabrikam',
      'DE',
      '+49 30 1234567',
      'CTO',
      'SPZA-PLT|fabrikam.crm',
    ]);
    expect(lead.customer).toEqual({
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane@fabrikam.com',
      company: 'Fabrikam',
      country: 'DE',
      phone: '+49 30 1234567',
      title: 'CTO',
    });
    expect(lead.leadSource?.action).toBe('PLT');
  });
  it('reads a Partner Center style export with words for the call to action', () => {
    const csv =
      'Lead source,Call to action,Offer name,Customer name,Email,LeadCreationDateTime\r\nAppSource,Contact me,Contoso CRM,Jane Doe,jane@x.com,2023-06-01T08:30:00Z\r\n';
    const { leads, errors } = readLeadsCsv(csv);
    expect(errors).toEqual([]);
    expect(leads[0]!.lead).toMatchObject({
      customer: { fullName: 'Jane Doe', email: 'jane@x.com' },
      offerTitle: 'Contoso CRM',
      createdAt: '2023-06-01T08:30:00.000Z',
    });
    expect(leads[0]!.lead.leadSource).toMatchObject({
      source: 'AppSource',
      action: 'PLT',
      stage: 'interest',
      offer: { title: 'Contoso CRM' },
    });
  });
  it('numbers data rows from 1, skips blank rows and reports empty ones, then goes on', () => {
    const csv = 'Email,Lead Source,Notes\nfirst@x.com,AzurePortal-Create|a.b,\n,,\n,,only a note\nthird@x.com,Web,\n';
    const { leads, errors } = readLeadsCsv(csv);
    expect(leads.map((l) => l.row)).toEqual([1, 4]);
    expect(errors).toEqual([{ row: 3, line: 4, message: expect.stringMatching(/no lead source/i) }]);
    expect(leads[1]!.lead.leadSource).toMatchObject({ ok: false, reason: 'not-marketplace' });
  });
  it('throws on a header it cannot place, or an unterminated quote', () => {
    expect(() => readLeadsCsv('foo,bar\n1,2\n')).toThrow(PayloadError);
    expect(() => readLeadsCsv('Email,Lead Source\n"x@y.z,SPZA\n')).toThrow(CsvError);
  });
  it('reads export date forms', () => {
    expect(parseLeadDate('28.09.2018 18:24')).toBe('2018-09-28T18:24:00.000Z');
    expect(parseLeadDate('9/28/2018 6:24 PM')).toBe('2018-09-28T18:24:00.000Z');
    expect(parseLeadDate('2018-09-28T18:24:18Z')).toBe('2018-09-28T18:24:18.000Z');
    expect(parseLeadDate('soon')).toBeUndefined();
  });
});
