// Dynamics 365 (Unified Interface): lead forms and the lead grid. Hooks per crm-dom-real.md §1; no label text.
import { clean, closestDeep, deepQueryAll, isHidden, normalizeGuid, readShown, shadowRootsIn, valueElement } from './dom';
import { textHash } from './generic';
import { hostTest } from './hosts';
import { recordContext, toExtracted, type FieldRead, type Role } from './record';
import type { AdapterExamples, CrmAdapter, Extracted, ListRows, PageKind, ScanReport } from './types';

/** The start of a Sales Hub app URL, as the examples below use it. */
const APP = 'https://contoso.crm4.dynamics.com/main.aspx?appid=5c1f8a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b';

export const DYNAMICS = {
  /** Online regions, sovereign clouds and their Defender for Cloud Apps proxies (hosts.ts). */
  hosts: [hostTest('dynamics')],
  /** The app shell, a form or a grid host: a page is a Dynamics page only when one of them is there (EasyRepro). */
  landmarks: '[data-id="topBar"], [data-id="editFormRoot"], [data-id="DataSetHostContainer"]',
  entities: ['lead'],
  pageTypes: { entityrecord: 'record', entitylist: 'list' } as Record<string, 'record' | 'list'>,
  /** Control-name prefixes of header and business-process-flow copies of a field. */
  prefixes: ['header_process_', 'header_'],
  compositePart: '_compositionLinkControl_',
  form: {
    control: '[data-id*=".fieldControl"]',
    controlMark: '.fieldControl',
    valueControl: 'input, textarea, select, [role=combobox], [role=textbox]',
    layout: '[data-lp-id]',
  },
  grid: {
    root: '[role=treegrid], [role=grid], .ag-root',
    row: '[role=row][row-index]',
    cell: '[role=gridcell][col-id]',
    cellValue: 'label, a, span',
    /** The primary column's link: clicked, not followed; its text names the row. */
    primary: 'a[role=link]',
    recordLink: 'a[href*="pagetype=entityrecord"]',
  },
  roles: {
    firstname: 'firstName',
    lastname: 'lastName',
    fullname: 'fullName',
    emailaddress1: 'email',
    telephone1: 'phone',
    mobilephone: 'phone',
    companyname: 'company',
    jobtitle: 'title',
    address1_country: 'country',
    description: 'description',
    createdon: 'createdAt',
  } as Record<string, Role>,
  /** Other lead attributes we know by name (so their second copies `subject1` are recognised). */
  known: ['subject', 'leadsourcecode'],
} as const;

