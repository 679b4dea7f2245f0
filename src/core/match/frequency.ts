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
    ranks = {
      first: build(US_FIRST_NAMES.split(' ').map((e) => e.slice(0, e.indexOf(':')))),
      last: build(US_SURNAMES.split(' ')),
    };
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
 * Both parts among the 100 most frequent of their tables, as spelled (first and last may be swapped;
 * a nickname counts by its own spelling, and the matcher asks for either lead's): a full name a
 * colleague may well share. Two holders of one name
 * at one company grow as the square of its share, so it is the John Smiths, not the rank-900 names,
 * that a company has twice.
 */
export function commonFullName(first: NameForm | null, last: NameForm | null): boolean {
  if (!first || !last) return false;
  const common = (f: NameForm, fPart: NamePart, l: NameForm, lPart: NamePart): boolean =>
    inBand(f.skeleton, fPart) && inBand(l.skeleton, lPart);
  return common(first, 'first', last, 'last') || common(last, 'first', first, 'last');
}

function inBand(skeleton: string, part: NamePart): boolean {
  const c = commonness(skeleton, part);
  return c !== null && COMMON_FULL_NAME.has(c);
}
