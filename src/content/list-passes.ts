// The passes over a list page's rows: rows near the viewport are read and badged together (in the
// observer's own task when they come near, right before the frame when the page rewrote them), the rest
// are read in idle slices and reported; the rows found are watched for nearness in slices of their own.
// Every pass stops when its time budget is spent and leaves the rest to the next one.
import type { DuplicateStatus } from '../core/types';
import type { Annotator } from './annotator';
import type { Occurrence } from './occurrences';
import type { Reporter } from './report';
import type { RowChange, RowEntry, RowTable } from './rows';
import { FRAME_BUDGET_MS, IDLE_BUDGET_MS, nextFrame, nextTask, whenIdle } from './schedule';

export interface PassDeps {
  rows: () => RowTable;
  annotator: Annotator;
  reporter: Reporter;
  statuses: ReadonlyMap<string, DuplicateStatus>;
  /** The page's URL as last looked at. */
  url: () => string;
  /** A short list: read and badged whole, every row counts as near. */
  whole: () => boolean;
  stopped: () => boolean;
  /** Badges were created or repainted from the local verdicts (the team check paints its upgrade again). */
  shown: () => void;
}

export class ListPasses {
  /** Rows to badge in the next pass: they came near the viewport or changed while near. */
  private readonly toShow = new Set<RowEntry>();
  private cancelPass: (() => void) | null = null;
  private cancelIdle: (() => void) | null = null;
  private cancelWatch: (() => void) | null = null;

  constructor(private readonly deps: PassDeps) {}

  near(entry: RowEntry): boolean {
    return this.deps.whole() || this.deps.rows().isNear(entry);
  }

  /**
   * Rows the intersection observer reported near. It calls back in a task of its own after a frame: the rows
   * are badged right here, and the next frame draws them (its rendering, costly on a page of thousands of
   * rows, runs in a task without our script).
   */
  cameNear(entries: Iterable<RowEntry>): void {
    for (const entry of entries) this.toShow.add(entry);
    this.cancelPass?.();
    this.pass();
  }

  /** Rows to badge in the next pass (those still to read, after a whole look): one pass now, the rest later. */
  showNow(entries: Iterable<RowEntry>): void {
    for (const entry of entries) this.toShow.add(entry);
    this.pass();
    this.watchSoon();
    this.idleSoon();
  }

  /** Rows the page rewrote (their badges already withdrawn): near ones are badged again before the next frame. */
  rewritten(entries: Iterable<RowEntry>): void {
    let any = false;
    for (const entry of entries) {
      any = true;
      if (this.near(entry)) this.toShow.add(entry);
    }
    if (this.toShow.size && !this.cancelPass && !this.deps.stopped()) this.cancelPass = nextFrame(() => this.pass());
    if (any) this.idleSoon();
  }

  stop(): void {
    this.cancelPass?.();
    this.cancelIdle?.();
    this.cancelWatch?.();
  }

  /** A pass in a task of its own: rows that came near are badged, and the next frame draws them. */
  private passSoon(): void {
    if (!this.cancelPass && !this.deps.stopped()) this.cancelPass = nextTask(() => this.pass());
  }

  private idleSoon(): void {
    if (!this.cancelIdle && !this.deps.stopped()) this.cancelIdle = whenIdle(() => this.idleSlice());
  }

  /** Rows found are watched for nearness in slices of their own (thousands of observe calls take a while). */
  private watchSoon(): void {
    if (this.cancelWatch || this.deps.stopped()) return;
    this.cancelWatch = nextTask(() => {
      this.cancelWatch = null;
      if (!this.deps.stopped() && this.deps.rows().watchSome(performance.now() + IDLE_BUDGET_MS)) this.watchSoon();
    });
  }

  /** Applies what reading rows changed: badges withdrawn, the changes noted for the next report. */
  private applied(change: RowChange): void {
    this.deps.annotator.remove(change.removed);
    this.deps.reporter.note(
      change.changed.map((o) => o.lead),
      change.removed,
    );
  }

  /**
   * Reads the near rows that entered or changed, and badges them together. On a long list a pass stops after
   * FRAME_BUDGET_MS and the rows left go to a task of their own; a short one is badged whole.
   */
  private pass(): void {
    this.cancelPass = null;
    if (this.deps.stopped()) return;
    const rows = this.deps.rows();
    const whole = this.deps.whole();
    const end = whole ? Number.POSITIVE_INFINITY : performance.now() + FRAME_BUDGET_MS;
    const change: RowChange = { changed: [], removed: [] };
    const shown: Occurrence[] = [];
    for (const entry of this.toShow) {
      if (shown.length && performance.now() > end) break;
      this.toShow.delete(entry);
      if (!this.near(entry)) continue;
      // The observer's word that a row is near says it is rendered; a short list read whole asks the browser.
      if (entry.dirty || !entry.occurrences) rows.readRow(entry, change, whole || !rows.isNear(entry));
      shown.push(...(entry.occurrences ?? []));
    }
    if (this.toShow.size) this.passSoon();
    this.applied(change);
    this.deps.annotator.show(shown, this.deps.statuses);
    if (shown.length) this.deps.shown();
    this.deps.reporter.flush(this.deps.url());
  }

  /** Reads far rows until the slice's budget is spent; they are reported, and badged once they come near. */
  private idleSlice(): void {
    this.cancelIdle = null;
    if (this.deps.stopped()) return;
    const rows = this.deps.rows();
    const end = performance.now() + IDLE_BUDGET_MS;
    const change: RowChange = { changed: [], removed: [] };
    let more = false;
    for (const entry of rows.pending(false)) {
      if (performance.now() > end) {
        more = true;
        break;
      }
      rows.readRow(entry, change, false);
      if (this.near(entry)) this.toShow.add(entry);
    }
    this.applied(change);
    if (this.toShow.size) this.passSoon();
    this.deps.reporter.flushSoon(this.deps.url());
    if (more) this.idleSoon();
  }
}
