// @vitest-environment node
// decodeAnyText: the one reading behind the CLI (decode, explain), the context menu, the address bar
// and the popup.
import { decodeAnyText, MAX_VALUE } from '../../../../src/core/leadsource';

const brief = (text: string) =>
  decodeAnyText(text).map((d) => ({ ok: d.ok, action: d.action, offerId: d.offer?.offerId ?? null, title: d.offer?.title ?? null }));

describe('decoding whatever text a rep hands over', () => {
  it('reads a one-line value as written, quotes in its offer title and all', () => {
    expect(brief('AzureMarketplace-INS|Contoso "Pro" Edition')).toEqual([
      { ok: true, action: 'INS', offerId: null, title: 'Contoso "Pro" Edition' },
    ]);
    expect(brief('AppSource-PLT|Contoso Inc.')[0]?.title).toBe('Contoso Inc.');
  });

  it('keeps the spacing note and the exact input of a padded value (a CSV cell, a stdin line)', () => {
    const [d] = decodeAnyText('  SPZA-PLT|contoso.crm ');
    expect(d?.input).toBe('  SPZA-PLT|contoso.crm ');
    expect(d?.warnings).toContain('loose-spacing');
  });

  it('gives every value of a text with several lines, not one offer that swallows the next line', () => {
    expect(brief('AzureMarketplace-INS|contoso.crm\nAppSource-PLT|fabrikam.bi')).toEqual([
      { ok: true, action: 'INS', offerId: 'crm', title: 'contoso.crm' },
      { ok: true, action: 'PLT', offerId: 'bi', title: 'fabrikam.bi' },
    ]);
  });

  it('ends the offer at the line break when prose follows the value', () => {
    expect(brief('SPZA-INS|contoso.crm-connector\nPlease call me back')).toEqual([
      { ok: true, action: 'INS', offerId: 'crm-connector', title: 'contoso.crm-connector' },
    ]);
    expect(brief('AzurePortal-Create|Contoso VM\nPlease call me back')).toEqual([
      { ok: true, action: 'Create', offerId: null, title: 'Contoso VM' },
    ]);
  });

  it('gives every value of one line that holds several', () => {
    expect(brief('AzurePortal-Create|contoso.vm AppSource-PLT|fabrikam.bi').map((d) => d.offerId)).toEqual(['vm', 'bi']);
    expect(brief('AzurePortal-Create|Contoso VM AppSource-PLT|Fabrikam BI').map((d) => d.title)).toEqual(['Contoso VM', 'Fabrikam BI']);
  });

  it('leaves the full stop of a sentence out of an offer id', () => {
    expect(brief('AzureMarketplace-INS|contoso.crm-connector.')[0]?.offerId).toBe('crm-connector');
  });

  it('finds the value inside prose', () => {
    expect(brief('Topic: AzurePortal-Create|contoso.vm, call back')).toEqual([
      { ok: true, action: 'Create', offerId: 'vm', title: 'contoso.vm' },
    ]);
  });

  it('finds the value at the start of a text too long to be one', () => {
    const long = `AzureMarketplace-INS|contoso.crm ${'and more words '.repeat(Math.ceil(MAX_VALUE / 15))}`;
    expect(brief(long)).toEqual([{ ok: true, action: 'INS', offerId: 'crm', title: 'contoso.crm' }]);
  });

  it('says why a text holding no LeadSource is not one', () => {
    const all = decodeAnyText('Partner Referral');
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ ok: false, reason: 'not-marketplace', input: 'Partner Referral' });
    expect(decodeAnyText('   ')[0]?.reason).toBe('empty');
  });
});
