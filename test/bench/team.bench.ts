// `npm run bench team`: the team check's cost on the page, in real Chromium with the built extension.
// The same Dynamics 365 pages are loaded with the team check off (local memory only) and on, the org's
// Web API answered at once by a fake (so no network wait is in the figures), alternately, 7 times each.
// The figure is the content script's own JavaScript time on the page: a CDP CPU profile of the page (100 µs
// sampling) summed over the frames whose script is the extension's (chrome-extension://…), from navigation until
// the badges (and team marks) are final. The service worker's work is not in it; medians of the runs, side by side.
import type { Page } from 'playwright-core';
import { TEAM_GRID_URL, teamGridHtml } from '../fixtures/crm/team-grid';
import { fixture, launch, leadsStored, skipReason, type Session } from '../e2e/harness';
import { collection, fakeDataverse, ORG, tableOf } from '../e2e/team-fakes';

const RUNS = 7;
const SETTLE_MS = 1200;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function setTeam(session: Session, on: boolean): Promise<void> {
  await session.worker.evaluate(async (dynamics) => {
    const hooks = (
      globalThis as unknown as { __leadlens: { deps: { memory(): Promise<Record<string, (...a: unknown[]) => Promise<unknown>>> } } }
    ).__leadlens;
    const m = await hooks.deps.memory();
    await m.setSettings!({ teamCheck: { dynamics, salesforce: false } });
    await m.clearTeamChecks!();
  }, on);
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
}

/** The content script's JavaScript time (ms) from navigation until its badges (and team marks) are final. */
async function busyMs(session: Session, url: string, rows: number, team: boolean): Promise<{ script: number }> {
  const page: Page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url);
  const badges = page.locator('[data-leadlens]');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const count = await badges.count();
    const done = team
      ? await page.locator('[data-leadlens-team="none"], [data-leadlens-team="duplicate"], [data-leadlens-team="possible"]').count()
      : count;
    if (count >= rows && done >= rows) break;
    if (Date.now() > deadline) throw new Error(`badges of ${url} not final within 30 s (${count}, ${done})`);
    await page.waitForTimeout(50);
  }
  await leadsStored(session, page);
  await page.waitForTimeout(SETTLE_MS);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith('chrome-extension://')).map((n) => n.id));
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (ours.has(id)) micros += profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
  });
  await page.close();
  return { script: micros / 1000 };
}

export async function run(): Promise<void> {
  const reason = skipReason();
  if (reason) {
    console.log(`team bench skipped: ${reason}`);
    return;
  }
  const session = await launch();
  try {
    await session.context.route(TEAM_GRID_URL, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: teamGridHtml(50) }),
    );
    await fakeDataverse(session.context, ORG, async (u) => ({ status: 200, body: collection(ORG, tableOf(u), []) }));
    const cases = [
      { name: 'lead form (1 record)', url: fixture('dynamics-lead-form').url, rows: 2 },
      { name: '50-row grid', url: TEAM_GRID_URL, rows: 50 },
    ];
    console.log('content-script JavaScript time on the page, ms (CPU profile; median of 7; the fake API answers at once)');
    console.log('page                    | local only | team on | team overhead (median of paired differences)');
    for (const c of cases) {
      const off: number[] = [];
      const on: number[] = [];
      // Warm-up (the first load compiles the content script), then alternate.
      await setTeam(session, false);
      await busyMs(session, c.url, c.rows, false);
      for (let i = 0; i < RUNS; i++) {
        await setTeam(session, false);
        off.push((await busyMs(session, c.url, c.rows, false)).script);
        await setTeam(session, true);
        on.push((await busyMs(session, c.url, c.rows, true)).script);
      }
      const diffs = on.map((x, i) => x - off[i]!);
      console.log(
        `${c.name.padEnd(23)} | ${median(off).toFixed(1).padStart(10)} | ${median(on).toFixed(1).padStart(7)} | ${median(diffs).toFixed(1)}`,
      );
    }
  } finally {
    await session.close();
  }
}
