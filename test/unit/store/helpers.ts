import { decodeLeadSource } from '../../../src/core/leadsource';
import type { CustomerFields } from '../../../src/core/types';
import type { CrmId, SightingInput } from '../../../src/store/types';

let counter = 0;

/** A lead as the content script would report it. */
export function sighting(
  customer: CustomerFields,
  opts: { leadSource?: string; recordId?: string | null; crm?: CrmId; seenAt?: string; createdAt?: string } = {},
): SightingInput {
  const leadSource = opts.leadSource ?? 'AppSource-PLT|northwind.crm-suite';
  const lead: SightingInput['lead'] = { leadSource: decodeLeadSource(leadSource), customer };
  if (opts.createdAt) lead.createdAt = opts.createdAt;
  return {
    crm: opts.crm ?? 'dynamics',
    recordId: opts.recordId === undefined ? `rec-${++counter}` : opts.recordId,
    recordUrl: null,
    lead,
    seenAt: opts.seenAt ?? '2025-03-01T10:00:00.000Z',
  };
}

export const ivan: CustomerFields = {
  firstName: 'Ivan',
  lastName: 'Petrov',
  email: 'Ivan.Petrov@contoso.ru',
  phone: '+7 916 123 45 67',
  company: 'ООО «Контосо»',
  country: 'Russia',
};
export const ivanAgain: CustomerFields = {
  firstName: 'Иван',
  lastName: 'Петров',
  email: 'ivan.petrov@CONTOSO.ru',
  phone: '8 (916) 123-45-67',
  company: 'Contoso LLC',
  country: 'RU',
};
export const anna: CustomerFields = { firstName: 'Anna', lastName: 'Sidorova', email: 'anna.sidorova@contoso.ru', company: 'Contoso' };
/** Opens a raw version-1 database the way LeadLens 1 laid it out, and keeps the connection open. */
export function openRawV1(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('customers', { keyPath: 'id' });
      const s = db.createObjectStore('sightings', { keyPath: 'id' });
      s.createIndex('customerId', 'customerId');
      s.createIndex('recordKey', 'recordKey', { unique: true });
      s.createIndex('keys', 'keys', { multiEntry: true });
      s.createIndex('candidateCustomerId', 'candidateCustomerId');
      db.createObjectStore('decisions', { keyPath: 'id' }).createIndex('customers', 'customers', { multiEntry: true });
      db.createObjectStore('settings');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export const john: CustomerFields = {
  firstName: 'John',
  lastName: 'Smith',
  email: 'john.smith@fabrikam.com',
  phone: '(415) 555-1234',
  country: 'US',
  company: 'Fabrikam, Inc.',
};