export const DYNAMICS_EXAMPLES: AdapterExamples = {
  selectors: DYNAMICS,
  urls: {
    record: [
      {
        url: `${APP}&pagetype=entityrecord&etn=lead&id=9f2e0c5a-1b2c-4d3e-8f90-0123456789ab`,
        entity: 'lead',
        recordId: '9f2e0c5a-1b2c-4d3e-8f90-0123456789ab',
      },
      // Braces, capitals and parameters in another order: the id is read all the same.
      {
        url: 'https://org.crm.dynamics.com/main.aspx?etn=lead&pagetype=entityrecord&id=%7B9F2E0C5A-1B2C-4D3E-8F90-0123456789AB%7D',
        entity: 'lead',
        recordId: '9f2e0c5a-1b2c-4d3e-8f90-0123456789ab',
      },
      // A new lead's form has no id yet.
      { url: 'https://org.crm11.dynamics.com/main.aspx?appid=1&forceUCI=1&pagetype=entityrecord&etn=lead', entity: 'lead', recordId: null },
    ],
    list: [
      // Sovereign clouds, the newest regions and Defender for Cloud Apps proxies of them (hosts.ts).
      { url: 'https://fabrikam.crm.dynamics.cn/main.aspx?pagetype=entitylist&etn=lead', entity: 'lead' },
      { url: 'https://agency.crm.microsoftdynamics.us/main.aspx?pagetype=entitylist&etn=lead', entity: 'lead' },
      { url: 'https://dod.crm.appsplatform.us/main.aspx?pagetype=entitylist&etn=lead', entity: 'lead' },
      { url: 'https://org.crm21.dynamics.com/main.aspx?pagetype=entitylist&etn=lead', entity: 'lead' },
      { url: 'https://fabrikam.crm.dynamics.cn.mcas.ms/main.aspx?pagetype=entitylist&etn=lead', entity: 'lead' },
      { url: `${APP}&pagetype=entitylist&etn=lead&viewid=00000000-0000-0000-00aa-000010001003&viewType=1039`, entity: 'lead' },
      { url: 'https://org.crm4.dynamics.com.mcas.ms/main.aspx?pagetype=entitylist&etn=lead', entity: 'lead' },
      { url: 'https://org.crm.dynamics.com/main.aspx?PageType=EntityList&Etn=Lead', entity: 'lead' },
    ],
    not: [
      // Other Microsoft apps under dynamics.com are no CRM: the host list names CRM regions only (issue 11).
      'https://contoso-shop.commerce.dynamics.com/x?pagetype=entitylist&etn=lead',
      'https://businesscentral.dynamics.com/main.aspx?pagetype=entitylist&etn=lead',
      `${APP}&pagetype=entityrecord&etn=contact&id=9f2e0c5a-1b2c-4d3e-8f90-0123456789ab`,
      `${APP}&pagetype=entitylist&etn=account`,
      `${APP}&pagetype=dashboard&id=1`,
      `${APP}&pagetype=entityrecord`,
      'https://contoso.crm4.dynamics.com/api/data/v9.2/leads',
      'https://dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=lead',
      'https://make.powerapps.com/environments/x/solutions',
      // Other hosts are claimed only when the page shows UCI landmarks (on-premises servers).
      'https://example.com/main.aspx?pagetype=entityrecord&etn=lead',
    ],
  },
  matches: {
    landmarks: [
      [2, 'dynamics-lead-form'],
      [2, 'dynamics-lead-list'],
    ],
    'form.control': [
      [16, 'dynamics-lead-form'],
      [16, 'dynamics-lead-contactme'],
      [16, 'dynamics-lead-trial'],
      [0, 'dynamics-lead-list'],
    ],
    'form.valueControl': [[14, 'dynamics-lead-form']],
    'form.layout': [[25, 'dynamics-lead-form']],
    'grid.root': [
      [1, 'dynamics-lead-list'],
      [0, 'dynamics-lead-form'],
    ],
    'grid.row': [
      [16, 'dynamics-lead-list'],
      [0, 'dynamics-lead-form'],
    ],
    'grid.cell': [[128, 'dynamics-lead-list']],
    'grid.cellValue': [[129, 'dynamics-lead-list']],
    'grid.recordLink': [[16, 'dynamics-lead-list']],
  },
};

const KNOWN = new Set([...Object.keys(DYNAMICS.roles), ...DYNAMICS.known]);

/** A query parameter, case-insensitively. Reads every pair (no early exit: Firefox's Xray wrappers refuse the
 * iterator `return` that a `break` out of `for…of` over `searchParams` would call). */
function param(url: URL, name: string): string | null {
  let found: string | null = null;
  url.searchParams.forEach((v, k) => {
    if (found === null && k.toLowerCase() === name) found = v;
  });
  return found;
}

/** The attribute a control shows: strips header/BPF prefixes, composite parts and copy numbers. */
export function attributeOf(control: string): string {
  let name = control;
  for (const p of DYNAMICS.prefixes)
    if (name.startsWith(p)) {
      name = name.slice(p.length);
      break;
    }
  const composite = name.indexOf(DYNAMICS.compositePart);
  if (composite >= 0) name = name.slice(composite + DYNAMICS.compositePart.length);
  if (KNOWN.has(name)) return name;
  // Business-process-flow copies: `header_process_emailaddress1_1`, `_2`.
  const numbered = /^(.+)_\d+$/.exec(name);
  if (numbered && KNOWN.has(numbered[1]!)) return numbered[1]!;
  // Second copies on the form itself: `subject1`.
  const copy = /^(.+?)\d+$/.exec(name);
  return copy && KNOWN.has(copy[1]!) ? copy[1]! : name;
}

