// When the content script's passes run: before the next frame, in a task of their own, when the page is idle;
// and how long one slice of work may take.

/** Time one idle slice may spend reading rows, and one task registering them or looking at the page. */
export const IDLE_BUDGET_MS = 8;
/** Time one pass may spend reading and badging the rows near the viewport. */
export const FRAME_BUDGET_MS = 16;

export type Later = (run: () => void) => () => void;

/** Before the next frame is drawn (a timer where frames are not drawn). */
export const nextFrame: Later = (run) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(run);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(run, 16);
  return () => clearTimeout(id);
};

/** Lets the page run (input, rendering) before going on: scheduler.yield where the browser has it. */
export const breathe = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/** In a task of its own, as soon as the page lets it run. */
export const nextTask: Later = (run) => {
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
};

/** When the page is idle (or after 200 ms at the latest). */
export const whenIdle: Later = (run) => {
  const g = globalThis as {
    requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (g.requestIdleCallback) {
    const id = g.requestIdleCallback(run, { timeout: 200 });
    return () => g.cancelIdleCallback?.(id);
  }
  const id = setTimeout(run, 30);
  return () => clearTimeout(id);
};
