// The content script's loop: look at the page → badges → tell the service worker → show its verdicts.
// On list pages the rows are read one by one: the rows near the viewport in one pass per frame, the rest
// in idle slices with a time budget, a row again only when it changed. Reports carry only what changed
// and nothing waits for their replies. It never stores anything: no IndexedDB, no page storage; lead data
// leaves only through send(). startLens stays one function over 60 lines on purpose: its passes share the
// page's state (rows, badges, pending report) as closures; the pieces with logic of their own live in
// rows.ts, list-passes.ts, report.ts, annotator.ts, viewport.ts, quiet.ts and schedule.ts.
import type { CrmId, DuplicateStatus, Lang } from '../core/types';
import { onShadowRoot } from '../crm/dom';
import type { Message } from '../messaging/messages';
import { Annotator, type AnnotatorOptions } from './annotator';
import { ListPasses } from './list-passes';
import { planPage, type Occurrence } from './occurrences';
import { nothingNew } from './quiet';
import { Reporter } from './report';
import { RowTable, type RowEntry } from './rows';
import { breathe, IDLE_BUDGET_MS } from './schedule';
import { TeamCheck } from './team';
import { teamCardPart } from './team-badge';
import { intersectionViewport, type ViewportFactory } from './viewport';
import { watchPage, type Unwatch, type WatchOptions } from './watch';

export { nothingNew } from './quiet';
export { statusesFrom } from './report';

/** Values that arrive without any DOM change (an input's value set by the app) are read by one later look. */
const SETTLE_MS = 800;
/** A list this short is read and badged whole in the first look (one report, one team check per table). */
const WHOLE_LIST_ROWS = 200;

export interface LensDeps {
  win: Window;
  send: (message: Message) => Promise<unknown>;
  lang: () => Lang;
  t: (key: string) => string;
}

export interface LensOptions extends WatchOptions {
  /** Do not watch the page (tests drive scans by hand). */
  manual?: boolean;
  sliceSize?: number;
  yieldToPage?: AnnotatorOptions['yieldToPage'];
  /** Which rows are near the viewport (tests hand in their own). */
  viewport?: ViewportFactory;
  /** Lists up to this many rows are read and badged whole at once (default 200). */
  wholeListRows?: number;
}

export interface Lens {
  /** Looks at the page now (or right after the look in progress); resolves when badges and verdicts are applied. */
  scan(): Promise<void>;
  /** Paints every badge again (the badge language changed). */
  repaint(): void;
  stop(): void;
  readonly occurrences: readonly Occurrence[];
}

