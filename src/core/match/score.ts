// Over 300 lines on purpose: the level tables and the guard rules read best beside the scorer that applies them.
// Pair scoring in the Fellegi–Sunter spirit. Each field is compared into one agreement level; each level
// carries m = P(level | same customer) and u = P(level | different customers), and contributes
// log2(m/u). A blank on either side contributes nothing. The total is the log2 likelihood ratio;
// two thresholds split it into duplicate / possible / new, and a few guard rules (the "matching
// equation" of the CRMs) keep strong but misleading agreements — a shared switchboard, a common
// name — from deciding alone.
import { COMPANY_FILLERS, LEGAL_FORM_TOKENS } from '../legal-forms';
import type { DuplicateStatus, MatchedField } from '../types';
import { commonness, type Commonness, type NamePart } from './frequency';
import type { MatchProfile } from './keys';
import { compareNames, jaroWinkler, nameSkeleton, type NameForm, type NameLevel } from './names';

type Level<L extends string> = Readonly<Record<L, { m: number; u: number }>>;

/** The m/u table. Tuned on the synthetic corpus of test/bench (see match.bench.ts); change here only. */
export const LEVELS = {
  email: {
    exact: { m: 0.55, u: 0.00001 },
    user: { m: 0.12, u: 0.0005 }, //         same user part, other domain (free-mail ↔ work)
    nameUser: { m: 0.08, u: 0.01 }, //       the same, but the user part only spells the name: no more than the name says
    close: { m: 0.05, u: 0.0008 }, //        Jaro-Winkler ≥ 0.92 on the whole address
    sameDomain: { m: 0.04, u: 0.5 }, //      two different addresses at one company: a colleague, or an alias
    freeDiffer: { m: 0.02, u: 0.3 }, //      two different free-mail addresses: people rarely keep two
    differ: { m: 0.27, u: 0.5 },
  },
  phone: {
    exact: { m: 0.5, u: 0.0002 },
    shared: { m: 0.5, u: 0.05 }, //          exact, but the number also belongs to other customers
    differ: { m: 0.5, u: 0.9998 },
  },
  first: {
    exact: { m: 0.74, u: 0.01 },
    nickname: { m: 0.1, u: 0.003 },
    close: { m: 0.06, u: 0.002 },
    similar: { m: 0.02, u: 0.002 },
    phonetic: { m: 0.03, u: 0.01 },
    initial: { m: 0.02, u: 0.03 },
    differ: { m: 0.03, u: 0.95 },
  },
  last: {
    exact: { m: 0.8, u: 0.002 },
    nickname: { m: 0.01, u: 0.0005 },
    close: { m: 0.1, u: 0.001 },
    similar: { m: 0.03, u: 0.001 },
    phonetic: { m: 0.03, u: 0.003 },
    initial: { m: 0.005, u: 0.03 },
    differ: { m: 0.025, u: 0.96 },
  },
  company: {
    exact: { m: 0.6, u: 0.01 },
    close: { m: 0.2, u: 0.01 },
    differ: { m: 0.2, u: 0.98 },
  },
  domain: {
    same: { m: 0.75, u: 0.01 },
    differ: { m: 0.1, u: 0.99 },
  },
  country: {
    same: { m: 0.92, u: 0.3 },
    differ: { m: 0.08, u: 0.7 },
  },
} as const satisfies Record<string, Level<string>>;

/**
 * Bits taken off an agreeing name by how common it is (frequency.ts; bands of the SSA given-name and
 * Census surname ranks). Two John Smiths agree on less than two Zebulon Quiggs. Names the tables do
 * not list lose nothing. Tuned on the hard-case stream of test/bench (match.bench.ts).
 */
export const COMMON_NAME_PENALTY: Readonly<Record<NamePart, Record<Commonness, number>>> = {
  first: { top10: 3, top100: 2, top1000: 1, listed: 0.5 },
  last: { top10: 4, top100: 3, top1000: 1.5, listed: 0.5 },
};

export const THRESHOLDS = {
  /** At or above: the same customer. */
  duplicate: 12,
  /** At or above (and below duplicate): show it, let the rep decide. */
  possible: 5,
} as const;

const weight = (l: { m: number; u: number }): number => Math.log2(l.m / l.u);

function add(comparisons: FieldComparison[], field: MatchedField, level: string, w: number): void {
  comparisons.push({ field, level, weight: w });
}

export interface FieldComparison {
  field: MatchedField;
  level: string;
  weight: number;
}

export interface PairScore {
  score: number;
  status: DuplicateStatus;
  /** Fields that agreed (positive weight), strongest first. */
  fields: MatchedField[];
  comparisons: FieldComparison[];
}

