// Over 300 lines on purpose: the whole badge contract, scenario by scenario, on shared fixture pages.
// The badge contract on the fixture pages, and how badges follow the page as it changes.
import { chipWords } from '../../../src/content/badge';
import { startLens, statusesFrom, type Lens } from '../../../src/content/lens';
import { everythingNear, type ViewportFactory } from '../../../src/content/viewport';
import { decodeLeadSource } from '../../../src/core/leadsource';
import { PAGES } from '../../fixtures/crm/pages';
import { attachDeclarativeShadowRoots, fixtureHtml, loadPage } from '../crm/load-fixture';
import { attrs, badges, fakeWorker, result, setUrl, sleep, t } from './helpers';

let lens: Lens | null = null;

function open(name: string, worker = fakeWorker(), opts: Parameters<typeof startLens>[1] = { manual: true }) {
  const url = loadPage(name);
  setUrl(url);
  // happy-dom's IntersectionObserver never reports anything: here every row is near the viewport.
  lens = startLens({ win: window, send: worker.send, lang: () => 'en', t }, { viewport: everythingNear, ...opts });
  return worker;
}

afterEach(() => {
  lens?.stop();
  lens = null;
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  for (const card of Array.from(document.querySelectorAll('[data-leadlens-card]'))) card.remove();
});

/** All badges on the page, including those inside open shadow roots. */
function allBadges(): HTMLElement[] {
  const out = badges();
  for (const host of Array.from(document.querySelectorAll('*')))
    if (host.shadowRoot && !host.hasAttribute('data-leadlens')) out.push(...badges(host.shadowRoot));
  return out;
}

/** An event as the browser makes it for the rep's own input (page scripts can only make untrusted ones). */
function trusted<E extends Event>(ev: E): E {
  Object.defineProperty(ev, 'isTrusted', { value: true });
  return ev;
}

