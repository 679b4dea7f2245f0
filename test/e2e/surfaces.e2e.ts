// The rep's surfaces in real Chromium: accessibility (axe-core) of every LeadLens page in both themes and
// both languages, and the acceptance paths of issue 12. One browser session serves the whole file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { fixture, launch, leadsStored, screenshot, skipReason, tabIdOf, type Session } from './harness';

const reason = skipReason();
if (reason && process.env.CI) throw new Error(`Browser tests must run under CI, but ${reason}`);

describe.skipIf(reason !== null)('LeadLens surfaces in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Opens a LeadLens page as a tab at a given width. */
  async function open(path: string, width = 400): Promise<Page> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(session.url(path));
    return page;
  }

  async function setLanguage(lang: 'en' | 'ru' | 'auto'): Promise<void> {
    const page = await open('src/options/index.html');
    await page.evaluate((l) => chrome.runtime.sendMessage({ type: 'set-settings', settings: { lang: l } }), lang);
    await page.close();
  }

  /** A tab showing a CRM fixture whose leads the worker has stored. */
  async function crmTab(name: string): Promise<{ page: Page; tabId: number }> {
    const page = await session.context.newPage();
    await page.goto(fixture(name).url);
    await page.locator('[data-leadlens]').first().waitFor({ state: 'attached', timeout: 10_000 });
    await leadsStored(session, page);
    return { page, tabId: await tabIdOf(session, page) };
  }

  /** The CRM tabs the side panel views show: a list page, and a returning customer's record (a journey of two). */
  let tabs: { list: number; record: number } | null = null;
  async function crmTabs(): Promise<{ list: number; record: number }> {
    if (tabs) return tabs;
    const list = await crmTab('dynamics-lead-list');
    await crmTab('dynamics-lead-contactme');
    const record = await crmTab('dynamics-lead-trial');
    tabs = { list: list.tabId, record: record.tabId };
    return tabs;
  }

  function views(t: { list: number; record: number }): Array<{ name: string; path: string; ready: (p: Page) => Promise<unknown> }> {
    return [
      { name: 'panel-empty', path: 'src/sidepanel/index.html?tab=987654', ready: (p) => p.getByTestId('panel-empty').waitFor() },
      { name: 'panel-list', path: `src/sidepanel/index.html?tab=${t.list}`, ready: (p) => p.getByTestId('lead-row').first().waitFor() },
      {
        name: 'panel-record',
        path: `src/sidepanel/index.html?tab=${t.record}`,
        ready: (p) => p.getByTestId('journey').locator('li').nth(1).waitFor({ timeout: 10_000 }),
      },
      {
        name: 'popup',
        path: 'src/popup/index.html',
        ready: async (p) => {
          await p.getByRole('textbox').fill('AzureMarketplace-INS|contoso.crm-connector');
          await p.getByTestId('lead-card').waitFor();
        },
      },
      { name: 'options', path: 'src/options/index.html', ready: (p) => p.locator('form').first().waitFor() },
    ];
  }

  for (const lang of ['en', 'ru'] as const) {
    it(`axe-core (${lang}): no serious or critical violation on the side panel (empty, list, record with journey), popup and options, light and dark`, {
      timeout: 180_000,
    }, async () => {
      const t = await crmTabs();
      await setLanguage(lang);
      const failures: string[] = [];
      for (const view of views(t)) {
        const page = await open(view.path);
        await view.ready(page);
        expect(await page.evaluate(() => document.documentElement.lang), `${view.name} ${lang}`).toBe(lang);
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          for (const v of await seriousViolations(page))
            failures.push(`${view.name} ${lang} ${scheme}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`);
          await screenshot(page, `a11y-${view.name}-${lang}-${scheme}`);
        }
        await page.close();
      }
      await setLanguage('auto');
      expect(failures).toEqual([]);
    });
  }
});
