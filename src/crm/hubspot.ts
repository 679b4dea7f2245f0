// HubSpot: contact (and Lead object) record pages and index lists. Hooks per crm-dom-real.md §3; no label text.
import { clean, closestDeep, deepQueryAll, isHidden, readShown, shadowRootsIn, valueElement } from './dom';
import { hostTest } from './hosts';
import { recordContext, toExtracted, type FieldRead, type Role } from './record';
import type { AdapterExamples, CrmAdapter, Extracted, PageKind, ScanReport } from './types';

export const HUBSPOT = {
  hosts: [hostTest('hubspot')],
  /** The record page's columns and the index table: without them no HubSpot page is read. */
  landmarks:
    '[data-test-id="left-sidebar"], #record-page-left-sidebar, [data-test-id="middle-pane"], [data-test-id="framework-data-table"], ' +
    'td[data-table-external-id]',
  /** Object type ids we read: 0-1 contacts; 0-136 the Sales Hub Lead object (unverified on a live portal). */
  objectTypes: ['0-1', '0-136'],
  recordPath: /^\/contacts\/(\d+)\/record\/(\d+-\d+)\/(\d+)\/?/,
  legacyRecordPath: /^\/contacts\/(\d+)\/contact\/(\d+)\/?/,
  listPath: /^\/contacts\/(\d+)\/objects\/(\d+-\d+)\/views\/[^/]+\/list\/?$/,
  record: {
    scope: '[data-test-id="left-sidebar"], [data-test-id="middle-pane"], [data-test-id="records-right-sidebar"]',
    property: '[data-selenium-test^="property-input-"], [data-test-id^="property-input-"], [data-field], [data-profile-property]',
    title: '[data-selenium-test="highlightTitle"]',
    titleName: 'highlightTitle',
    /** Key-information rows: `span[data-test-id=<property>]`; the owner shows bare text without a property-input. */
    profileRow: 'ul[data-selenium-test="profile-properties-list"] > span[data-test-id]',
    profileValue: '[data-test-id="hover-content-wrapper"]',
    /** Cards about another object (the associated company's `name`): not this record's fields. */
    foreign: '[data-card-type^="ASSOCIATION"]',
    /** Placeholders of properties still loading. */
    placeholder: 'skeleton',
  },
  list: {
    row: 'tr[data-test-id^="row-"]',
    rowId: /^row-(\d+)$/,
    cell: 'td[data-table-external-id]',
    cellId: /^cell-\d+-\d+-(.+)-(\d+)$/,
    cellValue: '[data-test-id="truncated-object-label"], a, span',
  },
  roles: {
    firstname: 'firstName',
    lastname: 'lastName',
    name: 'fullName',
    highlightTitle: 'fullName',
    email: 'email',
    phone: 'phone',
    mobilephone: 'phone',
    company: 'company',
    jobtitle: 'title',
    country: 'country',
    message: 'description',
    description: 'description',
    createdate: 'createdAt',
  } as Record<string, Role>,
  maxRows: 1000,
} as const;

export const HUBSPOT_EXAMPLES: AdapterExamples = {
  selectors: HUBSPOT,
  urls: {
    record: [
      { url: 'https://app-na2.hubspot.com/contacts/243156789/record/0-1/51234567890', entity: '0-1', recordId: '51234567890' },
      { url: 'https://app.hubspot.com/contacts/1234567/record/0-1/987654321', entity: '0-1', recordId: '987654321' },
      { url: 'https://app-eu1.hubspot.com/contacts/1234567/record/0-1/987654321/', entity: '0-1', recordId: '987654321' },
      { url: 'https://app.hubspot.com/contacts/1234567/record/0-136/5551', entity: '0-136', recordId: '5551' },
      { url: 'https://app.hubspot.com/contacts/1234567/contact/987654321', entity: '0-1', recordId: '987654321' },
    ],
    list: [
      { url: 'https://app.hubspot.com/contacts/1234567/objects/0-1/views/all/list', entity: '0-1' },
      { url: 'https://app-eu1.hubspot.com.mcas.ms/contacts/243156789/objects/0-1/views/all/list', entity: '0-1' },
    ],
    not: [
      'https://app.hubspot.com/contacts/1234567/record/0-2/55',
      'https://app.hubspot.com/contacts/1234567/record/0-3/55',
      'https://app.hubspot.com/reports-dashboard/1234567/view/1',
      'https://app.hubspot.com/contacts/1234567/objects/0-2/views/all/list',
      'https://www.hubspot.com/contacts/1234567/record/0-1/987654321',
      'https://app.hubspot.com.evil.example/contacts/1234567/record/0-1/987654321',
    ],
  },
  matches: {
    'record.scope': [[3, 'hubspot-contact']],
    'record.property': [[26, 'hubspot-contact']],
    'record.title': [[1, 'hubspot-contact']],
    // No HubSpot list page among the fixtures yet.
    'list.row': [[0, 'hubspot-contact']],
    'list.cell': [],
    'list.cellValue': [],
  },
};

