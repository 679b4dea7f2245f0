// The CRM adapters, in the order they are tried; generic reads what no adapter claims.
import { DYNAMICS_EXAMPLES, dynamics } from './dynamics';
import { generic } from './generic';
import { HUBSPOT_EXAMPLES, hubspot } from './hubspot';
import { SALESFORCE_EXAMPLES, salesforce } from './salesforce';
import type { AdapterExamples, CrmAdapter, PageKind } from './types';

export const ADAPTERS: readonly CrmAdapter[] = [dynamics, salesforce, hubspot];

/**
 * Every adapter's example URLs and selector counts, by adapter id: read by test/unit/crm/detect.test.ts
 * and selectors.test.ts (which also check that each adapter in ADAPTERS has its entry here).
 */
export const EXAMPLES: Readonly<Record<string, AdapterExamples>> = {
  dynamics: DYNAMICS_EXAMPLES,
  salesforce: SALESFORCE_EXAMPLES,
  hubspot: HUBSPOT_EXAMPLES,
};

export { dynamics, generic, hubspot, salesforce };
export { scanText, type Exclusions } from './generic';
export { crmHostAccepted, crmOfHost, matchPatterns } from './hosts';
export type { AdapterExamples, CrmAdapter, Extracted, ListRows, PageKind, ScanReport, View } from './types';

/** The adapter whose pages these are, with what it recognised; null when none claims the page. */
export function adapterFor(location: URL, doc: Document): { adapter: CrmAdapter; kind: PageKind } | null {
  for (const adapter of ADAPTERS) {
    const kind = adapter.detect(location, doc);
    if (kind) return { adapter, kind };
  }
  return null;
}

/** The adapter that owns this host name (its CRM serves its app there), whatever the page. */
export function hostOwner(location: URL): CrmAdapter | null {
  return ADAPTERS.find((a) => a.hosts.some((h) => h.test(location.hostname))) ?? null;
}
