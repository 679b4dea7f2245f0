// Which list rows are near what the rep sees: an IntersectionObserver with half a screen of margin above
// and below, so a row is read and badged just before it scrolls in. Without one (old engines, unit tests)
// every row counts as near.

export interface Viewport {
  observe(el: Element): void;
  unobserve(el: Element): void;
  /** True once the element was reported near the viewport, until it was reported far again. */
  isNear(el: Element): boolean;
  disconnect(): void;
}

/** Called with the elements that came near the viewport, in one batch per observer callback. */
export type OnNear = (els: Element[]) => void;

export type ViewportFactory = (win: Window, onNear: OnNear) => Viewport;

/** Everything is near: for pages seen without an IntersectionObserver. */
export const everythingNear: ViewportFactory = () => ({
  observe() {},
  unobserve() {},
  isNear: () => true,
  disconnect() {},
});

export const intersectionViewport: ViewportFactory = (win, onNear) => {
  const IO = (win as unknown as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
  if (!IO) return everythingNear(win, onNear);
  const near = new WeakSet<Element>();
  const io = new IO(
    (entries) => {
      const came: Element[] = [];
      for (const e of entries) {
        if (e.isIntersecting) {
          if (!near.has(e.target)) came.push(e.target);
          near.add(e.target);
        } else near.delete(e.target);
      }
      if (came.length) onNear(came);
    },
    { rootMargin: '50% 0px 50% 0px' },
  );
  return {
    observe: (el) => io.observe(el),
    unobserve: (el) => {
      near.delete(el);
      io.unobserve(el);
    },
    isNear: (el) => near.has(el),
    disconnect: () => io.disconnect(),
  };
};
