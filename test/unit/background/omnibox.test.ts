import { vi } from 'vitest';
import { fakeBrowser } from '../fake-browser';

vi.mock('../../../src/platform/browser', () => ({
  browser: fakeBrowser().browser,
  t: (k: string) => k,
  uiLang: () => 'en',
  send: vi.fn(),
}));
const { omniboxSuggestions, escapeXml } = await import('../../../src/background/omnibox');

describe('address-bar shortcut', () => {
  it('describes a typed LeadSource', () => {
    const [s] = omniboxSuggestions('AzureMarketplace-INS|contoso.crm-connector', 'en');
    expect(s?.content).toBe('AzureMarketplace-INS|contoso.crm-connector');
    expect(s?.description).toContain('<match>AzureMarketplace-INS|contoso.crm-connector</match>');
    expect(s?.description).toContain('contoso.crm-connector');
  });

  it('speaks Russian when asked', () => {
    expect(omniboxSuggestions('SPZA-PLT|a.b', 'ru')[0]?.description).toMatch(/[А-Яа-я]/);
  });

  it('cannot be fed markup: the address bar gets escaped text', () => {
    const [s] = omniboxSuggestions('AppSource-PLT|<b onclick="x">&</b>', 'en');
    expect(s?.description).not.toMatch(/<b|onclick="/);
    expect(escapeXml(`<a href='x'>&</a>`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;');
  });

  it('says why text is not a LeadSource, and stays quiet on empty input', () => {
    expect(omniboxSuggestions('Web', 'en')[0]?.description).toContain('<dim>Web</dim>');
    expect(omniboxSuggestions('   ', 'en')).toEqual([]);
  });
});