export interface PairContext {
  /** True when the phone both share is also on file for some other customer (a switchboard). */
  phoneShared?: boolean;
}

/**
 * The identity of a pair of profiles as far as matching goes, the same whichever comes first: a
 * rejected pair of fields is recognised when exactly those fields meet again.
 */
export function pairFingerprint(a: MatchProfile, b: MatchProfile): string {
  const one = (p: MatchProfile): string =>
    [p.email, p.phone, p.country, p.company, p.domain, p.first?.skeleton, p.last?.skeleton].map((v) => v ?? '').join('\u0001');
  const [x, y] = [one(a), one(b)].sort();
  return `${x}\u0002${y}`;
}

/** Scores a pair of profiles and classifies it. Symmetric. */
export function scorePair(a: MatchProfile, b: MatchProfile, ctx: PairContext = {}): PairScore {
  const comparisons: FieldComparison[] = [];

  let emailLevel: keyof typeof LEVELS.email | null = null;
  if (a.email && b.email) {
    emailLevel = emailLevelOf(a.email, b.email, a, b);
    add(comparisons, 'email', emailLevel, weight(LEVELS.email[emailLevel]));
  }

  let phoneLevel: keyof typeof LEVELS.phone | null = null;
  if (a.phone && b.phone) {
    phoneLevel = samePhone(a.phone, b.phone) ? (ctx.phoneShared ? 'shared' : 'exact') : 'differ';
    add(comparisons, 'phone', phoneLevel, weight(LEVELS.phone[phoneLevel]));
  }

  const names = compareFullNames(a, b);
  if (names) add(comparisons, 'name', names.label, names.weight);

  let companyAgrees = false;
  if (a.company && b.company) {
    const level = companyLevel(a, b);
    companyAgrees = level !== 'differ';
    add(comparisons, 'company', level, weight(LEVELS.company[level]));
  } else if (!(a.domain && b.domain)) {
    // One side names the company, the other only shows it in a work address: count agreement only.
    const level = orgNameLevel(a, b);
    if (level) {
      companyAgrees = true;
      add(comparisons, 'company', level, weight(LEVELS.company[level]));
    }
  }
  let domainAgrees = false;
  if (a.domain && b.domain) {
    domainAgrees = a.domain === b.domain;
    // Same-domain agreement is already inside the email comparison when the addresses differ.
    if (!(domainAgrees && emailLevel === 'sameDomain'))
      add(comparisons, 'domain', domainAgrees ? 'same' : 'differ', weight(LEVELS.domain[domainAgrees ? 'same' : 'differ']));
  }
  if (a.country && b.country) {
    const level = a.country === b.country ? 'same' : 'differ';
    add(comparisons, 'country', level, weight(LEVELS.country[level]));
  }

  const score = comparisons.reduce((s, c) => s + c.weight, 0);
  const status = classify(score, {
    emailExact: emailLevel === 'exact',
    sharedFreeMail: emailLevel === 'exact' && !a.domain && names !== null && names.firstDiffers,
    contactsAllDiffer:
      (emailLevel === 'sameDomain' || emailLevel === 'freeDiffer' || emailLevel === 'differ' || emailLevel === 'nameUser') &&
      phoneLevel === 'differ',
    phoneExact: phoneLevel === 'exact',
    namesAgree: names?.agree ?? false,
    firstConflict: (names?.firstDiffers ?? false) && !(names?.agree ?? false),
    lastConflict: names?.lastConflict ?? false,
    bothConflict: names?.bothConflict ?? false,
    workEmailConflict: emailLevel === 'sameDomain',
    orgAgrees: companyAgrees || domainAgrees,
  });
  const fields = comparisons
    .filter((c) => c.weight > 0)
    .sort((x, y) => y.weight - x.weight)
    .map((c) => c.field);
  return { score: round(score), status, fields, comparisons };
}

/**
 * Two addresses at one company name two mailboxes: a colleague, or the same name given a digit or
 * another separator (`bbarnes@` / `bbarnes9@`, `david.boyd@` / `david_boyd@`): mail systems give
 * namesakes such addresses. Only a letter typo keeps them close.
 */
