// Any visible text or input value that holds a LeadSource: the reader for CRMs without an adapter (Marketo, a
// company's own CRM address) and for the parts of a recognised page its adapter did not claim (cards without
// field names). It knows nothing about records; on a record page the caller adds the record it belongs to.
import { findLeadSources } from '../core/leadsource';
import { cheapShadowOf, clean, isHidden, OWN_NODES, readShown } from './dom';
import { mayHoldLeadSource } from './record';
import type { CrmAdapter, Extracted, PageKind } from './types';

export const GENERIC = {
  skip: new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'canvas', 'iframe', 'object']),
  textInputs: new Set(['', 'text', 'search', 'url']),
  listRow: 'tr, [role=row], li',
  /** Work caps per scan: elements visited, occurrences returned. */
  maxElements: 60_000,
  maxFound: 500,
  maxRoots: 5000,
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

/** Elements the scan must leave alone: claimed by an adapter (already read) or ignored (never read). */
export interface Exclusions {
  claimed: readonly Element[];
  ignored: readonly Element[];
}

const NONE: Exclusions = { claimed: [], ignored: [] };

interface Skip {
  claimed: ReadonlySet<Element>;
  ignored: ReadonlySet<Element>;
}

function occurrence(anchor: Element, text: string, location: URL, out: Extracted[]): void {
  const found = findLeadSources(text);
  if (!found.length || isHidden(anchor)) return;
  out.push({
    anchor,
    field: `text-${textHash(text.trim())}`,
    found,
    customer: {},
    recordId: null,
    recordUrl: location.href,
    view: anchor.closest(GENERIC.listRow) ? 'list' : 'record',
    checks: [[anchor, clean(readShown(anchor))]],
  });
}

/** Text nodes directly under a shadow root (lightning-formatted-text in native shadow): shown by the host. */
function visitRootText(sr: ShadowRoot, location: URL, out: Extracted[]): void {
  let text = '';
  for (let n = sr.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) text += (n as Text).data;
  if (!mayHoldLeadSource(text)) return;
  occurrence(sr.host, text, location, out);
}

/**
 * Reads the elements below `root` that are not skipped; the shadow roots it passes go into `roots`, so the parts
 * left alone (the rows an adapter reads one by one, a whole grid of them) are never walked for roots either.
 */
function visit(root: ParentNode, location: URL, out: Extracted[], budget: { left: number }, skip: Skip, roots: ShadowRoot[]): void {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root as Node, 1 /* SHOW_ELEMENT */, {
    acceptNode: (n) =>
      GENERIC.skip.has((n as Element).localName) ||
      skip.claimed.has(n as Element) ||
      skip.ignored.has(n as Element) ||
      (n as Element).hasAttribute('hidden') ||
      (n as Element).matches(OWN_NODES)
        ? 2 /* FILTER_REJECT: skip the subtree */
        : 1,
  });
  for (let n = walker.nextNode(); n && budget.left-- > 0 && out.length < GENERIC.maxFound; n = walker.nextNode()) {
    const el = n as Element;
    const sr = roots.length < GENERIC.maxRoots ? cheapShadowOf(el) : null;
    if (sr) roots.push(sr);
    const text = ownText(el);
    if (mayHoldLeadSource(text)) occurrence(el, text, location, out);
  }
}

/** LeadSource text anywhere in `root` and its shadow roots, outside the claimed and ignored parts. */
export function scanText(root: ParentNode, location: URL, exclusions: Exclusions = NONE): Extracted[] {
  const skip: Skip = { claimed: new Set(exclusions.claimed), ignored: new Set(exclusions.ignored) };
  const out: Extracted[] = [];
  const budget = { left: GENERIC.maxElements };
  // The document first, then each shadow root found on the way (and the roots inside those), in that order.
  const roots: ShadowRoot[] = [];
  visit(root, location, out, budget, skip, roots);
  for (let i = 0; i < roots.length && budget.left > 0; i++) {
    visitRootText(roots[i]!, location, out);
    visit(roots[i]!, location, out, budget, skip, roots);
  }
  return out;
}

function detect(): PageKind {
  return { crm: 'generic', view: 'record', entity: null, recordId: null };
}

function extract(root: ParentNode, location: URL): Extracted[] {
  return scanText(root, location);
}

export const generic: CrmAdapter = { id: 'generic', hosts: [], landmarks: () => true, detect, extract };
