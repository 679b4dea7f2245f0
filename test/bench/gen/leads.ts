// Synthetic marketplace lead streams with known truth, for the matching benchmark and the store
// benchmark. Built on FEBRL's generator structure (originals, then duplicates with per-field edits;
// see shared/docs/dedupe.md §5) plus the lead-specific variations of §5.3: customers arrive several
// times (Contact me → trial → install), with changes of email case, Gmail dots, free-mail vs work
// address, phone formats, legal forms, transliteration, swapped names, nicknames, typos, missing
// fields — and hard negatives: shared switchboards, colleagues, namesakes at other companies.
// With `shapes: true` the stream also carries the hard cases of shapes.ts; without it the stream is
// exactly the one the benchmark has always used (same seed, same leads).
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CustomerFields } from '../../../src/core/types';
import { Random } from './random';
import { nextShape } from './shapes';
import { variant } from './variant';
import { ACTIONS, COUNTRY, FAKERS, FREE_MAIL, LEGAL, latin, type Company, type Locale, type Person, type Shape } from './world';

export interface GeneratedLead {
  /** The true customer (index into the population). */
  truth: number;
  fields: CustomerFields;
  leadSource: string;
  createdAt: string;
  /** The hard case this lead belongs to (`base` for the everyday stream). */
  shape: Shape;
}

export interface GeneratorOptions {
  seed: number;
  /** Stop once this many leads exist. */
  leads: number;
  /** Add the hard cases (namesakes, sister companies, family addresses, assistants). */
  shapes?: boolean;
}

/** What a new person may be told to be instead of drawing it (hard cases). */
export interface PersonOverrides {
  locale?: Locale;
  first?: string;
  last?: string;
  sex?: 'male' | 'female';
  company?: Company;
  personalEmail?: string;
  shape?: Shape;
  personalBias?: number;
}

/** Everyone and every company of one stream, and the draws that make them. */
export class Population {
  readonly companies: Company[] = [];
  readonly people: Person[] = [];
  private readonly usedDomains = new Set<string>();
  private readonly usedEmails = new Set<string>();

  constructor(readonly rnd: Random) {}

  newCompany(locale: Locale, given?: string): Company {
    const rnd = this.rnd;
    const name =
      given ??
      FAKERS[locale].company
        .name()
        .replace(/^(ООО|ЗАО|ОАО|АО|МУП|ИП|НКО)\s+/, '')
        .replace(/\s+(GmbH|AG|KG|Inc|LLC|Group)\b.*$/, '');
    let domain =
      latin(name)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '')
        .slice(0, 18) || 'firm';
    while (this.usedDomains.has(domain)) domain += rnd.int(0, 9);
    this.usedDomains.add(domain);
    const tld = locale === 'ru' ? '.ru' : locale === 'de' ? '.de' : rnd.pick(['.com', '.com', '.io', '.net']);
    return {
      name,
      locale,
      domain: domain + tld,
      switchboard: rnd.chance(0.8) ? this.phoneFor(locale) : null,
      legal: rnd.pick(LEGAL[locale]),
    };
  }

  phoneFor(locale: Locale): string | null {
    for (let tries = 0; tries < 5; tries++) {
      const p = parsePhoneNumberFromString(FAKERS[locale].phone.number(), COUNTRY[locale]);
      if (p?.isPossible()) return p.number;
    }
    return null;
  }

  /** An address nobody else has: digits are added before the `@` until it is free. */
  unique(email: string): string {
    while (this.usedEmails.has(email)) email = email.replace('@', String(this.rnd.int(0, 9)) + '@');
    this.usedEmails.add(email);
    return email;
  }

  newPerson(over: PersonOverrides = {}): Person {
    const { rnd, people, companies } = this;
    const locale = over.locale ?? rnd.weighted<Locale>({ en: 55, ru: 30, de: 15 });
    const f = FAKERS[locale];
    const sex = over.sex ?? (rnd.chance(0.5) ? 'male' : 'female');
    let first = over.first ?? f.person.firstName(sex);
    let last = over.last ?? f.person.lastName(sex);
    let company: Company;
    if (over.company) company = over.company;
    else {
      // Hard negatives: a namesake of someone already known (at another company), or a colleague.
      const namesake = !over.first && people.length > 20 && rnd.chance(0.06) ? rnd.pick(people) : null;
      if (namesake) ({ first, last } = namesake);
      if (companies.length > 10 && rnd.chance(0.35)) {
        company = rnd.pick(companies.slice(-400)); // colleague of someone
        if (namesake && namesake.company === company) company = this.newCompany(locale);
      } else {
        company = this.newCompany(locale);
        companies.push(company);
      }
    }
    const lf = latin(first)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const ll = latin(last)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const workUser = rnd.pick([`${lf}.${ll}`, `${lf[0]}${ll}`, `${lf}`, `${lf}_${ll}`, `${ll}`]);
    const personalUser = rnd.pick([`${lf}.${ll}`, `${lf}${ll}${rnd.int(1, 99)}`, `${ll}.${lf}`, `${lf[0]}.${ll}${rnd.int(70, 99)}`]);
    const p: Person = {
      id: people.length,
      locale,
      first,
      last,
      company,
      workEmail: this.unique(`${workUser}@${company.domain}`),
      personalEmail:
        over.personalEmail !== undefined
          ? over.personalEmail
          : rnd.chance(0.6)
            ? this.unique(`${personalUser}@${rnd.pick(FREE_MAIL[locale])}`)
            : null,
      mobile: rnd.chance(0.7) ? this.phoneFor(locale) : null,
      phoneHabit: rnd.weighted({ mobile: 50, switchboard: 25, none: 25 }),
      shape: over.shape ?? 'base',
    };
    if (over.personalBias !== undefined) p.personalBias = over.personalBias;
    people.push(p);
    return p;
  }
}