function emailLevelOf(x: string, y: string, a: MatchProfile, b: MatchProfile): keyof typeof LEVELS.email {
  if (x === y) return 'exact';
  if (a.domain && a.domain === b.domain) {
    const local = (e: string): string => e.slice(0, e.lastIndexOf('@'));
    const [lx, ly] = [local(x), local(y)];
    const digitless = (l: string): string => l.replace(/\d+/g, '');
    const separators = (l: string): string => l.replace(/[._-]+/g, '.');
    if (digitless(lx) === digitless(ly) || separators(lx) === separators(ly)) return 'sameDomain';
    // A typo leaves the start alone; `ldreier@` / `dreier@` are two mailbox styles, not a typo.
    return lx.slice(0, 2) === ly.slice(0, 2) && typoApart(lx, ly) ? 'close' : 'sameDomain';
  }
  if (a.emailUser && a.emailUser === b.emailUser) return spellsName(a.emailUser, a) || spellsName(a.emailUser, b) ? 'nameUser' : 'user';
  if (jaroWinkler(x, y, 0.92) >= 0.92) return 'close';
  return !a.domain && !b.domain ? 'freeDiffer' : 'differ';
}

/** `hannahwalker`, `walkerhannah`, `hwalker`, `hannah`, `walker` for Hannah Walker: a user part any namesake may have. */
function spellsName(user: string, p: MatchProfile): boolean {
  if (!p.first && !p.last) return false;
  const f = p.first?.skeleton ?? '';
  const l = p.last?.skeleton ?? '';
  const u = nameSkeleton(user);
  // A typo in the name as typed (`Sherri Snith` for sherri.smith@) does not make the user part a tie.
  return [f + l, l + f, f.slice(0, 1) + l, l + f.slice(0, 1), f, l].some((form) => form && typoApart(nameSkeleton(form), u));
}

/** The same number, or the same last ten digits (a national number read under two countries). */
function samePhone(x: string, y: string): boolean {
  if (x === y) return true;
  return x.length >= 11 && y.length >= 11 && x.slice(-10) === y.slice(-10);
}

interface Evidence {
  emailExact: boolean;
  /** The same free-mail address under another first name (not a nickname, not an initial): a family address. */
  sharedFreeMail: boolean;
  /** Both have an email and a phone, and both differ. */
  contactsAllDiffer: boolean;
  phoneExact: boolean;
  namesAgree: boolean;
  /** Given names clearly differ and no surname agrees (`Royal Wolff` / `Paolo`). */
  firstConflict: boolean;
  lastConflict: boolean;
  bothConflict: boolean;
  workEmailConflict: boolean;
  orgAgrees: boolean;
}

/**
 * The thresholds, plus the guards: a `duplicate` needs a strong identifier (same email, same
 * non-shared phone) or agreeing names at the same company; names that clearly differ are never a
 * duplicate without the same email, and never even `possible` when both parts differ; two different
 * mailboxes at one company are two people until the rep says otherwise (a shared switchboard does not
 * make them one); given names that clearly differ are not one person; a name-and-company
 * match whose email and phone are both there and both differ is two colleagues of one name until the
 * rep says otherwise (`possible`); one free-mail address under two first names is a family's.
 */
function classify(score: number, e: Evidence): DuplicateStatus {
  let status: DuplicateStatus = score >= THRESHOLDS.duplicate ? 'duplicate' : score >= THRESHOLDS.possible ? 'possible' : 'new';
  if (e.emailExact) return e.sharedFreeMail ? 'possible' : status;
  if (e.bothConflict) return 'new';
  if (status === 'duplicate') {
    const strong = e.phoneExact || (e.namesAgree && e.orgAgrees);
    if (!strong || e.lastConflict || e.firstConflict || e.workEmailConflict || e.contactsAllDiffer) status = 'possible';
  }
  return status;
}

interface NameResult {
  label: string;
  weight: number;
  agree: boolean;
  lastConflict: boolean;
  bothConflict: boolean;
  /** Both first names are there and are not the same name, a nickname, an initial or a likely typo of it. */
  firstDiffers: boolean;
}

/** First and last compared straight and swapped; the better reading wins (swapped costs a little). */
function compareFullNames(a: MatchProfile, b: MatchProfile): NameResult | null {
  const straight = nameReading(a.first, a.last, b.first, b.last, false);
  const swapped = a.first && a.last && b.first && b.last ? nameReading(a.first, a.last, b.last, b.first, true) : null;
  if (!straight) return swapped;
  if (!swapped) return straight;
  return swapped.weight > straight.weight ? swapped : straight;
}

