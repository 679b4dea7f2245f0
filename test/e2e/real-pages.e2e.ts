// LeadLens on the "real" CRM pages (test/fixtures/crm/real): the built extension in Chromium, each page served
// under the real host it stands for (sovereign cloud, Defender for Cloud Apps proxies, HubSpot NA2, Marketo frames,
// a company domain added through the options page). Every expected LeadSource gets a badge with its whole offer,
// nothing comes from a cached console tab, and recycled grid rows never show another row's value.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_PAGES, type RealPage } from '../fixtures/crm/real/pages';
import { launch, screenshot, skipReason, type Session } from './harness';

const reason = skipReason();
if (reason && process.env.CI) throw new Error(`Browser tests must run under CI, but ${reason}`);

const read = (file: string) => readFileSync(fileURLToPath(new URL(`../fixtures/crm/real/${file}`, import.meta.url)), 'utf8');

/** Answers each real page's URL (and its frames' URLs) with its file. */
async function routeRealPages(context: BrowserContext): Promise<void> {
  for (const page of REAL_PAGES) {
    for (const { url, file } of [{ url: page.url, file: page.file }, ...(page.frames ?? [])]) {
      const target = new URL(url);
      const body = read(file);
      await context.route(
        (u) => u.origin === target.origin && u.pathname === target.pathname && u.search === target.search,
        (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
      );
    }
  }
}

function real(name: string): RealPage {
  const page = REAL_PAGES.find((p) => p.name === name);
  if (!page) throw new Error(`no real page ${name}`);
  return page;
}

interface BadgeSeen {
  value: string;
  offer: string;
  visible: boolean;
}

/** Every LeadLens badge in the page and its frames, as `Source-Action|publisher.offer`. */
async function badgesIn(page: Page): Promise<BadgeSeen[]> {
  const all: BadgeSeen[] = [];
  const frames: Frame[] = page.frames();
  for (const frame of frames) {
    const found = await frame
      .locator('[data-leadlens]')
      .evaluateAll((els) =>
        els.map((el) => ({
          value: `${el.getAttribute('data-leadlens-source')}-${el.getAttribute('data-leadlens-action')}|${el.getAttribute('data-leadlens-offer')}`,
          offer: el.getAttribute('data-leadlens-offer') ?? '',
          visible: (el as HTMLElement).checkVisibility?.() ?? true,
        })),
      )
      .catch(() => [] as BadgeSeen[]);
    all.push(...found);
  }
  return all;
}

const sorted = (values: readonly string[]) => [...values].sort();

/** Waits until the page shows exactly the expected badges (order aside), then returns them. */
async function expectBadges(page: Page, expected: readonly string[]): Promise<BadgeSeen[]> {
  await expect
    .poll(async () => sorted((await badgesIn(page)).map((b) => b.value)), { timeout: 15_000, interval: 200 })
    .toEqual(sorted(expected));
  return badgesIn(page);
}

describe.skipIf(reason !== null)('LeadLens on real CRM pages', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
    await routeRealPages(session.context);
  });
  afterAll(async () => {
    await session?.close();
  });

  const plain = REAL_PAGES.filter((p) => p.name !== 'real-d365-form-custom-domain');
  for (const fixture of plain) {
    it(`${fixture.title}: every LeadSource badged with its whole offer (${new URL(fixture.url).hostname})`, async () => {
      const page = await session.context.newPage();
      await page.goto(fixture.url);
      const badges = await expectBadges(page, fixture.expect);
      for (const b of badges) expect(fixture.expect.some((v) => v.endsWith(`|${b.offer}`))).toBe(true);
      for (const never of fixture.never ?? []) expect(badges.map((b) => b.value)).not.toContain(never);
      await screenshot(page, fixture.name);
      await page.close();
    });
  }

  it('reads nothing from the cached, inactive console tab, also after the page changes', async () => {
    const fixture = real('real-sf-console');
    const page = await session.context.newPage();
    await page.goto(fixture.url);
    await expectBadges(page, fixture.expect);
    // A mutation in the cached tab wakes the scanner; the cached page still gives nothing.
    await page.evaluate(() => document.querySelector('section.oneConsoleTab.cached')?.setAttribute('data-touched', '1'));
    await page.evaluate(() => document.body.append(document.createElement('div')));
    await page.waitForTimeout(600);
    const values = (await badgesIn(page)).map((b) => b.value);
    for (const never of fixture.never ?? []) expect(values).not.toContain(never);
    await page.close();
  });

  it('Dynamics 365: header and business-process-flow values are read when their flyouts open', async () => {
    const fixture = real('real-d365-form-cn');
    const page = await session.context.newPage();
    await page.goto(fixture.url);
    await expectBadges(page, fixture.expect);
    await page.click('#headerFieldsExpandButton_1');
    const inFlyout = page.locator('[data-id="headerFieldsFlyout"] [data-leadlens]');
    await expect.poll(() => inFlyout.count(), { timeout: 10_000 }).toBe(1);
    expect(await inFlyout.getAttribute('data-leadlens-offer')).toBe('contoso.crm-connector');
    await page.click('#headerFieldsExpandButton_1');
    await page.click('#bpfContainer li[data-stage-index="0"]');
    const inStage = page.locator('[data-id$="processHeaderStageFlyoutContainer"] [data-leadlens]');
    await expect.poll(() => inStage.count(), { timeout: 10_000 }).toBe(1);
    expect(await inStage.getAttribute('data-leadlens-key')).toContain('header_process_subject_1');
    await screenshot(page, 'real-d365-form-cn-bpf');
    await page.close();
  });

  it('a company domain added through "Add a CRM address" gets badges once its permission is granted', async () => {
    const fixture = real('real-d365-form-custom-domain');
    const origin = new URL(fixture.url).origin;
    // Chromium's own extensions page grants the host (what the rep does in the permission prompt).
    const ext = await session.context.newPage();
    await ext.goto('chrome://extensions');
    await ext.evaluate(
      async ([id, host]) =>
        (
          chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } }
        ).developerPrivate.addHostPermission(id!, host!),
      [session.extensionId, `${origin}/*`],
    );
    await ext.close();
    const options = await session.context.newPage();
    await options.goto(session.url('src/options/index.html'));
    await options.getByTestId('crm-address-input').fill(origin);
    await options.getByTestId('crm-address-add').click();
    await expect
      .poll(() => options.getByTestId('crm-address-item').allTextContents(), { timeout: 10_000 })
      .toContain(new URL(fixture.url).hostname);
    await screenshot(options, 'options-crm-addresses');
    const page = await session.context.newPage();
    await page.goto(fixture.url);
    await expectBadges(page, fixture.expect);
    await screenshot(page, fixture.name);
    await page.close();
    // Removing the address unregisters the script and gives the permission back.
    await options.getByTestId('crm-address-remove').first().click();
    await expect.poll(() => options.getByTestId('crm-address-item').count(), { timeout: 10_000 }).toBe(0);
    const left = await session.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length);
    expect(left).toBe(0);
    const again = await session.context.newPage();
    await again.goto(fixture.url);
    await again.waitForTimeout(1500);
    expect(await again.locator('[data-leadlens]').count()).toBe(0);
    await again.close();
    await options.close();
  });

  it("a grid that recycles its rows every animation frame for 2 s never shows a badge with another row's value", async () => {
    const fixture = real('real-d365-grid-mcas');
    const page = await session.context.newPage();
    await page.goto(fixture.url);
    await expectBadges(page, fixture.expect);
    // After every frame the page's own batch of row rewrites is done (the checker's frame callback runs after the
    // grid's); every visible badge must then match the LeadSource its row shows.
    const watch = page.evaluate(
      () =>
        new Promise<{ frames: number; checked: number; wrong: string[] }>((resolve) => {
          const wrong: string[] = [];
          let frames = 0;
          let checked = 0;
          const shownIn = (cell: Element): string => {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if ((n.parentElement as Element).closest('[data-leadlens]')) continue;
              if ((n as Text).data.trim()) return (n as Text).data.trim();
            }
            return '';
          };
          const check = () => {
            frames++;
            for (const badge of Array.from(document.querySelectorAll('[data-leadlens]'))) {
              if (!(badge as HTMLElement).checkVisibility()) continue;
              checked++;
              const cell = badge.closest('[role=gridcell]');
              const shown = cell ? shownIn(cell) : '';
              const value = `${badge.getAttribute('data-leadlens-source')}-${badge.getAttribute('data-leadlens-action')}|${badge.getAttribute('data-leadlens-offer')}`;
              if (shown !== value) wrong.push(`frame ${frames}: badge ${value} in a row showing "${shown}"`);
            }
            if (document.body.getAttribute('data-recycling') === 'done') resolve({ frames, checked, wrong });
            else requestAnimationFrame(check);
          };
          (document.getElementById('recycle') as HTMLButtonElement).click();
          requestAnimationFrame(() => requestAnimationFrame(check));
        }),
    );
    const result = await watch;
    expect(result.wrong.slice(0, 5)).toEqual([]);
    expect(result.frames).toBeGreaterThanOrEqual(5);
    // Once the grid rests, every row shows its badge again.
    await expect
      .poll(
        async () =>
          page.evaluate(() =>
            Array.from(document.querySelectorAll('.ag-center-cols-container [col-id="subject"]')).every((cell) => {
              const text = cell.textContent ?? '';
              const badge = cell.querySelector('[data-leadlens]');
              return /\|/.test(text) ? badge !== null && text.includes(badge.getAttribute('data-leadlens-offer') ?? '-') : badge === null;
            }),
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await screenshot(page, 'real-d365-grid-after-recycling');
    await page.close();
  });
});
