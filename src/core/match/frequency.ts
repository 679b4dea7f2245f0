// How common a name is, from the bundled open-data tables (data/README.md): the US Social Security
// Administration's given names and the US Census Bureau's surnames. Two leads that agree on a common
// name say less about being one person than two that agree on a rare one, so the scorer takes a few
// bits off the agreement of a common name. A name the tables do not list (rare, foreign, Russian:
// no Russian table is reachable, see the README) is "not known to be common" and loses nothing.
import { US_FIRST_NAMES } from './data/us-first-names';
import { US_SURNAMES } from './data/us-surnames';
import { nameSkeleton, type NameForm } from './names';

export type NamePart = 'first' | 'last';

/** Rank bands: the 10 / 100 / 1,000 / 3,000 most frequent names. */
export type Commonness = 'top10' | 'top100' | 'top1000' | 'listed';

let ranks: Record<NamePart, Map<string, number>> | null = null;
/** Given-name skeleton → births per million (of its best-ranked spelling). */
let perMillion: Map<string, number> | null = null;

/** Skeleton → best (smallest) rank; skeletons fold spelling variants, so `Jon`/`John` stay apart but `Yuliya`/`Julia` meet. */
function table(part: NamePart): Map<string, number> {
  if (!ranks) {
    const build = (names: string[]): Map<string, number> => {
      const m = new Map<string, number>();
      names.forEach((name, i) => {
        const sk = nameSkeleton(name);
        if (sk && !m.has(sk)) m.set(sk, i + 1);
      });
      return m;
    };
    const given = US_FIRST_NAMES.split(' ');
    ranks = {
      first: build(given.map((e) => e.slice(0, e.indexOf(':')))),
      last: build(US_SURNAMES.split(' ')),
    };
    perMillion = new Map();
    for (const e of given) {
      const sk = nameSkeleton(e.slice(0, e.indexOf(':')));
      if (sk && !perMillion.has(sk)) perMillion.set(sk, Number(e.slice(e.indexOf(':') + 1)));
    }
  }
  return ranks[part];
}

/** The name's rank in its table (1 = most frequent), or null when it is not among the listed ones. */
export function nameRank(skeleton: string, part: NamePart): number | null {
  return table(part).get(skeleton) ?? null;
}

export function commonness(skeleton: string, part: NamePart): Commonness | null {
  const r = nameRank(skeleton, part);
  if (r === null) return null;
  return r <= 10 ? 'top10' : r <= 100 ? 'top100' : r <= 1000 ? 'top1000' : 'listed';
}

/** The name bands a full name must reach on both parts to count as common: the 100 most frequent. */
const COMMON_FULL_NAME: ReadonlySet<Commonness> = new Set(['top10', 'top100']);

/**
 * How often the full name itself occurs, in the only unit both tables allow: the given name's births per
 * million divided by the surname's rank (the bundled Census list has ranks, not shares; a surname's share
 * is taken as proportional to 1/rank, Zipf's law, as test/bench/gen/shapes.ts does). John Smith scores
 * 14,113, Jennifer Johnson 3,076, Elizabeth Miller 643, Kimberly White 243, Joseph Hill 227.
 */
export function fullNameFrequency(first: NameForm, last: NameForm): number {
  table('first'); // builds perMillion with the ranks
  const given = perMillion?.get(first.skeleton);
  const rank = nameRank(last.skeleton, 'last');
  return given !== undefined && rank !== null ? given / rank : 0;
}

/**
 * The joint frequency (fullNameFrequency) a full name of two top-100 parts must also reach to count as
 * common. Two top-100 parts alone are not enough: Kimberly White is about 60 times rarer than John Smith,
 * and a company holding two of them is about 3,000 times rarer (pairs grow as the square). Set between
 * the rarest namesakes the bench's hard cases hold (Elizabeth Miller, 643) and the returning customers
 * the rule held back on its everyday stream (Kimberly White 243, Joseph Hill 227): the geometric middle.
 */
export const COMMON_FULL_NAME_FREQUENCY = 400;

/**
 * Both parts among the 100 most frequent of their tables, as spelled (first and last may be swapped;
 * a nickname counts by its own spelling, and the matcher asks for either lead's), and the two together
 * at least COMMON_FULL_NAME_FREQUENCY: a full name a colleague may well share. Two holders of one name
 * at one company grow as the square of its share, so it is the John Smiths, not the rank-900 names,
 * that a company has twice.
 */
export function commonFullName(first: NameForm | null, last: NameForm | null): boolean {
  if (!first || !last) return false;
  const common = (f: NameForm, fPart: NamePart, l: NameForm, lPart: NamePart): boolean =>
    inBand(f.skeleton, fPart) && inBand(l.skeleton, lPart) && fullNameFrequency(f, l) >= COMMON_FULL_NAME_FREQUENCY;
  return common(first, 'first', last, 'last') || common(last, 'first', first, 'last');
}

function inBand(skeleton: string, part: NamePart): boolean {
  const c = commonness(skeleton, part);
  return c !== null && COMMON_FULL_NAME.has(c);
}
