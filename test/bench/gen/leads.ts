// Synthetic marketplace lead streams with known truth, for the matching benchmark and the store
// benchmark. Built on FEBRL's generator structure (originals, then duplicates with per-field edits;
// see shared/docs/dedupe.md §5) plus the lead-specific variations of §5.3: customers arrive several
// times (Contact me → trial → install), with changes of email case, Gmail dots, free-mail vs work
// address, phone formats, legal forms, transliteration, swapped names, nicknames, typos, missing
// fields — and hard negatives: shared switchboards, colleagues, namesakes at other companies.
import { fakerDE, fakerEN_US, fakerRU, type Faker } from '@faker-js/faker';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { translate, WIKIPEDIA, ICAO_DOC_9303, BGN_PCGN, GOST_779 } from 'iuliia';
import type { CustomerFields } from '../../../src/core/types';
import { Random } from './random';

export interface GeneratedLead {
  /** The true customer (index into the population). */
  truth: number;
  fields: CustomerFields;
  leadSource: string;
  createdAt: string;
}

export interface GeneratorOptions {
  seed: number;
  /** Stop once this many leads exist. */
  leads: number;
}

type Locale = 'en' | 'ru' | 'de';
const FAKERS: Record<Locale, Faker> = { en: fakerEN_US, ru: fakerRU, de: fakerDE };
const COUNTRY: Record<Locale, CountryCode> = { en: 'US', ru: 'RU', de: 'DE' };
const COUNTRY_SPELLINGS: Record<Locale, string[]> = {
  en: ['US', 'USA', 'United States', 'united states', 'U.S.', 'США'],
  ru: ['RU', 'Russia', 'Россия', 'Russian Federation', 'RUS', 'РФ'],
  de: ['DE', 'Germany', 'Deutschland', 'DEU', 'Германия'],
};
const LEGAL: Record<Locale, string[]> = {
  en: ['Inc', 'Inc.', ', Inc.', 'LLC', 'Corp', 'Corporation', 'Ltd', 'Co.'],
  ru: ['ООО', 'АО', 'ПАО', 'ЗАО', 'LLC', 'OOO'],
  de: ['GmbH', 'AG', 'GmbH & Co. KG', 'SE'],
};
const FREE_MAIL: Record<Locale, string[]> = {
  en: ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com'],
  ru: ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'inbox.ru', 'rambler.ru'],
  de: ['gmx.de', 'web.de', 'gmail.com', 't-online.de'],
};
const SCHEMES = [WIKIPEDIA, ICAO_DOC_9303, BGN_PCGN, GOST_779];
const ACTIONS = [
  'AzureMarketplace-PLT',
  'AppSource-PLT',
  'AzureMarketplace-StartTestDrive',
  'AppSource-INS',
  'AzurePortal-Create',
  'AzureMarketplace-INS',
];

interface Company {
  name: string;
  locale: Locale;
  domain: string;
  switchboard: string | null;
  legal: string;
}

interface Person {
  id: number;
  locale: Locale;
  first: string;
  last: string;
  company: Company;
  workEmail: string;
  personalEmail: string | null;
  mobile: string | null;
  /** Which phone this person gives: their own, the company's, or none. */
  phoneHabit: 'mobile' | 'switchboard' | 'none';
}

