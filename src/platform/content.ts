// The content script's side of the platform: messages to the service worker and the badge strings, read
// from the extension API itself. No webextension-polyfill here (a tenth of the content script): Chromium's
// `chrome.*` and Firefox's `browser.*` both return promises for what the content script calls.
import type { Lang } from '../core/types';
import type { Message, Reply } from '../messaging/messages';

interface ContentApi {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
  };
  i18n: { getMessage(key: string, substitutions?: string | string[]): string; getUILanguage(): string };
}

const api = (): ContentApi => (globalThis as { browser?: ContentApi }).browser ?? (globalThis as unknown as { chrome: ContentApi }).chrome;

/** Sends a typed message to the service worker and returns its typed reply. */
export async function send<M extends Message>(message: M): Promise<Reply<M['type']>> {
  return (await api().runtime.sendMessage(message)) as Reply<M['type']>;
}

/** The browser's language, as LeadLens speaks it. */
export function uiLang(): Lang {
  return api().i18n.getUILanguage().toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** Strings already asked for: the browser's language does not change under a page, and each badge asks for several. */
const words = new Map<string, string>();

/** A string from public/_locales in the browser's language, or its key when missing. */
export function t(key: string, substitutions?: string | string[]): string {
  if (substitutions !== undefined) return api().i18n.getMessage(key, substitutions) || key;
  let word = words.get(key);
  if (word === undefined) {
    word = api().i18n.getMessage(key) || key;
    words.set(key, word);
  }
  return word;
}

/** True in Firefox, where a sidebar replaces Chrome's side panel and a click relayed by a page cannot open it. */
export function isFirefox(): boolean {
  return api().runtime.getURL('').startsWith('moz-extension:');
}

/**
 * Calls `onValue` with a storage.local value the service worker mirrors for content scripts (the offer
 * names), once when read and again on every change. Never waited for: the first look does not depend on it.
 */
export function watchLocal(key: string, onValue: (value: unknown) => void): void {
  const storage = api().storage;
  // A change that arrives before the first read answers is newer than what that read returns.
  let changed = false;
  storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(key in changes)) return;
    changed = true;
    onValue(changes[key]?.newValue);
  });
  storage.local.get(key).then(
    (got) => changed || onValue(got[key]),
    () => undefined,
  );
}