function pageKind(url: URL): PageKind | null {
  const etn = param(url, 'etn')?.toLowerCase();
  const view = DYNAMICS.pageTypes[param(url, 'pagetype')?.toLowerCase() ?? ''];
  if (!etn || !view || !(DYNAMICS.entities as readonly string[]).includes(etn)) return null;
  return { crm: 'dynamics', view, entity: etn, recordId: view === 'record' ? normalizeGuid(param(url, 'id')) : null };
}

function landmarks(doc: Document): boolean {
  return doc.querySelector(DYNAMICS.landmarks) !== null;
}

function detect(location: URL, doc: Document): PageKind | null {
  const known = DYNAMICS.hosts.some((h) => h.test(location.hostname));
  // Online: a CRM host with the app's landmarks. On premises (a company's own domain): main.aspx with them.
  if (!known && !/\/main\.aspx$/i.test(location.pathname)) return null;
  return landmarks(doc) ? pageKind(location) : null;
}

/** Third `|` token of the nearest data-lp-id: the entity the control belongs to (when stated). */
function entityOf(el: Element): string | null {
  const lp = closestDeep(el, DYNAMICS.form.layout)?.getAttribute('data-lp-id');
  return lp?.split('|')[2]?.toLowerCase() ?? null;
}

function readForm(root: ParentNode, location: URL, kind: PageKind, shadows: ShadowRoot[], report?: ScanReport): Extracted[] {
  const byControl = new Map<string, Element>();
  for (const el of deepQueryAll(root, DYNAMICS.form.control, shadows)) {
    const dataId = el.getAttribute('data-id') ?? '';
    const control = dataId.slice(0, dataId.indexOf(DYNAMICS.form.controlMark));
    if (!control) continue;
    const current = byControl.get(control);
    const isValue = el.matches(DYNAMICS.form.valueControl);
    if (!current || (isValue && !current.matches(DYNAMICS.form.valueControl))) byControl.set(control, el);
  }
  const fields: FieldRead[] = [];
  for (const [control, el] of byControl) {
    const entity = entityOf(el);
    if (entity && entity !== kind.entity) continue;
    if (isHidden(el)) continue;
    const anchor = el.matches(DYNAMICS.form.valueControl) ? el : valueElement(el);
    report?.claimed?.push(el, anchor);
    fields.push({ name: attributeOf(control), key: control, el: anchor, text: readShown(anchor) });
  }
  const rec = { recordId: kind.recordId, recordUrl: location.href, view: 'record' as const, fields };
  if (report) report.record = recordContext(rec, DYNAMICS.roles);
  return toExtracted(rec, DYNAMICS.roles);
}

/**
 * Pinned and centre containers render the same row-index separately: the parts of each row, per grid. Rows
 * are only found here, never read, and every row counts (no cap). `shown` decides which rows count: a full
 * read asks the browser; the list for the content script only looks at attributes (in the query itself), since
 * the rows it reads one by one are checked again then (and hidden ones never come near the viewport).
 * `claimed` receives what the rows take up: a container that holds nothing but rows as itself, else each row.
 */
