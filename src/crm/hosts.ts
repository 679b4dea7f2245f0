// Where the CRMs serve their apps, as data: the content script's match patterns (manifest.json lists exactly
// these, a unit test keeps them equal), the adapters' host tests, and `crmHostAccepted`, which the service worker
// uses to trust only reports from CRM pages. Match patterns allow `*` only as the first label, so every
// Dynamics 365 region is listed by name instead of `*.dynamics.com` (which would also cover marketing, commerce
// and Business Central pages).

/** Dynamics 365 online regions: crm (NAM), crm2 (SAM), crm3 (CAN), crm4 (EUR) … crm9 (GCC) … crm21. */
const D365_REGIONS = ['crm', ...Array.from({ length: 20 }, (_, i) => `crm${i + 2}`)];

/** Defender for Cloud Apps session proxies append this to the app's host name. */
export const MCAS_SUFFIX = 'mcas.ms';

export interface CrmHosts {
  /** Any host below these suffixes (`*.crm4.dynamics.com`). */
  below: readonly string[];
  /** These hosts exactly. */
  exact: readonly string[];
  /** Also served through Defender for Cloud Apps (`<host>.mcas.ms`). */
  mcas: boolean;
}

export const CRM_HOSTS = {
  dynamics: {
    // Online regions plus the sovereign clouds: China (21Vianet), US Government GCC High and DoD.
    below: [...D365_REGIONS.map((r) => `${r}.dynamics.com`), 'crm.dynamics.cn', 'crm.microsoftdynamics.us', 'crm.appsplatform.us'],
    exact: [],
    mcas: true,
  },
  salesforce: { below: ['lightning.force.com', 'my.salesforce.com'], exact: [], mcas: true },
  // HubSpot's data centres: NA1, EU1, NA2. A newer `app-<region>` host can be added as a CRM address.
  hubspot: { below: [], exact: ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com'], mcas: true },
  // Marketo Engage: the generic reader only. The content script runs in every frame (all_frames): Marketo nests
  // same-origin iframes, and so do HubSpot's create dialog and D365 web resources.
  marketo: { below: ['marketo.com'], exact: [], mcas: false },
} as const satisfies Record<string, CrmHosts>;

export type HostedCrm = keyof typeof CRM_HOSTS;

function names(h: CrmHosts): { below: string[]; exact: string[] } {
  const proxied = (list: readonly string[]) => (h.mcas ? list.map((n) => `${n}.${MCAS_SUFFIX}`) : []);
  return { below: [...h.below, ...proxied(h.below)], exact: [...h.exact, ...proxied(h.exact)] };
}

/** The match patterns for one CRM's hosts (`https://*.crm4.dynamics.com/*`, `https://app.hubspot.com/*`). */
export function matchPatterns(crm: HostedCrm): string[] {
  const { below, exact } = names(CRM_HOSTS[crm]);
  return [...below.map((n) => `https://*.${n}/*`), ...exact.map((n) => `https://${n}/*`)];
}

/** A host test for one CRM: any label(s) before a `below` suffix, or an exact host; proxies included. */
export function hostTest(crm: HostedCrm): RegExp {
  const { below, exact } = names(CRM_HOSTS[crm]);
  const esc = (n: string) => n.replace(/[.-]/g, (c) => `\\${c}`);
  const parts = [...below.map((n) => `(?:[a-z0-9-]+\\.)+${esc(n)}`), ...exact.map(esc)];
  return new RegExp(`^(?:${parts.join('|')})$`, 'i');
}

const TESTS = (Object.keys(CRM_HOSTS) as HostedCrm[]).map((crm) => [crm, hostTest(crm)] as const);

/** The CRM whose app this host serves, or null. */
export function crmOfHost(hostname: string): HostedCrm | null {
  return TESTS.find(([, test]) => test.test(hostname))?.[0] ?? null;
}

/**
 * True when a page at `url` may report leads: an https page on a CRM host LeadLens knows, or on a CRM address
 * the rep added (`customHosts`, host names). Pure, so the service worker can check `sender.url` with it.
 */
export function crmHostAccepted(url: string | URL, customHosts: readonly string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return crmOfHost(host) !== null || customHosts.some((h) => h.toLowerCase() === host);
}

/** Why an address the rep typed cannot be added, or the host name to add. */
export type CrmAddress = { host: string } | { error: 'invalid' | 'known' };

/**
 * The host of a CRM address the rep types ("crm.contoso.com", "https://crm.contoso.com/main.aspx"): https
 * only, a plain host name (no wildcard, no user or port), and not one LeadLens already reads.
 */
export function crmAddress(input: string): CrmAddress {
  const text = input.trim();
  if (!text || text.length > 253 || /[\s*]/.test(text)) return { error: 'invalid' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { error: 'invalid' };
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:' || url.username || url.password || url.port || !host.includes('.') || host.endsWith('.'))
    return { error: 'invalid' };
  return crmOfHost(host) ? { error: 'known' } : { host };
}
