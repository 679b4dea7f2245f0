// The rep's surfaces in real Chromium: accessibility (axe-core) of every LeadLens page in both themes and
// both languages, and the acceptance paths of issue 12. One browser session serves the whole file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { applyEdits } from '../fixtures/crm/pages';
import {
  closeSidePanels,
  fixture,
  fixtureHtml,
  focusKeyOf,
  launch,
  leadsStored,
  screenshot,
  screenshotRealSidePanel,
  sidePanelCount,
  skipReason,
  tabIdOf,
  type Session,
} from './harness';

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

  async function panelFor(tabId: number, width = 400): Promise<Page> {
    return open(`src/sidepanel/index.html?tab=${tabId}`, width);
  }

  it('copies the first-contact draft (clipboard checked), opens it as mailto, and remembers a ticked step after a reload', async () => {
    const { page, tabId } = await crmTab('dynamics-lead-form');
    // Chromium grants no permission to an extension origin from the outside, so the clipboard is read back
    // from the CRM page's own https origin (one clipboard for the whole browser).
    const crmOrigin = new URL(fixture('dynamics-lead-form').url).origin;
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: crmOrigin });
    const panel = await panelFor(tabId);
    const draft = panel.getByTestId('draft').first();
    await draft.locator('summary').click();
    const subject = (await draft.getByTestId('draft-subject').textContent()) ?? '';
    expect(subject).toContain('contoso.crm-connector');
    await draft.getByTestId('copy-draft').click();
    await expect.poll(() => draft.getByTestId('copy-draft').textContent()).toBe('Copied');
    await page.bringToFront();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    await panel.bringToFront();
    expect(copied.startsWith(subject)).toBe(true);
    expect(copied).toContain('Hello Ольга,');
    const mailto = (await draft.getByTestId('draft-mailto').getAttribute('href')) ?? '';
    expect(mailto.startsWith('mailto:o.kuznetsova@severinfo.ru?subject=')).toBe(true);
    expect(decodeURIComponent(mailto.split('subject=')[1]!.split('&')[0]!)).toBe(subject);

    const step = panel.locator('[data-testid="lead-card"] .checklist li').first();
    const stepId = await step.getAttribute('data-step');
    expect(await step.getAttribute('data-done')).toBe('false');
    await step.getByRole('checkbox').check();
    await expect.poll(() => step.getAttribute('data-done')).toBe('true');
    await screenshot(panel, 'sidepanel-draft-and-tick');
    await panel.reload();
    const again = panel.locator(`[data-testid="lead-card"] .checklist li[data-step="${stepId}"]`).first();
    await expect.poll(() => again.getAttribute('data-done'), { timeout: 10_000 }).toBe('true');
    expect(await again.getByRole('checkbox').isChecked()).toBe(true);
    await Promise.all([panel.close(), page.close()]);
  });

  it('search finds customers by a name, an email fragment and a Cyrillic name, and opens the journey', async () => {
    const list = await crmTab('dynamics-lead-list');
    const panel = await panelFor(list.tabId);
    const input = panel.getByTestId('search-input');
    const found = async (query: string) => {
      await input.fill(query);
      await expect.poll(() => panel.getByTestId('search-hit').first().textContent(), { timeout: 10_000 }).not.toBeNull();
      await panel.waitForTimeout(400);
      return panel.getByTestId('search-hit').allTextContents();
    };
    expect((await found('volkov')).join('|')).toContain('Дмитрий Волков');
    expect(await found('volkov')).toHaveLength(1);
    const byEmail = await found('nikitin.s@ural');
    expect(byEmail).toHaveLength(1);
    expect(byEmail[0]).toContain('Сергей Никитин');
    const cyrillic = await found('Кузнецова');
    expect(cyrillic.some((h) => h.includes('Ольга Кузнецова'))).toBe(true);
    expect(cyrillic.every((h) => h.includes('Кузнецова'))).toBe(true);
    await panel.getByTestId('search-hit').first().click();
    await expect.poll(() => panel.getByTestId('search-journey').locator('li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(panel, 'sidepanel-search');
    await input.fill('zzqx');
    await expect.poll(() => panel.getByTestId('search-count').textContent(), { timeout: 10_000 }).toContain('Nobody');
    await Promise.all([panel.close(), list.page.close()]);
  });

  it('the popup keeps the last lookups, newest first, and clears them', async () => {
    const popup = await open('src/popup/index.html');
    const box = popup.getByRole('textbox');
    for (const value of ['AppSource-PLT|contoso.crm-connector', 'AzureMarketplace-INS|fabrikam.field-service']) {
      await box.fill(value);
      await expect.poll(() => popup.getByTestId('recent-item').first().textContent(), { timeout: 5_000 }).toBe(value);
    }
    await popup.reload();
    const items = popup.getByTestId('recent-item');
    await expect.poll(() => items.count(), { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    expect((await items.allTextContents()).slice(0, 2)).toEqual([
      'AzureMarketplace-INS|fabrikam.field-service',
      'AppSource-PLT|contoso.crm-connector',
    ]);
    await items.nth(1).click();
    await expect.poll(() => box.inputValue()).toBe('AppSource-PLT|contoso.crm-connector');
    await screenshot(popup, 'popup-recent');
    await popup.getByTestId('recent-clear').click();
    await expect.poll(() => items.count()).toBe(0);
    await popup.reload();
    await popup.getByRole('textbox').waitFor();
    await popup.waitForTimeout(300);
    expect(await popup.getByTestId('recent-item').count()).toBe(0);
    await popup.close();
  });

  it('learns an offer name from a lead that shows the id and the title, and shows it on badges, the card, the panel and the options', async () => {
    const base = fixture('dynamics-lead-form');
    const html = applyEdits(
      fixtureHtml(base),
      [
        [
          'Лид из Azure Marketplace: AzureMarketplace-INS|contoso.crm-connector',
          'Лид из Azure Marketplace: AzureMarketplace-INS|contoso.crm-connector\nOffer Title: Contoso CRM Connector',
        ],
      ],
      'offer title',
    );
    const url = base.url.replace(/id=[0-9a-f-]+$/, 'id=5e6f7a8b-1111-4c2d-9e0f-a1b2c3d4e5f6');
    await session.context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const teacher = await session.context.newPage();
    await teacher.goto(url);
    await leadsStored(session, teacher);
    const options = await open('src/options/index.html', 700);
    const row = options.locator('[data-offer="contoso.crm-connector"]');
    await expect.poll(() => row.locator('input').inputValue(), { timeout: 10_000 }).toBe('Contoso CRM Connector');
    await screenshot(options, 'options-offer-names');
    // Another page with the same offer: its badges carry the name now.
    const { page, tabId } = await crmTab('dynamics-lead-list');
    const badge = page.locator('[data-leadlens][data-leadlens-offer="contoso.crm-connector"]').first();
    await expect.poll(() => badge.getAttribute('data-leadlens-offer-name'), { timeout: 10_000 }).toBe('Contoso CRM Connector');
    await badge.locator('.chip').hover();
    const card = page.locator('[data-leadlens-card]');
    await expect
      .poll(() => card.evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 5_000 })
      .toContain('Contoso CRM Connector (contoso.crm-connector)');
    await screenshot(page, 'badge-offer-name');
    const panel = await panelFor(tabId);
    const row0 = panel.getByTestId('lead-row').first();
    await row0.locator('summary').click();
    await expect
      .poll(() => row0.locator('[data-field="offer-name"]').first().textContent(), { timeout: 10_000 })
      .toBe('Contoso CRM Connector');
    expect(await row0.locator('[data-field="offer"]').first().textContent()).toBe('crm-connector');
    await Promise.all([panel.close(), page.close(), options.close(), teacher.close()]);
  });

  it('keyboard only: Tab reaches a badge, its card opens and closes with Escape, Enter opens the side panel on that lead', async () => {
    const { page, tabId } = await crmTab('dynamics-lead-form');
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await closeSidePanels(session);
    let onBadge = false;
    for (let i = 0; i < 80 && !onBadge; i++) {
      await page.keyboard.press('Tab');
      onBadge = await page.evaluate(() => document.activeElement?.hasAttribute('data-leadlens') ?? false);
    }
    expect(onBadge).toBe(true);
    const key = await page.evaluate(() => document.activeElement!.getAttribute('data-leadlens-key'));
    const card = page.locator('[data-leadlens-card]');
    const cardOpen = () => card.evaluate((el) => el.shadowRoot!.querySelector('.card')!.classList.contains('open'));
    await expect.poll(cardOpen).toBe(true);
    const outline = await page.evaluate(() => {
      const chip = document.activeElement!.shadowRoot!.querySelector('.chip')!;
      return getComputedStyle(chip).outlineStyle;
    });
    expect(outline).not.toBe('none');
    await screenshot(page, 'keyboard-badge-card');
    await page.keyboard.press('Escape');
    await expect.poll(cardOpen).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(() => sidePanelCount(session), { timeout: 10_000 }).toBe(1);
    expect(await focusKeyOf(session, tabId)).toBe(key);
    // The real side panel (reached over CDP), showing the lead the keyboard opened it on.
    const real = await screenshotRealSidePanel(session, 'sidepanel-real');
    expect(real?.cards).toBeGreaterThan(0);
    // In the panel the keyboard walks search → checklist → copy buttons, each with a visible focus ring.
    const panel = await panelFor(tabId);
    await panel.getByTestId('lead-card').first().waitFor();
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await panel.keyboard.press('Tab');
      seen.push(
        await panel.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const ring = getComputedStyle(el).outlineStyle !== 'none';
          return `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''}${ring ? '' : ' (no ring)'}`;
        }),
      );
    }
    expect(seen[0]).toBe('input[search]');
    expect(seen).toContain('input[checkbox]');
    expect(seen.filter((s) => s.endsWith('(no ring)'))).toEqual([]);
    await Promise.all([panel.close(), page.close()]);
  });

  it("the in-page card words and dates the first reply with the rep's follow-up window, as the side panel does", async () => {
    const setHours = async (hours: number) => {
      const options = await open('src/options/index.html');
      await options.evaluate((h) => chrome.runtime.sendMessage({ type: 'set-settings', settings: { followUpHours: h } }), hours);
      await options.close();
    };
    await setHours(48);
    try {
      const { page, tabId } = await crmTab('dynamics-lead-form');
      const card = page.locator('[data-leadlens-card]');
      const cardText = () => card.evaluate((el) => el.shadowRoot?.textContent ?? '');
      await page.locator('[data-leadlens]').first().locator('.chip').hover();
      await expect.poll(cardText, { timeout: 5_000 }).toMatch(/within 48 hours/i);
      expect(await cardText()).not.toMatch(/24 hours/);
      await screenshot(page, 'card-follow-up-48h');
      const panel = await panelFor(tabId);
      await expect.poll(() => panel.getByTestId('lead-card').first().textContent(), { timeout: 10_000 }).toMatch(/within 48 hours/i);
      // Changed while the page and the panel are open: the next card and the panel follow without a reload.
      await setHours(6);
      await page.mouse.move(1, 1);
      await page.locator('[data-leadlens]').first().locator('.chip').hover();
      await expect.poll(cardText, { timeout: 5_000 }).toMatch(/within 6 hours/i);
      // The side panel left open follows too.
      await expect.poll(() => panel.getByTestId('lead-card').first().textContent(), { timeout: 10_000 }).toMatch(/within 6 hours/i);
      await Promise.all([panel.close(), page.close()]);
    } finally {
      await setHours(24);
    }
  });

  it('no layout breakage from 252 px to 500 px: nothing scrolls sideways and "Azure Marketplace" stays whole', async () => {
    const { page, tabId } = await crmTab('dynamics-lead-form');
    for (const width of [252, 320, 500]) {
      const panel = await panelFor(tabId, width);
      await panel.getByTestId('lead-card').first().waitFor();
      const fit = await panel.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        view: window.innerWidth,
        source: (() => {
          const el = document.querySelector('[data-field="source"]') as HTMLElement;
          const range = document.createRange();
          range.selectNodeContents(el);
          return range.getClientRects().length;
        })(),
      }));
      expect(fit.scroll, `${width}px`).toBeLessThanOrEqual(fit.view);
      expect(fit.source, `${width}px: the storefront on one line`).toBe(1);
      await screenshot(panel, `sidepanel-${width}px`);
      await panel.close();
    }
    await page.close();
  });
});
