// Completing an offer id that arrived cut, from offer ids LeadLens already knows (issue 10).
import { describe, expect, it } from 'vitest';
import { completeOffer, decodeLeadSource } from '../../../../src/core/leadsource';

const known = ['checkpoint.check-point-r77-10sg-byol', 'bitnami.openedxcypress', 'contoso.crm-connector', 'contoso.crm-connector-premium'];

describe('completeOffer', () => {
  it('completes a possibly cut id that is the start of one known id, with a note', () => {
    const cut = decodeLeadSource('AzureMarketplace-INS|checkpoint.check-po');
    expect(cut.warnings).toEqual(['possibly-truncated']);
    const done = completeOffer(cut, known);
    expect(done.offer).toEqual({
      publisherId: 'checkpoint',
      offerId: 'check-point-r77-10sg-byol',
      title: 'checkpoint.check-point-r77-10sg-byol',
      completedFrom: 'checkpoint.check-po',
    });
    expect(done.warnings).toEqual(['offer-completed']);
    expect(cut.offer?.offerId).toBe('check-po'); // the input is left alone
  });

  it('completes the fragment of a value with a sign of a cut (an ellipsis)', () => {
    const done = completeOffer(decodeLeadSource('SPZA-PLT|bitnami.openedx…'), known);
    expect(done.offer).toMatchObject({ publisherId: 'bitnami', offerId: 'openedxcypress', completedFrom: 'bitnami.openedx' });
    expect(done.warnings).toEqual(['offer-completed']);
  });

  it('an id at the limit that is itself a known id was whole: the warning goes', () => {
    const atLimit = decodeLeadSource('AzureMarketplace-INS|contoso.crm-connect');
    expect(atLimit.warnings).toEqual(['possibly-truncated']);
    const done = completeOffer(atLimit, ['contoso.crm-connect', 'fabrikam.crm-connector']);
    expect(done.warnings).toEqual([]);
    expect(done.offer).toMatchObject({ publisherId: 'contoso', offerId: 'crm-connect' });
    // ...unless a longer known id starts with it too: then it may still be cut.
    expect(completeOffer(atLimit, ['contoso.crm-connect', 'contoso.crm-connector'])).toBe(atLimit);
  });

  it('counter-cases: ambiguous, unknown or uncut values are left as they are', () => {
    // Two known ids start with the fragment: no guess.
    const ambiguous = decodeLeadSource('AzureMarketplace-INS|contoso.crm-connect…');
    expect(completeOffer(ambiguous, known)).toBe(ambiguous);
    // Whole values (39 and 41 characters) are never touched, even when a longer known id starts with them.
    const whole = decodeLeadSource('AzureMarketplace-INS|contoso.crm-connector');
    expect(whole.warnings).toEqual([]);
    expect(completeOffer(whole, known)).toBe(whole);
    // Nothing known starts with it.
    const unknown = decodeLeadSource('AzureMarketplace-INS|fabrikam.sales-pilo…');
    expect(completeOffer(unknown, known)).toBe(unknown);
    // A display title is not an id.
    const title = decodeLeadSource('AzureMarketplace-StartTestDrive|Fabrikam');
    expect(completeOffer(title, ['fabrikam.app'])).toBe(title);
  });
});
