// The hard cases of the matching benchmark (issue 10): the shapes every false merge seen on real
// leads had, plus the true match that looks most like them. Each new customer of a stream becomes
// one of these at the rates below; the rest of the stream is the everyday one.
//
// Rates, per new customer (about 1 customer in 35 takes part in a hard case). They are set so that the
// matcher before issue 10 falls to about the `duplicate` precision seen on real leads (≈ 0.98); that
// is more namesakes than a population estimate alone gives (two holders of one full name among a
// company's few marketplace leads are rare), so each shape still has enough pairs to measure.
// - namesake-same-company 0.8 %: two people with one common name at one company;
// - sister-company 0.6 %: the same common name at two companies of one group that share their
//   leading word (`Wingtip Media` / `Wingtip Group`);
// - family-mail 0.6 %: two family members give one free-mail address (different first names, one
//   surname), a known pain of email-only dedupe;
// - assistant 1.0 %: an assistant files one or two leads for the boss: the boss's name and company,
//   the assistant's own work address and phone. These are TRUE matches (the boss's leads).
// US names for namesakes come from the bundled Census / SSA tables, drawn as often as namesakes occur
// (share², see FIRST_DRAW); Russian and German ones from faker, drawn evenly, as no frequency table is
// at hand for them (so the stream has as many rare-name namesakes there as common-name ones, more than
// a real stream: the matcher cannot tell them from one person and they stay its hardest case).
import { US_FIRST_NAMES } from '../../../src/core/match/data/us-first-names';
import { US_SURNAMES } from '../../../src/core/match/data/us-surnames';
import type { Population } from './leads';
import type { Random } from './random';
import { cap, FAKERS, FREE_MAIL, latin, type Company, type Locale, type Person } from './world';

export interface ShapedStep {
  /** New customers, each of whom arrives as usual. */
  customers: Person[];
  /** For `assistant`: who files extra leads for the (single) customer. */
  filer?: Person;
}

const RATES = { namesake: 0.008, sister: 0.006, family: 0.006, assistant: 0.01 } as const;

/**
 * Two people share a name in proportion to the square of its share (the pairs among a company's
 * n holders of a name grow as n²), so namesakes are drawn weighted by share²: mostly the Jameses and
 * Smiths, now and then a rarer name of the top 1,000. Given names carry their SSA share; the Census
 * list as bundled has ranks only, so a surname's share is taken as proportional to 1/rank (Zipf's
 * law, which the Census surname distribution follows closely at the top).
 */
const FIRST_DRAW = squaredShares(
  US_FIRST_NAMES.split(' ')
    .slice(0, 1000)
    .map((e) => [cap(e.slice(0, e.indexOf(':'))), Number(e.slice(e.indexOf(':') + 1))] as const),
);
const LAST_DRAW = squaredShares(
  US_SURNAMES.split(' ')
    .slice(0, 1000)
    .map((n, i) => [cap(n), 1 / (i + 1)] as const),
);

interface Draw {
  names: string[];
  /** Running sums of the weights, for a binary search. */
  upTo: number[];
}

function squaredShares(entries: readonly (readonly [string, number])[]): Draw {
  let sum = 0;
  return { names: entries.map(([n]) => n), upTo: entries.map(([, share]) => (sum += share * share)) };
}

