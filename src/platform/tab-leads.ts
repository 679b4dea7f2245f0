// How an extension page follows a tab's view (messaging/tab-view.ts), which the service worker keeps
// in storage.session: read it once, then hear every change. Pages never spell the storage key
// themselves.
import { tabKey, type TabLeads } from '../messaging/tab-view';
import { browser } from './browser';

type Changes = Record<string, { newValue?: unknown }>;

/** Calls `onChange` with the tab's view now and after every change; returns a function that stops it. */
export function watchTabLeads(tabId: number, onChange: (state: TabLeads | null) => void): () => void {
  return watchSessionKey(tabKey(tabId), onChange);
}

/** Calls `onChange` with one storage.session value now and after every change; returns a function that stops it. */
export function watchSessionKey<V>(key: string, onChange: (value: V | null) => void): () => void {
  let stopped = false;
  let heard = false;
  const onStorage = (changes: Changes) => {
    if (stopped || !(key in changes)) return;
    heard = true;
    onChange((changes[key]!.newValue as V | undefined) ?? null);
  };
  browser.storage.session.onChanged.addListener(onStorage);
  void browser.storage.session.get(key).then((got) => {
    // A change heard meanwhile is newer than what this first read saw.
    if (!stopped && !heard) onChange((got[key] as V | undefined) ?? null);
  });
  return () => {
    stopped = true;
    browser.storage.session.onChanged.removeListener(onStorage);
  };
}

/** Calls `onChange` with the active tab of this page's window now and whenever the rep switches tabs. */
export function watchActiveTab(onChange: (tabId: number | null) => void): () => void {
  let stopped = false;
  const refresh = async () => {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!stopped) onChange(active?.id ?? null);
  };
  const onActivated = () => void refresh();
  browser.tabs.onActivated.addListener(onActivated);
  void refresh();
  return () => {
    stopped = true;
    browser.tabs.onActivated.removeListener(onActivated);
  };
}