function nameReading(
  af: MatchProfile['first'],
  al: MatchProfile['last'],
  bf: MatchProfile['first'],
  bl: MatchProfile['last'],
  swapped: boolean,
): NameResult | null {
  const fl: NameLevel | null = af && bf ? compareNames(af, bf) : null;
  const ll: NameLevel | null = al && bl ? compareNames(al, bl) : null;
  if (!fl && !ll) return null;
  let w = 0;
  if (fl) w += weight(LEVELS.first[fl]) - commonPenalty(fl, af!, bf!, 'first');
  if (ll) w += weight(LEVELS.last[ll]) - commonPenalty(ll, al!, bl!, 'last');
  if (swapped) w -= 1;
  return {
    label: `${swapped ? 'swapped:' : ''}${fl ?? '-'}/${ll ?? '-'}`,
    weight: w,
    agree: good(ll) && (fl === null || fl !== 'differ'),
    lastConflict: ll === 'differ',
    bothConflict: fl === 'differ' && ll === 'differ',
    // In a swapped reading one comparison is of surnames, the other of given names: either may differ.
    firstDiffers: differs(fl, af, bf) || (swapped && differs(ll, al, bl)),
  };
}

/** A name part that agrees: any level but `differ` and `initial`. */
function good(l: NameLevel | null): boolean {
  return l !== null && l !== 'differ' && l !== 'initial';
}

/** Not the same given name, a nickname or an initial of it, nor one typo away (`Olga` / `Oleg` differ). */
function differs(level: NameLevel | null, a: NameForm | null, b: NameForm | null): boolean {
  if (level === null || level === 'exact' || level === 'nickname' || level === 'initial') return false;
  return !typoApart(a!.skeleton, b!.skeleton);
}

/** Bits an agreeing name part loses for being common: the most common of the names it may be. */
function commonPenalty(level: NameLevel, a: NameForm, b: NameForm, part: NamePart): number {
  if (level === 'differ' || level === 'initial') return 0;
  if (level !== 'nickname') return Math.max(penaltyOf(a.skeleton, part), penaltyOf(b.skeleton, part));
  let best = 0;
  for (const sk of a.groups) best = Math.max(best, penaltyOf(sk, part));
  for (const sk of b.groups) best = Math.max(best, penaltyOf(sk, part));
  return best;
}

function penaltyOf(skeleton: string, part: NamePart): number {
  const c = commonness(skeleton, part);
  return c ? COMMON_NAME_PENALTY[part][c] : 0;
}

type CompanyLevel = 'exact' | 'close' | 'differ';

/**
 * Two named companies: the same key; or the same distinctive words, a typo apart at most (`Kuhn-Bode`
 * / `KuhnBode`, `Contoso Group` / `Contoso`); anything else, such as a distinctive word on one side
 * only (`Tailspin Health` / `Tailspin Group`), is two companies.
 */
function companyLevel(a: MatchProfile, b: MatchProfile): CompanyLevel {
  if (a.company === b.company) return 'exact';
  const x = a.companyWords;
  const y = b.companyWords;
  // Profiles stored before company words existed: the whole key, a typo apart at most.
  if (!x || !y) return a.company && b.company && typoApart(a.company, b.company) ? 'close' : 'differ';
  if (x.join('') === y.join('')) return 'exact';
  // A typo may also eat a space (`Rohrer und` → `Rohrertund`): one edit on the whole key is close too.
  return (covers(x, y) && covers(y, x)) || (a.company && b.company && typoApart(a.company, b.company)) ? 'close' : 'differ';
}

function covers(x: string[], y: string[]): boolean {
  return x.every((w) => y.some((v) => v === w || typoApart(v, w)));
}

/** One side names the company, the other only shows it in a work address (`contoso.com`). */
function orgNameLevel(a: MatchProfile, b: MatchProfile): 'exact' | 'close' | null {
  let best: 'exact' | 'close' | null = null;
  for (const [name, label] of [
    [a.company, b.domainLabel],
    [b.company, a.domainLabel],
  ]) {
    if (!name || !label) continue;
    if (name === label) return 'exact';
    if (labelClose(name, label)) best = 'close';
  }
  return best;
}

/**
 * A domain is the company's name, cut short (`waelchirueckerreta` for Waelchi-Ruecker-Retail), with a
 * legal form, a filler or digits added (`contosoinc`, `contosogroup`, `contoso2`), or with a typo. A domain that adds a
 * distinctive word (`wingtipmedia` for Wingtip Group) is another company's.
 */
function labelClose(name: string, label: string): boolean {
  if (label.length >= 10 && name.startsWith(label)) return true;
  if (label.startsWith(name)) {
    const rest = label.slice(name.length);
    if (LEGAL_FORM_TOKENS.has(rest) || COMPANY_FILLERS.has(rest) || /^\d+$/.test(rest)) return true;
  }
  return typoApart(name, label);
}

/** At most one edit (substitution, insertion, deletion or swap of neighbours) apart, for words of 4+ letters. */
export function typoApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
