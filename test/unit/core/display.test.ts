// @vitest-environment node
// The display facts written once in core: offer label, lead time, customer name, locale tag.
import { customerName, leadTime, localeTag, offerLabel } from '../../../src/core/display';
import { decodeLeadSource } from '../../../src/core/leadsource';
import { leadFromHttpsPayload } from '../../../src/core/payloads';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('offerLabel', () => {
  it('names a decoded offer id as publisher.offer, the way it arrived', () => {
    expect(offerLabel(decodeLeadSource('AzureMarketplace-INS|contoso.crm-connector').offer)).toBe('contoso.crm-connector');
  });

  it('keeps a display title, and the fragment of a cut value', () => {
    expect(offerLabel(decodeLeadSource('AzureMarketplace-StartTestDrive|Red Hat OpenShift').offer)).toBe('Red Hat OpenShift');
    // 40 characters: Salesforce's picklist cap, so the offer may be cut; it is shown as it arrived.
    const cut = decodeLeadSource('AppSource-INS|contoso.crm-connector-prem');
    expect(cut.input).toHaveLength(40);
    expect(cut.warnings).toContain('possibly-truncated');
    expect(cut.offer?.offerId).toBe('crm-connector-prem');
    expect(offerLabel(cut.offer)).toBe('contoso.crm-connector-prem');
    // A sign of a cut (an ellipsis) still withholds the id.
    const shown = decodeLeadSource('AppSource-INS|contoso.crm-conn…');
    expect(shown.offer?.offerId).toBeNull();
    expect(offerLabel(shown.offer)).toBe('contoso.crm-conn');
  });

  it('prefers the title a payload gives over the ids', () => {
    const lead = leadFromHttpsPayload({
      LeadSource: 'AzureMarketplace',
      ActionCode: 'INS',
      OfferTitle: 'Contoso CRM Connector',
      ProductId: 'contoso.crm-connector',
    });
    expect(lead.leadSource?.offer?.offerId).toBe('crm-connector');
    expect(offerLabel(lead.leadSource?.offer)).toBe('Contoso CRM Connector');
  });

  it('falls back to the ids, the publisher, or nothing', () => {
    expect(offerLabel({ publisherId: 'contoso', offerId: 'crm', title: null })).toBe('contoso.crm');
    expect(offerLabel({ publisherId: 'contoso', offerId: null, title: null })).toBe('contoso');
    expect(offerLabel(null)).toBe('');
    expect(offerLabel(decodeLeadSource('AzureMarketplace-INS').offer)).toBe('');
  });
});

describe('leadTime', () => {
  const test = decodeLeadSource('MSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|Offer');

  it('counts from the created time first', () => {
    const at = leadTime({ createdAt: '2026-11-20T08:00:00Z', leadSource: test, firstSeen: '2026-11-24T08:00:00Z' }, NOW);
    expect(at.toISOString()).toBe('2026-11-20T08:00:00.000Z');
  });

  it('then from the moment a test lead encodes, then from when it was first seen, then now', () => {
    expect(leadTime({ leadSource: test, firstSeen: '2026-11-24T08:00:00Z' }, NOW).toISOString()).toBe(
      new Date(test.testLeadTime!).toISOString(),
    );
    expect(test.testLeadTime).toMatch(/^2018-03-22T15:48/);
    expect(leadTime({ firstSeen: '2026-11-24T08:00:00Z' }, NOW).toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(leadTime({}, NOW)).toBe(NOW);
  });

  it('skips a date it cannot read instead of counting from an invalid date', () => {
    expect(leadTime({ createdAt: 'yesterday', firstSeen: '2026-11-24T08:00:00Z' }, NOW).toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(leadTime({ createdAt: 'not a date' }, NOW)).toBe(NOW);
  });
});

describe('customerName', () => {
  it('joins first and last name, else takes the full name, trimmed', () => {
    expect(customerName({ firstName: ' Алексей ', lastName: 'Смирнов', fullName: 'A. Smirnov' })).toBe('Алексей Смирнов');
    expect(customerName({ lastName: 'Smirnov' })).toBe('Smirnov');
    expect(customerName({ fullName: '  Jane Doe ' })).toBe('Jane Doe');
  });

  it('is empty when the record names nobody', () => {
    expect(customerName({ email: 'a@b.c', company: 'Fabrikam' })).toBe('');
    expect(customerName({ firstName: '  ', fullName: '' })).toBe('');
  });
});

describe('localeTag', () => {
  it('formats dates the Russian way in Russian and the British way in English', () => {
    expect(localeTag('ru')).toBe('ru-RU');
    expect(localeTag('en')).toBe('en-GB');
  });
});
