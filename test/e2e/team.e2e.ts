// The team check in the browser: the built extension in Chromium on Dynamics 365 pages served under real
// CRM host names, the org's Web API faked with context.route in the documented shapes (team-fakes.ts).
// Every request the context makes is recorded, so "nothing is asked" is checked on all of them.
// Over 300 lines on purpose: one spec per acceptance point of issue 13, sharing one browser.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEAM_GRID_URL, teamGridHtml, teamGridId, teamGridRow } from '../fixtures/crm/team-grid';
import { fixture, fixtureHtml, launch, leadsStored, screenshot, skipReason, type Session, tabIdOf } from './harness';
import { collection, dataverseError, fakeDataverse, filterOf, ORG, OWNER, recordRequests, type Seen, tableOf } from './team-fakes';

const reason = skipReason();
if (reason && process.env.CI) throw new Error(`Browser tests must run under CI, but ${reason}`);

const FORM = fixture('dynamics-lead-form');
const SELF = '9f2e0c5a-1b2c-4d3e-8f90-0123456789ab';
const CONTACT_ID = '78914942-34cb-ed11-b596-0022481d68cd';

/** The contact the org already holds for the form's customer (entered by another rep). */
const OLGA_CONTACT = {
  '@odata.etag': 'W/"81359849"',
  contactid: CONTACT_ID,
  fullname: 'Ольга Кузнецова',
  firstname: 'Ольга',
  lastname: 'Кузнецова',
  emailaddress1: 'O.Kuznetsova@severinfo.ru',
  telephone1: '+7 812 334-56-78',
  createdon: '2026-11-20T09:12:44Z',
  _ownerid_value: '70bf4d48-34cb-ed11-b596-0022481d68cd',
  [OWNER]: 'Ivan Petrov',
  '_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'systemuser',
};

/** The open lead itself, as the lead table returns it (it must never count as its own duplicate). */
const SELF_LEAD = {
  leadid: SELF,
  fullname: 'Ольга Кузнецова',
  emailaddress1: 'o.kuznetsova@severinfo.ru',
  createdon: '2025-05-14T09:42:00Z',
  [OWNER]: 'Me',
};

/** The form served on another org's host (each org has its own rules, cache keys and pause). */
async function formOn(session: Session, host: string): Promise<string> {
  const url = FORM.url.replace('contoso.crm4.dynamics.com', host);
  const body = fixtureHtml(FORM);
  await session.context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  return url;
}

const apiCalls = (seen: Seen[], origin?: string) =>
  seen.filter((s) => s.url.includes('/api/data/') && (!origin || s.url.startsWith(origin)) && !s.fromWorker);

async function setTeamCheck(session: Session, dynamics: boolean, salesforce = false): Promise<void> {
  await session.worker.evaluate(
    async ([on, sf]) => {
      const hooks = (
        globalThis as unknown as { __leadlens: { deps: { memory(): Promise<Record<string, (...a: unknown[]) => Promise<unknown>>> } } }
      ).__leadlens;
      const m = await hooks.deps.memory();
      await m.setSettings!({ teamCheck: { dynamics: on, salesforce: sf } });
      await m.clearTeamChecks!();
    },
    [dynamics, salesforce] as const,
  );
}

const teamMark = (page: Page) => page.locator('[data-leadlens]').first().getAttribute('data-leadlens-team');
const teamWord = (page: Page) =>
  page
    .locator('[data-leadlens]')
    .first()
    .evaluate((el) => el.shadowRoot?.querySelector('.team')?.textContent ?? null);

async function openPanel(session: Session, page: Page): Promise<Page> {
  await leadsStored(session, page);
  const tabId = await tabIdOf(session, page);
  const panel = await session.context.newPage();
  await panel.goto(session.url(`src/sidepanel/index.html?tab=${tabId}`));
  return panel;
}

