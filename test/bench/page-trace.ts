// Reading a Chromium trace for the page bench: the page's main thread, its tasks, and which of their
// time is LeadLens' (JavaScript from chrome-extension:// URLs, and JavaScript with no URL: the microtasks
// and observer callbacks of its isolated world; the bench pages' own script always runs from their URL)
// and which is rendering.
import type { Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; beginData?: { url?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel'];

/** A CPU profile as CDP's Profiler.stop returns it (the fields read here). */
interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * When the page's thread ran LeadLens code: the times (trace µs; profiles and traces share the clock) of the CPU
 * profile's samples with a chrome-extension:// function anywhere on their stack.
 */
function extensionSamples(profile: CpuProfile): number[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url.startsWith('chrome-extension://')]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    let hit = ours.get(id);
    if (hit === undefined) {
      const up = parent.get(id);
      hit = own.get(id) === true || (up !== undefined && isOurs(up));
      ours.set(id, hit);
    }
    return hit;
  };
  const out: number[] = [];
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    ts += profile.timeDeltas[i] ?? 0;
    if (isOurs(id)) out.push(ts);
  });
  return out;
}

/**
 * Runs `work` while the browser records a trace and a CPU profile of the page's thread; returns the trace's events
 * and when LeadLens code was running (see extensionSamples).
 */
export async function traced<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; events: TraceEvent[]; ours: number[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReturnAsStream',
  });
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream as string)));
  await cdp.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  await cdp.detach();
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return { result, events: Array.isArray(parsed) ? parsed : parsed.traceEvents, ours: extensionSamples(profile) };
}

const JS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'EventDispatch',
  'v8.compile',
]);
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'RecalculateStyles']);

export interface TaskSplit {
  /**
   * Thread time (ms) of each main-thread task that ran LeadLens code: a CPU-profile sample with LeadLens code on
   * its stack falls in it (when samples are given), else JavaScript from its URL or with none ran in it.
   */
  oursMs: number[];
  /** Wall time (ms) of those tasks. */
  oursWallMs: number[];
  /** LeadLens JavaScript, thread ms. */
  extJsMs: number;
  /** The page's own JavaScript, thread ms. */
  pageJsMs: number;
  /** Rendering (style, layout, pre-paint, paint) in tasks that ran no JavaScript, thread ms. */
  renderMs: number;
  /** Thread time (ms) of each task that rendered and ran no JavaScript of anyone (frames), once LeadLens code ran. */
  renderTasksMs: number[];
  /** Thread time of the longest task of any kind, ms. */
  longestMs: number;
}

/** The main thread of the renderer that parsed `url`. */
function mainThread(events: TraceEvent[], url: string): { pid: number; tid: number } | null {
  const parse = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? e.args?.data?.url ?? '').startsWith(url.split('#')[0]!),
  );
  if (parse) return { pid: parse.pid, tid: parse.tid };
  // Traced after the page loaded: the renderer that holds the page's frame, and its main thread.
  for (const e of events) {
    const frames = (e.args?.data as { frames?: { url?: string; processId?: number }[] } | undefined)?.frames;
    const frame = e.name === 'TracingStartedInBrowser' ? frames?.find((f) => f.url?.startsWith(url.split('#')[0]!)) : undefined;
    if (!frame?.processId) continue;
    const main = events.find(
      (m) => m.ph === 'M' && m.name === 'thread_name' && m.pid === frame.processId && m.args?.name === 'CrRendererMain',
    );
    if (main) return { pid: main.pid, tid: main.tid };
  }
  return null;
}

/**
 * Splits the page's main-thread tasks that start at or after `fromTs` (trace µs; 0 for all). `ours`: times at
 * which LeadLens code ran (traced's CPU-profile samples), so a task is LeadLens' only when its code ran in it (the
 * test driver's own scripts also run without a URL).
 */
export function splitTasks(events: TraceEvent[], url: string, fromTs = 0, ours?: readonly number[]): TaskSplit {
  const main = mainThread(events, url);
  const out: TaskSplit = { oursMs: [], oursWallMs: [], extJsMs: 0, pageJsMs: 0, renderMs: 0, renderTasksMs: [], longestMs: 0 };
  if (!main) return out;
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= fromTs);
  const tasks = mine.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const inner = mine.filter((e) => e.name !== 'RunTask').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let j = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    while (j < inner.length && inner[j]!.ts < task.ts) j++;
    let ext = 0;
    let page = 0;
    let render = 0;
    let coveredUntil = 0;
    for (let k = j; k < inner.length && inner[k]!.ts < end; k++) {
      const e = inner[k]!;
      const t = (e.tdur ?? e.dur ?? 0) / 1000;
      if (e.ts < coveredUntil) continue; // nested inside an event already counted
      const url = e.args?.data?.url ?? '';
      if (JS.has(e.name) || e.name === 'RunMicrotasks') {
        // The bench pages' own script runs from their URL; what runs from none is LeadLens' isolated world
        // (its microtasks, its observers' callbacks).
        if (url.startsWith('chrome-extension://') || !url) ext += t;
        else page += t;
        coveredUntil = e.ts + (e.dur ?? 0);
      } else if (RENDER.has(e.name)) {
        render += t;
        coveredUntil = e.ts + (e.dur ?? 0);
      }
    }
    const taskMs = (task.tdur ?? task.dur ?? 0) / 1000;
    out.longestMs = Math.max(out.longestMs, taskMs);
    out.extJsMs += ext;
    out.pageJsMs += page;
    const ran = ours ? anyWithin(ours, task.ts, end) : ext > 0;
    if (ran) {
      out.oursMs.push(taskMs);
      out.oursWallMs.push((task.dur ?? 0) / 1000);
    } else if (!page) out.renderMs += render;
    if (ours?.length && task.ts > ours[0]! && !ran && !page && !ext && render > 0) out.renderTasksMs.push(taskMs);
  }
  return out;
}

/** True when sorted `times` holds one in [from, to]. */
function anyWithin(times: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < times.length && times[lo]! <= to;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : Number.NaN;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : Number.NaN;
}
