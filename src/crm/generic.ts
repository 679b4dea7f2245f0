// Fallback for CRMs we have no adapter for: any visible text or input value that holds a LeadSource.
// It knows nothing about records, so occurrences carry no customer fields and no record id.
import { findLeadSources } from '../core/find-leadsources';
import { isHidden, OWN_NODES, shadowRootsIn } from './dom';
import { mayHoldLeadSource } from './record';
import type { CrmAdapter, Extracted, PageKind } from './types';

export const GENERIC = {
  skip: new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'canvas', 'iframe', 'object']),
  textInputs: new Set(['', 'text', 'search', 'url']),
  listRow: 'tr, [role=row], li',
  /** Work caps per scan: elements visited, occurrences returned. */
  maxElements: 60_000,
  maxFound: 500,
} as const;

/** Short stable hash, so a generic occurrence keeps its key while the page around it changes. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The text an element shows itself: its own text nodes, or an input's value. */
function ownText(el: Element): string {
  if (el.localName === 'textarea') return (el as HTMLTextAreaElement).value;
  if (el.localName === 'input') {
    const input = el as HTMLInputElement;
    return GENERIC.textInputs.has((input.getAttribute('type') ?? '').toLowerCase()) ? input.value : '';
  }
  let text = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) text += (n as Text).data;
  return text;
}

function visit(root: ParentNode, location: URL, out: Extracted[], budget: { left: number }): void {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root as Node, 1 /* SHOW_ELEMENT */, {
    acceptNode: (n) =>
      GENERIC.skip.has((n as Element).localName) || (n as Element).matches(OWN_NODES) || (n as Element).hasAttribute('hidden')
        ? 2 /* FILTER_REJECT: skip the subtree */
        : 1,
  });
  for (let n = walker.nextNode(); n && budget.left-- > 0 && out.length < GENERIC.maxFound; n = walker.nextNode()) {
    const el = n as Element;
    const text = ownText(el);
    if (!mayHoldLeadSource(text)) continue;
    const found = findLeadSources(text);
    if (!found.length || isHidden(el)) continue;
    out.push({
      anchor: el,
      field: `text-${textHash(text.trim())}`,
      found,
      customer: {},
      recordId: null,
      recordUrl: location.href,
      view: el.closest(GENERIC.listRow) ? 'list' : 'record',
    });
  }
}

function detect(): PageKind {
  return { crm: 'generic', view: 'record', entity: null, recordId: null };
}

function extract(root: ParentNode, location: URL): Extracted[] {
  const out: Extracted[] = [];
  const budget = { left: GENERIC.maxElements };
  visit(root, location, out, budget);
  for (const sr of shadowRootsIn(root)) if (budget.left > 0) visit(sr, location, out, budget);
  return out;
}

export const generic: CrmAdapter = { id: 'generic', detect, extract };
