// The content script's loop: scan → badges → tell the service worker → show its duplicate verdicts.
// It never stores anything: no IndexedDB, no page storage; lead data leaves only through send().
import type { DuplicateStatus, Lang } from '../core/types';
import { shadowRootsIn } from '../crm/dom';
import type { Message } from '../messaging/messages';
import { Annotator, type AnnotatorOptions } from './annotator';
import { scanPage, type Occurrence } from './occurrences';
import { TeamCheck } from './team';
import { teamCardPart } from './team-badge';
import { watchPage, type Unwatch, type WatchOptions } from './watch';

/** Values that arrive without any DOM change (an input's value set by the app) are read by one later look. */
const SETTLE_MS = 800;

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
}

export interface Lens {
  /** Scans now (or right after the scan in progress); resolves when badges and verdicts are applied. */
  scan(): Promise<void>;
  stop(): void;
  readonly occurrences: readonly Occurrence[];
}

const STATUSES = new Set<DuplicateStatus>(['new', 'possible', 'duplicate']);

/** Verdicts from a `page-leads` reply; anything malformed is ignored (the badge stays `new`). */
export function statusesFrom(reply: unknown, keys: readonly string[]): Map<string, DuplicateStatus> {
  const out = new Map<string, DuplicateStatus>();
  const statuses = (reply as { statuses?: unknown } | null)?.statuses;
  if (!statuses || typeof statuses !== 'object') return out;
  for (const key of keys) {
    const status = (statuses as Record<string, { match?: { status?: unknown } } | null>)[key]?.match?.status;
    if (typeof status === 'string' && STATUSES.has(status as DuplicateStatus)) out.set(key, status as DuplicateStatus);
  }
  return out;
}

export function startLens(deps: LensDeps, opts: LensOptions = {}): Lens {
  const { win } = deps;
  const doc = win.document;
  const statuses = new Map<string, DuplicateStatus>();
  let stopped = false;
  let lastSent = '';
  let current: Occurrence[] = [];

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

  function stopIfOrphaned(err: unknown): void {
    // After an extension update the old content script loses its extension: stop watching the page.
    if (/context invalidated/i.test(String((err as Error)?.message ?? err))) lens.stop();
  }

  async function report(url: string, skippedRows: number): Promise<void> {
    const leads = current.map((o) => o.lead);
    const signature = JSON.stringify([url, leads, skippedRows]);
    if (signature === lastSent) return;
    lastSent = signature;
    let reply: unknown;
    try {
      reply = await deps.send(skippedRows ? { type: 'page-leads', url, leads, skippedRows } : { type: 'page-leads', url, leads });
    } catch (err) {
      lastSent = ''; // try again on the next scan
      stopIfOrphaned(err);
      return;
    }
    if (stopped) return;
    const verdicts = statusesFrom(
      reply,
      leads.map((l) => l.key),
    );
    for (const [k, v] of verdicts) statuses.set(k, v);
    annotator.setStatuses(verdicts);
    team.repaint();
    team.pageReported(url, leads);
  }

  async function runScan(): Promise<void> {
    const url = new URL(win.location.href);
    const { occurrences, skippedRows } = scanPage(doc, url);
    current = occurrences;
    // Changes inside shadow roots never reach the document's observer: watch the roots the page has now.
    if (unwatch) for (const root of shadowRootsIn(doc)) unwatch.observe(root);
    await annotator.reconcile(occurrences, statuses);
    // Badges re-created or repainted from the local verdicts get their team upgrade back.
    team.repaint();
    if (!stopped) await report(url.href, skippedRows);
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
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await runScan();
        } while (again && !stopped);
      } catch (err) {
        // A page we cannot read must never break the CRM; the next change tries again.
        console.debug('LeadLens: scan failed', err);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  const unwatch: Unwatch | null = opts.manual
    ? null
    : watchPage(win, () => void scan(), {
        ...opts,
        // Before the page paints: withdraw badges whose rows were rewritten, then look again.
        onMutations: () => {
          if (annotator.verify()) void scan();
        },
      });

  const lens: Lens = {
    scan: () => scan(),
    stop() {
      if (stopped) return;
      stopped = true;
      team.stop();
      unwatch?.();
      if (settle) clearTimeout(settle);
    },
    get occurrences() {
      return current;
    },
  };
  return lens;
}
