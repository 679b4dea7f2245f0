import { vi } from 'vitest';

const getUILanguage = vi.fn(() => 'ru-RU');
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: { getUILanguage: () => getUILanguage(), getMessage: (k: string) => k },
    runtime: {
      getURL: (p: string) => `moz-extension://abc/${p}`,
      sendMessage: async () => ({ lang: 'auto' }),
    },
  },
}));
const { applyLanguageSetting, isFirefox } = await import('../../../src/platform/browser');

describe('the language a page declares', () => {
  it('is the UI language, set on <html lang> once the setting is read (the html-has-lang fix)', async () => {
    document.documentElement.removeAttribute('lang');
    await applyLanguageSetting();
    expect(document.documentElement.lang).toBe('ru');
    getUILanguage.mockReturnValue('en-GB');
    await applyLanguageSetting();
    expect(document.documentElement.lang).toBe('en');
  });

  it('knows Firefox by its extension origin', () => {
    expect(isFirefox()).toBe(true);
  });
});