const NICK: Record<string, string[]> = {
  Robert: ['Bob', 'Rob'],
  William: ['Bill', 'Will'],
  James: ['Jim'],
  Michael: ['Mike'],
  Richard: ['Rick', 'Dick'],
  Thomas: ['Tom'],
  David: ['Dave'],
  Daniel: ['Dan'],
  Joseph: ['Joe'],
  Christopher: ['Chris'],
  Matthew: ['Matt'],
  Andrew: ['Andy'],
  Anthony: ['Tony'],
  Elizabeth: ['Liz', 'Beth'],
  Jennifer: ['Jen'],
  Margaret: ['Maggie'],
  Александр: ['Саша'],
  Алексей: ['Лёша'],
  Дмитрий: ['Дима'],
  Сергей: ['Серёжа'],
  Михаил: ['Миша'],
  Николай: ['Коля'],
  Иван: ['Ваня'],
  Евгений: ['Женя'],
  Павел: ['Паша'],
  Владимир: ['Вова'],
  Анна: ['Аня'],
  Екатерина: ['Катя'],
  Мария: ['Маша'],
  Татьяна: ['Таня'],
  Ольга: ['Оля'],
  Юлия: ['Юля'],
  Елена: ['Лена'],
  Наталья: ['Наташа'],
};

