// Service-worker wiring. Listeners are registered synchronously at start-up (MV3 requirement);
// nothing that matters lives only in memory, since the worker is stopped when idle. Every browser API
// is reached through src/platform/.
import { browser, onMessage, t, uiLang } from '../platform/browser';
import { listCrmAddresses } from '../platform/crm-addresses';
import { FOLLOW_UP_KEY } from '../core/follow-up';
import { OFFER_NAMES_KEY } from '../platform/offer-names';
import { openSidePanel } from '../platform/side-panel';
import { type LeadMemory, openMemory } from '../store/memory';
import type { Settings } from '../store/types';
import { handleCommand } from './commands';
import { handleMenuClick, MENU_ID } from './menu';
import { omniboxSuggestions } from './omnibox';
import { handleMessage, type RouterDeps } from './router';
import { dropTab } from './tab-state';
import { dropTeamView } from './team-view';

let memory: Promise<LeadMemory> | null = null;
function getMemory(): Promise<LeadMemory> {
  if (!memory) {
    // A failed open (blocked upgrade, no quota) is not cached: the next message tries again.
    const opening: Promise<LeadMemory> = openMemory().catch((error: unknown) => {
      memory = null;
      throw error;
    });
    memory = opening;
  }
  return memory;
}

async function localeMessages(lang: 'en' | 'ru'): Promise<Record<string, string>> {
  const response = await fetch(browser.runtime.getURL(`_locales/${lang}/messages.json`));
  const catalog = (await response.json()) as Record<string, { message: string }>;
  return Object.fromEntries(Object.entries(catalog).map(([key, entry]) => [key, entry.message]));
}

const publishSettings = (settings: Settings) => browser.storage.local.set({ [FOLLOW_UP_KEY]: settings.followUpHours });

/** The settings' copy for content scripts, written at install, update and browser start (it may predate the setting). */
function republishSettings(): void {
  void getMemory()
    .then((m) => m.getSettings())
    .then(publishSettings)
    .catch(() => undefined);
}

const deps: RouterDeps = {
  memory: getMemory,
  openSidePanel,
  extensionOrigin: browser.runtime.getURL(''),
  localeMessages,
  crmAddresses: listCrmAddresses,
  teamMemory: getMemory,
  desk: getMemory,
  publishOffers: (names) => browser.storage.local.set({ [OFFER_NAMES_KEY]: names }),
  publishSettings,
};

browser.runtime.onInstalled.addListener(() => {
  void browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: MENU_ID, title: t('menuDecode'), contexts: ['selection'] });
  });
  void getMemory()
    .then((m) => m.purge())
    .catch(() => undefined);
  republishSettings();
});

browser.runtime.onStartup.addListener(() => {
  republishSettings();
  void getMemory()
    .then((m) => m.purge())
    .catch(() => undefined);
  // The team check's answers last one browser session.
  void getMemory()
    .then((m) => m.clearTeamChecks())
    .catch(() => undefined);
});

/** The menu and the address bar complete a cut offer id from the memory's offers. */
const menuDeps = { openSidePanel, knownOfferIds: () => getMemory().then((m) => m.knownOfferIds()) };

browser.contextMenus.onClicked.addListener((info, tab) => {
  void handleMenuClick(info, tab, menuDeps);
});

// The reply is the handler's promise; a handler that throws still answers, with the reason.
onMessage((message, sender) => handleMessage(message, sender, deps).catch((error: unknown) => ({ error: String(error) })));

browser.omnibox?.onInputChanged.addListener((text, suggest) => {
  suggest(omniboxSuggestions(text, uiLang()));
});
browser.omnibox?.onInputEntered.addListener((text) => {
  // Pressing Enter is a user action: open the panel first, then file the text like a selection.
  void browser.tabs
    .query({ active: true, lastFocusedWindow: true })
    .then(([tab]) => handleMenuClick({ menuItemId: MENU_ID, selectionText: text }, tab, menuDeps));
});

browser.commands?.onCommand.addListener((command, tab) => {
  void handleCommand(command, tab, { openSidePanel });
});

browser.tabs.onRemoved.addListener((tabId) => {
  void dropTab(tabId);
  void dropTeamView(tabId);
});

// Test hooks: the browser tests call the menu handler directly (a native context-menu click cannot be scripted).
(globalThis as { __leadlens?: unknown }).__leadlens = { handleMenuClick, openSidePanel, deps, menuDeps, MENU_ID };
