// A long list never costs the page one long task: rows are registered and watched in slices with a time
// budget, the text scan steps over a grid's rows instead of walking them, and shadow roots are watched as they
// are read (no walk over the whole document for them).
import { startLens, type Lens } from '../../../src/content/lens';
import { RowTable } from '../../../src/content/rows';
import { everythingNear, type Viewport } from '../../../src/content/viewport';
import { dynamics } from '../../../src/crm';
import { planPage } from '../../../src/content/occurrences';
import { BIG_LIST_URL, bigListHtml } from '../../fixtures/crm/big-list';
import { badges, fakeWorker, setUrl, sleep, t } from './helpers';

let lens: Lens | null = null;
afterEach(() => {
  lens?.stop();
  lens = null;
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function bigList(rows: number): URL {
  setUrl(BIG_LIST_URL);
  document.documentElement.innerHTML = bigListHtml(rows).replace(/^<!doctype html>/i, '');
  return new URL(BIG_LIST_URL);
}

function countingViewport(): Viewport & { observed: Element[] } {
  const observed: Element[] = [];
  return { observed, observe: (el) => observed.push(el), unobserve() {}, isNear: () => false, disconnect() {} };
}

describe('registering the rows of a long list', () => {
  it('takes them in slices: a slice whose time is up stops, the next goes on, rows gone are known at the end', () => {
    const url = bigList(1000);
    const list = dynamics.list!(document, url)!;
    expect(list.rows).toHaveLength(1000);
    const viewport = countingViewport();
    const table = new RowTable(() => 'dynamics', viewport);
    expect(table.sync(list, [])).toEqual([]);
    expect(table.size).toBe(1000);

    // The page drops its first 100 rows; the next look registers the rest slice by slice.
    const shorter = { ...list, rows: list.rows.slice(100) };
    table.beginSync(shorter, []);
    const past = performance.now() - 1;
    let slices = 0;
    let gone: string[] | null = null;
    while (gone === null) {
      gone = table.syncSome(past);
      slices++;
      // Until the last slice the rows known before stay in use.
      if (gone === null) expect(table.size).toBe(1000);
    }
    expect(slices).toBeGreaterThanOrEqual(900 / 63);
    expect(table.size).toBe(900);
  });

  it('watches them for nearness in slices too', () => {
    const url = bigList(500);
    const viewport = countingViewport();
    const table = new RowTable(() => 'dynamics', viewport);
    table.sync(dynamics.list!(document, url)!, []);
    expect(viewport.observed).toHaveLength(0);
    const past = performance.now() - 1;
    let slices = 1;
    while (table.watchSome(past)) slices++;
    expect(viewport.observed).toHaveLength(500);
    expect(slices).toBeGreaterThanOrEqual(500 / 31);
  });
});

describe('the text scan of a list page', () => {
  it("steps over the grid's rows: no row element is asked for a shadow root", () => {
    const url = bigList(300);
    const rows = new Set(Array.from(document.querySelectorAll('[role=row], [role=gridcell], [role=gridcell] *')));
    const asked = new Set<Element>();
    const getter = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')!.get!;
    vi.spyOn(Element.prototype, 'shadowRoot', 'get').mockImplementation(function (this: Element) {
      asked.add(this);
      return getter.call(this);
    });
    const plan = planPage(document, url);
    expect(plan.list?.rows).toHaveLength(300);
    expect([...asked].filter((el) => rows.has(el))).toEqual([]);
  });
});

describe('shadow roots the scan reads', () => {
  it('are watched: a LeadSource appearing inside one is badged', async () => {
    setUrl('https://app-ab12.marketo.com/#/classic/person');
    document.body.innerHTML = '<x-card></x-card>';
    const root = document.querySelector('x-card')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><p id="v">nothing yet</p></div>';
    const worker = fakeWorker();
    lens = startLens(
      { win: window, send: worker.send, lang: () => 'en', t },
      { viewport: everythingNear, debounceMs: 10, maxWaitMs: 50, pollMs: 5000 },
    );
    await lens.scan();
    await sleep(1100); // past the one later look every look is followed by: only a mutation brings another
    expect(badges(root)).toHaveLength(0);
    root.getElementById('v')!.textContent = 'AppSource-PLT|contoso.crm-connector';
    await vi.waitFor(() => expect(badges(root)).toHaveLength(1), { timeout: 5000 });
  });
});
