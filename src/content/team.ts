// The content script's part of the team check (Dynamics 365). After the lens has painted its badges
// from the local memory, it asks the service worker whether to check these leads with the CRM; the
// worker answers with nothing while the option is off, or with GET paths under this page's own
// /api/data/v9.2/. They are sent same-origin, so the page's session cookie signs them in, and the
// answers go back to the worker, which reads them and returns each badge's team mark. A 429's pause
// holds every check until it ends; then the waiting leads are asked once more (one timer, no storm).
import { DATAVERSE_HEADERS } from '../core/team/dataverse';
import type { TeamAnswer } from '../core/team/answers';
import { strongest, type TeamBadge, type TeamMark } from '../core/team/types';
import type { DuplicateStatus } from '../core/types';
import type { Message, PageLead, TeamCheckReply, TeamWireRequest } from '../messaging/messages';
import type { BadgeText } from './badge';
import { paintTeam, TEAM_ATTR } from './team-badge';

/** No answer within this long counts as a failed request (the badge says "not checked"). */
const TIMEOUT_MS = 20_000;
/** Bodies longer than this are not read (a grid asks for at most 500 rows per table). */
const MAX_BODY = 3_000_000;
const API_PATH = '/api/data/v9.2/';
/** The CRMs that can be asked (HubSpot and the rest keep to the local memory). */
const ASKABLE = new Set<PageLead['crm']>(['dynamics', 'salesforce']);
const MARKS = new Set<TeamMark>(['pending', 'duplicate', 'possible', 'none', 'not-checked', 'unavailable', 'paused']);

export interface TeamDeps {
  win: Window;
  send: (message: Message) => Promise<unknown>;
  /** The badge host of an occurrence key, while it has one. */
  hostOf: (key: string) => HTMLElement | undefined;
  /** Repaints badges' duplicate status (local verdict upgraded by the team's). */
  setStatuses: (statuses: ReadonlyMap<string, DuplicateStatus>) => void;
  /** The local memory's verdict for a key. */
  local: (key: string) => DuplicateStatus;
  text: () => BadgeText;
  fetch?: typeof fetch;
}

/** A lead as far as the team check cares: a changed customer is checked again. */
function signature(l: PageLead): string {
  return JSON.stringify([l.recordId, l.lead.customer]);
}

function isBadge(v: unknown): v is TeamBadge {
  const b = v as TeamBadge | null;
  return typeof b === 'object' && b !== null && MARKS.has(b.mark) && Array.isArray(b.matches);
}

/** The worker's reply, taken only in the shape it promises. */
export function readReply(raw: unknown): TeamCheckReply | null {
  const r = raw as Partial<TeamCheckReply> | null;
  if (typeof r !== 'object' || r === null || typeof r.on !== 'boolean') return null;
  const requests = Array.isArray(r.requests)
    ? r.requests.filter((q): q is TeamWireRequest => typeof q?.id === 'string' && typeof q?.path === 'string')
    : [];
  const marks = Object.fromEntries(Object.entries(typeof r.marks === 'object' && r.marks ? r.marks : {}).filter(([, b]) => isBadge(b)));
  return {
    on: r.on,
    round: typeof r.round === 'string' ? r.round : null,
    requests,
    marks,
    pausedUntil: typeof r.pausedUntil === 'string' ? r.pausedUntil : null,
  };
}

