// Starts Chromium with the built extension, serves CRM-like fixture pages under the real CRM host
// names (so the manifest's match patterns are exercised as in production) and takes screenshots.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES, pageHtml, type FixturePage } from '../fixtures/crm/pages';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const RESULTS = join(ROOT, 'test-results');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/microsoft-edge',
];

/** The browser to drive: $CHROMIUM_PATH, else the first one installed. */
export function findBrowser(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Why the browser tests cannot run here, or null when they can. Under CI a reason is a failure, not a skip. */
export function skipReason(): string | null {
  if (!findBrowser()) return 'no Chromium found (install it with `apt-get install chromium` or set CHROMIUM_PATH)';
  if (!existsSync(join(DIST, 'manifest.json'))) return 'dist/ is missing: run `npm run build` first';
  return null;
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  url(path: string): string;
  /** The browser profile's folder (Chromium writes its DevTools port there). */
  profile: string;
  close(): Promise<void>;
}

export async function launch(opts: { headless?: boolean; viewport?: { width: number; height: number } | null } = {}): Promise<Session> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(skipReason() ?? 'no browser');
  const profile = mkdtempSync(join(tmpdir(), 'leadlens-e2e-'));
  const headless = opts.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: opts.viewport === undefined ? { width: 1280, height: 800 } : opts.viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      // A DevTools port (Chromium picks a free one), so a CDP client can reach the real side panel (realSidePanel).
      '--remote-debugging-port=0',
    ],
  });
  // Nothing may leave the machine: every request that no fixture route answers is refused.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  await routeFixtures(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Answers each fixture's real CRM URL with its HTML file. */
export async function routeFixtures(context: BrowserContext): Promise<void> {
  for (const page of PAGES) {
    const body = fixtureHtml(page);
    const target = new URL(page.url);
    await context.route(
      (u) => u.origin === target.origin && u.pathname === target.pathname && u.search === target.search,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    );
  }
}

/** A fixture page's HTML, edits applied. */
export function fixtureHtml(page: FixturePage): string {
  return pageHtml(page, (file) => readFileSync(fileURLToPath(new URL(`../fixtures/crm/${file}`, import.meta.url)), 'utf8'));
}

export function fixture(name: string) {
  const page = PAGES.find((p) => p.name === name);
  if (!page) throw new Error(`no fixture page named ${name}; known: ${PAGES.map((p) => p.name).join(', ')}`);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The id Chromium gave a page's tab, asked from the service worker (no `tabs` permission needed). */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await session.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error('could not find the tab id');
  return id;
}

/** Resolves once the service worker has stored the marketplace leads a page reported (its tab shows verdicts). */
export async function leadsStored(session: Session, page: Page): Promise<void> {
  const tabId = await tabIdOf(session, page);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const stored = await session.worker.evaluate(async (id) => {
      const got = await chrome.storage.session.get(`tab:${id}`);
      return (got[`tab:${id}`] as { leads: Array<{ result: unknown }> } | undefined)?.leads.some((l) => l.result) ?? false;
    }, tabId);
    if (stored) return;
    if (Date.now() > deadline) throw new Error(`the leads of ${page.url()} were not stored within 10 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How many real side panels are open (SIDE_PANEL contexts, asked from the service worker). */
export function sidePanelCount(session: Session): Promise<number> {
  return session.worker.evaluate(
    async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length,
  );
}

/** Closes every open side panel, so a test can see one open again. */
export async function closeSidePanels(session: Session): Promise<void> {
  await session.worker.evaluate(async () => {
    for (const w of await chrome.windows.getAll()) await chrome.sidePanel.close?.({ windowId: w.id! }).catch(() => undefined);
  });
}

/** The lead a tab's side panel is to show (the badge last clicked), from the tab view in storage.session. */
export function focusKeyOf(session: Session, tabId: number): Promise<string | null> {
  return session.worker.evaluate(
    async (id) =>
      ((await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { focusKey: string | null } | undefined)?.focusKey ?? null,
    tabId,
  );
}

/**
 * Screenshots the real side panel (not the panel page opened as a tab): Playwright does not list it among
 * the context's pages, so puppeteer-core attaches over CDP to its target. Returns what the panel shows,
 * or null when no side panel is open.
 */
export async function screenshotRealSidePanel(session: Session, name: string): Promise<{ width: number; cards: number } | null> {
  const port = readFileSync(join(session.profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const { default: puppeteer } = await import('puppeteer-core');
  const cdp = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  try {
    // The panel opened for a tab may replace the window's panel document once: a closed target is retried.
    for (let attempt = 0; attempt < 5; attempt++) {
      const target = cdp
        .targets()
        .filter((t) => t.type() === 'page' && /\/src\/sidepanel\/index\.html$/.test(t.url()))
        .at(-1);
      const page = await target?.asPage();
      if (!page) return null;
      try {
        await page.waitForSelector('[data-testid=lead-card]', { timeout: 10_000 });
        mkdirSync(RESULTS, { recursive: true });
        await page.screenshot({ path: join(RESULTS, `${name}.png`) });
        return await page.evaluate(() => ({ width: innerWidth, cards: document.querySelectorAll('[data-testid=lead-card]').length }));
      } catch (error) {
        if (!/closed|detached/i.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    return null;
  } finally {
    await cdp.disconnect();
  }
}