describe('badge contract on the fixture pages', () => {
  it('pins one badge right after each Topic and Description control of the Dynamics form', async () => {
    open('dynamics-lead-form');
    await lens!.scan();
    const list = badges();
    expect(list.map(attrs)).toEqual([
      {
        key: 'dynamics:9f2e0c5a-1b2c-4d3e-8f90-0123456789ab:subject:0',
        source: 'AzureMarketplace',
        action: 'INS',
        stage: 'active',
        offer: 'contoso.crm-connector',
        duplicate: 'new',
      },
      {
        key: 'dynamics:9f2e0c5a-1b2c-4d3e-8f90-0123456789ab:description:0',
        source: 'AzureMarketplace',
        action: 'INS',
        stage: 'active',
        offer: 'contoso.crm-connector',
        duplicate: 'new',
      },
    ]);
    expect(list[0]!.previousElementSibling!.getAttribute('data-id')).toBe('subject.fieldControl-text-box-text');
    expect(list[1]!.previousElementSibling!.localName).toBe('textarea');
    expect(list[0]!.hasAttribute('data-leadlens')).toBe(true);
  });

  it('badges every marketplace row of the Dynamics grid with its storefront, action and stage', async () => {
    open('dynamics-lead-list');
    await lens!.scan();
    const got = badges().map((b) => [
      b.previousElementSibling!.textContent,
      b.getAttribute('data-leadlens-source'),
      b.getAttribute('data-leadlens-action'),
      b.getAttribute('data-leadlens-stage'),
      b.getAttribute('data-leadlens-offer'),
    ]);
    expect(got).toEqual([
      ['AzureMarketplace-INS|contoso.crm-connector', 'AzureMarketplace', 'INS', 'active', 'contoso.crm-connector'],
      ['AzurePortal-Create|contoso.crm-connector-saas', 'AzurePortal', 'Create', 'active', 'contoso.crm-connector-saas'],
      ['AppSource-PLT|contoso.crm-connector', 'AppSource', 'PLT', 'interest', 'contoso.crm-connector'],
      ['SPZA-PLT|contoso.field-service', 'AppSource', 'PLT', 'interest', 'contoso.field-service'],
      ['SPZA-DNC|contoso.crm-connector', 'AppSource', 'DNC', 'do-not-contact', 'contoso.crm-connector'],
      ['AppSource (SPZA)-PLT|contoso.hr-suite', 'AppSource', 'PLT', 'interest', 'contoso.hr-suite'],
      [
        'AzureMarketplace-StartTestDrive|Red Hat OpenShift Container Platform',
        'AzureMarketplace',
        'StartTestDrive',
        'trial',
        'Red Hat OpenShift Container Platform',
      ],
      ['TestDrive-StartTestDrive|contoso.crm-connector', 'TestDrive', 'StartTestDrive', 'trial', 'contoso.crm-connector'],
      [
        'AzurePortal-Create|docusign.3701c77e-1cfa-4c56-91e6-3ed0b622145a',
        'AzurePortal',
        'Create',
        'active',
        'docusign.3701c77e-1cfa-4c56-91e6-3ed0b622145a',
      ],
      ['AppSource-DNC|northwind.field-service', 'AppSource', 'DNC', 'do-not-contact', 'northwind.field-service'],
      ['AppSource-INS|contoso.crm-connector', 'AppSource', 'INS', 'active', 'contoso.crm-connector'],
      ['MSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|Contoso Test', 'unknown', 'unknown', 'test', 'Contoso Test'],
      ['AzureMarketplace-INS|bitnami.openedxcypress', 'AzureMarketplace', 'INS', 'active', 'bitnami.openedxcypress'],
      [
        'AzureMarketplace-INS|checkpoint.check-point-r77-10sg-byol',
        'AzureMarketplace',
        'INS',
        'active',
        'checkpoint.check-point-r77-10sg-byol',
      ],
    ]);
    expect(new Set(badges().map((b) => b.getAttribute('data-leadlens-key'))).size).toBe(14);
  });

  it('badges the active Salesforce record (also inside a shadow root) and the list, never the cached page', async () => {
    open('salesforce-lead-record');
    await lens!.scan();
    const rec = allBadges();
    expect(rec.map((b) => b.getAttribute('data-leadlens-key'))).toEqual([
      'salesforce:00Q5g00000AbCdEEAV:LeadSource:0',
      'salesforce:00Q5g00000AbCdEEAV:Description:0',
    ]);
    expect(document.querySelector('[data-record="00Q5g00000ZzYyXEAV"] [data-leadlens]')).toBeNull();
    lens!.stop();
    open('salesforce-lead-list');
    await lens!.scan();
    expect(badges().map((b) => b.getAttribute('data-leadlens-stage'))).toEqual([
      'interest',
      'trial',
      'active',
      'active',
      'do-not-contact',
      'test',
    ]);
  });

  it('badges the HubSpot lead_source property and nothing in the hidden tab', async () => {
    open('hubspot-contact');
    await lens!.scan();
    expect(badges().map(attrs)).toEqual([
      {
        key: 'hubspot:987654321:lead_source:0',
        source: 'AzureMarketplace',
        action: 'StartTestDrive',
        stage: 'trial',
        offer: 'contoso.crm-connector',
        duplicate: 'new',
      },
    ]);
  });

  it('every fixture page gets at least one badge', async () => {
    for (const page of PAGES) {
      open(page.name);
      await lens!.scan();
      expect(allBadges().length, page.name).toBeGreaterThan(0);
      lens!.stop();
    }
  });
});

