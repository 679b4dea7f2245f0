// DOM helpers shared by the adapters: queries that cross open shadow roots, reading what a control
// shows, visibility, and dates as the CRM prints them. Page data is only ever read as text.
// The date reader alone, not the payloads barrel: the content script has no use for the record readers.
import { parseLeadDate } from '../core/payloads/date';

/** Marks the stylesheet LeadLens adds to a page (content/cell-style.ts). */
export const OWN_STYLE = 'data-leadlens-style';

/** Hosts LeadLens itself puts on pages; never scanned. */
export const OWN_NODES = `[data-leadlens], [data-leadlens-card], [${OWN_STYLE}]`;

type ShadowOpener = (el: Element) => ShadowRoot | null;

/** `chrome.dom.openOrClosedShadowRoot` when running as a content script, else undefined. */
function opener(): ShadowOpener | undefined {
  return (globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot?: ShadowOpener } } }).chrome?.dom?.openOrClosedShadowRoot;
}

/** Told of every shadow root LeadLens reads into (the watcher observes each: its changes never reach the document). */
const rootListeners = new Set<(root: ShadowRoot) => void>();

/** Calls `listener` with each shadow root read from now on (a root may come more than once); returns the undo. */
export function onShadowRoot(listener: (root: ShadowRoot) => void): () => void {
  rootListeners.add(listener);
  return () => rootListeners.delete(listener);
}

function seen(root: ShadowRoot | null): ShadowRoot | null {
  if (root) for (const listener of rootListeners) listener(root);
  return root;
}

/**
 * The shadow root a content script can reach: closed ones are asked for only on custom elements (a hyphen in
 * the tag name), where component frameworks put them; every other element is only looked at for an open root,
 * a property read instead of an extension call per element.
 */
function shadowOf(el: Element): ShadowRoot | null {
  if (el.matches(OWN_NODES)) return null;
  const open = el.localName.includes('-') ? opener() : undefined;
  if (open) {
    try {
      return seen(open(el));
    } catch {
      return seen(el.shadowRoot);
    }
  }
  return seen(el.shadowRoot);
}

/** The shadow root of an element as a content script may open it (open or closed), LeadLens' own excluded. */
export function shadowRootOf(el: Element): ShadowRoot | null {
  return shadowOf(el);
}

/** Like shadowRootOf, for walks over many elements: a custom element is asked, any other only read for an open root. */
export function cheapShadowOf(el: Element): ShadowRoot | null {
  if (el.localName.includes('-')) return shadowOf(el);
  const sr = el.shadowRoot;
  return sr && !el.matches(OWN_NODES) ? seen(sr) : null;
}

// One walk per task: an adapter, the text scan and the watcher all ask for the same document's roots within
// one scan, and the page cannot change in between.
let memo: { root: ParentNode; limit: number; roots: ShadowRoot[] } | null = null;

/** Every shadow root below `root` (recursively), LeadLens' own excluded. */
export function shadowRootsIn(root: ParentNode, limit = 5000): ShadowRoot[] {
  if (memo && memo.root === root && memo.limit === limit) return memo.roots;
  const out: ShadowRoot[] = [];
  const queue: ParentNode[] = [root];
  while (queue.length && out.length < limit) {
    const current = queue.shift()!;
    const doc = (current as Node).ownerDocument ?? (current as Document);
    const walker = doc.createTreeWalker(current as Node, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n as Element;
      // Most elements: one property read. Only custom elements may hold a closed root worth an extension call.
      const sr = cheapShadowOf(el);
      if (sr) {
        out.push(sr);
        queue.push(sr);
      }
    }
  }
  memo = { root, limit, roots: out };
  queueMicrotask(() => {
    memo = null;
  });
  return out;
}

/** querySelectorAll over `root` and every shadow root inside it, in document-ish order. */
export function deepQueryAll(root: ParentNode, selector: string, roots?: ShadowRoot[]): Element[] {
  const out = Array.from(root.querySelectorAll(selector));
  for (const sr of roots ?? shadowRootsIn(root)) out.push(...Array.from(sr.querySelectorAll(selector)));
  return out;
}

/** Parent element, stepping out of a shadow root to its host. */
export function parentOrHost(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent && (parent as ShadowRoot).host ? (parent as ShadowRoot).host : null;
}

/** `closest` that also climbs out of shadow roots. */
export function closestDeep(el: Element, selector: string): Element | null {
  for (let n: Element | null = el; n; n = parentOrHost(n)) if (n.matches(selector)) return n;
  return null;
}

/**
 * True when the element (or an ancestor, across shadow boundaries) is hidden from the rep. With `styles` false
 * only attributes and inline styles are looked at: the browser is not asked, so no style work is forced (rows
 * read far from the viewport, which is checked again when they come near).
 */
