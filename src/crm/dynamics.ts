// Dynamics 365 (Unified Interface): lead forms and the lead grid. Hooks per crm-dom.md §6.1; no label text.
import { clean, closestDeep, deepQueryAll, isHidden, normalizeGuid, readShown, shadowRootsIn, valueElement } from './dom';
import { toExtracted, type FieldRead, type Role } from './record';
import type { AdapterExamples, CrmAdapter, Extracted, PageKind, ScanReport } from './types';

/** The start of a Sales Hub app URL, as the examples below use it. */
const APP = 'https://contoso.crm4.dynamics.com/main.aspx?appid=5c1f8a2e-3b4d-4e6f-9a0b-1c2d3e4f5a6b';

export const DYNAMICS = {
  /** Online hosts (crm, crm4, crm11, ...) and the Defender for Cloud Apps proxy. */
  hosts: [/\.dynamics\.com$/i, /\.dynamics\.com\.mcas\.ms$/i],
  /** On-premises: any host, recognised by UCI landmarks on main.aspx. */
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
  maxRows: 1000,
} as const;

/** Example pages and selector counts, for the tests only (the build leaves them out of the content script). */
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
      { url: `${APP}&pagetype=entitylist&etn=lead&viewid=00000000-0000-0000-00aa-000010001003&viewType=1039`, entity: 'lead' },
      { url: 'https://org.crm4.dynamics.com.mcas.ms/main.aspx?pagetype=entitylist&etn=lead', entity: 'lead' },
      { url: 'https://org.crm.dynamics.com/main.aspx?PageType=EntityList&Etn=Lead', entity: 'lead' },
    ],
    not: [
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

function param(url: URL, name: string): string | null {
  for (const [k, v] of url.searchParams) if (k.toLowerCase() === name) return v;
  return null;
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
  const copy = /^(.+?)\d+$/.exec(name);
  return copy && KNOWN.has(copy[1]!) ? copy[1]! : name;
}

function pageKind(url: URL): PageKind | null {
  const etn = param(url, 'etn')?.toLowerCase();
  const view = DYNAMICS.pageTypes[param(url, 'pagetype')?.toLowerCase() ?? ''];
  if (!etn || !view || !(DYNAMICS.entities as readonly string[]).includes(etn)) return null;
  return { crm: 'dynamics', view, entity: etn, recordId: view === 'record' ? normalizeGuid(param(url, 'id')) : null };
}

function detect(location: URL, doc: Document): PageKind | null {
  const known = DYNAMICS.hosts.some((h) => h.test(location.hostname));
  if (!known && !(/\/main\.aspx$/i.test(location.pathname) && doc.querySelector(DYNAMICS.landmarks))) return null;
  return pageKind(location);
}

/** Third `|` token of the nearest data-lp-id: the entity the control belongs to (when stated). */
function entityOf(el: Element): string | null {
  const lp = closestDeep(el, DYNAMICS.form.layout)?.getAttribute('data-lp-id');
  return lp?.split('|')[2]?.toLowerCase() ?? null;
}

function readForm(root: ParentNode, location: URL, kind: PageKind, shadows: ShadowRoot[]): Extracted[] {
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
    fields.push({ name: attributeOf(control), key: control, el: anchor, text: readShown(anchor) });
  }
  return toExtracted({ recordId: kind.recordId, recordUrl: location.href, view: 'record', fields }, DYNAMICS.roles);
}

function readGrid(root: ParentNode, location: URL, shadows: ShadowRoot[], report?: ScanReport): Extracted[] {
  // Pinned and centre containers render the same row-index separately: group rows per grid and index.
  const rows = new Map<string, Element[]>();
  const grids = new Map<Element | ParentNode, number>();
  const skipped = new Set<string>();
  for (const row of deepQueryAll(root, DYNAMICS.grid.row, shadows)) {
    if (isHidden(row)) continue;
    const grid = closestDeep(row, DYNAMICS.grid.root) ?? root;
    if (!grids.has(grid)) grids.set(grid, grids.size);
    const id = `${grids.get(grid)}:${row.getAttribute('row-index')}`;
    const list = rows.get(id);
    if (list) list.push(row);
    else if (rows.size < DYNAMICS.maxRows) rows.set(id, [row]);
    else skipped.add(id);
  }
  if (report) report.skippedRows += skipped.size;
  const out: Extracted[] = [];
  for (const parts of rows.values()) {
    let recordId: string | null = null;
    let recordUrl: string | null = null;
    const fields: FieldRead[] = [];
    for (const row of parts) {
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
        const col = cell.getAttribute('col-id') ?? '';
        const anchor = valueElement(cell, DYNAMICS.grid.cellValue);
        fields.push({ name: col, key: col, el: anchor, text: clean(readShown(anchor)) });
      }
    }
    recordId ??= normalizeGuid(parts[0]?.getAttribute('row-id'));
    out.push(...toExtracted({ recordId, recordUrl, view: 'list', fields }, DYNAMICS.roles));
  }
  return out;
}

function extract(root: ParentNode, location: URL, report?: ScanReport): Extracted[] {
  const kind = pageKind(location);
  if (!kind) return [];
  const shadows = shadowRootsIn(root);
  return kind.view === 'record' ? readForm(root, location, kind, shadows) : readGrid(root, location, shadows, report);
}

export const dynamics: CrmAdapter = { id: 'dynamics', detect, extract };