describe.skipIf(reason !== null)('Team check (Dynamics 365, faked Web API)', () => {
  let session: Session;
  let seen: Seen[];
  beforeAll(async () => {
    session = await launch();
    seen = recordRequests(session.context);
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    await setTeamCheck(session, true);
  });

  it('a lead form with a known email gets a team duplicate; the panel names the contact and its owner', async () => {
    await session.context.addCookies([
      { name: 'CrmOwinAuth', value: 'session-1', domain: 'contoso.crm4.dynamics.com', path: '/', secure: true },
    ]);
    const asked: URL[] = [];
    const unfake = await fakeDataverse(session.context, ORG, async (url) => {
      asked.push(url);
      const table = tableOf(url);
      if (table === 'duplicaterules')
        return { status: 200, body: collection(ORG, 'duplicaterules', [{ baseentityname: 'lead', matchingentityname: 'contact' }]) };
      if (table === 'rule:contact') return { status: 200, body: collection(ORG, 'contacts', [OLGA_CONTACT]) };
      if (table === 'leads') return { status: 200, body: collection(ORG, 'leads', [SELF_LEAD]) };
      return { status: 200, body: collection(ORG, table, []) };
    });
    const page = await session.context.newPage();
    await page.goto(FORM.url);
    await expect.poll(() => teamMark(page), { timeout: 15_000 }).toBe('duplicate');
    const badge = page.locator('[data-leadlens]').first();
    expect(await badge.getAttribute('data-leadlens-duplicate')).toBe('duplicate');
    expect(await teamWord(page)).toBe('in CRM');
    // The org's rule was asked for contacts, plain queries for leads (the open lead excluded) and accounts.
    expect(asked.map(tableOf).sort()).toEqual(['accounts', 'duplicaterules', 'leads', 'rule:contact']);
    const leadQuery = asked.find((u) => tableOf(u) === 'leads')!;
    expect(filterOf(leadQuery)).toContain(`leadid ne ${SELF}`);
    expect(filterOf(leadQuery)).toContain("emailaddress1 eq 'o.kuznetsova@severinfo.ru'");
    // Same-origin, with the page's session cookie and the OData headers.
    const sent = apiCalls(seen, ORG);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    for (const s of sent) {
      expect(s.headers.cookie).toContain('CrmOwinAuth=session-1');
      expect(s.headers['odata-version']).toBe('4.0');
    }
    // The hover card says where the match is.
    await badge.hover();
    await expect
      .poll(() => page.locator('[data-leadlens-card]').evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 5_000 })
      .toContain('Already in the CRM: Contact: Ольга Кузнецова · owner Ivan Petrov');
    await screenshot(page, 'team-form-duplicate');

    const panel = await openPanel(session, page);
    const match = panel.getByTestId('team-match');
    await expect.poll(() => match.count(), { timeout: 10_000 }).toBe(1);
    const text = (await match.textContent()) ?? '';
    expect(text).toContain('Contact');
    expect(text).toContain('Ольга Кузнецова');
    expect(text).toContain('owner Ivan Petrov');
    expect(text).toMatch(/created .*2026/);
    const href = await panel.getByTestId('team-link').getAttribute('href');
    expect(href).toBe(`${ORG}/main.aspx?appid=5c1f8a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b&pagetype=entityrecord&etn=contact&id=${CONTACT_ID}`);
    expect(await panel.getByTestId('team-panel').getAttribute('data-status')).toBe('duplicate');
    await screenshot(panel, 'team-panel-duplicate');
    await panel.close();
    await page.close();
    await unfake();
  });
  it('a 50-row grid asks exactly one request per table (In lists), and flags the row the CRM already holds', async () => {
    await session.context.route(TEAM_GRID_URL, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: teamGridHtml(50) }),
    );
    const asked: URL[] = [];
    const known = teamGridRow(7);
    const unfake = await fakeDataverse(session.context, ORG, async (url) => {
      asked.push(url);
      const table = tableOf(url);
      if (table === 'contacts')
        return {
          status: 200,
          body: collection(ORG, 'contacts', [{ ...OLGA_CONTACT, fullname: 'Known Person', emailaddress1: known.email }]),
        };
      // Every row of the page is itself a lead: the grid's own rows come back and must not flag themselves.
      if (table === 'leads')
        return {
          status: 200,
          body: collection(
            ORG,
            'leads',
            [3, 7].map((i) => ({ leadid: teamGridId(i), fullname: teamGridRow(i).name, emailaddress1: teamGridRow(i).email })),
          ),
        };
      return { status: 200, body: collection(ORG, table, []) };
    });
    const page = await session.context.newPage();
    await page.goto(TEAM_GRID_URL);
    const marks = () => page.locator('[data-leadlens]').evaluateAll((els) => els.map((e) => e.getAttribute('data-leadlens-team')));
    await expect.poll(async () => (await marks()).filter((m) => m === 'none' || m === 'duplicate').length, { timeout: 20_000 }).toBe(50);
    // Let any straggling request arrive before counting.
    await page.waitForTimeout(500);
    expect(asked.map(tableOf).sort()).toEqual(['accounts', 'contacts', 'leads']);
    for (const u of asked) expect(filterOf(u)).toContain('Microsoft.Dynamics.CRM.In(');
    const flagged = await page
      .locator('[data-leadlens][data-leadlens-team="duplicate"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-leadlens-key')));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toContain(teamGridId(7));
    await screenshot(page, 'team-grid-50');
    await page.close();
    await unfake();
  });

  it('with the option off nothing is asked: zero /api/data or my.salesforce.com requests from any page or the worker', async () => {
    await setTeamCheck(session, false);
    const from = seen.length;
    await session.context.route(TEAM_GRID_URL, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: teamGridHtml(50) }),
    );
    for (const url of [FORM.url, TEAM_GRID_URL, fixture('salesforce-lead-record').url, fixture('salesforce-lead-list').url]) {
      const page = await session.context.newPage();
      await page.goto(url);
      await expect.poll(() => page.locator('[data-leadlens]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await leadsStored(session, page);
      await page.waitForTimeout(700);
      expect(await page.locator('[data-leadlens-team]').count()).toBe(0);
      await page.close();
    }
    const during = seen.slice(from);
    expect(during.length).toBeGreaterThanOrEqual(4); // the four pages themselves were seen (the content script loads no chunks)
    expect(during.filter((s) => s.url.includes('/api/data') || new URL(s.url).hostname.endsWith('my.salesforce.com'))).toEqual([]);
  });

  it('429 with Retry-After: 2 pauses every check for 2 s (no request meanwhile), then the checks resume', async () => {
    const url = await formOn(session, 'fabrikam.crm4.dynamics.com');
    const origin = 'https://fabrikam.crm4.dynamics.com';
    const times: Array<{ table: string; at: number; status: number }> = [];
    let limited = false;
    const unfake = await fakeDataverse(session.context, origin, async (u) => {
      const table = tableOf(u);
      if (!limited) {
        limited = true;
        times.push({ table, at: Date.now(), status: 429 });
        return {
          status: 429,
          headers: { 'retry-after': '2' },
          body: dataverseError('0x80072322', 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.'),
        };
      }
      times.push({ table, at: Date.now(), status: 200 });
      return { status: 200, body: collection(origin, table, []) };
    });
    const page = await session.context.newPage();
    await page.goto(url);
    await expect.poll(() => teamMark(page), { timeout: 15_000 }).toBe('paused');
    expect(await teamWord(page)).toBe('CRM: paused');
    await expect.poll(() => teamMark(page), { timeout: 15_000 }).toBe('none');
    const [first, ...rest] = times;
    expect(first!.status).toBe(429);
    expect(rest.length).toBeGreaterThan(0);
    // Nothing was sent until Retry-After had passed; then one check went through (rules, then one query per table).
    for (const t of rest) expect(t.at - first!.at).toBeGreaterThanOrEqual(1950);
    expect(rest.map((t) => t.table).sort()).toEqual(['accounts', 'contacts', 'duplicaterules', 'leads']);
    await page.close();
    await unfake();
  });

  for (const code of [401, 403] as const) {
    it(`${code} shows "not checked" (never "no duplicates"), and the local memory keeps working`, async () => {
      const host = code === 401 ? 'northwind.crm4.dynamics.com' : 'adventureworks.crm4.dynamics.com';
      const origin = `https://${host}`;
      const url = await formOn(session, host);
      const unfake = await fakeDataverse(session.context, origin, async (u) => {
        const table = tableOf(u);
        if (code === 401) return { status: 401, body: dataverseError('0x80040220', 'The user is not authenticated.') };
        if (table === 'leads')
          return { status: 403, body: dataverseError('0x80040220', 'Principal user is missing prvReadLead privilege.') };
        return { status: 200, body: collection(origin, table, []) };
      });
      const page = await session.context.newPage();
      await page.goto(url);
      await expect.poll(() => teamMark(page), { timeout: 15_000 }).toBe(code === 401 ? 'unavailable' : 'not-checked');
      expect(await teamWord(page)).toBe('CRM: not checked');
      // The local verdict is still on the badge.
      expect(await page.locator('[data-leadlens]').first().getAttribute('data-leadlens-duplicate')).toMatch(/^(new|possible|duplicate)$/);
      const panel = await openPanel(session, page);
      const problem = panel.getByTestId('team-problem');
      await expect.poll(() => problem.count(), { timeout: 10_000 }).toBe(1);
      expect(await problem.getAttribute('data-kind')).toBe(code === 401 ? 'session' : 'forbidden');
      expect(await problem.textContent()).toContain(code === 401 ? 'Team check unavailable' : 'Not checked: you may not read leads');
      expect(await panel.getByTestId('team-none').count()).toBe(0);
      await screenshot(panel, `team-panel-${code}`);
      await panel.close();
      await page.close();
      await unfake();
    });
  }

  it('with 800 ms of latency the local badge comes first, the team badge later, and no long task', async () => {
    const url = await formOn(session, 'litware.crm4.dynamics.com');
    const origin = 'https://litware.crm4.dynamics.com';
    const unfake = await fakeDataverse(
      session.context,
      origin,
      async (u) => {
        const table = tableOf(u);
        if (table === 'contacts') return { status: 200, body: collection(origin, 'contacts', [OLGA_CONTACT]) };
        return { status: 200, body: collection(origin, table, []) };
      },
      800,
    );
    const page = await session.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: Array<[number, number]>; __marks: Array<[string | null, number]> };
      w.__longTasks = [];
      w.__marks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      // Every change of the first badge's team mark, with its time.
      new MutationObserver(() => {
        const b = document.querySelector('[data-leadlens]');
        const mark = b ? (b.getAttribute('data-leadlens-team') ?? 'local') : null;
        const last = w.__marks[w.__marks.length - 1];
        if (mark && last?.[0] !== mark) w.__marks.push([mark, performance.now()]);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(url);
    await expect.poll(() => teamMark(page), { timeout: 20_000 }).toBe('duplicate');
    const { marks, longTasks } = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: Array<[number, number]>; __marks: Array<[string, number]> };
      return { marks: w.__marks, longTasks: w.__longTasks };
    });
    const local = marks.find(([m]) => m === 'local' || m === 'pending');
    const team = marks.find(([m]) => m === 'duplicate');
    expect(local).toBeDefined();
    // Rules, then the table queries: at least two 800 ms round trips after the local badge.
    expect(team![1] - local![1]).toBeGreaterThanOrEqual(1500);
    // The tasks in which the team check painted its marks (a MutationObserver callback runs in the task that made
    // the change) were none of them long. Other long tasks on a busy 2-core machine are the page's or the load's.
    const teamTimes = marks.filter(([m]) => m !== 'local').map(([, t]) => t);
    const during = longTasks.filter(([start, duration]) => teamTimes.some((t) => t >= start && t <= start + duration));
    expect(during).toEqual([]);
    await page.close();
    await unfake();
  });

  it('hostile values in the answer stay inert text, in the badge card and in the panel', async () => {
    const url = await formOn(session, 'tailspin.crm4.dynamics.com');
    const origin = 'https://tailspin.crm4.dynamics.com';
    const hostile = {
      ...OLGA_CONTACT,
      fullname: '<img src=x onerror="window.__pwned=1">\u202eOlga\u200b',
      [OWNER]: '<script>window.__pwned=2</script>',
    };
    const unfake = await fakeDataverse(session.context, origin, async (u) => {
      const table = tableOf(u);
      if (table === 'contacts')
        return {
          status: 200,
          body: collection(origin, 'contacts', [hostile, { ...OLGA_CONTACT, contactid: 'javascript:alert(1)' }]),
        };
      return { status: 200, body: collection(origin, table, []) };
    });
    const page = await session.context.newPage();
    await page.goto(url);
    await expect.poll(() => teamMark(page), { timeout: 15_000 }).toBe('duplicate');
    await page.locator('[data-leadlens]').first().hover();
    const card = page.locator('[data-leadlens-card]');
    await expect.poll(() => card.evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 5_000 }).toContain('<img src=x');
    expect(await card.evaluate((el) => el.shadowRoot?.querySelectorAll('img, script').length)).toBe(0);
    const panel = await openPanel(session, page);
    const match = panel.getByTestId('team-match');
    await expect.poll(() => match.count(), { timeout: 10_000 }).toBe(1); // the record with a bad id is dropped
    expect(await match.textContent()).toContain('<img src=x onerror="window.__pwned=1">Olga');
    expect(await match.textContent()).toContain('<script>window.__pwned=2</script>');
    expect(await panel.locator('[data-testid="team-panel"] img, [data-testid="team-panel"] script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await screenshot(panel, 'team-panel-hostile');
    await panel.close();
    await page.close();
    await unfake();
  });
  it('the options page: off by default, says what is asked and from where; HubSpot keeps the local memory only', async () => {
    await setTeamCheck(session, false);
    const options = await session.context.newPage();
    await options.goto(session.url('src/options/index.html'));
    const section = options.getByTestId('team-options');
    await expect.poll(() => section.count(), { timeout: 10_000 }).toBe(1);
    const dynamics = options.locator('input[name="teamDynamics"]');
    expect(await dynamics.isChecked()).toBe(false);
    expect(await options.locator('input[name="teamSalesforce"]').isChecked()).toBe(false);
    expect(await options.getByTestId('team-dynamics-what').textContent()).toContain('/api/data/v9.2/');
    expect(await options.getByTestId('team-salesforce-what').textContent()).toContain('.my.salesforce.com/services/data/');
    expect(await options.getByTestId('team-hubspot').textContent()).toContain('local memory only');
    await dynamics.check();
    await expect.poll(() => options.getByTestId('team-note').textContent(), { timeout: 5_000 }).toContain('saved');
    const saved = await session.worker.evaluate(async () => {
      const hooks = (
        globalThis as unknown as { __leadlens: { deps: { memory(): Promise<{ getSettings(): Promise<{ teamCheck: unknown }> }> } } }
      ).__leadlens;
      return (await (await hooks.deps.memory()).getSettings()).teamCheck;
    });
    expect(saved).toEqual({ dynamics: true, salesforce: false });
    // The settings form's own Save keeps the switch as it is now.
    await options.locator('form button[type="submit"]').click();
    await options.reload();
    await expect.poll(() => options.locator('input[name="teamDynamics"]').isChecked(), { timeout: 5_000 }).toBe(true);
    await screenshot(options, 'team-options');
    await options.close();
  });
  it('Salesforce on but its permissions not granted: no my.salesforce.com request at all, the badge says "not checked"', async () => {
    await setTeamCheck(session, false, true);
    const from = seen.length;
    const page = await session.context.newPage();
    await page.goto(fixture('salesforce-lead-record').url);
    await expect.poll(() => teamMark(page), { timeout: 15_000 }).toBe('not-checked');
    expect(await teamWord(page)).toBe('CRM: not checked');
    expect(seen.slice(from).filter((s) => new URL(s.url).hostname.endsWith('my.salesforce.com'))).toEqual([]);
    await page.close();
  });

  it("the worker reaches the org's API host (CSP connect-src + host permission) with a fake that sends no matching CORS header; the Lightning page's own call is blocked", async () => {
    const api = 'https://acme.my.salesforce.com';
    const answer = JSON.stringify({ totalSize: 0, done: true, records: [] });
    const serve = (route: Route) =>
      route.fulfill({
        status: 200,
        body: answer,
        // Not the caller's origin: Playwright would otherwise add one and hide a CORS failure (playwright#12929).
        headers: {
          'content-type': 'application/json',
          'access-control-allow-origin': 'https://nowhere.invalid',
          'sforce-limit-info': 'api-usage=18/150000',
        },
      });
    const match = (u: URL) => u.origin === api && u.pathname.startsWith('/services/data/');
    await session.context.route(match, serve);
    const ext = await session.context.newPage();
    await ext.goto('chrome://extensions');
    const dev = (grant: boolean) =>
      ext.evaluate(
        async ([id, host, add]) => {
          const d = (chrome as unknown as { developerPrivate: Record<string, (id: string, host: string) => Promise<void>> })
            .developerPrivate;
          await (add ? d.addHostPermission!(id!, host!) : d.removeHostPermission!(id!, host!));
        },
        [session.extensionId, `${api}/*`, grant] as const,
      );
    await dev(true);
    const url = `${api}/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Lead LIMIT 1')}`;
    const fromWorker = await session.worker.evaluate(async (u) => {
      const r = await fetch(u, { credentials: 'omit' });
      return { status: r.status, body: await r.json() };
    }, url);
    expect(fromWorker).toEqual({ status: 200, body: { totalSize: 0, done: true, records: [] } });
    const page = await session.context.newPage();
    await page.goto(fixture('salesforce-lead-record').url);
    const fromPage = await page.evaluate(async (u) => {
      try {
        await fetch(u, { credentials: 'include' });
        return 'answered';
      } catch (e) {
        return String(e);
      }
    }, url);
    expect(fromPage).toContain('Failed to fetch');
    await dev(false);
    await ext.close();
    await page.close();
    await session.context.unroute(match, serve);
  });
});