describe('page data stays text', () => {
  it('shows hostile HTML from a field as text, in the card as on the page', async () => {
    const url = loadPage('dynamics-lead-form');
    const subject = document.querySelector<HTMLInputElement>('[data-id="subject.fieldControl-text-box-text"]')!;
    subject.value = 'SPZA-PLT|<img src=x onerror=alert(1)>';
    setUrl(url);
    lens = startLens({ win: window, send: fakeWorker().send, lang: () => 'en', t }, { manual: true });
    await lens.scan();
    const hosts = badges();
    for (const host of hosts) {
      expect(host.shadowRoot!.querySelector('img, script')).toBeNull();
      host.shadowRoot!.querySelector<HTMLElement>('.chip')!.dispatchEvent(new Event('mouseenter'));
      const card = document.querySelector('[data-leadlens-card]')!.shadowRoot!;
      expect(card.querySelector('img, script')).toBeNull();
    }
    expect(document.querySelectorAll('img')).toHaveLength(0);
    const offer = hosts[0]!.getAttribute('data-leadlens-offer') ?? '';
    expect(offer.includes('<img') || offer === '').toBe(true);
  });
});

describe('rescanning', () => {
  it('is idempotent: the same occurrences keep their single badge', async () => {
    const worker = open('dynamics-lead-list');
    await lens!.scan();
    const first = badges();
    await lens!.scan();
    await lens!.scan();
    const again = badges();
    expect(again).toHaveLength(first.length);
    expect(again.every((b, i) => b === first[i])).toBe(true);
    expect(worker.pageLeads()).toHaveLength(1); // nothing changed, nothing re-sent
  });

  it('removes a badge whose value vanished, and re-reports the smaller set', async () => {
    const worker = open('dynamics-lead-list');
    await lens!.scan();
    document.querySelector('[row-index="0"]')!.remove();
    const cell = document.querySelector('[row-index="1"] [col-id="subject"] span')!;
    cell.textContent = 'Запрос по телефону';
    await lens!.scan();
    expect(badges()).toHaveLength(12);
    expect(document.querySelector('[row-index="1"] [data-leadlens]')).toBeNull();
    expect(worker.pageLeads()).toHaveLength(2);
    // Only the change is sent: the two rows' keys are gone, nothing was added.
    const [first, second] = worker.pageLeads();
    expect(second).toMatchObject({ delta: true, leads: [] });
    expect(second!.removed).toHaveLength(2);
    expect(second!.removed!.every((k) => first!.leads.some((l) => l.key === k))).toBe(true);
  });

  it('moves the badge when the CRM re-renders the value element', async () => {
    open('dynamics-lead-form');
    await lens!.scan();
    const old = document.querySelector<HTMLInputElement>('[data-id="subject.fieldControl-text-box-text"]')!;
    const fresh = old.cloneNode(true) as HTMLInputElement;
    fresh.value = old.value;
    old.nextElementSibling!.remove(); // React dropping our node along with the old input
    old.replaceWith(fresh);
    await lens!.scan();
    expect(fresh.nextElementSibling!.getAttribute('data-leadlens-key')).toMatch(/:subject:0$/);
    expect(badges()).toHaveLength(2);
  });

  it('removes stray badges left by an earlier copy of the content script', async () => {
    open('dynamics-lead-form');
    const stray = document.createElement('span');
    stray.setAttribute('data-leadlens', '');
    stray.setAttribute('data-leadlens-key', 'dynamics:9f2e0c5a-1b2c-4d3e-8f90-0123456789ab:subject:0');
    document.querySelector('[data-id="subject.fieldControl-text-box-text"]')!.after(stray);
    await lens!.scan();
    expect(badges()).toHaveLength(2);
    expect(stray.isConnected).toBe(false);
  });

  it('gives each of several occurrences in one field its own badge, in order', async () => {
    setUrl('https://crm.example.org/leads/1');
    document.body.innerHTML = '<p id="p">Сначала SPZA-PLT|contoso.crm-connector\nпотом AzureMarketplace-INS|contoso.crm-connector</p>';
    lens = startLens({ win: window, send: fakeWorker().send, lang: () => 'en', t }, { manual: true });
    await lens.scan();
    const p = document.getElementById('p')!;
    const [a, b] = [p.nextElementSibling!, p.nextElementSibling!.nextElementSibling!];
    expect([a.getAttribute('data-leadlens-action'), b.getAttribute('data-leadlens-action')]).toEqual(['PLT', 'INS']);
    expect(a.getAttribute('data-leadlens-key')).toMatch(/^generic:-:text-\w+:0$/);
    expect(b.getAttribute('data-leadlens-key')).toMatch(/^generic:-:text-\w+:1$/);
    await lens.scan();
    expect(badges()).toHaveLength(2);
  });
});

