// Salesforce Lightning: Lead record pages and Lead list views, in synthetic and native (mixed) shadow DOM.
// Hooks per crm-dom-real.md §2; no label text.
import { clean, composedText, deepQueryAll, insideAny, isHidden, readShown, shadowRootOf, shadowRootsIn, valueElement } from './dom';
import { hostTest } from './hosts';
import { recordContext, toExtracted, type FieldRead, type Role } from './record';
import type { AdapterExamples, CrmAdapter, Extracted, PageKind, ScanReport } from './types';

export const SALESFORCE = {
  hosts: [hostTest('salesforce')],
  /** Lightning's page hosts and list/record components: without them no Salesforce page is read. */
  landmarks: '.windowViewMode-normal, .windowViewMode-maximized, lst-object-home, records-record-layout-item, one-record-home-flexipage2',
  /** `/lightning/r/Lead/<id>/view` and the object-less `/lightning/r/<id>/view` that list links use. */
  recordPath: /^\/lightning\/r\/(?:Lead\/)?(00Q[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)(?:\/view)?\/?$/,
  listPath: /^\/lightning\/o\/Lead\/(?:list|home)\/?$/,
  /** Lightning keeps visited pages in the DOM; only the active one counts. */
  activeView: 'div.windowViewMode-normal.active, section.oneConsoleTab div.windowViewMode-maximized.active.lafPageHost',
  anyView: '.windowViewMode-normal, .windowViewMode-maximized',
  record: {
    field: '[data-target-selection-name^="sfdc:RecordField.Lead."]',
    /** In native shadow the value component is a light-DOM child of the layout item, assigned to this slot. */
    slotted: '[slot=outputField]',
    value:
      'input, textarea, [role=combobox], [slot=outputField], [data-output-element-id="output-field"], ' +
      'lightning-formatted-text, lightning-formatted-name, lightning-formatted-email, lightning-formatted-phone, ' +
      'lightning-formatted-address, lightning-formatted-date-time, records-output-phone, .test-id__field-value',
  },
  list: {
    /** Table mode (`tr`) and role-based rendering (`div[role=row]`) of lightning-datatable. */
    row: 'tr[data-row-key-value], [role=row][data-row-key-value]',
    header: 'HEADER',
    cell: '[data-col-key-value]',
    /** The raw value lightning-datatable puts on every cell; it wins over what the cell shows. */
    rawValue: 'data-cell-value',
    /** The value's own element: list views render lst-formatted-text inside div.slds-truncate, next to the edit button. */
    cellValue:
      '.slds-truncate, lst-formatted-text, lightning-base-formatted-text, lightning-formatted-text, lightning-formatted-email, ' +
      'lightning-formatted-phone, lightning-formatted-url, a',
    /** `<columnKey|fieldName|index>-<type>-<index>` (lightning-datatable generateColKeyValue). */
    colKey: /^(.+)-[A-Za-z_]+-\d+$/,
  },
  recordId: /^00Q[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/,
  /** Any Salesforce record id (lookup cells carry one as their raw value). */
  anyId: /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/,
  roles: {
    FirstName: 'firstName',
    LastName: 'lastName',
    Name: 'fullName',
    Email: 'email',
    Phone: 'phone',
    MobilePhone: 'phone',
    Company: 'company',
    Title: 'title',
    Country: 'country',
    Address: 'country',
    Description: 'description',
    CreatedDate: 'createdAt',
  } as Record<string, Role>,
  maxRows: 1000,
} as const;

export const SALESFORCE_EXAMPLES: AdapterExamples = {
  selectors: SALESFORCE,
  urls: {
    record: [
      {
        url: 'https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00QdN00000DjG65UAF/view',
        entity: 'Lead',
        recordId: '00QdN00000DjG65UAF',
      },
      { url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view', entity: 'Lead', recordId: '00Q5g00000AbCdEEAV' },
      { url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdE/view', entity: 'Lead', recordId: '00Q5g00000AbCdE' },
      { url: 'https://acme.lightning.force.com/lightning/r/00Q5g00000AbCdEEAV/view', entity: 'Lead', recordId: '00Q5g00000AbCdEEAV' },
      {
        url: 'https://acme.my.salesforce.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view?ws=%2Flightning',
        entity: 'Lead',
        recordId: '00Q5g00000AbCdEEAV',
      },
    ],
    list: [
      { url: 'https://acme.lightning.force.com.mcas.ms/lightning/o/Lead/list?filterName=AllOpenLeads', entity: 'Lead' },
      { url: 'https://acme.lightning.force.com/lightning/o/Lead/list?filterName=00B5g000004XyZaEAK', entity: 'Lead' },
      { url: 'https://acme.lightning.force.com/lightning/o/Lead/list?filterName=Recent', entity: 'Lead' },
      { url: 'https://acme.lightning.force.com/lightning/o/Lead/home', entity: 'Lead' },
    ],
    not: [
      'https://acme.lightning.force.com/lightning/r/Account/0015g00000AbCdEEAV/view',
      'https://acme.lightning.force.com/lightning/r/0035g00000AbCdEEAV/view',
      'https://acme.lightning.force.com/lightning/o/Opportunity/list',
      'https://acme.lightning.force.com/lightning/page/home',
      'https://acme.lightning.force.com/lightning/setup/ObjectManager/Lead/view',
      'https://lightning.force.com.example.org/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
      'https://www.salesforce.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view',
    ],
  },
  matches: {
    activeView: [
      [1, 'salesforce-lead-record'],
      [1, 'salesforce-lead-list'],
    ],
    anyView: [
      [2, 'salesforce-lead-record'],
      [1, 'salesforce-lead-list'],
    ],
    'record.field': [
      [20, 'salesforce-lead-record'],
      [0, 'salesforce-lead-list'],
    ],
    'record.value': [[44, 'salesforce-lead-record']],
    'list.row': [
      [9, 'salesforce-lead-list'],
      [0, 'salesforce-lead-record'],
    ],
    'list.cell': [[72, 'salesforce-lead-list']],
    'list.cellValue': [[61, 'salesforce-lead-list']],
  },
};

function kindOf(location: URL): PageKind | null {
  const rec = SALESFORCE.recordPath.exec(location.pathname);
  if (rec) return { crm: 'salesforce', view: 'record', entity: 'Lead', recordId: rec[1]! };
  if (SALESFORCE.listPath.test(location.pathname)) return { crm: 'salesforce', view: 'list', entity: 'Lead', recordId: null };
  return null;
}

function landmarks(doc: Document): boolean {
  return doc.querySelector(SALESFORCE.landmarks) !== null;
}

function detect(location: URL, doc: Document): PageKind | null {
  return SALESFORCE.hosts.some((h) => h.test(location.hostname)) && landmarks(doc) ? kindOf(location) : null;
}

/**
 * The active Lightning page(s), and the ones kept in the DOM but not shown (visited pages, cached console
 * tabs), which are never read. The whole root when the app shows no view containers at all.
 */
function views(root: ParentNode, shadows: ShadowRoot[], report?: ScanReport): ParentNode[] {
  const active = deepQueryAll(root, SALESFORCE.activeView, shadows);
  const all = deepQueryAll(root, SALESFORCE.anyView, shadows);
  report?.ignored?.push(...all.filter((v) => !active.includes(v) && !active.some((a) => insideAny(a, [v]))));
  if (active.length) return active;
  return all.length ? [] : [root];
}

/** The lines an element shows, one per leaf element, shadow trees included. */
function lines(el: Element): string[] {
  const out: string[] = [];
  const walk = (node: Element | ShadowRoot): void => {
    const kids = Array.from(node.children);
    if (!kids.length && node instanceof Element) out.push(clean(composedText(node)));
    for (const kid of kids) {
      const sr = shadowRootOf(kid);
      walk(sr ?? kid);
    }
  };
  walk(shadowRootOf(el) ?? el);
  return out.filter(Boolean);
}

/** Country is the last line of a formatted address. */
function countryOfAddress(el: Element): string {
  const all = lines(el);
  return all.length > 1 ? all[all.length - 1]! : '';
}

/** The element showing a field's value: inside the field (synthetic shadow) or slotted into its host (native). */
function fieldValue(field: Element): Element {
  const root = field.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : null;
  const slotted = host ? Array.from(host.children).find((c) => c.matches(SALESFORCE.record.slotted)) : undefined;
  return slotted ? valueElement(slotted) : valueElement(field, SALESFORCE.record.value);
}

function readRecord(root: ParentNode, location: URL, kind: PageKind, report?: ScanReport): Extracted[] {
  const fields: FieldRead[] = [];
  for (const scope of views(root, shadowRootsIn(root), report)) {
    for (const field of deepQueryAll(scope, SALESFORCE.record.field)) {
      if (isHidden(field)) continue;
      const name = (field.getAttribute('data-target-selection-name') ?? '').split('.')[2] ?? '';
      const el = fieldValue(field);
      const root = field.getRootNode();
      report?.claimed?.push(field, el, ...(root instanceof ShadowRoot ? [root.host] : []));
      // Dates are text (lightning-formatted-date-time prints no <time datetime>); a <time> still wins if present.
      const time = (el.closest('time[datetime]') ?? el.querySelector('time[datetime]'))?.getAttribute('datetime') ?? undefined;
      const text = name === 'Address' ? countryOfAddress(el) : readShown(el);
      fields.push({ name, key: name, el, text, ...(time ? { isoTime: new Date(time).toISOString() } : {}) });
    }
  }
  const rec = { recordId: kind.recordId, recordUrl: location.href, view: 'record' as const, fields };
  if (report) report.record = recordContext(rec, SALESFORCE.roles);
  return toExtracted(rec, SALESFORCE.roles);
}

/** A cell's value: `data-cell-value` when it holds text (not a record id), else what the value element shows. */
function cellText(cell: Element, el: Element): string {
  const raw = cell.getAttribute(SALESFORCE.list.rawValue);
  if (raw && raw.trim() && !SALESFORCE.anyId.test(raw.trim())) return raw;
  return readShown(el);
}

function readList(root: ParentNode, location: URL, report?: ScanReport): Extracted[] {
  const out: Extracted[] = [];
  let count = 0;
  for (const scope of views(root, shadowRootsIn(root), report)) {
    for (const row of deepQueryAll(scope, SALESFORCE.list.row)) {
      const key = row.getAttribute('data-row-key-value') ?? '';
      if (key === SALESFORCE.list.header || isHidden(row)) continue;
      if (++count > SALESFORCE.maxRows) {
        if (report) report.skippedRows++;
        continue;
      }
      const recordId = SALESFORCE.recordId.test(key) ? key : null;
      const fields: FieldRead[] = [];
      for (const cell of Array.from(row.querySelectorAll(SALESFORCE.list.cell))) {
        const name = SALESFORCE.list.colKey.exec(cell.getAttribute('data-col-key-value') ?? '')?.[1];
        if (!name) continue;
        const el = valueElement(cell, SALESFORCE.list.cellValue);
        const text = cellText(cell, el);
        const iso = name === 'CreatedDate' && /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(text) : null;
        fields.push({
          name,
          key: name,
          el,
          text: clean(text),
          ...(iso && !Number.isNaN(iso.getTime()) ? { isoTime: iso.toISOString() } : {}),
        });
      }
      report?.claimed?.push(row);
      const recordUrl = recordId ? new URL(`/lightning/r/Lead/${recordId}/view`, location).href : null;
      out.push(...toExtracted({ recordId, recordUrl, view: 'list', fields }, SALESFORCE.roles));
    }
  }
  return out;
}

function extract(root: ParentNode, location: URL, report?: ScanReport): Extracted[] {
  const kind = kindOf(location);
  if (!kind) return [];
  return kind.view === 'record' ? readRecord(root, location, kind, report) : readList(root, location, report);
}

export const salesforce: CrmAdapter = { id: 'salesforce', hosts: SALESFORCE.hosts, landmarks, detect, extract };
