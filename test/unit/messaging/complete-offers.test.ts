// A page that decodes by itself (the popup) completes a cut offer id from the dictionary it can read and the
// ids the worker knows, asked with a short timeout; a slow or failing worker leaves what the page has.
import { describe, expect, it, vi } from 'vitest';
import { decodeLeadSource } from '../../../src/core/leadsource';
import { completeOffers } from '../../../src/messaging/complete-offers';
import type { Ask } from '../../../src/messaging/messages';

const CUT = 'AzureMarketplace-INS|fabrikam.sales-insi'; // exactly 40 characters: may be cut
const decoded = () => [decodeLeadSource(CUT)];
const answering = (ids: string[]) => vi.fn(async () => ({ ids })) as unknown as Ask & ReturnType<typeof vi.fn>;
const never = (() => new Promise(() => undefined)) as unknown as Ask;

describe('completing a pasted cut offer id', () => {
  it('from the ids the worker knows (memory and dictionary), asking with the fragment the value shows', async () => {
    const ask = answering(['fabrikam.sales-insights']);
    const [d] = await completeOffers(decoded(), { dictionary: async () => [], ask });
    expect(ask).toHaveBeenCalledWith({ type: 'offer-ids', prefix: 'fabrikam.sales-insi' });
    expect(d!.offer).toMatchObject({ offerId: 'sales-insights', completedFrom: 'fabrikam.sales-insi' });
    expect(d!.warnings).toContain('offer-completed');
  });

  it('from the dictionary alone when the worker does not answer in time', async () => {
    const started = Date.now();
    const [d] = await completeOffers(decoded(), { dictionary: async () => ['fabrikam.sales-insights'], ask: never, timeoutMs: 30 });
    expect(d!.offer?.offerId).toBe('sales-insights');
    expect(Date.now() - started).toBeLessThan(5_000); // it gave up on the worker rather than waiting for ever
  });

  it('counter-cases: no answer, a failing worker, or two offers it could be leave the value "may be cut"', async () => {
    for (const ask of [
      never,
      (async () => Promise.reject(new Error('no worker'))) as unknown as Ask,
      answering(['fabrikam.sales-insights', 'fabrikam.sales-insight-pro']),
    ]) {
      const [d] = await completeOffers(decoded(), { dictionary: async () => Promise.reject(new Error('no storage')), ask, timeoutMs: 30 });
      expect(d!.warnings).toContain('possibly-truncated');
      expect(d!.offer?.offerId).toBe('sales-insi');
    }
  });

  it('a whole value is not asked about', async () => {
    const ask = answering(['fabrikam.sales-pilot-plus']);
    const whole = [decodeLeadSource('AzureMarketplace-PLT|fabrikam.sales-pilot')];
    expect(await completeOffers(whole, { dictionary: async () => [], ask })).toEqual(whole);
    expect(ask).not.toHaveBeenCalled();
  });
});