describe('duplicate verdicts', () => {
  it('sets data-leadlens-duplicate from the page-leads reply', async () => {
    const worker = fakeWorker((lead) =>
      lead.lead.customer.email?.toLowerCase() === 'm.sokolova@tailspin.ru' && lead.lead.leadSource?.action === 'INS'
        ? 'duplicate'
        : lead.lead.customer.fullName === 'Наталья Орлова'
          ? 'possible'
          : 'new',
    );
    open('dynamics-lead-list', worker);
    await lens!.scan();
    const byText = (s: string) => badges().find((b) => b.previousElementSibling!.textContent === s)!;
    expect(byText('AppSource-INS|contoso.crm-connector').getAttribute('data-leadlens-duplicate')).toBe('duplicate');
    expect(byText('AzureMarketplace-StartTestDrive|Red Hat OpenShift Container Platform').getAttribute('data-leadlens-duplicate')).toBe(
      'possible',
    );
    expect(byText('AppSource-PLT|contoso.crm-connector').getAttribute('data-leadlens-duplicate')).toBe('new');
    const chip = byText('AppSource-INS|contoso.crm-connector').shadowRoot!.querySelector('.chip')!;
    expect(chip.getAttribute('aria-label')).toContain('Duplicate');
    expect(chip.querySelector('.dup')!.textContent).toBe('Duplicate');
  });

  it('keeps `new` when the worker fails, answers nothing or answers nonsense', async () => {
    for (const send of [
      vi.fn(async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }),
      vi.fn(async () => undefined),
      vi.fn(async () => ({ statuses: { x: { match: { status: 'evil' } } } })),
      vi.fn(async () => ({ error: 'store unavailable', statuses: null })),
    ]) {
      loadPage('dynamics-lead-form');
      lens = startLens({ win: window, send, lang: () => 'en', t }, { manual: true });
      await lens.scan();
      expect(badges().map((b) => b.getAttribute('data-leadlens-duplicate'))).toEqual(['new', 'new']);
      lens.stop();
    }
  });

  it('reads verdicts only for the keys it sent', () => {
    const got = statusesFrom({ statuses: { a: result('possible'), b: null, c: result('duplicate') } }, ['a', 'b']);
    expect([...got]).toEqual([['a', 'possible']]);
  });
});