export function isHidden(el: Element, styles = true): boolean {
  for (let n: Element | null = el; n; n = parentOrHost(n)) {
    if (n.hasAttribute('hidden')) return true;
    const style = (n as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  }
  if (!styles) return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return typeof check === 'function' && el.isConnected && !check.call(el, { visibilityProperty: true });
}

const VALUE_TAGS = new Set(['input', 'textarea', 'select']);

/** True for form controls whose shown value is a property, not text content. */
export function isControl(el: Element): boolean {
  return VALUE_TAGS.has(el.localName);
}

/** Controls and screen-reader text inside a value (inline-edit buttons, "Edit Lead Source"): never part of it. */
const NOT_VALUE = 'button, [role=button], .slds-assistive-text, script, style, template';

/**
 * The text an element shows as the rep sees it: a shadow host's own shadow tree (native shadow DOM) with slotted
 * nodes where their slot is, LeadLens' nodes and nested controls left out.
 */
export function composedText(node: Element | ShadowRoot): string {
  const root = node instanceof Element ? (shadowOf(node) ?? node) : node;
  let text = '';
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) text += (n as Text).data;
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.matches(OWN_NODES) || el.matches(NOT_VALUE)) continue;
    if (el.localName === 'slot' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
      const assigned = (el as HTMLSlotElement).assignedNodes({ flatten: true });
      const nodes = assigned.length ? assigned : Array.from(el.childNodes);
      for (const a of nodes) text += a.nodeType === 3 ? (a as Text).data : a.nodeType === 1 ? composedText(a as Element) : '';
      continue;
    }
    text += composedText(el);
  }
  return text;
}

/** The text a field element shows: the live value of inputs, the selected option, or its (composed) text. */
export function readShown(el: Element): string {
  switch (el.localName) {
    case 'input':
    case 'textarea':
      return (el as HTMLInputElement).value ?? '';
    case 'select': {
      const opt = (el as HTMLSelectElement).selectedOptions?.[0];
      return opt && opt.value !== '-1' ? (opt.textContent ?? '') : '';
    }
  }
  // Fluent comboboxes keep the selected label in a `value` attribute.
  if (el.getAttribute('role') === 'combobox' && el.hasAttribute('value')) return el.getAttribute('value') ?? '';
  return composedText(el);
}

/** True when `el` sits inside one of `parts` (shadow boundaries crossed). */
export function insideAny(el: Element, parts: readonly Element[]): boolean {
  if (!parts.length) return false;
  for (let n: Element | null = el; n; n = parentOrHost(n)) if (parts.includes(n)) return true;
  return false;
}

/** Collapses whitespace runs and trims; keeps the text otherwise as shown. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The innermost element inside `cell` that shows the whole text of the cell (so a badge can follow it),
 * or the cell itself when its text sits directly in it.
 */
export function valueElement(cell: Element, prefer?: string): Element {
  let current = cell;
  const hit = prefer ? cell.querySelector(prefer) : null;
  if (hit && clean(readShown(hit))) current = hit;
  if (isControl(current) || current.getAttribute('role') === 'combobox') return current;
  const control = current.querySelector('input, textarea, select, [role=combobox]');
  if (control) return control;
  let whole: string | null = null;
  for (;;) {
    const only = onlyChildWithText(current);
    if (only === null) return current;
    if (only !== undefined) {
      current = only;
      continue;
    }
    // Several children carry text (or the element hosts a shadow tree): compare each child's shown text.
    const target = (whole ??= clean(composedText(current)));
    const next = Array.from(current.children).find(
      (c) => !c.matches(OWN_NODES) && !c.matches(NOT_VALUE) && clean(composedText(c)) === target,
    );
    if (!next) return current;
    current = next;
  }
}

/**
 * The one child element of `el` that holds all its text, found without building any text: null when `el`
 * shows text of its own or no child carries any (the value sits here), undefined when that needs a closer look.
 */
function onlyChildWithText(el: Element): Element | null | undefined {
  if (shadowOf(el)) return undefined;
  let only: Element | null = null;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) {
      if (/\S/.test((n as Text).data)) return null;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const c = n as Element;
    if (c.matches(OWN_NODES) || c.matches(NOT_VALUE)) continue;
    // A custom element may show text from its shadow tree, a slot its assigned nodes: not in textContent.
    if (c.localName.includes('-') || c.localName === 'slot') return undefined;
    if (!/\S/.test(c.textContent ?? '')) continue;
    if (only) return undefined;
    only = c;
  }
  return only;
}

/** Lower-case GUID without braces, or null. */
export function normalizeGuid(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i.exec(decodeURIComponent(raw).trim());
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * A creation time as CRMs print it, to ISO 8601 (local time of the browser). Accepts ISO,
 * `dd.mm.yyyy [hh:mm]` (ru/de), `mm/dd/yyyy [h:mm AM]` (en-US; day first when the first number is > 12)
 * and `yyyy-mm-dd hh:mm`. Anything else: undefined (never a guess from month names).
 */
export function parseShownDate(text: string | null | undefined): string | undefined {
  const s = clean(text ?? '');
  if (!s) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return parseLeadDate(s);
  let y: number, mo: number, d: number;
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(.*)$/.exec(s);
  let rest: string;
  if (m) {
    [d, mo, y, rest] = [+m[1]!, +m[2]!, +m[3]!, m[4]!];
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(.*)$/.exec(s))) {
    const a = +m[1]!,
      b = +m[2]!;
    [mo, d] = a > 12 ? [b, a] : [a, b];
    [y, rest] = [+m[3]!, m[4]!];
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/.exec(s))) {
    [y, mo, d, rest] = [+m[1]!, +m[2]!, +m[3]!, m[4]!];
  } else return undefined;
  let h = 0,
    min = 0;
  const t = /^[,\s]*(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?/.exec(rest);
  if (t) {
    h = +t[1]!;
    min = +t[2]!;
    const ampm = t[3]?.toLowerCase();
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
  }
  // No 31.02 or 24:00: a day past the month's end, or a time past the day's, is not a date the CRM shows.
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate() || h > 23 || min > 59) return undefined;
  // Handed on without an offset, as the page showed it, so parseLeadDate reads it in the rep's local time.
  const two = (n: number) => String(n).padStart(2, '0');
  return parseLeadDate(`${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(min)}:00`);
}
