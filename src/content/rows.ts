// The rows of a list page, each read on its own: rows near the viewport at the next frame, the others in
// idle time. A row is read again only when it changed (a mutation inside it) or when its elements were
// replaced; reading one never touches the others.
import type { CrmId } from '../core/types';
import { isHidden, parentOrHost } from '../crm/dom';
import type { ListRows } from '../crm';
import { toOccurrences, type Occurrence } from './occurrences';
import type { Viewport } from './viewport';

export interface RowEntry {
  parts: readonly Element[];
  /** Null until read; the row's occurrences (keys unique on the page) after. */
  occurrences: Occurrence[] | null;
  /** Changed since it was read. */
  dirty: boolean;
}

/** What reading some rows changed: occurrences added or changed, and keys gone. */
export interface RowChange {
  changed: Occurrence[];
  removed: string[];
}

export class RowTable {
  /** By the row's first part, in page order. */
  private entries = new Map<Element, RowEntry>();
  /** Every part of every row, to find the row a mutation happened in. */
  private byPart = new WeakMap<Element, RowEntry>();
  /** Which row (or 'page', for the occurrences outside the rows) owns each key. */
  private owners = new Map<string, RowEntry | 'page'>();
  private read: ListRows['read'] = () => [];
  /** First parts of rows registered but not yet watched for nearness, and how many of them are done. */
  private unwatched: Element[] = [];
  private watchedUpTo = 0;
  /** A sync in progress: the rows found, the entries made so far (page order) and the next row to take. */
  private job: { rows: readonly (readonly Element[])[]; next: Map<Element, RowEntry>; at: number } | null = null;

