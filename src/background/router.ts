// Answers every message the extension's pages and content scripts send. Validation happens first;
// privileged requests (export, import, forget, settings) are only taken from LeadLens's own pages, and
// the content scripts' types only from a tab whose page is on a CRM host (as the browser reports the
// sender's URL: the URL inside a message is the page's word and not trusted).
// Each message type has one handler in a typed table: a missing handler, or a reply that does not
// match Replies in messaging/messages.ts, does not compile.
import { safeRecordUrl } from '../core/bounds';
import { crmHostAccepted } from '../crm/hosts';
import type { Message, Reply } from '../messaging/messages';
import { parseMessage } from '../messaging/validate';
import { DEFAULT_SETTINGS, type Settings } from '../store/types';
import { describeError, type MemoryPort } from './memory-port';
import { type DeskDeps, deskHandlers, learnFromPage } from './desk';
import { offerIdsStartingWith } from './offers';
import { ingestPage } from './page-leads';
import { downloadPart, offerDownload, receivePart, takeUpload } from './transfers';
import { applyDecision, dropResults, updateAllTabs, updateTab } from './tab-state';
import { handleTeamCheck, TEAM_OFF, type TeamMemory } from './team-check';

export interface Sender {
  /** Set for content scripts: the tab the message came from. */
  tab?: { id?: number; windowId?: number };
  /** The sending document's URL (the frame's, for a content script in a frame), as the browser reports it. */
  url?: string;
  /** The sending frame (0 for the top frame). */
  frameId?: number;
  id?: string;
}

export interface RouterDeps {
  memory: () => Promise<MemoryPort>;
  /** Opens the side panel for a tab; must be called synchronously inside the gesture's event. */
  openSidePanel: (target: { tabId?: number; windowId?: number }) => Promise<void>;
  /** chrome-extension://<id>/ — messages from pages outside it are not trusted with privileged types. */
  extensionOrigin: string;
  /** The messages.json of a language, as message key → text (the worker reads its own _locales). */
  localeMessages?: (lang: 'en' | 'ru') => Promise<Record<string, string>>;
  /** The CRM addresses the rep added (host names); content-script messages from them are accepted too. */
  crmAddresses?: () => Promise<string[]>;
  /** The team check's part of the memory (settings and the session cache); without it the check is off. */
  teamMemory?: () => Promise<TeamMemory>;
  /** The rep's desk (desk.ts): search, checklist ticks, offer dictionary, and where the dictionary is published. */
  desk?: DeskDeps['desk'];
  publishOffers?: DeskDeps['publishOffers'];
  /** Mirrors what content scripts need of the settings (the follow-up window) into storage.local. */
  publishSettings?: (settings: Settings) => Promise<void>;
  now?: () => Date;
}

/** What every handler gets besides its message. */
interface Ctx {
  deps: RouterDeps;
  now: Date;
  /** The sending tab: always set for the types in FROM_CONTENT (checked before routing). */
  tabId: number | undefined;
  /** For the types in FROM_CONTENT: the sending page's URL as the browser reports it (a CRM page). */
  pageUrl: URL | undefined;
}

type Handlers = { [T in Message['type']]: (message: Extract<Message, { type: T }>, ctx: Ctx) => Promise<Reply<T>> };

/** Why a message was not handled at all. */
export interface Refusal {
  error: string;
}

/** A store operation that failed, as the reply tells it. */
interface StoreFailure {
  ok: false;
  error: string;
  line?: number;
}

const FROM_CONTENT: ReadonlySet<Message['type']> = new Set(['page-leads', 'focus-lead', 'get-locale', 'team-check']);

/**
 * A LeadLens page (popup, side panel, options — also when opened in a tab). A content script's
 * sender URL is always the web page's, so it can never pass this test.
 */
function isExtensionPage(sender: Sender, deps: RouterDeps): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin);
}

/** The CRM addresses last read (deps.crmAddresses), so a badge click from such a page stays synchronous. */
let knownAddresses: readonly string[] = [];

/**
 * The sending page's URL when it is a CRM page LeadLens reads (a known CRM host or an address the rep added),
 * else null. Only the browser's own `sender.url` counts. A known CRM host is checked without waiting, and so
 * is a badge click from an address read before (opening the side panel needs the click's gesture); anything
 * else waits for a fresh list of the rep's addresses, so a removed address stops counting at once.
 */