export class TeamCheck {
  private readonly marks = new Map<string, TeamBadge>();
  private readonly checked = new Map<string, string>();
  private waiting = new Map<string, string>();
  private url = '';
  private running = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly deps: TeamDeps) {}

  /** Paints every known team mark again, with the badge's status upgraded (a team answer never downgrades it). */
  repaint(): void {
    if (!this.marks.size) return;
    const text = this.deps.text();
    const statuses = new Map<string, DuplicateStatus>();
    for (const [key, b] of this.marks) {
      const host = this.deps.hostOf(key);
      if (!host) continue;
      statuses.set(key, strongest(this.deps.local(key), b.status));
      paintTeam(host, b, text);
    }
    this.deps.setStatuses(statuses);
    // setStatuses rewrites a repainted chip's label: the team part goes back on.
    for (const key of statuses.keys()) paintTeam(this.deps.hostOf(key)!, this.marks.get(key)!, text);
  }

  markOf(key: string): TeamBadge | undefined {
    return this.marks.get(key);
  }

  /** The page reported its leads: the ones not checked yet (or changed) are checked. */
  pageReported(url: string, leads: readonly PageLead[]): void {
    if (this.stopped) return;
    if (url !== this.url) {
      this.url = url;
      this.checked.clear();
    }
    for (const l of leads) {
      if (!ASKABLE.has(l.crm)) continue;
      const sig = signature(l);
      if (this.checked.get(l.key) !== sig) this.waiting.set(l.key, sig);
    }
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async run(): Promise<void> {
    if (this.running || this.timer || !this.waiting.size || this.stopped) return;
    this.running = true;
    const batch = this.waiting;
    this.waiting = new Map();
    try {
      const pausedUntil = await this.check(this.url, [...batch.keys()]);
      for (const [key, sig] of batch) this.checked.set(key, sig);
      if (pausedUntil) this.resumeAt(pausedUntil, batch);
    } catch {
      // The worker could not be reached (an extension update): the next page change asks again.
    } finally {
      this.running = false;
    }
    if (this.waiting.size && !this.timer) void this.run();
  }

  /** One timer until the pause ends; the leads still paused are then asked once more. */
  private resumeAt(pausedUntil: string, batch: Map<string, string>): void {
    const paused = [...batch].filter(([key]) => this.marks.get(key)?.mark === 'paused');
    if (!paused.length) return;
    const wait = Math.max(0, Date.parse(pausedUntil) - Date.now()) + 50;
    this.timer = setTimeout(() => {
      this.timer = null;
      for (const [key, sig] of paused) if (!this.waiting.has(key)) this.waiting.set(key, sig);
      for (const [key] of paused) this.checked.delete(key);
      void this.run();
    }, wait);
  }

  /** Asks the worker, sends its requests, brings back the answers, round after round. Returns a pause end. */
  private async check(url: string, keys: string[]): Promise<string | null> {
    let reply = readReply(await this.deps.send({ type: 'team-check', url, keys }));
    for (let rounds = 0; reply && rounds < 6; rounds++) {
      if (!reply.on) {
        for (const k of keys) this.marks.delete(k);
        this.apply(keys);
        return null;
      }
      for (const [key, b] of Object.entries(reply.marks)) this.marks.set(key, b);
      this.apply(Object.keys(reply.marks));
      if (!reply.round || !reply.requests.length) return reply.pausedUntil;
      const answers = await Promise.all(reply.requests.map((r) => this.send(r)));
      if (this.stopped) return null;
      reply = readReply(await this.deps.send({ type: 'team-check', url, keys, round: reply.round, answers }));
    }
    return null;
  }

  private apply(keys: readonly string[]): void {
    const text = this.deps.text();
    // Keys whose mark went away (the option was turned off) go back to the local verdict.
    const cleared = new Map<string, DuplicateStatus>();
    for (const key of keys) {
      if (this.marks.has(key)) continue;
      const host = this.deps.hostOf(key);
      if (host?.hasAttribute(TEAM_ATTR)) {
        paintTeam(host, null, text);
        cleared.set(key, this.deps.local(key));
      }
    }
    if (cleared.size) this.deps.setStatuses(cleared);
    this.repaint();
  }

  /** One GET to this page's own API (nothing else is ever sent), read as text. */
  private async send(request: TeamWireRequest): Promise<TeamAnswer> {
    const { win } = this.deps;
    const none = (error: TeamAnswer['error']): TeamAnswer => ({ id: request.id, status: 0, retryAfter: null, text: null, error });
    let target: URL;
    try {
      target = new URL(request.path, win.location.origin);
    } catch {
      return none('refused');
    }
    if (target.origin !== win.location.origin || !target.pathname.includes(API_PATH) || !request.path.startsWith('/'))
      return none('refused');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const doFetch = this.deps.fetch ?? fetch;
      const response = await doFetch(target.href, {
        method: 'GET',
        credentials: 'same-origin',
        headers: DATAVERSE_HEADERS,
        cache: 'no-store',
        signal: controller.signal,
      });
      const length = Number(response.headers.get('Content-Length') ?? 0);
      if (length > MAX_BODY) return { ...none('too-large'), status: response.status };
      const text = await response.text();
      if (text.length > MAX_BODY) return { ...none('too-large'), status: response.status };
      return { id: request.id, status: response.status, retryAfter: response.headers.get('Retry-After'), text };
    } catch {
      return none(controller.signal.aborted ? 'timeout' : 'network');
    } finally {
      clearTimeout(timer);
    }
  }
}
