// Fake CRM APIs for the team-check browser tests, answering with the documented shapes
// (../shared/docs/team-check.md §6.2): Dataverse collections `{"@odata.context", "value": [...]}` with the
// owner's formatted-value annotation, errors `{"error":{"code","message"}}`, 429 with Retry-After.
// Same-origin Dataverse answers carry no CORS headers (none are needed, as on a real org). Salesforce answers
// set `access-control-allow-origin` to another origin on purpose: Playwright would otherwise add a matching one
// (microsoft/playwright#12929) and hide that a page-origin call would be blocked.
import type { BrowserContext, Request, Route } from 'playwright-core';

export const ORG = 'https://contoso.crm4.dynamics.com';
export const OWNER = '_ownerid_value@OData.Community.Display.V1.FormattedValue';

export function collection(org: string, set: string, rows: unknown[]): string {
  return JSON.stringify({ '@odata.context': `${org}/api/data/v9.2/$metadata#${set}`, value: rows });
}

export const ODATA_HEADERS = { 'content-type': 'application/json; odata.metadata=minimal', 'odata-version': '4.0' };

export function dataverseError(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/** One request the context made, when it was made. */
export interface Seen {
  url: string;
  at: number;
  headers: Record<string, string>;
  fromWorker: boolean;
}

/**
 * Records every request of the context — pages, frames and the extension's service worker — whoever answers
 * it (a fake, a fixture route, or the harness's refusal of everything else).
 */
export function recordRequests(context: BrowserContext): Seen[] {
  const seen: Seen[] = [];
  context.on('request', (r: Request) => {
    const entry: Seen = { url: r.url(), at: Date.now(), headers: {}, fromWorker: r.serviceWorker() !== null };
    seen.push(entry);
    void r.allHeaders().then(
      (h) => Object.assign(entry.headers, h),
      () => undefined,
    );
  });
  return seen;
}

export type ApiHandler = (url: URL, request: Request) => Promise<{ status: number; body: string; headers?: Record<string, string> }>;

/** Answers `<org>/api/data/v9.2/*` with `handler` (after an optional delay); returns what removes the fake. */
export async function fakeDataverse(context: BrowserContext, org: string, handler: ApiHandler, delayMs = 0): Promise<() => Promise<void>> {
  const match = (u: URL) => u.origin === org && u.pathname.startsWith('/api/data/');
  const answer = async (route: Route) => {
    const url = new URL(route.request().url());
    const got = await handler(url, route.request());
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    await route.fulfill({ status: got.status, body: got.body, headers: { ...ODATA_HEADERS, ...got.headers } }).catch(() => undefined);
  };
  await context.route(match, answer);
  return () => context.unroute(match, answer);
}

/** The decoded $filter (or the function call) of a Dataverse request. */
export function filterOf(url: URL): string {
  return decodeURIComponent(url.search);
}

/** Which table a Dataverse request is for (entity set or RetrieveDuplicates' matching table). */
export function tableOf(url: URL): string {
  const last = url.pathname.split('/').pop() ?? '';
  if (last.startsWith('RetrieveDuplicates')) return `rule:${/@p2='(\w+)'/.exec(decodeURIComponent(url.search))?.[1] ?? '?'}`;
  return last;
}
