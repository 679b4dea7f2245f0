// Service-worker wiring. Listeners are registered synchronously at start-up (MV3 requirement);
// nothing that matters lives only in memory, since the worker is stopped when idle.
import { browser, t, uiLang } from '../platform/browser';
import { handleMenuClick, MENU_ID } from './menu';
import { omniboxSuggestions } from './omnibox';
import type { MemoryPort } from './memory-port';
import { handleMessage, type RouterDeps } from './router';
import { dropTab } from './tab-state';
import { openMemory } from '../store/memory';

let memory: Promise<MemoryPort> | null = null;
function getMemory(): Promise<MemoryPort> {
  if (!memory) {
    // A failed open (blocked upgrade, no quota) is not cached: the next message tries again.
    const opening: Promise<MemoryPort> = openMemory().catch((error: unknown) => {
      memory = null;
      throw error;
    });
    memory = opening;
  }
  return memory;
}

/** Opens the side panel. Called synchronously from gesture handlers, so no await may precede it. */
function openSidePanel(target: { tabId?: number; windowId?: number }): Promise<void> {
  if (!chrome.sidePanel) {
    // Firefox: the panel is a sidebar, opened through sidebarAction (where the call is allowed).
    const sidebar = (globalThis as { browser?: { sidebarAction?: { open(): Promise<void> } } }).browser?.sidebarAction;
    return sidebar ? sidebar.open() : Promise.reject(new Error('This browser has no side panel.'));
  }
  if (target.tabId !== undefined) return chrome.sidePanel.open({ tabId: target.tabId });
  if (target.windowId !== undefined) return chrome.sidePanel.open({ windowId: target.windowId });
  return Promise.reject(new Error('No tab or window to open the side panel in.'));
}

async function localeMessages(lang: 'en' | 'ru'): Promise<Record<string, string>> {
  const response = await fetch(browser.runtime.getURL(`_locales/${lang}/messages.json`));
  const catalog = (await response.json()) as Record<string, { message: string }>;
  return Object.fromEntries(Object.entries(catalog).map(([key, entry]) => [key, entry.message]));
}

const deps: RouterDeps = { memory: getMemory, openSidePanel, extensionOrigin: browser.runtime.getURL(''), localeMessages };

browser.runtime.onInstalled.addListener(() => {
  void chrome.contextMenus.removeAll().then(() => {
    chrome.contextMenus.create({ id: MENU_ID, title: t('menuDecode'), contexts: ['selection'] });
  });
  void getMemory()
    .then((m) => m.purge())
    .catch(() => undefined);
});

browser.runtime.onStartup.addListener(() => {
  void getMemory()
    .then((m) => m.purge())
    .catch(() => undefined);
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  void handleMenuClick(info, tab, { openSidePanel });
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  handleMessage(message, sender, deps).then(sendResponse, (error: unknown) => sendResponse({ error: String(error) }));
  return true; // the reply is sent asynchronously
});

chrome.omnibox?.onInputChanged.addListener((text, suggest) => {
  suggest(omniboxSuggestions(text, uiLang()));
});
chrome.omnibox?.onInputEntered.addListener((text) => {
  // Pressing Enter is a user action: open the panel first, then file the text like a selection.
  void chrome.tabs
    .query({ active: true, lastFocusedWindow: true })
    .then(([tab]) => handleMenuClick({ menuItemId: MENU_ID, selectionText: text }, tab, { openSidePanel }));
});

chrome.tabs.onRemoved.addListener((tabId) => {
  void dropTab(tabId);
});

// Test hooks: the browser tests call the menu handler directly (a native context-menu click cannot be scripted).
(globalThis as { __leadlens?: unknown }).__leadlens = { handleMenuClick, openSidePanel, deps, MENU_ID };
