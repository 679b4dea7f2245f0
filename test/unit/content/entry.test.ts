// The content script entry wires the lens to the platform wrapper and never touches page storage.
import { loadPage } from '../crm/load-fixture';
import { setUrl, sleep, t } from './helpers';

const sent: unknown[] = [];
const watched = new Map<string, (value: unknown) => void>();
vi.mock('../../../src/platform/content', () => ({
  send: vi.fn(async (m: unknown) => {
    sent.push(m);
    return { statuses: {} };
  }),
  uiLang: () => 'ru',
  t: (key: string) => t(key),
  isFirefox: () => false,
  watchLocal: (key: string, onValue: (value: unknown) => void) => watched.set(key, onValue),
}));

it('scans the page on load and reports its leads, without using page storage', async () => {
  setUrl(loadPage('hubspot-contact'));
  const idb = vi.spyOn(indexedDB, 'open');
  const local = vi.spyOn(Storage.prototype, 'setItem');
  await import('../../../src/content/index');
  // The first look runs in a task of its own, right after the script's start.
  await vi.waitFor(() => expect(document.querySelectorAll('[data-leadlens]')).toHaveLength(1));
  await sleep(50);
  // It asks which language the rep chose without waiting for the answer (this stub has none: the browser's
  // language stays), and reports the page.
  expect(sent).toEqual(
    expect.arrayContaining([
      { type: 'get-locale' },
      expect.objectContaining({ type: 'page-leads', url: 'https://app.hubspot.com/contacts/1234567/record/0-1/987654321' }),
    ]),
  );
  expect(sent).toHaveLength(2);
  expect(idb).not.toHaveBeenCalled();
  expect(local).not.toHaveBeenCalled();
  // The card speaks the browser's UI language.
  const chip = document.querySelector('[data-leadlens]')!.shadowRoot!.querySelector('.chip')!;
  chip.dispatchEvent(new Event('mouseenter'));
  const cardText = () => document.querySelector('[data-leadlens-card]')!.shadowRoot!.textContent;
  expect(cardText()).toContain('Тест-драйв');
  // The first reply is worded with the rep's follow-up window, which the worker mirrors into storage.local:
  // the playbook's 24 hours until it arrives, the setting once it has (the card is built when it opens).
  expect(cardText()).toContain('в течение 24 часов');
  watched.get('followUpHours')!(48);
  chip.dispatchEvent(new Event('mouseleave'));
  chip.dispatchEvent(new Event('mouseenter'));
  expect(cardText()).toContain('в течение 48 часов');
  expect(cardText()).not.toContain('24 час');
  watched.get('followUpHours')!(9999); // out of range: not the rep's setting
  chip.dispatchEvent(new Event('mouseleave'));
  chip.dispatchEvent(new Event('mouseenter'));
  expect(cardText()).toContain('в течение 24 часов');

  // The offer dictionary's names come from storage.local after the first badges (nothing waited for them):
  // the badges already painted get the name then, and a change to the dictionary reaches them too.
  const badge = document.querySelector('[data-leadlens]')!;
  const key = badge.getAttribute('data-leadlens-offer')!;
  expect(key).toMatch(/\./);
  expect(badge.hasAttribute('data-leadlens-offer-name')).toBe(false);
  watched.get('offerNames')!({ [key.toLowerCase()]: 'Friendly Product' });
  expect(badge.getAttribute('data-leadlens-offer-name')).toBe('Friendly Product');
  expect(badge.shadowRoot!.querySelector('.chip')!.getAttribute('aria-label')).toContain('Friendly Product');
  watched.get('offerNames')!({});
  expect(badge.hasAttribute('data-leadlens-offer-name')).toBe(false);
});