function gridRows(
  root: ParentNode,
  shadows: ShadowRoot[],
  selector: string,
  shown: (row: Element) => boolean,
  claimed?: Element[],
): Element[][] {
  // Rows by their container, in page order; a grid's rows are found per container, its grid looked up once.
  const containers = new Map<Node | null, Element[]>();
  for (const row of deepQueryAll(root, selector, shadows)) {
    if (!shown(row)) continue;
    const parent = row.parentNode;
    const rows = containers.get(parent);
    if (rows) rows.push(row);
    else containers.set(parent, [row]);
  }
  const grids = new Map<Element | ParentNode, Element[][]>();
  for (const [parent, rows] of containers) {
    const first = rows[0]!;
    const grid = first.closest(DYNAMICS.grid.root) ?? closestDeep(first, DYNAMICS.grid.root) ?? root;
    const list = grids.get(grid);
    if (list) list.push(rows);
    else grids.set(grid, [rows]);
    if (!claimed) continue;
    const el = parent as Element | null;
    if (el?.nodeType === 1 && rows.length > 1 && el.childElementCount === rows.length) claimed.push(el);
    else claimed.push(...rows);
  }
  const out: Element[][] = [];
  for (const parts of grids.values()) {
    // One container: each row is whole. Several (pinned columns): a row's parts share its row-index.
    if (parts.length === 1) {
      for (const row of parts[0]!) out.push([row]);
      continue;
    }
    const byIndex = new Map<string | null, Element[]>();
    for (const rows of parts)
      for (const row of rows) {
        const index = row.getAttribute('row-index');
        const list = byIndex.get(index);
        if (list) list.push(row);
        else byIndex.set(index, [row]);
      }
    out.push(...byIndex.values());
  }
  return out;
}

function readRow(parts: readonly Element[], location: URL, report?: ScanReport): Extracted[] {
  let recordId: string | null = null;
  let recordUrl: string | null = null;
  let name: Element | null = null;
  const fields: FieldRead[] = [];
  for (const row of parts) {
    report?.claimed?.push(row);
    for (const cell of Array.from(row.querySelectorAll(DYNAMICS.grid.cell))) {
      const link = cell.querySelector<HTMLAnchorElement>(DYNAMICS.grid.recordLink);
      if (link && !recordId) {
        const href = new URL(link.getAttribute('href') ?? '', location);
        const etn = param(href, 'etn')?.toLowerCase();
        if (!etn || (DYNAMICS.entities as readonly string[]).includes(etn)) {
          recordId = normalizeGuid(param(href, 'id'));
          recordUrl = href.href;
        }
      }
      name ??= cell.querySelector(DYNAMICS.grid.primary);
      const col = cell.getAttribute('col-id') ?? '';
      const anchor = valueElement(cell, DYNAMICS.grid.cellValue);
      fields.push({ name: col, key: col, el: anchor, text: clean(readShown(anchor)) });
    }
  }
  recordId ??= normalizeGuid(parts[0]?.getAttribute('row-id'));
  // Without a record id, the row is who it shows: its name and its values (never its position).
  const nameText = name ? clean(readShown(name)) : '';
  const rowKey = recordId ? undefined : `row-${textHash([nameText, ...fields.map((f) => `${f.name}=${f.text}`)].join('\u241f'))}`;
  const extra: Partial<Extracted> = name ? { checks: [[name, nameText]] } : {};
  if (rowKey) extra.rowKey = rowKey;
  return toExtracted({ recordId, recordUrl, view: 'list', fields }, DYNAMICS.roles, extra);
}

function extract(root: ParentNode, location: URL, report?: ScanReport): Extracted[] {
  const kind = pageKind(location);
  if (!kind) return [];
  if (kind.view === 'record') return readForm(root, location, kind, shadowRootsIn(root), report);
  return gridRows(root, gridShadows(root), DYNAMICS.grid.row, (row) => !isHidden(row)).flatMap((parts) => readRow(parts, location, report));
}

/** Where grid rows may be: when the document itself has rows, no shadow root is searched for more. */
function gridShadows(root: ParentNode): ShadowRoot[] {
  return root.querySelector(DYNAMICS.grid.row) ? [] : shadowRootsIn(root);
}

function list(root: ParentNode, location: URL): ListRows | null {
  if (pageKind(location)?.view !== 'list') return null;
  const claimed: Element[] = [];
  const rows = gridRows(root, gridShadows(root), `${DYNAMICS.grid.row}:not([hidden])`, () => true, claimed);
  return { rows, read: (parts) => readRow(parts, location), ignored: [], claimed };
}

export const dynamics: CrmAdapter = { id: 'dynamics', hosts: DYNAMICS.hosts, landmarks, detect, extract, list };