function drawName(d: Draw, rnd: Random): string {
  const r = rnd.next() * d.upTo[d.upTo.length - 1]!;
  let [lo, hi] = [0, d.upTo.length - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (d.upTo[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return d.names[lo]!;
}

const SECTORS: Record<Locale, { distinct: string[]; filler: string[] }> = {
  en: {
    distinct: ['Health', 'Media', 'Logistics', 'Capital', 'Energy', 'Foods', 'Retail', 'Labs', 'Analytics', 'Consulting'],
    filler: ['Group', 'Holdings'],
  },
  de: { distinct: ['Gesundheit', 'Medien', 'Logistik', 'Kapital', 'Energie', 'Handel', 'Bau', 'Software'], filler: ['Gruppe', 'Holding'] },
  ru: { distinct: ['Медиа', 'Логистик', 'Капитал', 'Энерго', 'Трейд', 'Строй', 'Инвест', 'Фарм'], filler: ['Групп', 'Холдинг'] },
};

/** The hard case for the next new customer, or null for an everyday one. */
export function nextShape(pop: Population, rnd: Random): ShapedStep | null {
  let r = rnd.next();
  if ((r -= RATES.namesake) < 0) return namesakes(pop, rnd);
  if ((r -= RATES.sister) < 0) return sisters(pop, rnd);
  if ((r -= RATES.family) < 0) return family(pop, rnd);
  if ((r -= RATES.assistant) < 0) return assistant(pop);
  return null;
}

function locale(rnd: Random): Locale {
  return rnd.weighted<Locale>({ en: 55, ru: 30, de: 15 });
}

/** A name many people have: from the top of the US tables, or a faker name elsewhere. */
function commonName(loc: Locale, rnd: Random): { first: string; last: string; sex: 'male' | 'female' } {
  const sex = rnd.chance(0.5) ? 'male' : 'female';
  if (loc === 'en') return { first: drawName(FIRST_DRAW, rnd), last: drawName(LAST_DRAW, rnd), sex };
  return { first: FAKERS[loc].person.firstName(sex), last: FAKERS[loc].person.lastName(sex), sex };
}

function namesakes(pop: Population, rnd: Random): ShapedStep {
  const loc = locale(rnd);
  const name = commonName(loc, rnd);
  // Mostly a company already in the stream (its other people are colleagues), sometimes a new one.
  const known = pop.companies.slice(-400).filter((c) => c.locale === loc);
  let company: Company;
  if (known.length && rnd.chance(0.6)) company = rnd.pick(known);
  else {
    company = pop.newCompany(loc);
    pop.companies.push(company);
  }
  const shape = 'namesake-same-company';
  return { customers: [pop.newPerson({ locale: loc, ...name, company, shape }), pop.newPerson({ locale: loc, ...name, company, shape })] };
}

function sisters(pop: Population, rnd: Random): ShapedStep {
  const loc = locale(rnd);
  const base =
    loc === 'ru'
      ? FAKERS.ru.company
          .name()
          .replace(/^\S+\s+/, '')
          .split(/\s+/)[0]!
      : FAKERS[loc].person.lastName();
  const { distinct, filler } = SECTORS[loc];
  const a = rnd.pick(distinct);
  // The other sister has another trade, or is the group's holding.
  let b = rnd.chance(0.5) ? rnd.pick(filler) : rnd.pick(distinct);
  while (b === a) b = rnd.pick(distinct);
  const [ca, cb] = [pop.newCompany(loc, `${base} ${a}`), pop.newCompany(loc, `${base} ${b}`)];
  pop.companies.push(ca, cb);
  const name = commonName(loc, rnd);
  const shape = 'sister-company';
  return {
    customers: [pop.newPerson({ locale: loc, ...name, company: ca, shape }), pop.newPerson({ locale: loc, ...name, company: cb, shape })],
  };
}

function family(pop: Population, rnd: Random): ShapedStep {
  const loc = locale(rnd);
  const f = FAKERS[loc];
  const he = f.person.firstName('male');
  const she = f.person.firstName('female');
  const hisLast = f.person.lastName('male');
  // Russian surnames agree with sex: Иванов / Иванова.
  const herLast = loc === 'ru' && /(ов|ев|ёв|ин|ын)$/.test(hisLast) ? `${hisLast}а` : hisLast;
  const ll = latin(hisLast)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const lhe = latin(he)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const lshe = latin(she)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const user = rnd.pick([`${ll}.family`, `${ll}${rnd.int(1, 99)}`, `${lhe}.${lshe}`, `${lhe}.${ll}`, `the${ll}s`]);
  const shared = pop.unique(`${user}@${rnd.pick(FREE_MAIL[loc])}`);
  // One family business in three; otherwise each works elsewhere.
  let company: Company | undefined;
  if (rnd.chance(0.33)) {
    company = pop.newCompany(loc);
    pop.companies.push(company);
  }
  const common = { locale: loc, personalEmail: shared, shape: 'family-mail', personalBias: 0.6 } as const;
  return {
    customers: [
      pop.newPerson({ ...common, first: he, last: hisLast, sex: 'male', ...(company ? { company } : {}) }),
      pop.newPerson({ ...common, first: she, last: herLast, sex: 'female', ...(company ? { company } : {}) }),
    ],
  };
}

function assistant(pop: Population): ShapedStep {
  const boss = pop.newPerson();
  // The assistant is on file as a person (own address, own phone) but is not a customer.
  const helper = pop.newPerson({ locale: boss.locale, company: boss.company, shape: 'assistant' });
  return { customers: [boss], filer: helper };
}
