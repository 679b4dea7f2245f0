// Keeps exactly one badge per occurrence key on the page: creates missing ones right after their anchor,
// repaints changed ones, moves ones whose anchor was re-rendered, removes ones whose occurrence is gone.
import type { DecodedLeadSource, DuplicateStatus } from '../core/types';
import { clean, isControl, readShown } from '../crm/dom';
import { ATTR, createBadge, paintBadge, paintDuplicate, type BadgeParts, type BadgeText } from './badge';
import { buildCard, CardLayer } from './card';
import { ensureCellStyle } from './cell-style';
import type { Occurrence } from './occurrences';

interface Badge {
  parts: BadgeParts;
  anchor: Element;
  checks: Occurrence['checks'];
  decoded: DecodedLeadSource;
  createdAt: string | undefined;
  duplicate: DuplicateStatus;
}

/** The last badge placed, so the next one of the same value goes after it. */
interface Placed {
  anchor: Element;
  host: Element;
}

export interface AnnotatorOptions {
  text: () => BadgeText;
  /** Called synchronously from the click/keyboard handler, so the user gesture is still alive. */
  onActivate: (key: string) => void;
  /** Badges created per slice before yielding to the page. */
  sliceSize?: number;
  yieldToPage?: () => Promise<void>;
  /** More for a badge's hover card (the team check's answer), if any. */
  cardExtra?: (key: string) => Node | null;
}

/**
 * Marks a list value followed by badges, and its cell: the page stylesheet (cell-style.ts) lets the value take
 * the ellipsis and keeps the chips whole, with no measuring.
 */
const FITTED = 'data-leadlens-fitted';
const CELL = 'data-leadlens-cell';

/** True while every element still shows the text it showed when it was read. */
export function stillShown(checks: Occurrence['checks']): boolean {
  return checks.every(([el, text]) => el.isConnected && clean(readShown(el)) === text);
}

export const defaultYield = (): Promise<void> =>
  new Promise((resolve) => {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(() => resolve(), { timeout: 50 });
    else setTimeout(resolve, 0);
  });

/** Marks a list value and its cell for the page stylesheet (writes only: nothing is measured). */
function fitCell(anchor: Element): void {
  const cell = anchor.parentElement;
  if (!cell || anchor.hasAttribute(FITTED) || isControl(anchor)) return;
  anchor.setAttribute(FITTED, '');
  cell.setAttribute(CELL, '');
  ensureCellStyle(anchor.ownerDocument);
}

export class Annotator {
  private readonly badges = new Map<string, Badge>();
  private readonly card: CardLayer;

  constructor(
    private readonly doc: Document,
    private readonly opts: AnnotatorOptions,
  ) {
    this.card = new CardLayer(doc);
  }

  get size(): number {
    return this.badges.size;
  }

  /** The keys of the badges on the page. */
  keys(): string[] {
    return Array.from(this.badges.keys());
  }

  hostOf(key: string): HTMLElement | undefined {
    return this.badges.get(key)?.parts.host;
  }

  /** Brings the page's badges in line with `occurrences`; yields to the page between slices. */
  async reconcile(occurrences: Occurrence[], statuses: ReadonlyMap<string, DuplicateStatus>): Promise<void> {
    this.retain(new Set(occurrences.map((o) => o.key)));
    const slice = this.opts.sliceSize ?? 100;
    const yieldToPage = this.opts.yieldToPage ?? defaultYield;
    let last: Placed | null = null;
    for (let start = 0; start < occurrences.length; start += slice) {
      if (start) await yieldToPage();
      last = this.show(occurrences.slice(start, start + slice), statuses, last);
    }
  }

  /** Drops the badges of keys not in `keys` (and of values no longer on the page), and stray badges. */
  retain(keys: ReadonlySet<string>): void {
    for (const [key, b] of this.badges) {
      if (!keys.has(key) || !b.anchor.isConnected) this.drop(key);
    }
    // Badges we do not own (e.g. left behind by a previous copy of the content script after an update).
    for (const stray of Array.from(this.doc.querySelectorAll(`[${ATTR.badge}]`))) {
      if (this.badges.get(stray.getAttribute(ATTR.key) ?? '')?.parts.host !== stray) stray.remove();
    }
  }

  /** Drops the badges of these keys. */
  remove(keys: Iterable<string>): void {
    for (const key of keys) this.drop(key);
  }

  /**
   * Creates, repaints or moves the badges of these occurrences, at once (the caller keeps batches small:
   * a frame's worth). Badges of other keys are left alone.
   */
  show(occurrences: readonly Occurrence[], statuses: ReadonlyMap<string, DuplicateStatus>, after: Placed | null = null): Placed | null {
    const text = this.opts.text();
    let previous = after;
    for (const o of occurrences) {
      // The page may have rewritten the element since the scan (a recycled grid row): never badge another value.
      if (!o.anchor.isConnected || !stillShown(o.checks)) {
        if (this.badges.has(o.key)) this.drop(o.key);
        continue;
      }
      const b = this.place(o, statuses, text);
      // Right after the anchor, or after the previous badge of the same anchor (several occurrences in one field).
      const ref: Element = previous && previous.anchor === o.anchor ? previous.host : o.anchor;
      if (ref.nextSibling !== b.parts.host) ref.after(b.parts.host);
      if (o.lead.view === 'list') fitCell(o.anchor);
      previous = { anchor: o.anchor, host: b.parts.host };
    }
    return previous;
  }

