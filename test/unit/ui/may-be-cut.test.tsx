// A value that may be cut keeps its offer id on the card, marked "may be cut" (issue 10).
import { render, waitFor } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/platform/browser', () => ({
  t: (k: string, sub?: string) => (sub ? `[${k}:${sub}]` : `[${k}]`),
  uiLang: () => 'en',
  send: async () => null,
}));
const { LeadCard } = await import('../../../src/ui/LeadCard');
const { completeOffer, decodeLeadSource } = await import('../../../src/core/leadsource');
const { Popup } = await import('../../../src/ui/Popup');
const { completeOffers } = await import('../../../src/messaging/complete-offers');

describe('the lead card on a value that may be cut', () => {
  it('shows the offer id it has, marked "may be cut", with the warning in words', () => {
    const { container } = render(<LeadCard decoded={decodeLeadSource('AzureMarketplace-INS|checkpoint.check-po')} lang="en" />);
    expect(container.querySelector('[data-field="offer"]')!.textContent).toBe('check-po');
    expect(container.querySelector('[data-field="publisher"]')!.textContent).toBe('checkpoint');
    expect(container.querySelector('[data-field="may-be-cut"]')!.textContent).toContain('[offerMayBeCut]');
    expect(container.querySelector('[data-warning="possibly-truncated"]')!.textContent).toMatch(/^May be cut/);
  });

  it('counter-case: a whole 41-character value carries no mark', () => {
    const { container } = render(<LeadCard decoded={decodeLeadSource('AzureMarketplace-PLT|fabrikam.sales-pilot')} lang="en" />);
    expect(container.querySelector('[data-field="offer"]')!.textContent).toBe('sales-pilot');
    expect(container.querySelector('[data-field="may-be-cut"]')).toBeNull();
  });

  it('both languages say it', () => {
    const root = join(__dirname, '../../../public/_locales');
    const msg = (lang: string) => JSON.parse(readFileSync(join(root, lang, 'messages.json'), 'utf8')).offerMayBeCut.message;
    expect(msg('en')).toBe('may be cut');
    expect(msg('ru')).toBe('может быть обрезано');
  });

  it('a cut id completed from a known offer shows the whole id and what it was completed from', () => {
    const decoded = completeOffer(decodeLeadSource('AzureMarketplace-INS|checkpoint.check-po'), ['checkpoint.check-point-r77-10sg-byol']);
    const { container } = render(<LeadCard decoded={decoded} lang="en" />);
    expect(container.querySelector('[data-field="offer"]')!.textContent).toBe('check-point-r77-10sg-byol');
    expect(container.querySelector('[data-field="completed-from"]')!.textContent).toContain('[offerCompletedFrom:checkpoint.check-po]');
    expect(container.querySelector('[data-field="may-be-cut"]')).toBeNull();
    expect(container.querySelector('[data-warning="offer-completed"]')).not.toBeNull();
    const root = join(__dirname, '../../../public/_locales');
    const msg = (lang: string) => JSON.parse(readFileSync(join(root, lang, 'messages.json'), 'utf8')).offerCompletedFrom.message;
    expect([msg('en'), msg('ru')]).toEqual(['completed from $p1$', 'дополнено из $p1$']);
  });
});

describe('the popup on a pasted value that may be cut', () => {
  const CUT = 'AzureMarketplace-INS|fabrikam.sales-insi';

  it('shows it decoded at once, then completed when the known ids answer', async () => {
    let answer: (ids: string[]) => void = () => undefined;
    const dictionary = () => new Promise<string[]>((resolve) => (answer = resolve));
    const { container } = render(<Popup initialText={CUT} complete={(d) => completeOffers(d, { dictionary })} />);
    const offer = () => container.querySelector('[data-field="offer"]')!.textContent;
    expect(offer()).toBe('sales-insi');
    expect(container.querySelector('[data-field="may-be-cut"]')).not.toBeNull();
    answer(['fabrikam.sales-insights']);
    await waitFor(() => expect(offer()).toBe('sales-insights'));
    expect(container.querySelector('[data-field="completed-from"]')!.textContent).toContain('[offerCompletedFrom:fabrikam.sales-insi]');
  });

  it('counter-case: with nothing known it stays "may be cut"', async () => {
    const complete = vi.fn((d: Parameters<typeof completeOffers>[0]) => completeOffers(d, { dictionary: async () => [] }));
    const { container } = render(<Popup initialText={CUT} complete={complete} />);
    await waitFor(() => expect(complete).toHaveBeenCalled());
    await complete.mock.results[0]!.value;
    expect(container.querySelector('[data-field="offer"]')!.textContent).toBe('sales-insi');
    expect(container.querySelector('[data-field="may-be-cut"]')).not.toBeNull();
  });
});
