// LeadLens in real Firefox (Debian's firefox-esr, headless, over WebDriver BiDi): badges on the CRM
// fixture pages, the background's answers, and the sidebar page. Firefox-specific behaviour checked
// too: the card names the shortcut (a badge click cannot open Firefox's sidebar), and the real sidebar
// opens from the popup's button and is snapshotted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './harness';
import { FIREFOX_RESULTS, type FirefoxSession, firefoxSkipReason, launchFirefox, setFirefoxViewport } from './firefox-harness';

const reason = firefoxSkipReason();
if (reason && process.env.CI) throw new Error(`Firefox tests must run under CI, but ${reason}`);
if (reason) console.warn(`[e2e firefox] skipped: ${reason}`);

/** One page per CRM and view: enough to show the adapters work in Firefox, without every fixture twice. */
const PAGES_CHECKED = ['dynamics-lead-form', 'dynamics-lead-list', 'salesforce-lead-record', 'salesforce-lead-list', 'hubspot-contact'];

describe.skipIf(reason !== null)('LeadLens in Firefox', () => {
  let ff: FirefoxSession;
  let ext: Page;
  beforeAll(async () => {
    ff = await launchFirefox();
    ext = await ff.browser.newPage();
    await ff.openExtensionPage(ext, 'src/popup/index.html');
  }, 120_000);
  afterAll(async () => {
    writeFileSync(join(FIREFOX_RESULTS, 'firefox-output.log'), `${ff?.output.join('\n') ?? ''}\n`);
    await ff?.close();
  });

  /** The id of the tab that is active now, as the add-on sees it. */
  const activeTabId = () =>
    ext.evaluate(async () => {
      const b = (globalThis as unknown as { browser: typeof chrome }).browser;
      return (await b.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? -1;
    });

  async function crmPage(name: string): Promise<{ page: Page; tabId: number }> {
    const page = await ff.newPage();
    await page.goto(fixture(name).url, { waitUntil: 'load' });
    await page.waitForSelector('[data-leadlens]', { timeout: 20_000 });
    // Every badge gets its verdict from the background's lead memory (IndexedDB).
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-leadlens]')].every((b) => b.getAttribute('data-leadlens-duplicate')),
      {
        timeout: 15_000,
      },
    );
    await page.bringToFront();
    return { page, tabId: await activeTabId() };
  }

  it('badges every checked fixture page, served under its real CRM host, each with a duplicate verdict', { timeout: 180_000 }, async () => {
    const counts: Record<string, number> = {};
    for (const name of PAGES_CHECKED) {
      const { page } = await crmPage(name);
      const attrs = await page.$$eval('[data-leadlens]', (els) =>
        els.map((el) => [el.getAttribute('data-leadlens-source'), el.getAttribute('data-leadlens-duplicate')]),
      );
      counts[name] = attrs.length;
      for (const [source, duplicate] of attrs) {
        expect(source, name).toMatch(/^(AzureMarketplace|AzurePortal|AppSource|TestDrive|unknown)$/);
        expect(duplicate, name).toMatch(/^(new|possible|duplicate)$/);
      }
      if (name === 'dynamics-lead-form') await page.screenshot({ path: join(FIREFOX_RESULTS, 'dynamics-lead-form.png'), fullPage: true });
      await page.close();
    }
    for (const name of PAGES_CHECKED) expect(counts[name], name).toBeGreaterThan(0);
  });

  it('the background answers the pages: settings, memory stats, and the tab view of a CRM page', { timeout: 60_000 }, async () => {
    const { page, tabId } = await crmPage('dynamics-lead-form');
    const answers = await ext.evaluate(async (id) => {
      const b = (globalThis as unknown as { browser: typeof chrome }).browser;
      const settings = await b.runtime.sendMessage({ type: 'get-settings' });
      const stats = await b.runtime.sendMessage({ type: 'get-stats' });
      const tab = (await b.storage.session.get(`tab:${id}`))[`tab:${id}`] as { leads: Array<{ result: unknown }> } | undefined;
      return { settings, stats, leads: tab?.leads.length ?? 0, stored: tab?.leads.filter((l) => l.result).length ?? 0 };
    }, tabId);
    expect(answers.settings).toMatchObject({ lang: 'auto', followUpHours: 24 });
    expect(answers.stats).toMatchObject({ leads: expect.any(Number), customers: expect.any(Number) });
    expect((answers.stats as { leads: number }).leads).toBeGreaterThan(0);
    expect(answers.stored).toBeGreaterThan(0);
    // In Firefox the card says how to open the sidebar instead of promising that a click does.
    const chip = await page.waitForSelector('[data-leadlens] >>> .chip');
    await chip!.hover();
    await page.waitForSelector('[data-leadlens-card]');
    await expect
      .poll(() => page.$eval('[data-leadlens-card]', (el) => el.shadowRoot?.textContent ?? ''), { timeout: 5_000 })
      .toMatch(/Alt\+Shift\+P/);
    // A click cannot open the sidebar here, but the lead it names is kept as the tab's focus, so the sidebar
    // opens on it when the rep presses the shortcut.
    const key = await page.$eval('[data-leadlens]', (el) => el.getAttribute('data-leadlens-key'));
    const focusKey = () =>
      ext.evaluate(async (id) => {
        const b = (globalThis as unknown as { browser: typeof chrome }).browser;
        const view = (await b.storage.session.get(`tab:${id}`))[`tab:${id}`] as { focusKey?: string | null } | undefined;
        return view?.focusKey ?? null;
      }, tabId);
    expect(await focusKey()).toBeNull();
    await chip!.click();
    await expect.poll(focusKey, { timeout: 10_000 }).toBe(key);
    await page.close();
  });

  it('the sidebar page renders the tab’s lead with its checklist and draft, at the sidebar’s 252 px too; the real sidebar opens', {
    timeout: 90_000,
  }, async () => {
    const { page, tabId } = await crmPage('dynamics-lead-form');
    const panel = await ff.browser.newPage();
    await setFirefoxViewport(ff, panel, 252, 900);
    await ff.openExtensionPage(panel, `src/sidepanel/index.html?tab=${tabId}`);
    const card = await panel.waitForSelector('[data-testid=lead-card]', { timeout: 15_000 });
    expect(await card!.evaluate((c) => (c as HTMLElement).dataset.stage)).toBe('active');
    await panel.waitForSelector('.checklist li');
    await panel.waitForSelector('[data-testid=draft]');
    expect(await panel.evaluate(() => document.documentElement.lang)).toMatch(/^(en|ru)$/);
    const fit = await panel.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.view);
    await panel.screenshot({ path: join(FIREFOX_RESULTS, 'sidepanel-252px.png'), fullPage: true });
    await panel.close();

    // The popup's own button (a trusted click) opens the real sidebar; the chrome scope snapshots it.
    await ff.inChrome<boolean>('(() => { SidebarController.hide(); return "true"; })()');
    await ext.bringToFront();
    await ff.openExtensionPage(ext, 'src/popup/index.html');
    const open = await ext.waitForSelector('.actions button');
    await open!.click();
    await page.bringToFront();
    await expect
      .poll(
        () =>
          ext.evaluate(() =>
            (globalThis as unknown as { browser: { sidebarAction: { isOpen(o: object): Promise<boolean> } } }).browser.sidebarAction.isOpen(
              {},
            ),
          ),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    const shot = await ff.inChrome<{ url: string | null; width?: number; png?: string }>(`(async () => {
      const inner = document.getElementById('sidebar').contentDocument?.getElementById('webext-panels-browser');
      if (!inner) return JSON.stringify({ url: null });
      const r = inner.getBoundingClientRect();
      const bmp = await inner.browsingContext.currentWindowGlobal.drawSnapshot(new DOMRect(0, 0, r.width, r.height), 1, 'white');
      const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
      canvas.width = bmp.width; canvas.height = bmp.height;
      canvas.getContext('2d').drawImage(bmp, 0, 0);
      return JSON.stringify({ url: inner.currentURI.spec, width: r.width, png: canvas.toDataURL('image/png') });
    })()`);
    if (shot) {
      expect(shot.url).toContain('/src/sidepanel/index.html');
      if (shot.png) writeFileSync(join(FIREFOX_RESULTS, 'sidebar-real.png'), Buffer.from(shot.png.split(',')[1]!, 'base64'));
    }
    await page.close();
  });

  it('no error from LeadLens in Firefox’s console', () => {
    const ours = ff.output.filter((l) => /moz-extension:|leadlens/i.test(l));
    const noise = /sendRemoveListener on closed conduit|Promise rejected after context unloaded|NavigationManager|Favicon/;
    expect(ours.filter((l) => /error/i.test(l) && !noise.test(l))).toEqual([]);
  });
});