  /** The badge of one occurrence, created or repainted as needed (not yet placed). */
  private place(o: Occurrence, statuses: ReadonlyMap<string, DuplicateStatus>, text: BadgeText): Badge {
    let b = this.badges.get(o.key);
    if (b && b.anchor !== o.anchor) {
      this.drop(o.key);
      b = undefined;
    }
    const duplicate = statuses.get(o.key) ?? b?.duplicate ?? 'new';
    if (!b) {
      b = {
        parts: this.create(o.key),
        anchor: o.anchor,
        checks: o.checks,
        decoded: o.decoded,
        createdAt: o.lead.lead.createdAt,
        duplicate,
      };
      this.badges.set(o.key, b);
      paintBadge(b.parts, o.key, o.decoded, duplicate, text);
    } else if (b.decoded.input !== o.decoded.input || b.decoded.stage !== o.decoded.stage || b.duplicate !== duplicate) {
      Object.assign(b, { decoded: o.decoded, createdAt: o.lead.lead.createdAt, duplicate });
      paintBadge(b.parts, o.key, o.decoded, duplicate, text);
    } else {
      b.createdAt = o.lead.lead.createdAt;
    }
    b.checks = o.checks;
    // A value slotted into a native shadow root (Salesforce mixed shadow): the badge joins the same slot.
    const slot = o.anchor.getAttribute('slot');
    if (slot && b.parts.host.getAttribute('slot') !== slot) b.parts.host.setAttribute('slot', slot);
    return b;
  }

  /**
   * Withdraws at once every badge whose element no longer shows what was read (called on each mutation batch,
   * before the page paints), so a recycled row never shows another row's badge. Returns the keys dropped.
   */
  verify(keys?: Iterable<string>): string[] {
    const dropped: string[] = [];
    for (const key of keys ?? Array.from(this.badges.keys())) {
      const b = this.badges.get(key);
      if (b?.checks.length && !stillShown(b.checks)) {
        this.drop(key);
        dropped.push(key);
      }
    }
    return dropped;
  }

  /** Paints every badge again with the current words (the language changed). */
  repaint(): void {
    const text = this.opts.text();
    for (const [key, b] of this.badges) paintBadge(b.parts, key, b.decoded, b.duplicate, text);
  }

  /** Applies duplicate verdicts that arrived from the service worker. */
  setStatuses(statuses: ReadonlyMap<string, DuplicateStatus>): void {
    const text = this.opts.text();
    for (const [key, status] of statuses) {
      const b = this.badges.get(key);
      if (b && b.duplicate !== status) {
        b.duplicate = status;
        paintDuplicate(b.parts, status, text);
      }
    }
  }

  clear(): void {
    for (const key of Array.from(this.badges.keys())) this.drop(key);
    this.card.remove();
  }

  private drop(key: string): void {
    const b = this.badges.get(key);
    if (!b) return;
    this.card.hide(b.parts.chip);
    b.parts.host.remove();
    this.badges.delete(key);
    // Give a fitted value its own look back once no badge follows it.
    if (b.anchor.hasAttribute(FITTED) && ![...this.badges.values()].some((o) => o.anchor === b.anchor)) {
      b.anchor.removeAttribute(FITTED);
      b.anchor.parentElement?.removeAttribute(CELL);
    }
  }

  private create(key: string): BadgeParts {
    const parts = createBadge(this.doc);
    const { chip } = parts;
    const activate = (ev: Event): void => {
      ev.preventDefault();
      ev.stopPropagation();
      // Only the rep's own click or key press: a page script's synthetic event must not open the side panel.
      if (ev.isTrusted) this.opts.onActivate(key);
    };
    chip.addEventListener('click', activate);
    chip.addEventListener('keydown', (ev) => {
      const k = (ev as KeyboardEvent).key;
      if (k === 'Enter' || k === ' ') activate(ev);
      else if (k === 'Escape') this.card.hide(chip);
    });
    // Keep the CRM's own row/cell handlers (row selection, inline edit) away from badge clicks.
    for (const type of ['mousedown', 'pointerdown', 'dblclick']) chip.addEventListener(type, (ev) => ev.stopPropagation());
    const open = (): void => {
      const b = this.badges.get(key);
      if (!b) return;
      const card = buildCard(this.doc, { decoded: b.decoded, createdAt: b.createdAt, duplicate: b.duplicate }, this.opts.text());
      const extra = this.opts.cardExtra?.(key);
      if (extra) card.lastChild ? card.insertBefore(extra, card.lastChild) : card.append(extra);
      this.card.show(chip, card);
    };
    chip.addEventListener('mouseenter', open);
    chip.addEventListener('focus', open);
    chip.addEventListener('mouseleave', () => this.card.hide(chip));
    chip.addEventListener('blur', () => this.card.hide(chip));
    return parts;
  }
}
