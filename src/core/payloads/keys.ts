// Reading fields by key whatever the spelling: keys are compared after dropping case, spaces, '_' and
// '-', so `first_name`, `First Name` and `FirstName` are one key.
import type { CustomerFields } from '../types';

/** `First Name`, `first_name`, `firstName` → `firstname`; letters of any script are kept. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export type Dict = Record<string, unknown>;

export function isDict(v: unknown): v is Dict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A view of an object's keys by normalized name (first spelling wins). */
export function keyed(obj: Dict): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const nk = normalizeKey(k);
    if (!m.has(nk)) m.set(nk, v);
  }
  return m;
}

/** A field's text, trimmed; a finite number as text; anything else (and blank text) undefined. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t ? t : undefined;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** The text of the first of `names` that has one. */
export function pick(m: Map<string, unknown>, ...names: string[]): string | undefined {
  for (const n of names) {
    const t = text(m.get(n));
    if (t !== undefined) return t;
  }
  return undefined;
}

/** Key spellings per customer field (normalized), as the marketplace's payloads and CRMs write them. */
export const CUSTOMER_KEYS: Record<keyof CustomerFields, readonly string[]> = {
  firstName: ['firstname', 'fname', 'givenname'],
  lastName: ['lastname', 'lname', 'surname', 'familyname'],
  fullName: ['fullname', 'name', 'contactname', 'customername'],
  email: ['email', 'emailaddress', 'mail', 'businessemail', 'workemail'],
  phone: ['phone', 'phonenumber', 'telephone', 'businessphone', 'mobilephone', 'mobile'],
  company: ['company', 'companyname', 'organization', 'organisation', 'accountname'],
  title: ['title', 'jobtitle', 'position'],
  country: ['country', 'countryregion', 'countryorregion'],
};

export function customerFrom(m: Map<string, unknown>): CustomerFields {
  const c: CustomerFields = {};
  for (const [field, names] of Object.entries(CUSTOMER_KEYS) as Array<[keyof CustomerFields, readonly string[]]>) {
    const v = pick(m, ...names);
    if (v !== undefined) c[field] = v;
  }
  return c;
}