export function generateLeads(opts: GeneratorOptions): GeneratedLead[] {
  const rnd = new Random(opts.seed);
  for (const [i, f] of Object.values(FAKERS).entries()) f.seed(opts.seed * 31 + i);
  const companies: Company[] = [];
  const people: Person[] = [];
  const leads: GeneratedLead[] = [];
  const start = Date.UTC(2024, 0, 1);
  const usedDomains = new Set<string>();
  const usedEmails = new Set<string>();

  const newCompany = (locale: Locale): Company => {
    const f = FAKERS[locale];
    const name = f.company
      .name()
      .replace(/^(ООО|ЗАО|ОАО|АО|МУП|ИП|НКО)\s+/, '')
      .replace(/\s+(GmbH|AG|KG|Inc|LLC|Group)\b.*$/, '');
    let domain =
      latin(name)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '')
        .slice(0, 18) || 'firm';
    while (usedDomains.has(domain)) domain += rnd.int(0, 9);
    usedDomains.add(domain);
    const tld = locale === 'ru' ? '.ru' : locale === 'de' ? '.de' : rnd.pick(['.com', '.com', '.io', '.net']);
    return { name, locale, domain: domain + tld, switchboard: rnd.chance(0.8) ? phoneFor(locale) : null, legal: rnd.pick(LEGAL[locale]) };
  };
  const phoneFor = (locale: Locale): string | null => {
    for (let tries = 0; tries < 5; tries++) {
      const p = parsePhoneNumberFromString(FAKERS[locale].phone.number(), COUNTRY[locale]);
      if (p?.isPossible()) return p.number;
    }
    return null;
  };

  const newPerson = (): Person => {
    const locale = rnd.weighted<Locale>({ en: 55, ru: 30, de: 15 });
    const f = FAKERS[locale];
    const sex = rnd.chance(0.5) ? 'male' : 'female';
    let first = f.person.firstName(sex);
    let last = f.person.lastName(sex);
    // Hard negatives: a namesake of someone already known (at another company), or a colleague.
    const namesake = people.length > 20 && rnd.chance(0.06) ? rnd.pick(people) : null;
    if (namesake) ({ first, last } = namesake);
    let company: Company;
    if (companies.length > 10 && rnd.chance(0.35)) {
      company = rnd.pick(companies.slice(-400)); // colleague of someone
      if (namesake && namesake.company === company) company = newCompany(locale);
    } else {
      company = newCompany(locale);
      companies.push(company);
    }
    const lf = latin(first)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const ll = latin(last)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const workUser = rnd.pick([`${lf}.${ll}`, `${lf[0]}${ll}`, `${lf}`, `${lf}_${ll}`, `${ll}`]);
    const personalUser = rnd.pick([`${lf}.${ll}`, `${lf}${ll}${rnd.int(1, 99)}`, `${ll}.${lf}`, `${lf[0]}.${ll}${rnd.int(70, 99)}`]);
    const unique = (email: string): string => {
      while (usedEmails.has(email)) email = email.replace('@', String(rnd.int(0, 9)) + '@');
      usedEmails.add(email);
      return email;
    };
    const p: Person = {
      id: people.length,
      locale,
      first,
      last,
      company,
      workEmail: unique(`${workUser}@${company.domain}`),
      personalEmail: rnd.chance(0.6) ? unique(`${personalUser}@${rnd.pick(FREE_MAIL[locale])}`) : null,
      mobile: rnd.chance(0.7) ? phoneFor(locale) : null,
      phoneHabit: rnd.weighted({ mobile: 50, switchboard: 25, none: 25 }),
    };
    people.push(p);
    return p;
  };

  // Arrival counts: most customers come once; some come back up to five times (FEBRL3-like skew).
  let t = start;
  const pending: { person: Person; at: number; step: number }[] = [];
  while (leads.length < opts.leads) {
    const person = newPerson();
    const arrivals = rnd.weighted({ 1: 40, 2: 25, 3: 18, 4: 11, 5: 6 });
    t += rnd.int(10, 90) * 60_000;
    let at = t;
    for (let step = 0; step < Number(arrivals); step++) {
      pending.push({ person, at, step });
      at += rnd.int(1, 60) * 86_400_000;
    }
    // Emit everything due before the present, so streams of different customers interleave.
    pending.sort((a, b) => a.at - b.at);
    while (pending.length && pending[0]!.at <= t && leads.length < opts.leads) emit(pending.shift()!);
  }
  pending.sort((a, b) => a.at - b.at);
  while (pending.length && leads.length < opts.leads) emit(pending.shift()!);
  return leads;

  function emit({ person, at, step }: { person: Person; at: number; step: number }): void {
    leads.push({
      truth: person.id,
      fields: variant(person, step),
      leadSource: `${ACTIONS[Math.min(ACTIONS.length - 1, step * 2 + rnd.int(0, 1))]}|contoso.app-${rnd.int(1, 3)}`,
      createdAt: new Date(at).toISOString(),
    });
  }

  /** One arrival's fields: what the marketplace form and the CRM made of the person this time. */
  function variant(p: Person, step: number): CustomerFields {
    const out: CustomerFields = {};
    // Names: script / transliteration scheme, nickname, typo, case, swap.
    let first = p.first;
    let last = p.last;
    if (p.locale === 'ru' && rnd.chance(0.5)) {
      const scheme = rnd.pick(SCHEMES);
      first = cap(translate(first, scheme));
      last = cap(translate(last, scheme));
    }
    if (rnd.chance(0.06) && NICK[p.first]) {
      const nick = rnd.pick(NICK[p.first]!);
      first = /[а-яё]/i.test(first) ? nick : cap(translate(nick, WIKIPEDIA));
    }
    if (rnd.chance(0.08)) first = typo(first, rnd);
    if (rnd.chance(0.08)) last = typo(last, rnd);
    if (rnd.chance(0.12)) first = first.toUpperCase();
    if (rnd.chance(0.12)) last = last.toLowerCase();
    if (rnd.chance(0.05)) [first, last] = [last, first];
    if (rnd.chance(0.04)) out.fullName = `${first} ${last}`;
    else {
      if (!rnd.chance(0.02)) out.firstName = first;
      if (!rnd.chance(0.02)) out.lastName = last;
    }

    // Email: work or personal (switches between arrivals), case, Gmail tricks; rarely absent.
    if (!rnd.chance(0.03)) {
      let email = p.personalEmail && rnd.chance(step === 0 ? 0.35 : 0.3) ? p.personalEmail : p.workEmail;
      if (email.endsWith('@gmail.com') && rnd.chance(0.3))
        email = email
          .replace('@', rnd.chance(0.5) ? '+trial@' : '@')
          .replace('@gmail.com', rnd.chance(0.3) ? '@googlemail.com' : '@gmail.com');
      if (email.endsWith('@gmail.com') && rnd.chance(0.2)) email = email.replace('.', '');
      if (rnd.chance(0.2)) email = email.replace(/^./, (c) => c.toUpperCase());
      if (rnd.chance(0.1)) email = email.toUpperCase();
      if (rnd.chance(0.03)) email = typo(email.split('@')[0]!, rnd) + '@' + email.split('@')[1];
      out.email = rnd.chance(0.05) ? ` ${email} ` : email;
    }

    // Phone: own mobile, the company switchboard, or none; many formats; sometimes skipped.
    const phone = p.phoneHabit === 'mobile' ? p.mobile : p.phoneHabit === 'switchboard' ? p.company.switchboard : null;
    const country = COUNTRY[p.locale];
    const giveCountry = !rnd.chance(0.2);
    if (phone && !rnd.chance(0.15)) out.phone = formatPhone(phone, giveCountry, rnd);
    if (giveCountry) out.country = rnd.pick(COUNTRY_SPELLINGS[p.locale]);
    if (!giveCountry && out.phone && !out.phone.startsWith('+') && !out.phone.startsWith('00')) {
      // Without a country the number only parses with the rep's default country: keep it international.
      out.phone = parsePhoneNumberFromString(phone!)!.formatInternational();
    }
    void country;

    // Company: legal form on/off/other, case, quotes, sometimes missing.
    if (!rnd.chance(0.12)) {
      const legal = rnd.chance(0.6) ? (rnd.chance(0.7) ? p.company.legal : rnd.pick(LEGAL[p.company.locale])) : '';
      let name = p.company.name;
      if (p.company.locale === 'ru' && /[а-я]/i.test(name) && rnd.chance(0.3)) name = cap(translate(name, WIKIPEDIA));
      if (rnd.chance(0.04)) name = typo(name, rnd);
      if (rnd.chance(0.15)) name = name.toUpperCase();
      const quoted = /[а-я]/i.test(name) && rnd.chance(0.5) ? `«${name}»` : name;
      out.company = !legal
        ? quoted
        : /^(ООО|АО|ПАО|ЗАО|OOO)$/.test(legal)
          ? `${legal} ${quoted}`
          : legal.startsWith(',')
            ? `${quoted}${legal}`
            : `${quoted} ${legal}`;
    }
    if (rnd.chance(0.5)) out.title = rnd.pick(['CTO', 'CIO', 'IT Manager', 'Developer', 'Architect', 'Директор', 'Head of IT']);
    return out;
  }
}