describe('what the service worker receives', () => {
  it('sends one page-leads message with a PageLead per occurrence', async () => {
    const worker = open('dynamics-lead-contactme');
    await lens!.scan();
    const [msg] = worker.pageLeads();
    expect(msg!.url).toBe(PAGES.find((p) => p.name === 'dynamics-lead-contactme')!.url);
    expect(msg!.leads).toHaveLength(1);
    const lead = msg!.leads[0]!;
    expect(lead).toMatchObject({
      key: 'dynamics:3b7d2a10-5c4e-4f8a-9b21-7e6d5c4b3a21:subject:0',
      crm: 'dynamics',
      view: 'record',
      recordId: '3b7d2a10-5c4e-4f8a-9b21-7e6d5c4b3a21',
      lead: { customer: { email: 'a.smirnov@fabrikam.ru', phone: '+7 495 123-45-67', firstName: 'Алексей', lastName: 'Смирнов' } },
    });
    expect(lead.lead.leadSource).toMatchObject({ source: 'AppSource', action: 'PLT', stage: 'interest' });
    expect(lead.lead.createdAt).toBe(new Date(2025, 5, 2, 10, 15).toISOString());
    expect(JSON.parse(JSON.stringify(msg))).toEqual(msg); // plain data, structured-clone safe
  });

  it('sends focus-lead from the click itself, and on Enter', async () => {
    const worker = open('dynamics-lead-form');
    await lens!.scan();
    const chip = badges()[0]!.shadowRoot!.querySelector<HTMLElement>('[role=button]')!;
    expect(chip.getAttribute('tabindex')).toBe('0');
    expect(chip.getAttribute('aria-label')).toMatch(/^LeadLens\. Azure Marketplace · Get it now \/ trial\. .*open in LeadLens/i);
    const rowClick = vi.fn();
    document.body.addEventListener('click', rowClick);
    chip.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(worker.messages.at(-1)).toEqual({ type: 'focus-lead', key: 'dynamics:9f2e0c5a-1b2c-4d3e-8f90-0123456789ab:subject:0' });
    expect(rowClick).not.toHaveBeenCalled();
    chip.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(worker.messages.filter((m) => m.type === 'focus-lead')).toHaveLength(2);
  });

  it('ignores clicks and keys a page script makes up (isTrusted false)', async () => {
    const worker = open('dynamics-lead-form');
    await lens!.scan();
    const chip = badges()[0]!.shadowRoot!.querySelector<HTMLElement>('[role=button]')!;
    chip.click();
    chip.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    chip.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(worker.messages.filter((m) => m.type === 'focus-lead')).toHaveLength(0);
  });

  it('writes the chip words in the chosen language, from the catalog', async () => {
    const d = decodeLeadSource('SPZA-PLT|contoso.crm-connector');
    expect(chipWords(d, { t, lang: 'en' })).toEqual(['AppSource', 'Contact me']);
    expect(chipWords(d, { t, lang: 'ru' })).toEqual(['AppSource', 'Связаться со мной']);
    expect(chipWords(decodeLeadSource('AzurePortal-Create|a.b'), { t, lang: 'ru' })).toEqual(['Azure portal', 'Создано в портале']);
  });

  it('shows what the lead means and the next steps with due times on hover and focus', async () => {
    open('dynamics-lead-contactme');
    await lens!.scan();
    const chip = badges()[0]!.shadowRoot!.querySelector<HTMLElement>('.chip')!;
    chip.dispatchEvent(new Event('focus'));
    const card = document.querySelector('[data-leadlens-card]')!.shadowRoot!.querySelector('.card')!;
    expect(card.classList.contains('open')).toBe(true);
    expect(card.textContent).toContain('AppSource · Contact me');
    expect(card.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(card.querySelector('li .due')!.textContent).toMatch(/due|no deadline/);
    expect(card.textContent).toContain('Not seen before');
    chip.dispatchEvent(new Event('blur'));
    expect(card.classList.contains('open')).toBe(false);
  });
});

describe('watching the page', () => {
  it('badges grid rows that appear later (virtualized scrolling), in one debounced scan', async () => {
    const worker = open('dynamics-lead-list', fakeWorker(), { debounceMs: 30, maxWaitMs: 200, pollMs: 50 });
    await lens!.scan();
    const container = document.querySelector('.ag-center-cols-container')!;
    for (let i = 0; i < 5; i++) {
      container.insertAdjacentHTML(
        'beforeend',
        `<div role="row" row-index="${100 + i}"><div role="gridcell" col-id="fullname"><a href="/main.aspx?pagetype=entityrecord&etn=lead&id=aaaaaaaa-0000-0000-0000-00000000000${i}">Новый ${i}</a></div>
         <div role="gridcell" col-id="subject"><span>SPZA-PLT|contoso.crm-connector</span></div></div>`,
      );
    }
    await sleep(150);
    await lens!.scan(); // waits for the scan the watcher started, if any
    expect(badges()).toHaveLength(19);
    expect(document.querySelector('[row-index="104"] [data-leadlens]')!.getAttribute('data-leadlens-key')).toBe(
      'dynamics:aaaaaaaa-0000-0000-0000-000000000004:subject:0',
    );
    expect(worker.pageLeads()).toHaveLength(2);
  });

  it('drops badges of rows the grid recycled away', async () => {
    open('dynamics-lead-list', fakeWorker(), { debounceMs: 20, maxWaitMs: 200, pollMs: 50 });
    await lens!.scan();
    for (const row of Array.from(document.querySelectorAll('[row-index]')).slice(0, 8)) row.remove();
    await sleep(120);
    await lens!.scan();
    expect(badges()).toHaveLength(6); // rows 8–15 stay; two of them are not marketplace leads
  });

  it('does not rescan because of its own badges', async () => {
    const worker = fakeWorker();
    const spy = vi.fn(worker.send);
    open('dynamics-lead-form', { ...worker, send: spy }, { debounceMs: 20, maxWaitMs: 100, pollMs: 1000 });
    await lens!.scan();
    await sleep(120);
    const calls = spy.mock.calls.length;
    await sleep(120);
    expect(spy.mock.calls.length).toBe(calls);
    expect(badges()).toHaveLength(2);
  });

  it('rescans after SPA navigation to another record', async () => {
    const worker = open('dynamics-lead-contactme', fakeWorker(), { debounceMs: 20, maxWaitMs: 100, pollMs: 30 });
    await lens!.scan();
    const trial = PAGES.find((p) => p.name === 'dynamics-lead-trial')!;
    const parsed = new DOMParser().parseFromString(fixtureHtml(trial), 'text/html');
    history.pushState({}, '', trial.url);
    document.body.innerHTML = parsed.body.innerHTML;
    attachDeclarativeShadowRoots(document.body);
    await sleep(150);
    await lens!.scan();
    expect(badges().map((b) => b.getAttribute('data-leadlens-action'))).toEqual(['StartTestDrive']);
    const last = worker.pageLeads().at(-1)!;
    expect(last.url).toBe(trial.url);
    expect(last.leads[0]!.recordId).toBe('c4e8f1a2-9d3b-4c7e-8a15-2f6b0d9e7c38');
  });

  it('picks up values typed into a form control', async () => {
    open('dynamics-lead-contactme', fakeWorker(), { debounceMs: 20, maxWaitMs: 100, pollMs: 1000 });
    await lens!.scan();
    const subject = document.querySelector<HTMLInputElement>('[data-id="subject.fieldControl-text-box-text"]')!;
    subject.value = 'AzurePortal-Create|contoso.crm-connector';
    subject.dispatchEvent(new Event('input', { bubbles: true }));
    await sleep(100);
    await lens!.scan();
    expect(badges()[0]!.getAttribute('data-leadlens-action')).toBe('Create');
  });

  it('reads far rows in idle time and badges them when they come near the viewport', async () => {
    // A viewport the test moves by hand: nothing is near at first.
    const near = new Set<Element>();
    let onNear: (els: Element[]) => void = () => undefined;
    const viewport: ViewportFactory = (_win, cb) => {
      onNear = cb;
      return { observe() {}, unobserve() {}, isNear: (el) => near.has(el), disconnect() {} };
    };
    const worker = open('dynamics-lead-list', fakeWorker(), { manual: true, viewport, wholeListRows: 0 });
    await lens!.scan();
    expect(badges()).toHaveLength(0);
    // Idle slices read every row: all its leads reach the worker though none is shown yet.
    await vi.waitFor(() => expect(worker.pageLeads().flatMap((m) => m.leads)).toHaveLength(14), { timeout: 5000 });
    expect(badges()).toHaveLength(0);
    const row = document.querySelector('[row-index="3"]')!;
    near.add(row);
    onNear([row]);
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    expect(row.querySelector('[data-leadlens]')).not.toBeNull();
  });
});
