// Tells the service worker about the page's leads: all of them once per URL, then only what changed
// (added or changed leads, keys gone), in messages of a bounded size. Nothing waits for a reply: the
// verdicts are painted when they arrive.
import type { DuplicateStatus } from '../core/types';
import type { Message, PageLead } from '../messaging/messages';

/** Leads per message (the worker refuses more than 2,000). */
const CHUNK = 500;
/** How long changes found in idle time may wait to go out together. */
const LATER_MS = 400;

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

export interface ReporterDeps {
  send: (message: Message) => Promise<unknown>;
  /** The worker answered a report: its verdicts, and the URL and leads that report carried. */
  onVerdicts: (verdicts: Map<string, DuplicateStatus>, url: string, leads: readonly PageLead[]) => void;
  onError: (err: unknown) => void;
  /** Every lead the page shows now (for a full report). */
  all: () => PageLead[];
}

export class Reporter {
  private readonly changed = new Map<string, PageLead>();
  private readonly removed = new Set<string>();
  /** The URL the worker holds a full report of; null: the next report is a full one. */
  private reportedUrl: string | null = null;
  private skippedRows = 0;
  /** A full report waiting for its reply: deltas wait for it, so the worker merges them onto it. */
  private full: Promise<void> | null = null;
  private readonly inflight = new Set<Promise<void>>();

  constructor(private readonly deps: ReporterDeps) {}

  /** Notes leads added or changed and keys gone since the last report. */
  note(changed: readonly PageLead[], removed: Iterable<string>): void {
    for (const lead of changed) {
      this.changed.set(lead.key, lead);
      this.removed.delete(lead.key);
    }
    for (const key of removed) {
      this.changed.delete(key);
      this.removed.add(key);
    }
  }

  private later: ReturnType<typeof setTimeout> | null = null;

  /**
   * Sends what changed a little later, with whatever else changes meanwhile (rows read in idle time: they
   * need no verdict at once, and the worker rewrites the tab's view per report).
   */
  flushSoon(url: string): void {
    if (this.later) return;
    this.later = setTimeout(() => {
      this.later = null;
      this.flush(url, this.skippedRows);
    }, LATER_MS);
  }

  /** Sends what changed (everything, the first time on a URL); returns at once. */
  flush(url: string, skippedRows = 0): void {
    if (this.later) {
      clearTimeout(this.later);
      this.later = null;
    }
    if (this.full) return; // sent when the full report is answered
    if (url !== this.reportedUrl || skippedRows !== this.skippedRows) {
      this.sendFull(url, skippedRows);
      return;
    }
    if (!this.changed.size && !this.removed.size) return;
    const leads = [...this.changed.values()];
    const removed = [...this.removed];
    this.changed.clear();
    this.removed.clear();
    for (let i = 0; i < Math.max(leads.length, removed.length); i += CHUNK) {
      this.post({ type: 'page-leads', url, leads: leads.slice(i, i + CHUNK), delta: true, removed: removed.slice(i, i + CHUNK) }, url);
    }
  }

  /** Stops a report waiting to go out. */
  stop(): void {
    if (this.later) clearTimeout(this.later);
    this.later = null;
  }

  /** Resolves when every report sent so far is answered (tests and the lens' `scan()` promise). */
  async settled(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

  private sendFull(url: string, skippedRows: number): void {
    const leads = this.deps.all();
    this.changed.clear();
    this.removed.clear();
    this.reportedUrl = url;
    this.skippedRows = skippedRows;
    const first: Message = { type: 'page-leads', url, leads: leads.slice(0, CHUNK) };
    if (skippedRows) first.skippedRows = skippedRows;
    const done = this.post(first, url).then(() => {
      this.full = null;
      if (this.reportedUrl === url) this.flush(url, skippedRows);
    });
    this.full = done;
    // The rest of a big page follows as changes to the first part.
    for (let i = CHUNK; i < leads.length; i += CHUNK) this.note(leads.slice(i, i + CHUNK), []);
  }

  private post(message: Extract<Message, { type: 'page-leads' }>, url: string): Promise<void> {
    const sent = this.deps.send(message).then(
      (reply) => {
        const resync = (reply as { resync?: unknown } | null)?.resync === true && this.reportedUrl === url;
        if (resync) this.reportedUrl = null;
        this.deps.onVerdicts(
          statusesFrom(
            reply,
            message.leads.map((l) => l.key),
          ),
          url,
          message.leads,
        );
        if (resync) queueMicrotask(() => this.flush(url, this.skippedRows));
      },
      (err) => {
        this.reportedUrl = null; // the next report sends everything again
        this.deps.onError(err);
      },
    );
    this.inflight.add(sent);
    void sent.finally(() => this.inflight.delete(sent));
    return sent;
  }
}
