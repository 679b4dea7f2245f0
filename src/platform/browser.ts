// The one place that touches webextension-polyfill, so unit tests can replace it with vi.mock.
import browser from 'webextension-polyfill';
import type { Lang } from '../core/types';
import type { Message, Reply } from '../messaging/messages';

export { browser };

/** Sends a typed message to the service worker and returns its typed reply. */
export async function send<M extends Message>(message: M): Promise<Reply<M['type']>> {
  return (await browser.runtime.sendMessage(message)) as Reply<M['type']>;
}

/** The browser's UI language, reduced to the two LeadLens speaks. */
export function uiLang(): Lang {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** A string from public/_locales, falling back to the key so a missing entry is visible, not blank. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
