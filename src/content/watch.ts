// Tells the scanner when to look again: DOM mutations (debounced and batched, LeadLens' own nodes
// ignored), edits in form controls, and SPA navigation (Navigation API, popstate, history calls in
// this world, and URL polling as the fallback that always works from an isolated world).
import { OWN_NODES } from '../crm/dom';

export interface WatchOptions {
  debounceMs?: number;
  /** A page that never stops mutating still gets scanned this often. */
  maxWaitMs?: number;
  pollMs?: number;
  /**
   * Called synchronously with each batch of page mutations, before the page paints (badge checks, rows
   * to read again). Returning true says it took care of them all: no whole look is scheduled for them.
   */
  onMutations?: (records: MutationRecord[]) => boolean;
}

/** Stops watching; `observe` adds a shadow root LeadLens read, whose changes the document observer cannot see. */
export type Unwatch = (() => void) & { observe(root: ShadowRoot): void };

export type ChangeReason = 'mutation' | 'input' | 'navigation';

const ATTRIBUTES = [
  'class',
  'hidden',
  'value',
  'href',
  'row-index',
  'row-id',
  'data-row-key-value',
  'data-test-id',
  'aria-selected',
  'data-id',
];

function isOwn(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).matches(OWN_NODES);
}

/** True when a mutation record concerns the CRM page, not LeadLens' own badges. */
export function relevant(m: MutationRecord): boolean {
  if (m.type === 'attributes' || m.type === 'characterData') {
    const target = m.target.nodeType === 1 ? (m.target as Element) : m.target.parentElement;
    return !target?.closest(OWN_NODES);
  }
  const nodes = [...Array.from(m.addedNodes), ...Array.from(m.removedNodes)];
  return nodes.length === 0 ? false : nodes.some((n) => !isOwn(n));
}

export function watchPage(win: Window, onChange: (reason: ChangeReason) => void, opts: WatchOptions = {}): Unwatch {
  const debounceMs = opts.debounceMs ?? 200;
  const maxWaitMs = opts.maxWaitMs ?? 1000;
  const pollMs = opts.pollMs ?? 1000;
  const doc = win.document;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstAt = 0;
  let dueAt = 0;
  let reason: ChangeReason = 'mutation';
  let stopped = false;

  const fire = (): void => {
    timer = null;
    firstAt = 0;
    if (!stopped) onChange(reason);
  };
  // Each change moves the call to `debounceMs` after it, but never past `maxWaitMs` after the first
  // change. A timer already due no later than that is left alone: re-arming it on every change would
  // let a page that mutates in back-to-back tasks cancel the overdue call for ever.
  const schedule = (why: ChangeReason): void => {
    if (stopped) return;
    if (why === 'navigation' || reason !== 'navigation') reason = why;
    const now = Date.now();
    if (!timer) firstAt = now;
    const due = Math.min(now + debounceMs, firstAt + maxWaitMs);
    if (timer && due <= dueAt) return;
    if (timer) clearTimeout(timer);
    dueAt = due;
    timer = setTimeout(fire, due - now);
  };

  const observer = new MutationObserver((records: MutationRecord[]) => {
    const mine = records.filter(relevant);
    if (!mine.length) return;
    if (opts.onMutations?.(mine) === true) return;
    schedule('mutation');
  });
  const options: MutationObserverInit = {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  };
  observer.observe(doc.documentElement, options);
  const observed = new WeakSet<ShadowRoot>();

  const onInput = (ev: Event): void => {
    const target = ev.target as Node | null;
    if (!(target && target.nodeType === 1 && (target as Element).closest(OWN_NODES))) schedule('input');
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onInput, true);

  let lastUrl = win.location.href;
  const checkUrl = (): void => {
    // A window that has gone away (a removed frame, a test page already torn down) has no location to compare.
    const href = win.location?.href;
    if (href === undefined || href === lastUrl) return;
    lastUrl = href;
    schedule('navigation');
  };
  const onNav = (): void => {
    // The new URL is committed after the event on some paths; look now and again shortly after.
    checkUrl();
    setTimeout(checkUrl, 0);
  };
  win.addEventListener('popstate', onNav);
  win.addEventListener('hashchange', onNav);
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', onNav);
  navigation?.addEventListener('currententrychange', onNav);
  // pushState/replaceState calls made from this world; the page's own calls are caught by the poll.
  const history = win.history;
  const originals = { push: history.pushState, replace: history.replaceState };
  history.pushState = function (...args: Parameters<History['pushState']>) {
    originals.push.apply(this, args);
    onNav();
  };
  history.replaceState = function (...args: Parameters<History['replaceState']>) {
    originals.replace.apply(this, args);
    onNav();
  };
  const poll = setInterval(checkUrl, pollMs);

  const unwatch = () => {
    stopped = true;
    observer.disconnect();
    if (timer) clearTimeout(timer);
    clearInterval(poll);
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('change', onInput, true);
    win.removeEventListener('popstate', onNav);
    win.removeEventListener('hashchange', onNav);
    navigation?.removeEventListener('navigatesuccess', onNav);
    navigation?.removeEventListener('currententrychange', onNav);
    history.pushState = originals.push;
    history.replaceState = originals.replace;
  };
  return Object.assign(unwatch, {
    observe(root: ShadowRoot) {
      if (stopped || observed.has(root)) return;
      observed.add(root);
      observer.observe(root, options);
    },
  });
}
