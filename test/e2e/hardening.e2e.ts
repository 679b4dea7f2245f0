// The page boundary in real Chromium: the fake-grid attack of issue 11 (a Dynamics lead grid copied onto a page
// that is not the CRM's) leaves the lead memory as it was, a forged report from a content script cannot plant an
// outside link, and a page script's synthetic click on a badge does not open the side panel. The grid is the
// `dynamics-lead-list` fixture (test/fixtures/crm/dynamics-lead-list.html, which names the D365 DOM it follows).
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, fixtureHtml, launch, leadsStored, screenshot, skipReason, type Session } from './harness';

const reason = skipReason();
if (reason && process.env.CI) throw new Error(`Browser tests must run under CI, but ${reason}`);

/** Not a CRM: a commerce storefront under dynamics.com, the host of the audit's attack. */
const NON_CRM = 'https://contoso-shop.commerce.dynamics.com/x?pagetype=entitylist&etn=lead';
/** A real CRM host name, but the page lacks the app's own landmarks (a login or error page, or a forgery). */
const NO_LANDMARKS = 'https://fabrikam.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=lead';

type Stats = { customers: number; leads: number };

async function memoryStats(session: Session): Promise<Stats> {
  return session.worker.evaluate(async () => {
    const hooks = (globalThis as unknown as { __leadlens: { deps: { memory(): Promise<{ stats(): Promise<Stats> }> } } }).__leadlens;
    return (await hooks.deps.memory()).stats();
  });
}

async function serve(session: Session, url: string, body: string): Promise<void> {
  const target = new URL(url);
  await session.context.route(
    (u) => u.origin === target.origin && u.pathname === target.pathname && u.search === target.search,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
  );
}

/** The content script's isolated world in the page's top frame, through the DevTools protocol. */
async function contentWorld(page: Page): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated'), { timeout: 10_000 }).toBe(true);
  const world = contexts.find((c) => c.auxData?.type === 'isolated')!;
  return { cdp, contextId: world.id };
}

describe.skipIf(reason !== null)('the page boundary in Chromium', () => {
  let session: Session;
  let grid: string;
  beforeAll(async () => {
    session = await launch();
    grid = fixtureHtml(fixture('dynamics-lead-list'));
    await serve(session, NON_CRM, grid);
    await serve(session, NO_LANDMARKS, grid.replace(/data-id="(topBar|editFormRoot|DataSetHostContainer)"/g, 'data-id="x-$1"'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each([
    ['a non-CRM *.dynamics.com subdomain', NON_CRM],
    ['a CRM host without the app landmarks', NO_LANDMARKS],
  ])('the fake-grid attack on %s leaves the memory unchanged', async (name, url) => {
    const before = await memoryStats(session);
    const page = await session.context.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('text=AzureMarketplace').count()).toBeGreaterThan(0);
    // The content script scans at document_idle and reports within a second; give it three.
    await page.waitForTimeout(3000);
    expect(await page.locator('[data-leadlens]').count()).toBe(0);
    expect(await memoryStats(session)).toEqual(before);
    await screenshot(page, `hardening-fake-grid-${name.replace(/\W+/g, '-')}`);
    await page.close();
  });

  it('a forged report from the content script keeps its leads on the CRM host only: outside links are dropped', async () => {
    const page = await session.context.newPage();
    await page.goto(fixture('dynamics-lead-list').url);
    await leadsStored(session, page);
    const { cdp, contextId } = await contentWorld(page);
    const lead = (key: string, recordUrl: string) => ({
      key,
      crm: 'dynamics',
      view: 'list',
      recordId: key,
      recordUrl,
      lead: { leadSource: { input: 'AppSource-PLT|forged.offer' }, customer: { email: `${key}@forged.example` } },
    });
    const message = {
      type: 'page-leads',
      url: 'https://evil.example/phish',
      leads: [lead('forged-evil', 'https://evil.example/sign-in'), lead('forged-js', 'javascript:alert(1)')],
    };
    const sent = await cdp.send('Runtime.evaluate', {
      contextId,
      awaitPromise: true,
      returnByValue: true,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((r) => JSON.stringify(r))`,
    });
    expect(sent.exceptionDetails).toBeUndefined();
    const stored = await session.worker.evaluate(async () => {
      const hooks = (
        globalThis as unknown as {
          __leadlens: { deps: { memory(): Promise<{ exportJson(): Promise<string> }> } };
        }
      ).__leadlens;
      const doc = JSON.parse(await (await hooks.deps.memory()).exportJson()) as {
        sightings: Array<{ recordId: string; recordUrl: string | null }>;
      };
      return doc.sightings.filter((s) => s.recordId.startsWith('forged')).map((s) => [s.recordId, s.recordUrl]);
    });
    expect(stored.sort()).toEqual([
      ['forged-evil', null],
      ['forged-js', null],
    ]);
    await page.close();
  });

  it('a page script clicking a badge does not open the side panel', async () => {
    const page = await session.context.newPage();
    await page.goto(fixture('dynamics-lead-form').url);
    const badge = page.locator('[data-leadlens]').first();
    await badge.waitFor({ state: 'attached', timeout: 10_000 });
    await session.worker.evaluate(async () => {
      for (const w of await chrome.windows.getAll()) await chrome.sidePanel.close?.({ windowId: w.id! }).catch(() => undefined);
    });
    // The page's own script: a synthetic click and Enter on the chip.
    await page.evaluate(() => {
      const host = document.querySelector('[data-leadlens]') as HTMLElement;
      const chip = (host.shadowRoot?.querySelector('.chip') ?? host) as HTMLElement;
      chip.click();
      chip.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await page.waitForTimeout(1000);
    const panels = await session.worker.evaluate(
      async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length,
    );
    expect(panels).toBe(0);
    await page.close();
  });

  it('a CRM page finds no LeadLens file to probe for, and the badges still load', async () => {
    const page = await session.context.newPage();
    await page.goto(fixture('dynamics-lead-form').url);
    await page.locator('[data-leadlens]').first().waitFor({ state: 'attached', timeout: 10_000 });
    const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
    // The content script is one classic script; nothing is web-accessible, and whatever ever is, is dynamic.
    const exposed = (manifest.web_accessible_resources ?? []) as Array<{ resources: string[]; use_dynamic_url?: boolean }>;
    expect(exposed.filter((r) => r.use_dynamic_url !== true)).toEqual([]);
    const script = manifest.content_scripts![0]!.js![0]!;
    const found = await page.evaluate(
      (urls) =>
        Promise.all(
          urls.map((url) =>
            fetch(url).then(
              () => 'fetched',
              () => 'refused',
            ),
          ),
        ),
      [`chrome-extension://${session.extensionId}/${script}`, `chrome-extension://${session.extensionId}/manifest.json`],
    );
    expect(found).toEqual(['refused', 'refused']);
    await page.close();
  });
});
