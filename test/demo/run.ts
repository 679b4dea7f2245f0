// `npm run demo`: opens Chromium with the freshly built LeadLens on the bundled demo CRM pages,
// served under real CRM host names. With a display it opens a window to play with; without one it
// walks through the pages headless, saves screenshots and prints where they are.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES } from '../fixtures/crm/pages';
import { DIST, RESULTS, findBrowser, fixtureHtml, launch, leadsStored, screenshot, tabIdOf } from '../e2e/harness';
import { demoDated } from './dates';

const HOW_TO_LOAD = `
To load LeadLens by hand:
  1. Open chrome://extensions (Edge: edge://extensions) and switch on "Developer mode".
  2. Click "Load unpacked" and choose the folder ${DIST}
  3. Open a lead in Dynamics 365, Salesforce or HubSpot, or click the LeadLens toolbar button and paste a LeadSource.`;

if (!existsSync(join(DIST, 'manifest.json'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run demo does it for you).');
  process.exit(1);
}
if (!findBrowser()) {
  console.log('No Chromium, Chrome or Edge was found on this machine (set CHROMIUM_PATH to use another one).');
  console.log(HOW_TO_LOAD);
  process.exit(0);
}

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.LEADLENS_DEMO_HEADLESS !== '1';
const session = await launch({ headless: !headed, viewport: headed ? null : { width: 1280, height: 860 } });
// The demo's leads are dated relative to today (2 hours ago, yesterday, last month), so deadlines count down.
const now = new Date();
for (const page of PAGES) {
  const body = demoDated(fixtureHtml(page), now, page.name);
  await session.context.route(page.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}
console.log(`LeadLens ${headed ? 'is open in a Chromium window' : 'loaded in headless Chromium'} (extension id ${session.extensionId}).`);

if (headed) {
  for (const page of PAGES) {
    const tab = await session.context.newPage();
    await tab.goto(page.url);
  }
  const popup = await session.context.newPage();
  await popup.goto(session.url('src/popup/index.html'));
  console.log('Demo pages are open in tabs:');
  for (const page of PAGES) console.log(`  ${page.title}: ${page.url}`);
  console.log(
    'Right-click a selected LeadSource for "Decode LeadSource", click a badge to open the side panel. Close the window to finish.',
  );
  await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
} else {
  const written: string[] = [];
  for (const page of PAGES) {
    const tab = await session.context.newPage();
    await tab.goto(page.url);
    await tab
      .locator('[data-leadlens]')
      .first()
      .waitFor({ state: 'attached', timeout: 10_000 })
      .catch(() => undefined);
    // Let the duplicate verdicts come back from the service worker (a page of test leads only has none).
    await leadsStored(session, tab).catch(() => undefined);
    await tab.waitForTimeout(200); // the badges repaint with the verdicts
    written.push(await screenshot(tab, `demo-${page.name}`));
    const tabId = await tabIdOf(session, tab);
    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(session.url(`src/sidepanel/index.html?tab=${tabId}`));
    await panel.waitForTimeout(800);
    written.push(await screenshot(panel, `demo-${page.name}-sidepanel`));
    await panel.close();
  }
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 400, height: 760 });
  await popup.goto(session.url('src/popup/index.html'));
  await popup.getByRole('textbox').fill('AppSource (SPZA)-PLT|contoso.crm-connector');
  written.push(await screenshot(popup, 'demo-popup'));
  await session.close();
  console.log(`No display here, so the demo ran headless. Screenshots of the annotated pages, side panels and popup are in ${RESULTS}:`);
  for (const file of written) console.log(`  ${file}`);
  console.log(HOW_TO_LOAD);
}
