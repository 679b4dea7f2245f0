// Customer keys for the team check: what a lead's customer is asked for in the CRM, and what a record
// the CRM returns is compared with. One table says which keys apply to which CRM table and how strong
// a match on each is; the query builders and the matcher read it.
import { canonicalEmail } from '../match/keys';
import { companyKey, foldToLatin, normalizeCustomer } from '../normalize';
import { LEGAL_FORM_TOKENS } from '../legal-forms';
import type { CustomerFields, DuplicateStatus } from '../types';
import type { TeamKey, TeamKeyKind, TeamTable } from './types';

export interface KeyFacts {
  /** The CRM tables a key of this kind is looked for in. */
  tables: readonly TeamTable[];
  /** How strong a match on this key alone is. */
  status: Exclude<DuplicateStatus, 'new'>;
  /** False for keys only compared on returned records (never a query condition, never cached as "none"). */
  asked: boolean;
}

export const KEY_FACTS: Readonly<Record<TeamKeyKind, KeyFacts>> = {
  email: { tables: ['lead', 'contact'], status: 'duplicate', asked: true },
  phone: { tables: ['lead', 'contact'], status: 'duplicate', asked: false },
  // The same first and last name at the same company: namesakes elsewhere are not flagged.
  person: { tables: ['lead', 'contact'], status: 'possible', asked: true },
  // The customer's company is already an account (or its website is the customer's email domain).
  company: { tables: ['account'], status: 'possible', asked: true },
  domain: { tables: ['account'], status: 'possible', asked: true },
  // The org's own duplicate detection rules said so (Dataverse RetrieveDuplicates, Salesforce predupe).
  rule: { tables: ['lead', 'contact', 'account'], status: 'duplicate', asked: true },
};

/** A lead's customer, reduced to what the team check asks for and compares. */
export interface TeamCustomer {
  /** Lower-cased email as the CRM stores it (the query value). */
  email: string | null;
  /** The email with provider folding (Gmail dots, +tags): what records are compared on. */
  canonicalEmail: string | null;
  /** E.164. */
  phone: string | null;
  /** Names as shown (query values; the CRM compares case-insensitively). */
  firstName: string | null;
  lastName: string | null;
  fullName: string | null;
  /** First and last name folded to Latin, for comparing. */
  personKey: string | null;
  /** The company as shown, and its distinctive part in the same script (for `startswith`). */
  company: string | null;
  companyStem: string | null;
  companyKey: string | null;
  /** Corporate email domain (never a free-mail provider). */
  domain: string | null;
  /** For phone numbers without a country code. */
  country: string | null;
}

const QUOTES = /[«»"“”„'‘’`]/g;

/**
 * The distinctive part of a company name in its own script: quotes and leading or trailing legal forms
 * dropped. `АО «Северсталь-Инфоком»` → `Северсталь-Инфоком`; `Contoso GmbH` → `Contoso`.
 */
export function companyStem(company: string | null | undefined): string | null {
  const text = (company ?? '').replace(QUOTES, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const words = text.split(' ');
  const isForm = (w: string) => LEGAL_FORM_TOKENS.has(foldToLatin(w).replace(/[^a-z0-9]/g, ''));
  while (words.length > 1 && isForm(words[0]!)) words.shift();
  while (words.length > 1 && isForm(words[words.length - 1]!)) words.pop();
  const stem = words.join(' ').replace(/[,.;]+$/, '');
  // What is left must still name something: "Company 10 Ltd" is not asked for as "10".
  if (!/\p{L}/u.test(stem)) return text;
  return stem.length >= 2 ? stem : null;
}

function shown(value: string | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}

export function teamCustomer(fields: CustomerFields, defaultCountry: string | null = null): TeamCustomer {
  const n = normalizeCustomer(fields, { defaultCountry });
  const first = n.firstName ? foldToLatin(n.firstName) : null;
  const last = n.lastName ? foldToLatin(n.lastName) : null;
  return {
    email: n.email,
    canonicalEmail: canonicalEmail(n.email),
    phone: n.phone,
    firstName: shown(fields.firstName),
    lastName: shown(fields.lastName),
    fullName: shown(fields.fullName) ?? (shown([fields.firstName, fields.lastName].filter(Boolean).join(' ')) || null),
    personKey: first && last ? `${first} ${last}` : null,
    company: n.company,
    companyStem: companyStem(n.company),
    companyKey: n.companyKey,
    domain: n.emailDomain && !n.freeMail ? n.emailDomain : null,
    country: n.country ?? (defaultCountry || null),
  };
}

/** The person key of a record's names (same folding as the lead's). */
export function personKeyOf(first: string | null, last: string | null): string | null {
  return first && last ? `${foldToLatin(first.trim())} ${foldToLatin(last.trim())}` : null;
}

export { companyKey };

/**
 * The customer keys of one lead in one org. `recordId` is the lead's own CRM id (the org's duplicate
 * rules are asked about that record).
 */
export function teamKeys(c: TeamCustomer, org: string, recordId: string | null): TeamKey[] {
  const keys: TeamKey[] = [];
  const add = (kind: TeamKeyKind, value: string | null) => {
    if (value) keys.push({ kind, value, id: `${org}|${kind}:${value}` });
  };
  add('email', c.email);
  add('phone', c.phone);
  add('person', c.personKey && c.companyKey ? `${c.personKey}@${c.companyKey}` : null);
  add('company', c.companyKey);
  add('domain', c.domain);
  add('rule', recordId);
  return keys;
}

/** A lead worth asking about: it has at least one key the CRM can be asked for. */
export function askable(keys: readonly TeamKey[]): boolean {
  return keys.some((k) => KEY_FACTS[k.kind].asked && k.kind !== 'rule');
}