export function startLens(deps: LensDeps, opts: LensOptions = {}): Lens {
  const { win } = deps;
  const doc = win.document;
  const statuses = new Map<string, DuplicateStatus>();
  let stopped = false;
  let crm: CrmId = 'generic';
  let url = '';
  let pageOccs: Occurrence[] = [];
  let listMode = false;

  const annotator = new Annotator(doc, {
    text: () => ({ t: deps.t, lang: deps.lang() }),
    cardExtra: (key) => {
      const b = team.markOf(key);
      return b ? teamCardPart(doc, b, { t: deps.t, lang: deps.lang() }) : null;
    },
    onActivate: (key) => {
      // Sent straight from the click handler: the service worker needs the gesture to open the side panel.
      deps.send({ type: 'focus-lead', key }).catch(stopIfOrphaned);
    },
    ...(opts.sliceSize ? { sliceSize: opts.sliceSize } : {}),
    ...(opts.yieldToPage ? { yieldToPage: opts.yieldToPage } : {}),
  });
  // The team check (team.ts): upgrades badges with what the CRM itself holds, when the rep turned it on.
  const team = new TeamCheck({
    win,
    send: deps.send,
    hostOf: (key) => annotator.hostOf(key),
    setStatuses: (s) => annotator.setStatuses(s),
    local: (key) => statuses.get(key) ?? 'new',
    text: () => ({ t: deps.t, lang: deps.lang() }),
  });
  const all = (): Occurrence[] => [...pageOccs, ...rows.all()];
  const reporter = new Reporter({
    send: deps.send,
    all: () => all().map((o) => o.lead),
    onVerdicts: (verdicts, reportedUrl, leads) => {
      if (stopped) return;
      for (const [k, v] of verdicts) statuses.set(k, v);
      annotator.setStatuses(verdicts);
      team.repaint();
      team.pageReported(reportedUrl, leads);
    },
    onError: (err) => stopIfOrphaned(err),
  });

  function stopIfOrphaned(err: unknown): void {
    // After an extension update the old content script loses its extension: stop watching the page.
    if (/context invalidated/i.test(String((err as Error)?.message ?? err))) lens.stop();
  }

  const viewport = (opts.viewport ?? intersectionViewport)(win, (els) =>
    passes.cameNear(els.map((el) => rows.entryOf(el)).filter((e): e is RowEntry => e !== undefined)),
  );
  const rows = new RowTable(() => crm, viewport);
  let shortList = false;
  const passes = new ListPasses({
    rows: () => rows,
    annotator,
    reporter,
    statuses,
    url: () => url,
    whole: () => shortList,
    stopped: () => stopped,
    // Badges re-created or repainted from the local verdicts get their team upgrade back.
    shown: () => team.repaint(),
  });

  /**
   * A whole look at the page: what lies outside list rows is read now, the rows are (re)found and registered
   * in slices of IDLE_BUDGET_MS, the page running in between (a grid of thousands of rows is never one task).
   */
  async function look(): Promise<void> {
    /** True when the lens stopped while the page ran. */
    const pause = async (): Promise<boolean> => {
      if (performance.now() > sliceEnd) {
        await breathe();
        sliceEnd = performance.now() + IDLE_BUDGET_MS;
      }
      return stopped;
    };
    // Never in the task that started it (the content script's own start, a mutation batch): finding a long
    // list's rows is a slice of its own.
    await breathe();
    if (stopped) return;
    let sliceEnd = performance.now() + IDLE_BUDGET_MS;
    const here = new URL(win.location.href);
    const plan = planPage(doc, here);
    if (await pause()) return;
    crm = plan.crm;
    url = here.href;
    const before = new Map(pageOccs.map((o) => [o.key, o]));
    pageOccs = plan.occurrences;
    const changed = pageOccs.filter((o) => {
      const was = before.get(o.key);
      before.delete(o.key);
      return !was || JSON.stringify(was.lead) !== JSON.stringify(o.lead);
    });
    const removed = [...before.keys()];
    if (plan.list) {
      rows.beginSync(
        plan.list,
        pageOccs.map((o) => o.key),
      );
      for (let gone = rows.syncSome(sliceEnd); ; gone = rows.syncSome(sliceEnd)) {
        if (gone) {
          removed.push(...gone);
          break;
        }
        if (await pause()) return;
      }
    } else if (listMode) removed.push(...rows.clear());
    listMode = plan.list !== null;
    shortList = plan.list !== null && plan.list.rows.length <= (opts.wholeListRows ?? WHOLE_LIST_ROWS);
    reporter.note(
      changed.map((o) => o.lead),
      removed,
    );
    if (!listMode) {
      await annotator.reconcile(pageOccs, statuses);
      team.repaint();
    } else {
      // A badged row whose text changed unseen (no mutation reached us) is read again (a few badges per slice).
      const keys = annotator.keys();
      for (let i = 0; i < keys.length; i += 64) {
        for (const key of annotator.verify(keys.slice(i, i + 64))) {
          const entry = rows.ownerOf(key);
          if (entry) entry.dirty = true;
        }
        if (await pause()) return;
      }
      annotator.retain(new Set(all().map((o) => o.key)));
      annotator.show(pageOccs, statuses);
      passes.showNow(rows.pending(!shortList));
    }
    if (!stopped) reporter.flush(url);
  }

  let settle: ReturnType<typeof setTimeout> | null = null;
  function settleLater(): void {
    if (opts.manual || stopped) return;
    if (settle) clearTimeout(settle);
    settle = setTimeout(() => {
      settle = null;
      void scan(true);
    }, SETTLE_MS);
  }

  let running: Promise<void> | null = null;
  let again = false;
  function scan(settling = false): Promise<void> {
    if (stopped) return Promise.resolve();
    if (!settling) settleLater();
    if (running) {
      again = true;
      return running.then(() => reporter.settled());
    }
    running = (async () => {
      try {
        do {
          again = false;
          await look();
        } while (again && !stopped);
      } catch (err) {
        // A page we cannot read must never break the CRM; the next change tries again.
        console.debug('LeadLens: scan failed', err);
      } finally {
        running = null;
      }
    })();
    return running.then(() => reporter.settled());
  }

  /** A batch of page mutations, before the page paints: true when each one happened inside a known row. */
  function onMutations(records: readonly MutationRecord[]): boolean {
    if (!listMode) {
      if (annotator.verify().length) void scan();
      return pageOccs.length === 0 && nothingNew(records);
    }
    let handled = true;
    const touched = new Set<RowEntry>();
    for (const m of records) {
      const entry = rows.rowOf(m.target);
      // A row element's own attributes (row-index, row-id) may regroup the rows: that needs a whole look.
      if (!entry || (m.type === 'attributes' && entry.parts.includes(m.target as Element))) handled = false;
      if (entry) touched.add(entry);
    }
    for (const entry of touched) {
      entry.dirty = true;
      // Withdrawn at once: a recycled row never shows another row's badge, not even for a frame.
      annotator.verify((entry.occurrences ?? []).map((o) => o.key));
    }
    passes.rewritten(touched);
    return handled;
  }

  const unwatch: Unwatch | null = opts.manual ? null : watchPage(win, () => void scan(), { ...opts, onMutations });
  // Changes inside shadow roots never reach the document's observer: each root read (dom.ts) is watched too.
  const unhook = unwatch ? onShadowRoot((root) => unwatch.observe(root)) : null;

  const lens: Lens = {
    scan: () => scan(),
    repaint: () => annotator.repaint(),
    stop() {
      if (stopped) return;
      stopped = true;
      team.stop();
      unhook?.();
      unwatch?.();
      viewport.disconnect();
      passes.stop();
      reporter.stop();
      if (settle) clearTimeout(settle);
    },
    get occurrences() {
      return all();
    },
  };
  return lens;
}