function kindOf(location: URL): PageKind | null {
  const types = HUBSPOT.objectTypes as readonly string[];
  let m = HUBSPOT.recordPath.exec(location.pathname);
  if (m) return types.includes(m[2]!) ? { crm: 'hubspot', view: 'record', entity: m[2]!, recordId: m[3]! } : null;
  if ((m = HUBSPOT.legacyRecordPath.exec(location.pathname))) return { crm: 'hubspot', view: 'record', entity: '0-1', recordId: m[2]! };
  if ((m = HUBSPOT.listPath.exec(location.pathname)) && types.includes(m[2]!))
    return { crm: 'hubspot', view: 'list', entity: m[2]!, recordId: null };
  return null;
}

function landmarks(doc: Document): boolean {
  return doc.querySelector(HUBSPOT.landmarks) !== null;
}

function detect(location: URL, doc: Document): PageKind | null {
  return HUBSPOT.hosts.some((h) => h.test(location.hostname)) && landmarks(doc) ? kindOf(location) : null;
}

function propertyOf(el: Element): string {
  const test = el.getAttribute('data-selenium-test') ?? el.getAttribute('data-test-id') ?? '';
  if (test.startsWith('property-input-')) return test.slice('property-input-'.length);
  return el.getAttribute('data-field') ?? el.getAttribute('data-profile-property') ?? '';
}

/** Properties shown by name: property-input hooks, and key-information rows whose value has none (the owner). */
function readProperties(scope: ParentNode, fields: FieldRead[], report?: ScanReport): void {
  for (const el of Array.from(scope.querySelectorAll(HUBSPOT.record.property))) {
    const name = propertyOf(el);
    if (!name || name === HUBSPOT.record.placeholder || isHidden(el) || closestDeep(el, HUBSPOT.record.foreign)) continue;
    // A wrapper (data-profile-property) that holds the property's own input is read through that input.
    const inner = Array.from(el.querySelectorAll(HUBSPOT.record.property)).some((c) => propertyOf(c) === name);
    if (inner) continue;
    const shown = valueElement(el);
    report?.claimed?.push(el, shown);
    fields.push({ name, key: name, el: shown, text: readShown(shown) });
  }
  for (const row of Array.from(scope.querySelectorAll(HUBSPOT.record.profileRow))) {
    const name = row.getAttribute('data-test-id') ?? '';
    if (!name || row.querySelector(HUBSPOT.record.property) || isHidden(row)) continue;
    const shown = valueElement(row.querySelector(HUBSPOT.record.profileValue) ?? row);
    report?.claimed?.push(row);
    fields.push({ name, key: name, el: shown, text: readShown(shown) });
  }
}

function readRecord(root: ParentNode, location: URL, kind: PageKind, report?: ScanReport): Extracted[] {
  const shadows = shadowRootsIn(root);
  const scoped = deepQueryAll(root, HUBSPOT.record.scope, shadows);
  const scopes: ParentNode[] = scoped.length ? scoped : [root];
  const fields: FieldRead[] = [];
  for (const scope of scopes) {
    for (const title of Array.from(scope.querySelectorAll(HUBSPOT.record.title))) {
      if (!isHidden(title))
        fields.push({ name: HUBSPOT.record.titleName, key: HUBSPOT.record.titleName, el: title, text: readShown(title) });
    }
    readProperties(scope, fields, report);
  }
  const rec = { recordId: kind.recordId, recordUrl: location.href, view: 'record' as const, fields };
  if (report) report.record = recordContext(rec, HUBSPOT.roles);
  return toExtracted(rec, HUBSPOT.roles);
}

function readList(root: ParentNode, location: URL, report?: ScanReport): Extracted[] {
  const out: Extracted[] = [];
  const all = deepQueryAll(root, HUBSPOT.list.row);
  if (report) report.skippedRows += Math.max(0, all.length - HUBSPOT.maxRows);
  const rows = all.slice(0, HUBSPOT.maxRows);
  for (const row of rows) {
    if (isHidden(row)) continue;
    const recordId = HUBSPOT.list.rowId.exec(row.getAttribute('data-test-id') ?? '')?.[1] ?? null;
    const fields: FieldRead[] = [];
    report?.claimed?.push(row);
    for (const cell of Array.from(row.querySelectorAll(HUBSPOT.list.cell))) {
      const name = HUBSPOT.list.cellId.exec(cell.getAttribute('data-table-external-id') ?? '')?.[1];
      if (!name) continue;
      const el = valueElement(cell, HUBSPOT.list.cellValue);
      fields.push({ name, key: name, el, text: clean(readShown(el)) });
    }
    const portal = HUBSPOT.listPath.exec(location.pathname);
    const recordUrl = recordId && portal ? new URL(`/contacts/${portal[1]}/record/${portal[2]}/${recordId}`, location).href : null;
    out.push(...toExtracted({ recordId, recordUrl, view: 'list', fields }, HUBSPOT.roles));
  }
  return out;
}

function extract(root: ParentNode, location: URL, report?: ScanReport): Extracted[] {
  const kind = kindOf(location);
  if (!kind) return [];
  return kind.view === 'record' ? readRecord(root, location, kind, report) : readList(root, location, report);
}

export const hubspot: CrmAdapter = { id: 'hubspot', hosts: HUBSPOT.hosts, landmarks, detect, extract };
