// Salesforce Lightning: Lead record pages and Lead list views. Hooks per crm-dom.md §6.1; no label text.
import { clean, deepQueryAll, isHidden, readShown, shadowRootsIn, valueElement } from './dom';
import { toExtracted, type FieldRead, type Role } from './record';
import type { AdapterExamples, CrmAdapter, Extracted, PageKind, ScanReport } from './types';

export const SALESFORCE = {
  hosts: [/\.lightning\.force\.com$/i, /\.my\.salesforce\.com$/i, /\.force\.com\.mcas\.ms$/i],
  /** `/lightning/r/Lead/<id>/view` and the object-less `/lightning/r/<id>/view` that list links use. */
  recordPath: /^\/lightning\/r\/(?:Lead\/)?(00Q[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?)(?:\/view)?\/?$/,
  listPath: /^\/lightning\/o\/Lead\/(?:list|home)\/?$/,
  /** Lightning keeps visited pages in the DOM; only the active one counts. */
  activeView: 'div.windowViewMode-normal.active, section.oneConsoleTab div.windowViewMode-maximized.active.lafPageHost',
  anyView: '.windowViewMode-normal, .windowViewMode-maximized',
  record: {
    field: '[data-target-selection-name^="sfdc:RecordField.Lead."]',
    value:
      'input, textarea, [role=combobox], [slot=outputField], [data-output-element-id="output-field"], ' +
      'lightning-formatted-text, lightning-formatted-name, lightning-formatted-email, lightning-formatted-phone, ' +
      'lightning-formatted-address, lightning-formatted-date-time, records-output-phone, .test-id__field-value',
  },
  list: {
    row: 'tr[data-row-key-value]',
    header: 'HEADER',
    cell: '[data-col-key-value]',
    cellValue: 'lightning-base-formatted-text, lightning-formatted-text, lightning-formatted-email, lightning-formatted-phone, a, span',
    /** `<columnKey|fieldName|index>-<type>-<index>` (lightning-datatable generateColKeyValue). */
    colKey: /^(.+)-[A-Za-z_]+-\d+$/,
  },
  recordId: /^00Q[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/,
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

/** Example pages and selector counts, for the tests only (the build leaves them out of the content script). */
export const SALESFORCE_EXAMPLES: AdapterExamples = {
  selectors: SALESFORCE,
  urls: {
    record: [
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
    'list.cellValue': [[70, 'salesforce-lead-list']],
  },
};

function kindOf(location: URL): PageKind | null {
  const rec = SALESFORCE.recordPath.exec(location.pathname);
  if (rec) return { crm: 'salesforce', view: 'record', entity: 'Lead', recordId: rec[1]! };
  if (SALESFORCE.listPath.test(location.pathname)) return { crm: 'salesforce', view: 'list', entity: 'Lead', recordId: null };
  return null;
}

function detect(location: URL): PageKind | null {
  return SALESFORCE.hosts.some((h) => h.test(location.hostname)) ? kindOf(location) : null;
}

/** The active Lightning page(s); the whole root when the app shows no view containers at all. */
function activeRoots(root: ParentNode, shadows: ShadowRoot[]): ParentNode[] {
  const active = deepQueryAll(root, SALESFORCE.activeView, shadows);
  if (active.length) return active;
  return deepQueryAll(root, SALESFORCE.anyView, shadows).length ? [] : [root];
}

/** Country is the last line of a formatted address. */
function countryOfAddress(el: Element): string {
  const lines = Array.from(el.querySelectorAll('div, span'))
    .filter((n) => !n.children.length)
    .map((n) => clean(n.textContent ?? ''))
    .filter(Boolean);
  return lines.length > 1 ? lines[lines.length - 1]! : '';
}

function readRecord(root: ParentNode, location: URL, kind: PageKind): Extracted[] {
  const fields: FieldRead[] = [];
  for (const scope of activeRoots(root, shadowRootsIn(root))) {
    for (const field of deepQueryAll(scope, SALESFORCE.record.field)) {
      if (isHidden(field)) continue;
      const name = (field.getAttribute('data-target-selection-name') ?? '').split('.')[2] ?? '';
      const el = valueElement(field, SALESFORCE.record.value);
      const time = (el.closest('time[datetime]') ?? el.querySelector('time[datetime]'))?.getAttribute('datetime') ?? undefined;
      const text = name === 'Address' ? countryOfAddress(field) : readShown(el);
      fields.push({ name, key: name, el, text, ...(time ? { isoTime: new Date(time).toISOString() } : {}) });
    }
  }
  return toExtracted({ recordId: kind.recordId, recordUrl: location.href, view: 'record', fields }, SALESFORCE.roles);
}

function readList(root: ParentNode, location: URL, report?: ScanReport): Extracted[] {
  const out: Extracted[] = [];
  let count = 0;
  for (const scope of activeRoots(root, shadowRootsIn(root))) {
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
        fields.push({ name, key: name, el, text: clean(readShown(el)) });
      }
      const recordUrl = recordId ? new URL(`/lightning/r/Lead/${recordId}/view`, location).href : null;
      out.push(...toExtracted({ recordId, recordUrl, view: 'list', fields }, SALESFORCE.roles));
    }
  }
  return out;
}

function extract(root: ParentNode, location: URL, report?: ScanReport): Extracted[] {
  const kind = kindOf(location);
  if (!kind) return [];
  return kind.view === 'record' ? readRecord(root, location, kind) : readList(root, location, report);
}

export const salesforce: CrmAdapter = { id: 'salesforce', detect, extract };
