// The one place that touches webextension-polyfill, so unit tests can replace it with vi.mock.
import browser, { type Runtime } from 'webextension-polyfill';
import type { Lang } from '../core/types';
import type { Message, Reply, Settings } from '../messaging/messages';

export { browser };

/** Sends a typed message to the service worker and returns its typed reply. */
export async function send<M extends Message>(message: M): Promise<Reply<M['type']>> {
  return (await browser.runtime.sendMessage(message)) as Reply<M['type']>;
}

/**
 * Answers every message sent to this context with what `answer` resolves to. `answer` is called
 * synchronously, inside the event, so a user gesture that sent the message still counts in it.
 */
export function onMessage(answer: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown>): void {
  browser.runtime.onMessage.addListener(answer);
}

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

// chrome.i18n always follows the browser's language; when the rep picks the other one in the
// options, extension pages load that locale's messages.json and use it instead.
let chosen: { lang: Lang; messages: Catalog } | null = null;

function browserLang(): Lang {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** The language LeadLens speaks: the rep's choice when made, else the browser's. */
export function uiLang(): Lang {
  return chosen?.lang ?? browserLang();
}

/** Switches extension pages to the language set in the options ('auto' follows the browser). */
export async function applyLanguage(setting: 'auto' | Lang): Promise<void> {
  if (setting === 'auto' || setting === browserLang()) {
    chosen = null;
    return;
  }
  const response = await fetch(browser.runtime.getURL(`_locales/${setting}/messages.json`));
  chosen = { lang: setting, messages: (await response.json()) as Catalog };
}

/**
 * Reads the settings from the service worker and applies the language (falling back to the browser's);
 * returns the settings, or null when the worker did not answer.
 */
export async function applyLanguageSetting(): Promise<Settings | null> {
  let settings: Settings | null = null;
  try {
    settings = await send({ type: 'get-settings' });
    await applyLanguage(settings.lang);
  } catch {
    chosen = null;
  }
  markPageLanguage();
  return settings;
}

/**
 * Tells the page which language it speaks (`<html lang>`), so screen readers read Russian text with
 * Russian rules and English with English ones.
 */
export function markPageLanguage(doc: Document | undefined = globalThis.document): void {
  if (doc) doc.documentElement.lang = uiLang();
}

/** True in Firefox, where a sidebar replaces Chrome's side panel and only a shortcut or a click in LeadLens's own pages opens it. */
export function isFirefox(): boolean {
  return browser.runtime.getURL('').startsWith('moz-extension:');
}

function fill(entry: Catalog[string], substitutions: string[]): string {
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, i: string) => substitutions[Number(i) - 1] ?? '');
  });
}

/** A string from public/_locales, falling back to the key so a missing entry is visible, not blank. */
export function t(key: string, substitutions?: string | string[]): string {
  const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
  const entry = chosen?.messages[key];
  if (entry) return fill(entry, subs);
  return browser.i18n.getMessage(key, substitutions) || key;
}