interface Arrival {
  person: Person;
  at: number;
  step: number;
  /** Someone else filed this lead for `person` (an assistant for the boss). */
  filer?: Person;
}

export function generateLeads(opts: GeneratorOptions): GeneratedLead[] {
  const rnd = new Random(opts.seed);
  // Hard cases come from a stream of their own, so switching them off leaves the everyday stream as it was.
  const shapeRnd = new Random(opts.seed ^ 0x5eed5);
  for (const [i, f] of Object.values(FAKERS).entries()) f.seed(opts.seed * 31 + i);
  const pop = new Population(rnd);
  const leads: GeneratedLead[] = [];
  const start = Date.UTC(2024, 0, 1);

  // Arrival counts: most customers come once; some come back up to five times (FEBRL3-like skew).
  let t = start;
  const pending: Arrival[] = [];
  while (leads.length < opts.leads) {
    const shaped = opts.shapes ? nextShape(pop, shapeRnd) : null;
    for (const person of shaped?.customers ?? [pop.newPerson()]) {
      const arrivals = rnd.weighted({ 1: 40, 2: 25, 3: 18, 4: 11, 5: 6 });
      t += rnd.int(10, 90) * 60_000;
      let at = t;
      for (let step = 0; step < Number(arrivals); step++) {
        pending.push({ person, at, step });
        at += rnd.int(1, 60) * 86_400_000;
      }
      // The assistant files one or two more leads for the boss, between the boss's own.
      const filer = shaped?.filer;
      if (filer)
        for (let k = shapeRnd.int(1, 2); k > 0; k--) pending.push({ person, at: t + shapeRnd.int(1, 90) * 86_400_000, step: 1, filer });
    }
    // Emit everything due before the present, so streams of different customers interleave.
    pending.sort((a, b) => a.at - b.at);
    while (pending.length && pending[0]!.at <= t && leads.length < opts.leads) emit(pending.shift()!);
  }
  pending.sort((a, b) => a.at - b.at);
  while (pending.length && leads.length < opts.leads) emit(pending.shift()!);
  return leads;

  function emit({ person, at, step, filer }: Arrival): void {
    const fields = variant(person, step, rnd);
    if (filer) fileFor(fields, filer);
    leads.push({
      truth: person.id,
      fields,
      leadSource: `${ACTIONS[Math.min(ACTIONS.length - 1, step * 2 + rnd.int(0, 1))]}|contoso.app-${rnd.int(1, 3)}`,
      createdAt: new Date(at).toISOString(),
      shape: filer ? 'assistant' : person.shape,
    });
  }

  /** The boss's name and company, but the assistant's own work address and phone. */
  function fileFor(fields: CustomerFields, assistant: Person): void {
    fields.email = shapeRnd.chance(0.2) ? assistant.workEmail.toUpperCase() : assistant.workEmail;
    const phone = assistant.mobile ?? assistant.company.switchboard;
    if (phone && shapeRnd.chance(0.8)) fields.phone = parsePhoneNumberFromString(phone)!.formatInternational();
    else delete fields.phone;
  }
}
