// Match keys: what a normalised customer is reduced to for finding and scoring duplicates.
// A `MatchProfile` is plain data (it is stored beside every sighting); `blockingKeys` are the exact
// strings an index is built on, so finding candidates never means scanning every record.
import { COMPANY_FILLERS } from '../legal-forms';
import type { NormalizedCustomer } from '../types';
import { nameForm, type NameForm } from './names';

export interface MatchProfile {
  /** Canonical email: Gmail dots and +tags folded, googlemail → gmail. */
  email: string | null;
  /** The local part of the canonical email, letters and digits only, when it can identify a person. */
  emailUser: string | null;
  /** Corporate email domain; null for free-mail providers. */
  domain: string | null;
  phone: string | null;
  country: string | null;
  /** Company key with spaces removed. */
  company: string | null;
  /**
   * The company's distinctive words (fillers such as Group or International dropped). Absent on
   * profiles stored before it existed; the scorer then compares `company` alone.
   */
  companyWords?: string[] | null;
  /** The corporate domain's name without its suffix (`contoso` of `contoso.co.uk`): a company name too. */
  domainLabel: string | null;
  first: NameForm | null;
  last: NameForm | null;
}

/**
 * Most candidate records read per blocking key, by the browser's store and the CLI's in-memory matcher
 * alike: a very common name, a free-mail user part or a big company's domain hands the matcher a
 * bounded list, so one lead costs the same however many namesakes came before it.
 */
export const PER_KEY_LIMIT = 50;

const GMAIL = new Set(['gmail.com', 'googlemail.com']);
const YANDEX = new Set(['yandex.ru', 'ya.ru', 'yandex.com', 'yandex.by', 'yandex.kz', 'yandex.ua']);

/** Addresses that name a role, not a person: never a key on their own. */
const ROLE_USERS = new Set([
  'info',
  'sales',
  'admin',
  'contact',
  'contacts',
  'office',
  'hello',
  'mail',
  'support',
  'team',
  'hr',
  'it',
  'marketing',
  'billing',
  'accounts',
  'noreply',
  'post',
  'general',
  'enquiries',
  'inquiries',
  'reception',
]);

/** Lower-cased; `+tag` dropped for every domain; Gmail dots dropped; googlemail and Yandex aliases folded. */
export function canonicalEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf('@');
  if (at <= 0) return null;
  let user = e.slice(0, at);
  let domain = e.slice(at + 1);
  const plus = user.indexOf('+');
  if (plus > 0) user = user.slice(0, plus);
  if (GMAIL.has(domain)) {
    domain = 'gmail.com';
    user = user.replace(/\./g, '');
  } else if (YANDEX.has(domain)) {
    domain = 'yandex.ru';
    user = user.replace(/\./g, '-');
  }
  return `${user}@${domain}`;
}

export function matchProfile(n: NormalizedCustomer): MatchProfile {
  const email = canonicalEmail(n.email);
  const user = email ? email.slice(0, email.lastIndexOf('@')).replace(/[^a-z0-9]/g, '') : null;
  return {
    email,
    emailUser: user && user.length >= 4 && !ROLE_USERS.has(user) ? user : null,
    domain: n.emailDomain && !n.freeMail ? n.emailDomain : null,
    phone: n.phone,
    country: n.country,
    company: n.companyKey ? n.companyKey.replace(/ /g, '') : null,
    companyWords: companyWords(n.companyKey),
    domainLabel: n.emailDomain && !n.freeMail ? n.emailDomain.split('.')[0]! : null,
    first: nameForm(n.firstName),
    last: nameForm(n.lastName),
  };
}

/** `tailspin group` → [`tailspin`]; a key made only of fillers keeps them all. */
export function companyWords(key: string | null): string[] | null {
  if (!key) return null;
  const all = key.split(' ').filter(Boolean);
  const words = all.filter((w) => !COMPANY_FILLERS.has(w));
  return words.length ? words : all;
}

/**
 * Candidate keys, Salesforce match-key style: two records can only be compared if they share one.
 * Chosen so every kind of variation the matcher should survive leaves at least one key intact:
 * email; phone; e-mail user part (free-mail ↔ work switch); the unordered pair of name codes (typos,
 * transliteration, swapped names); and each name code with the company or the corporate domain (a typo
 * that changes the other name's code).
 */
export function blockingKeys(p: MatchProfile): string[] {
  const keys = new Set<string>();
  if (p.email) keys.add('e:' + p.email);
  if (p.phone) keys.add('p:' + p.phone);
  if (p.emailUser) keys.add('u:' + p.emailUser);
  const firstCodes = p.first ? firstNameCodes(p.first) : [];
  const lastCodes = p.last ? p.last.codes : [];
  for (const f of firstCodes) {
    for (const l of lastCodes) keys.add('n:' + (f < l ? `${f}|${l}` : `${l}|${f}`));
  }
  for (const code of new Set([...firstCodes, ...lastCodes])) {
    if (p.domain) keys.add(`d:${code}|${p.domain}`);
    // The company as typed and as its email domain reads: "LEMKE" meets rae@lemke.com.
    if (p.company) keys.add(`c:${code}|${p.company}`);
    if (p.domainLabel && p.domainLabel !== p.company) keys.add(`c:${code}|${p.domainLabel}`);
  }
  return [...keys];
}

/** The primary codes of a given name and of the full names it may stand for (nicknames). */
function firstNameCodes(f: NameForm): string[] {
  const codes = new Set<string>([f.codes[0]!]);
  for (const g of f.groups.slice(1)) codes.add(nameForm(g)?.codes[0] ?? g);
  return [...codes];
}

/** Keys that tie a customer to its company, for the account (colleagues) view. */
export function companyKeys(p: MatchProfile): string[] {
  const keys: string[] = [];
  if (p.domain) keys.push('d:' + p.domain);
  if (p.company) keys.push('c:' + p.company);
  return keys;
}
