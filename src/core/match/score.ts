// Pair scoring in the Fellegi–Sunter spirit. Each field is compared into one agreement level; each level
// carries m = P(level | same customer) and u = P(level | different customers), and contributes
// log2(m/u). A blank on either side contributes nothing. The total is the log2 likelihood ratio;
// two thresholds split it into duplicate / possible / new, and a few guard rules (the "matching
// equation" of the CRMs) keep strong but misleading agreements — a shared switchboard, a common
// name — from deciding alone.
import type { DuplicateStatus, MatchedField } from '../types';
import type { MatchProfile } from './keys';
import { compareNames, jaroWinkler, type NameLevel } from './names';

type Level<L extends string> = Readonly<Record<L, { m: number; u: number }>>;

/** The m/u table. Tuned on the synthetic corpus of test/bench (see match.bench.ts); change here only. */
export const LEVELS = {
  email: {
    exact: { m: 0.55, u: 0.00001 },
    user: { m: 0.12, u: 0.0005 }, //         same user part, other domain (free-mail ↔ work)
    close: { m: 0.05, u: 0.0008 }, //        Jaro-Winkler ≥ 0.92 on the whole address
    sameDomain: { m: 0.04, u: 0.5 }, //      two different addresses at one company: a colleague, or an alias
    differ: { m: 0.29, u: 0.5 },
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

export const THRESHOLDS = {
  /** At or above: the same customer. */
  duplicate: 12,
  /** At or above (and below duplicate): show it, let the rep decide. */
  possible: 5,
} as const;

const weight = (l: { m: number; u: number }): number => Math.log2(l.m / l.u);

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

/** Scores a pair of profiles and classifies it. Symmetric. */
export function scorePair(a: MatchProfile, b: MatchProfile, ctx: PairContext = {}): PairScore {
  const comparisons: FieldComparison[] = [];
  const add = (field: FieldComparison['field'], level: string, w: number): void => {
    comparisons.push({ field, level, weight: w });
  };

  let emailLevel: keyof typeof LEVELS.email | null = null;
  if (a.email && b.email) {
    if (a.email === b.email) emailLevel = 'exact';
    else if (a.emailUser && a.emailUser === b.emailUser) emailLevel = 'user';
    else if (jaroWinkler(a.email, b.email) >= 0.92) emailLevel = 'close';
    else if (a.domain && a.domain === b.domain) emailLevel = 'sameDomain';
    else emailLevel = 'differ';
    add('email', emailLevel, weight(LEVELS.email[emailLevel]));
  }

  let phoneLevel: keyof typeof LEVELS.phone | null = null;
  if (a.phone && b.phone) {
    phoneLevel = a.phone === b.phone ? (ctx.phoneShared ? 'shared' : 'exact') : 'differ';
    add('phone', phoneLevel, weight(LEVELS.phone[phoneLevel]));
  }

  const names = compareFullNames(a, b);
  if (names) add('name', names.label, names.weight);

  let companyAgrees = false;
  if (a.company && b.company) {
    const level = a.company === b.company ? 'exact' : companyClose(a.company, b.company) ? 'close' : 'differ';
    companyAgrees = level !== 'differ';
    add('company', level, weight(LEVELS.company[level]));
  } else if (!(a.domain && b.domain)) {
    // One side names the company, the other only shows it in a work address: count agreement only.
    const level = orgNameLevel(a, b);
    if (level) {
      companyAgrees = true;
      add('company', level, weight(LEVELS.company[level]));
    }
  }
  let domainAgrees = false;
  if (a.domain && b.domain) {
    domainAgrees = a.domain === b.domain;
    // Same-domain agreement is already inside the email comparison when the addresses differ.
    if (!(domainAgrees && emailLevel === 'sameDomain'))
      add('domain', domainAgrees ? 'same' : 'differ', weight(LEVELS.domain[domainAgrees ? 'same' : 'differ']));
  }
  if (a.country && b.country) {
    const level = a.country === b.country ? 'same' : 'differ';
    add('country', level, weight(LEVELS.country[level]));
  }

  const score = comparisons.reduce((s, c) => s + c.weight, 0);
  const status = classify(score, {
    emailExact: emailLevel === 'exact',
    phoneExact: phoneLevel === 'exact',
    namesAgree: names?.agree ?? false,
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

interface Evidence {
  emailExact: boolean;
  phoneExact: boolean;
  namesAgree: boolean;
  lastConflict: boolean;
  bothConflict: boolean;
  workEmailConflict: boolean;
  orgAgrees: boolean;
}

/**
 * The thresholds, plus the guards: a `duplicate` needs a strong identifier (same email, same
 * non-shared phone) or agreeing names at the same company; names that clearly differ are never a
 * duplicate without the same email, and never even `possible` when both parts differ; two different
 * work addresses at one company need the same phone to be more than `possible`.
 */
function classify(score: number, e: Evidence): DuplicateStatus {
  let status: DuplicateStatus = score >= THRESHOLDS.duplicate ? 'duplicate' : score >= THRESHOLDS.possible ? 'possible' : 'new';
  if (e.emailExact) return status;
  if (e.bothConflict) return 'new';
  if (status === 'duplicate') {
    const strong = e.phoneExact || (e.namesAgree && e.orgAgrees);
    if (!strong || e.lastConflict || (e.workEmailConflict && !e.phoneExact)) status = 'possible';
  }
  return status;
}

interface NameResult {
  label: string;
  weight: number;
  agree: boolean;
  lastConflict: boolean;
  bothConflict: boolean;
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
  if (fl) w += weight(LEVELS.first[fl]);
  if (ll) w += weight(LEVELS.last[ll]);
  if (swapped) w -= 1;
  const good = (l: NameLevel | null): boolean => l !== null && l !== 'differ' && l !== 'initial';
  return {
    label: `${swapped ? 'swapped:' : ''}${fl ?? '-'}/${ll ?? '-'}`,
    weight: w,
    agree: good(ll) && (fl === null || fl !== 'differ'),
    lastConflict: ll === 'differ',
    bothConflict: fl === 'differ' && ll === 'differ',
  };
}

function orgNameLevel(a: MatchProfile, b: MatchProfile): 'exact' | 'close' | null {
  let best: 'exact' | 'close' | null = null;
  for (const x of [a.company, a.domainLabel]) {
    for (const y of [b.company, b.domainLabel]) {
      if (!x || !y) continue;
      if (x === y) return 'exact';
      if (companyClose(x, y)) best = 'close';
    }
  }
  return best;
}

function companyClose(a: string, b: string): boolean {
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  return jaroWinkler(a, b) >= 0.93;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
