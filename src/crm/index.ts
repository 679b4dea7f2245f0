// The CRM adapters, in the order they are tried; generic is the fallback for everything else.
import { dynamics } from './dynamics';
import { generic } from './generic';
import { hubspot } from './hubspot';
import { salesforce } from './salesforce';
import type { CrmAdapter, PageKind } from './types';

export const ADAPTERS: readonly CrmAdapter[] = [dynamics, salesforce, hubspot];

export { dynamics, generic, hubspot, salesforce };
export type { CrmAdapter, Extracted, PageKind, View } from './types';

/** The adapter whose pages these are, with what it recognised; null when none claims the page. */
export function adapterFor(location: URL, doc: Document): { adapter: CrmAdapter; kind: PageKind } | null {
  for (const adapter of ADAPTERS) {
    const kind = adapter.detect(location, doc);
    if (kind) return { adapter, kind };
  }
  return null;
}
