// The watcher's max wait: a page that mutates in back-to-back tasks, never pausing for the debounce,
// must still get a scan within the max wait, and again in every max wait after it.
import { watchPage } from '../../../src/content/watch';

describe('watchPage', () => {
  afterEach(() => vi.useRealTimers());

  it('scans within the max wait while the page mutates in back-to-back tasks', async () => {
    vi.useFakeTimers();
    const el = document.createElement('div');
    document.body.append(el);
    const scans: number[] = [];
    const start = Date.now();
    const unwatch = watchPage(window, () => scans.push(Date.now() - start), { debounceMs: 200, maxWaitMs: 1000, pollMs: 60_000 });
    // The page: every task queues its next one first, then changes the DOM (a busy or recycling grid).
    let n = 0;
    let running = true;
    const tick = (): void => {
      if (!running) return;
      setTimeout(tick, 0);
      el.textContent = `row ${n++}`;
    };
    setTimeout(tick, 0);
    for (let t = 0; t < 3000; t += 50) await vi.advanceTimersByTimeAsync(50);
    running = false;
    unwatch();
    expect(n).toBeGreaterThan(1000); // the page really did mutate all along
    expect(scans.length).toBeGreaterThanOrEqual(2);
    expect(scans[0]).toBeLessThanOrEqual(1000 + 50);
    for (let i = 1; i < scans.length; i++) expect(scans[i]! - scans[i - 1]!).toBeLessThanOrEqual(1000 + 50);
  });

  it('still waits for a quiet moment when the page pauses', async () => {
    vi.useFakeTimers();
    const el = document.createElement('div');
    document.body.append(el);
    const scans: number[] = [];
    const unwatch = watchPage(window, () => scans.push(Date.now()), { debounceMs: 200, maxWaitMs: 1000, pollMs: 60_000 });
    el.textContent = 'a';
    await vi.advanceTimersByTimeAsync(100);
    el.textContent = 'b';
    await vi.advanceTimersByTimeAsync(150);
    expect(scans).toHaveLength(0); // pushed back by the second change
    await vi.advanceTimersByTimeAsync(100);
    expect(scans).toHaveLength(1);
    unwatch();
  });
});
