// Firefox for the browser tests: Debian's firefox-esr, headless, driven by puppeteer-core over WebDriver
// BiDi (no geckodriver). The Firefox build is dist/ with the manifest scripts/firefox.ts derives, in
// dist-firefox/, installed as a temporary add-on. Fixture pages are answered under their real CRM URLs by
// request interception; every other request is refused. Recipe: ../shared/docs/firefox/README.md.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxManifest } from '../../scripts/firefox';
import { PAGES } from '../fixtures/crm/pages';
import { DIST, fixtureHtml, RESULTS, ROOT } from './harness';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'leadlens@leadlens.app';
/** Pinned by a pref, so the add-on's pages have a known moz-extension:// origin. */
const UUID = '6f1d6c2e-1e0b-4c8e-9a55-1ead1e5f0001';
export const FIREFOX_BASE = `moz-extension://${UUID}`;
const DIST_FIREFOX = join(ROOT, 'dist-firefox');
export const FIREFOX_RESULTS = join(RESULTS, 'firefox');

export function firefoxSkipReason(): string | null {
  if (!existsSync(FIREFOX)) return `no Firefox at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX_PATH)`;
  if (!existsSync(join(DIST, 'manifest.json'))) return 'dist/ is missing: run `npm run build` first';
  return null;
}

/** dist/ with Firefox's manifest, as `npm run package` zips it. */
function firefoxBuild(): string {
  rmSync(DIST_FIREFOX, { recursive: true, force: true });
  cpSync(DIST, DIST_FIREFOX, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  writeFileSync(join(DIST_FIREFOX, 'manifest.json'), JSON.stringify(firefoxManifest(manifest), null, 2));
  return DIST_FIREFOX;
}

export interface FirefoxSession {
  browser: Browser;
  /** Lines Firefox printed (its console, with every extension context's console.* and uncaught errors). */
  output: string[];
  /** A new tab whose http(s) requests are answered from the fixtures (the rest refused). */
  newPage(): Promise<Page>;
  /** Opens a LeadLens page in a tab (page.goto never resolves for moz-extension:// pages). */
  openExtensionPage(page: Page, path: string): Promise<void>;
  /** Runs a script in the browser window itself (chrome scope); null when this Firefox has none. */
  inChrome<T>(expression: string): Promise<T | null>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launchFirefox(extra: Record<string, string> = {}): Promise<FirefoxSession> {
  mkdirSync(FIREFOX_RESULTS, { recursive: true });
  const addon = firefoxBuild();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
    // Firefox 153 lets WebDriver open moz-extension:// pages (and the chrome scope) only with this flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
      ...extra,
    },
  });
  const output: string[] = [];
  const proc = browser.process();
  for (const stream of [proc?.stdout, proc?.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      output.push(...lines.filter(Boolean));
    });
  }
  await browser.installExtension(addon);
  const pages = new Map(PAGES.map((p) => [p.url, fixtureHtml(p)]));
  const connection = (browser as unknown as { connection: { send(method: string, params: unknown): Promise<{ result: unknown }> } })
    .connection;
  let chromeContext: string | null | undefined;
  return {
    browser,
    output,
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (!/^https?:/.test(req.url())) return void req.continue();
        const html = pages.get(req.url());
        if (html === undefined) return void req.abort();
        return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      });
      return page;
    },
    async openExtensionPage(page, path) {
      const url = `${FIREFOX_BASE}/${path}`;
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      await connection.send('browsingContext.navigate', { context, url, wait: 'none' });
      const end = Date.now() + 15_000;
      for (;;) {
        const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
        if (state === `${url} complete`) return;
        if (Date.now() > end) throw new Error(`${url} did not load within 15 s (last: ${state})`);
        await sleep(100);
      }
    },
    async inChrome<T>(expression: string): Promise<T | null> {
      if (chromeContext === undefined) {
        const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' }).catch(() => null)) as {
          result?: { contexts: Array<{ url: string; context: string }> };
        } | null;
        chromeContext = tree?.result?.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml')?.context ?? null;
      }
      if (!chromeContext) return null;
      const { result } = (await connection.send('script.evaluate', {
        expression,
        target: { context: chromeContext },
        awaitPromise: true,
      })) as {
        result: { type: string; result?: { value: string } };
      };
      if (result.type === 'exception' || !result.result) throw new Error(`chrome-scope script failed: ${expression.slice(0, 80)}`);
      return JSON.parse(result.result.value) as T;
    },
    close: () => browser.close(),
  };
}

/** Sets a tab's viewport through BiDi directly (puppeteer's setViewport sends a call Firefox 140 lacks). */
export async function setFirefoxViewport(session: FirefoxSession, page: Page, width: number, height: number): Promise<void> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const connection = (session.browser as unknown as { connection: { send(method: string, params: unknown): Promise<unknown> } }).connection;
  await connection.send('browsingContext.setViewport', { context, viewport: { width, height } });
}