function crmPageNow(sender: Sender, type: Message['type']): URL | null {
  if (typeof sender.url !== 'string') return null;
  const accepted = crmHostAccepted(sender.url) || (type === 'focus-lead' && crmHostAccepted(sender.url, knownAddresses));
  return accepted ? new URL(sender.url) : null;
}

async function crmPageFresh(sender: Sender, deps: RouterDeps): Promise<URL | null> {
  if (!deps.crmAddresses || typeof sender.url !== 'string') return null;
  knownAddresses = await deps.crmAddresses().catch(() => knownAddresses);
  return crmHostAccepted(sender.url, knownAddresses) ? new URL(sender.url) : null;
}

export async function handleMessage(raw: unknown, sender: Sender, deps: RouterDeps): Promise<Reply<Message['type']> | Refusal> {
  const now = (deps.now ?? (() => new Date()))();
  const message = parseMessage(raw, now);
  if (!message) return { error: 'LeadLens ignored a malformed message.' };
  const fromContent = FROM_CONTENT.has(message.type);
  if (!fromContent && !isExtensionPage(sender, deps)) {
    return { error: `"${message.type}" is only accepted from LeadLens pages.` };
  }
  const tabId = sender.tab?.id;
  if (fromContent && typeof tabId !== 'number') {
    return { error: `"${message.type}" must come from a tab.` };
  }
  const pageUrl = fromContent ? (crmPageNow(sender, message.type) ?? (await crmPageFresh(sender, deps))) : null;
  if (fromContent && !pageUrl) return { error: `"${message.type}" is only accepted from CRM pages.` };
  const ctx: Ctx = { deps, now, tabId, pageUrl: pageUrl ?? undefined };
  // The table pairs each type with its handler; TypeScript cannot follow that pairing through a
  // union-typed `message`, so the lookup is widened here, once.
  const handler = handlers[message.type] as (message: Message, ctx: Ctx) => Promise<Reply<Message['type']>>;
  return handler(message, ctx);
}