  constructor(
    private readonly crm: () => CrmId,
    private readonly viewport: Viewport,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Takes the rows a fresh look at the page found, at once; returns the keys of rows that are gone. */
  sync(list: ListRows, pageKeys: Iterable<string>): string[] {
    this.beginSync(list, pageKeys);
    return this.syncSome(Number.POSITIVE_INFINITY) ?? [];
  }

  /**
   * Starts taking the rows a fresh look at the page found (the keys outside rows are the page's own); syncSome
   * registers them. Until it is done the rows known before stay in use.
   */
  beginSync(list: ListRows, pageKeys: Iterable<string>): void {
    this.read = list.read;
    for (const [key, owner] of this.owners) if (owner === 'page') this.owners.delete(key);
    for (const key of pageKeys) if (!this.owners.has(key)) this.owners.set(key, 'page');
    this.job = { rows: list.rows, next: new Map(), at: 0 };
  }

  /**
   * Registers the rows of the sync in progress until `deadline` (a performance.now() time), so thousands of rows
   * are spread over several tasks. Null while rows are left; once all are in, the keys of rows that are gone.
   */
  syncSome(deadline: number): string[] | null {
    const job = this.job;
    if (!job) return [];
    for (let n = 1; job.at < job.rows.length; n++) {
      if ((n & 63) === 0 && performance.now() > deadline) return null;
      const parts = job.rows[job.at++]!;
      const first = parts[0]!;
      let entry = this.entries.get(first);
      if (!entry) {
        entry = { parts, occurrences: null, dirty: true };
        this.unwatched.push(first);
      } else if (parts.length !== entry.parts.length || parts.some((p, i) => p !== entry!.parts[i])) {
        entry.parts = parts;
        entry.dirty = true;
      }
      for (const p of parts) this.byPart.set(p, entry);
      job.next.set(first, entry);
    }
    const removed: string[] = [];
    for (const [first, entry] of this.entries) {
      if (job.next.get(first) === entry) continue;
      this.viewport.unobserve(first);
      removed.push(...this.forget(entry));
    }
    this.entries = job.next;
    this.job = null;
    return removed;
  }

  /**
   * Watches registered rows for nearness until `deadline` (a performance.now() time): registering thousands of
   * rows is spread over several tasks. True when some are left for the next slice.
   */
  watchSome(deadline: number): boolean {
    for (let n = 1; this.watchedUpTo < this.unwatched.length; n++) {
      // Every slice takes some rows, however late it runs.
      if ((n & 31) === 0 && performance.now() > deadline) return true;
      const first = this.unwatched[this.watchedUpTo++]!;
      if (this.entries.has(first)) this.viewport.observe(first);
    }
    this.unwatched = [];
    this.watchedUpTo = 0;
    return false;
  }

  /** The row an element (or text node) of the page belongs to, if any. */
  rowOf(node: Node): RowEntry | null {
    for (let n: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; n; n = parentOrHost(n)) {
      const entry = this.byPart.get(n);
      if (entry) return entry;
    }
    return null;
  }

  /** The row that owns a key, if a row does. */
  ownerOf(key: string): RowEntry | null {
    const owner = this.owners.get(key);
    return owner && owner !== 'page' ? owner : null;
  }

  isNear(entry: RowEntry): boolean {
    return this.viewport.isNear(entry.parts[0]!);
  }

  entryOf(first: Element): RowEntry | undefined {
    return this.entries.get(first);
  }

  /** Rows that still need reading, nearest first when `nearOnly`. */
  pending(nearOnly: boolean): RowEntry[] {
    const out: RowEntry[] = [];
    for (const entry of this.entries.values())
      if ((entry.dirty || !entry.occurrences) && (!nearOnly || this.isNear(entry))) out.push(entry);
    return out;
  }

  /** Every occurrence read so far, in page order. */
  all(): Occurrence[] {
    const out: Occurrence[] = [];
    for (const entry of this.entries.values()) if (entry.occurrences) out.push(...entry.occurrences);
    return out;
  }

  /**
   * Reads one row (again); returns what changed. A row hidden from the rep counts as empty. Without `styles` only
   * hiding attributes and inline styles are looked at, for rows the browser need not be asked about (which would
   * force style work after our own writes): rows far from the viewport (not badged before they come near, which
   * a hidden row never does) and rows the intersection observer reported near (so they have a box).
   */
  readRow(entry: RowEntry, change: RowChange, styles = true): void {
    const before = new Map((entry.occurrences ?? []).map((o) => [o.key, o]));
    const shown = entry.parts.every((p) => p.isConnected) && !isHidden(entry.parts[0]!, styles);
    const found = shown ? toOccurrences(this.crm(), this.read(entry.parts)) : [];
    const now: Occurrence[] = [];
    for (const o of found) {
      const own = this.uniqueKey(o.key, entry);
      const occ = own === o.key ? o : { ...o, key: own, lead: { ...o.lead, key: own } };
      this.owners.set(own, entry);
      now.push(occ);
      const old = before.get(own);
      before.delete(own);
      if (!old || JSON.stringify(old.lead) !== JSON.stringify(occ.lead)) change.changed.push(occ);
    }
    for (const key of before.keys()) {
      if (this.owners.get(key) === entry) this.owners.delete(key);
      change.removed.push(key);
    }
    entry.occurrences = now;
    entry.dirty = false;
  }

  /** Same record twice on the page (or two rows with the same values): the later one gets `~n`. */
  private uniqueKey(key: string, entry: RowEntry): string {
    let candidate = key;
    for (let n = 2; ; n++) {
      const owner = this.owners.get(candidate);
      if (!owner || owner === entry) return candidate;
      candidate = `${key}~${n}`;
    }
  }

  private forget(entry: RowEntry): string[] {
    const keys = (entry.occurrences ?? []).map((o) => o.key);
    for (const key of keys) if (this.owners.get(key) === entry) this.owners.delete(key);
    return keys;
  }

  clear(): string[] {
    const removed: string[] = [];
    for (const [first, entry] of this.entries) {
      this.viewport.unobserve(first);
      removed.push(...this.forget(entry));
    }
    this.entries.clear();
    this.owners.clear();
    this.unwatched = [];
    this.watchedUpTo = 0;
    this.job = null;
    return removed;
  }
}
