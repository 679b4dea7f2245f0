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

  it('axe-core: no serious or critical violation on the side panel (empty, list, record with journey), popup and options, light and dark, English and Russian', async () => {
    const list = await crmTab('dynamics-lead-list');
    const first = await crmTab('dynamics-lead-contactme');
    const record = await crmTab('dynamics-lead-trial');
    const views: Array<{ name: string; path: string; ready: (p: Page) => Promise<unknown> }> = [
      { name: 'panel-empty', path: 'src/sidepanel/index.html?tab=987654', ready: (p) => p.getByTestId('panel-empty').waitFor() },
      { name: 'panel-list', path: `src/sidepanel/index.html?tab=${list.tabId}`, ready: (p) => p.getByTestId('lead-row').first().waitFor() },
      {
        name: 'panel-record',
        path: `src/sidepanel/index.html?tab=${record.tabId}`,
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
      { name: 'options', path: 'src/options/index.html', ready: (p) => p.locator('form').waitFor() },
    ];
    const failures: string[] = [];
    for (const lang of ['en', 'ru'] as const) {
      await setLanguage(lang);
      for (const view of views) {
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
    }
    await setLanguage('auto');
    await Promise.all([list.page.close(), first.page.close(), record.page.close()]);
    expect(failures).toEqual([]);
  });
});