const handlers: Handlers = {
  'page-leads': async (message, { deps, tabId, now, pageUrl }) => {
    const page = fromPage(message, pageUrl!);
    // Offer names first (a no-op unless a lead shows an id and a title): ingestPage answers before it writes the tab view.
    await learnFromPage(page.leads, deps);
    return ingestPage(page, tabId!, deps.memory, now);
  },

  'focus-lead': async (message, { deps, tabId }) => {
    // Open first, while the click's user gesture is still alive; record the focus afterwards.
    const opened = deps.openSidePanel({ tabId }).catch(() => undefined);
    await updateTab(tabId!, (tab) => ({ ...tab, focusKey: message.key }));
    await opened;
    return { ok: true };
  },

  'get-locale': async (_message, { deps }) => {
    const { lang } = await withMemory(deps, (m) => m.getSettings(), DEFAULT_SETTINGS);
    if (lang === 'auto' || !deps.localeMessages) return { lang: null, messages: null };
    // Only the badge strings: that is all a content script shows.
    const all = await deps.localeMessages(lang).catch(() => null);
    const messages = all ? Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('badge'))) : null;
    return { lang, messages };
  },

  'team-check': async (message, { deps, tabId, now, pageUrl }) => {
    if (!deps.teamMemory) return TEAM_OFF;
    // The page's origin as the browser reports it decides which CRM API is asked (never the message's word).
    const url = sameOrigin(message.url, pageUrl!) ? message.url : pageUrl!.href;
    // A failure is "not checked" on the page, never a broken CRM page.
    return handleTeamCheck({ ...message, url }, tabId!, await deps.teamMemory(), now).catch(() => ({ ...TEAM_OFF, on: true }));
  },

  'get-customer': (message, { deps }) => withMemory(deps, (m) => m.customerView(message.customerId), null),

  'decide-match': (message, { deps }) =>
    withMemory(deps, async (m) => {
      await m.decide(message.sightingId, message.decision);
      await updateAllTabs((tab) => applyDecision(tab, message.sightingId, message.decision));
      return { ok: true };
    }),

  'forget-customer': (message, { deps }) =>
    withMemory(deps, async (m) => {
      await m.forgetCustomer(message.customerId);
      await updateAllTabs((tab) => dropResults(tab, (l) => l.result?.customerId === message.customerId));
      return { ok: true };
    }),

  'forget-all': (_message, { deps }) =>
    withMemory(deps, async (m) => {
      await m.forgetAll();
      await updateAllTabs((tab) => dropResults(tab, () => true));
      return { ok: true };
    }),

  export: (message, { deps, now }) =>
    withMemory(deps, async (m) => {
      const stamp = now.toISOString().slice(0, 10);
      const text = message.format === 'json' ? await m.exportJson() : await m.exportCsv();
      return { ...offerDownload(text), filename: `leadlens-${stamp}.${message.format}` };
    }),

  'export-part': async (message) => {
    const text = downloadPart(message.download, message.index);
    return text === null ? { error: 'The export is no longer there (it was fetched already or waited too long). Export again.' } : { text };
  },

  'import-part': async (message) => receivePart(message.upload, message.index, message.text),

  import: async (message, { deps }) => {
    const text = message.text ?? takeUpload(message.upload!, message.parts!);
    if (text === null) return { error: 'Parts of the import file went missing on the way; nothing was imported. Try again.' };
    return withMemory(deps, async (m) => {
      if (message.format !== 'json') return m.importCsv(text);
      const result = await m.importJson(text, { withSettings: message.withSettings === true });
      if (message.withSettings === true) await mirrorSettings(deps, await m.getSettings());
      return result;
    });
  },

  'get-stats': (_message, { deps }) =>
    withMemory(deps, async (m) => {
      const counts = await m.stats();
      const estimate = await navigator.storage?.estimate?.().catch(() => null);
      return { ...counts, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
    }),

  'get-settings': (_message, { deps }) => withMemory(deps, (m) => m.getSettings(), DEFAULT_SETTINGS),

  ...deskHandlers,

  'offer-ids': (message, { deps }) =>
    withMemory(deps, async (m) => ({ ids: await offerIdsStartingWith(message.prefix, () => m.knownOfferIds()) }), { ids: [] }),

  'set-settings': (message, { deps, now }) =>
    withMemory(deps, async (m) => {
      const saved = await m.setSettings(message.settings);
      // A shorter retention takes effect now, not at the next browser start.
      if (message.settings.retentionDays !== undefined) await m.purge(now);
      await mirrorSettings(deps, saved);
      return saved;
    }),
};

type PageLeads = Extract<Message, { type: 'page-leads' }>;

/**
 * A page's report as far as the browser vouches for it: the page's URL is the sender's, unless the message
 * names another address of the same origin (a single-page app that moved on); a record link is kept only when
 * it is https on the very host of the reporting page.
 */
function sameOrigin(url: string, page: URL): boolean {
  try {
    return new URL(url).origin === page.origin;
  } catch {
    return false; // not a URL: the sender's stands
  }
}

export function fromPage(message: PageLeads, page: URL): PageLeads {
  const url = sameOrigin(message.url, page) ? message.url : page.href;
  const leads = message.leads.map((l) => ({ ...l, recordUrl: safeRecordUrl(l.recordUrl, page.hostname) }));
  return { ...message, url, leads };
}

/** Hands the saved settings to content scripts; a failure to write the copy does not fail the save. */
async function mirrorSettings(deps: RouterDeps, settings: Settings): Promise<void> {
  try {
    await deps.publishSettings?.(settings);
  } catch {
    // the cards keep the window they had
  }
}

/** Runs a store operation; a failure becomes the fallback value when there is one, else a StoreFailure reply. */
function withMemory<T>(deps: RouterDeps, op: (m: MemoryPort) => Promise<T>, fallback: T): Promise<T>;
function withMemory<T>(deps: RouterDeps, op: (m: MemoryPort) => Promise<T>): Promise<T | StoreFailure>;
async function withMemory<T>(deps: RouterDeps, op: (m: MemoryPort) => Promise<T>, ...fallback: [T?]): Promise<T | StoreFailure> {
  try {
    return await op(await deps.memory());
  } catch (error) {
    if (fallback.length) return fallback[0] as T;
    return { ok: false, ...describeError(error) };
  }
}