function latin(s: string): string {
  return /[а-яё]/i.test(s) ? translate(s, WIKIPEDIA) : s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

function cap(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

function formatPhone(e164: string, withCountry: boolean, rnd: Random): string {
  const p = parsePhoneNumberFromString(e164)!;
  const style = rnd.weighted({ e164: 20, intl: 30, national: withCountry ? 35 : 0, digits: withCountry ? 10 : 0, double0: 5 });
  switch (style) {
    case 'e164':
      return p.number;
    case 'intl':
      return p.formatInternational();
    case 'national':
      return p.formatNational();
    case 'digits':
      return p.formatNational().replace(/\D/g, '');
    default:
      return '00' + p.number.slice(1);
  }
}

/** One keyboard-style edit away from the middle of the word (FEBRL: errors rarely hit the first letter). */
function typo(word: string, rnd: Random): string {
  if (word.length < 4) return word;
  const i = Math.min(word.length - 1, Math.max(1, Math.round(word.length / 2 + (rnd.next() - 0.5) * 3)));
  const letters = /[а-яё]/i.test(word) ? 'аеиоулнрстмкд' : 'aeioulnrstmkd';
  switch (rnd.weighted({ sub: 59, del: 16, ins: 10, trans: 15 })) {
    case 'sub':
      return word.slice(0, i) + rnd.pick([...letters]) + word.slice(i + 1);
    case 'del':
      return word.slice(0, i) + word.slice(i + 1);
    case 'ins':
      return word.slice(0, i) + rnd.pick([...letters]) + word.slice(i);
    default:
      return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word;
  }
}
