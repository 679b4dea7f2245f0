// Each adapter names, beside its selectors, how many elements every selector finds on the fixture pages
// it is written for (refined-github's `[expectedCount, url]` pairs). Counting them here turns a change
// in a CRM's DOM, or in a fixture page, into a count mismatch that names the selector and the page.
import { ADAPTERS, EXAMPLES } from '../../../src/crm';
import { deepQueryAll } from '../../../src/crm/dom';
import { PAGES } from '../../fixtures/crm/pages';
import { loadPage } from './load-fixture';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** The selector at a dotted path of an adapter's data object (`'list.row'`). */
function selectorAt(data: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

const cases = ADAPTERS.flatMap((adapter) =>
  Object.entries(EXAMPLES[adapter.id]?.matches ?? {}).flatMap(([path, pages]) =>
    pages.map(([count, page]) => [`${adapter.id} ${path} on ${page}`, adapter, path, page, count] as const),
  ),
);

describe('selector counts on the fixture pages', () => {
  it.each(cases)('%s', (_, adapter, path, page, count) => {
    const selector = selectorAt(EXAMPLES[adapter.id]!.selectors, path);
    expect(typeof selector, `${adapter.id}.${path} is a selector`).toBe('string');
    expect(
      PAGES.some((p) => p.name === page),
      `${page} is a fixture page`,
    ).toBe(true);
    loadPage(page);
    expect(deepQueryAll(document, selector as string).length, `${adapter.id} ${path} (${selector}) on ${page}`).toBe(count);
  });

  it('counts something on every fixture page an adapter claims', () => {
    for (const adapter of ADAPTERS) {
      const counted = new Set(Object.values(EXAMPLES[adapter.id]?.matches ?? {}).flatMap((pages) => pages.map(([, page]) => page)));
      // Each page loaded first: an adapter claims a page only with the CRM's landmarks on it.
      const claimed = PAGES.filter((p) => {
        const url = loadPage(p.name);
        return adapter.detect(url, document) !== null;
      }).map((p) => p.name);
      expect(claimed.length, adapter.id).toBeGreaterThan(0);
      for (const page of claimed) expect(counted.has(page), `${adapter.id} counts no selector on ${page}`).toBe(true);
    }
  });
});
