// Dynamics 365 (Unified Interface): lead forms and the lead grid. Hooks per crm-dom.md §6.1; no label text.
import { clean, closestDeep, deepQueryAll, isHidden, normalizeGuid, readShown, shadowRootsIn, valueElement } from './dom';
import { toExtracted, type FieldRead, type Role } from './record';
import type { CrmAdapter, Extracted, PageKind, ScanReport } from './types';

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
