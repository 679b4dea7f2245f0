// A cut offer id completed from the memory, end to end in Chromium (issue 10): the rep has opened a
// Dynamics 365 lead whose LeadSource names the whole offer (`contoso.crm-connector`); a selection of
// that value cut at Salesforce's 40 characters is decoded through the context menu and shown in the
// side panel as the whole offer, "completed from" the fragment; the same cut value pasted into the popup
// (which decodes without the worker) is completed there too, from the ids it asks the worker for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, launch, leadsStored, screenshot, skipReason, tabIdOf, type Session } from './harness';

const reason = skipReason();
if (reason && process.env.CI) throw new Error(`Browser tests must run under CI, but ${reason}`);

const WHOLE = 'AzureMarketplace-INS|contoso.crm-connector';
const CUT = WHOLE.slice(0, 40); // `AzureMarketplace-INS|contoso.crm-connect`

describe.skipIf(reason !== null)('a cut offer id in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is completed from an offer the memory has seen, with a "completed from" note in the side panel', async () => {
    const page = await session.context.newPage();
    await page.goto(fixture('dynamics-lead-form').url);
    await leadsStored(session, page);
    const tabId = await tabIdOf(session, page);
    await session.worker.evaluate(
      async ([id, text]) => {
        const hooks = (
          globalThis as unknown as {
            __leadlens: { MENU_ID: string; handleMenuClick: (...args: unknown[]) => Promise<void>; menuDeps: unknown };
          }
        ).__leadlens;
        // A scripted call carries no user gesture: the panel is opened below by URL instead.
        await hooks.handleMenuClick({ menuItemId: hooks.MENU_ID, selectionText: text }, { id }, hooks.menuDeps);
      },
      [tabId, CUT] as const,
    );
    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.goto(session.url(`src/sidepanel/index.html?tab=${tabId}`));
    const card = panel.getByTestId('selections').getByTestId('lead-card').first();
    await expect.poll(() => card.locator('[data-field="offer"]').textContent(), { timeout: 10_000 }).toBe('crm-connector');
    expect(await card.locator('[data-field="completed-from"]').textContent()).toContain('contoso.crm-connect)');
    expect(await card.locator('[data-field="may-be-cut"]').count()).toBe(0);
    await screenshot(panel, 'sidepanel-offer-completed');
    await panel.close();
    await page.close();
  });

  it('is completed in the popup too, which asks the worker for the ids it knows', async () => {
    // The memory knows contoso.crm-connector from the lead form the test above opened.
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(session.url('src/popup/index.html'));
    await popup.getByRole('textbox').fill(CUT);
    const card = popup.getByTestId('lead-card').first();
    await expect.poll(() => card.locator('[data-field="offer"]').textContent(), { timeout: 10_000 }).toBe('crm-connector');
    expect(await card.locator('[data-field="completed-from"]').textContent()).toContain('contoso.crm-connect)');
    await screenshot(popup, 'popup-offer-completed');
    await popup.close();
  });
});
