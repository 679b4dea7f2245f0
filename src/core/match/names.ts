// Name comparison pieces: one Latin "skeleton" per name so that case, accents, Cyrillic vs Latin and
// the usual transliteration variants (Yuliya / Iuliia / Julia, Aleksei / Alexey) collapse; nickname
// groups; Double Metaphone codes; Jaro-Winkler similarity.
import { doubleMetaphone } from 'double-metaphone';
import { foldToLatin } from '../normalize';
import { NICKNAMES } from './nicknames';

/** What a name contributes to matching. Plain data: stored beside each sighting. */
export interface NameForm {
  /** The Latin skeleton (`iulia`, `aleksei`, `petrov`). */
  skeleton: string;
  /** Full names it may stand for (itself included), as skeletons. */
  groups: string[];
  /** Double Metaphone codes of the skeleton (primary, and alternate when different). */
  codes: string[];
}

/** Latin skeleton: folded, letters only, transliteration-scheme differences ironed out. */
export function nameSkeleton(name: string): string {
  let s = foldToLatin(name).replace(/[^a-z]/g, '');
  s = s
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/ck/g, 'k')
    .replace(/w/g, 'v')
    .replace(/ff$/, 'v')
    .replace(/[yj]/g, 'i')
    .replace(/^ie/, 'e')
    .replace(/(.)\1+/g, '$1');
  return s;
}

const NICK_GROUPS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [nick, fulls] of Object.entries(NICKNAMES)) {
    const key = nameSkeleton(nick);
    const list = map.get(key) ?? [];
    for (const f of fulls) {
      const sk = nameSkeleton(f);
      if (!list.includes(sk)) list.push(sk);
    }
    map.set(key, list);
  }
  return map;
})();

export function nameForm(name: string | null | undefined): NameForm | null {
  if (!name) return null;
  // Only the first word of a multi-word given name ("Mary Ann") or a double surname counts for the
  // skeleton; the rest is too often dropped on the next lead.
  const word = name.trim().split(/[\s]+/)[0] ?? '';
  const skeleton = nameSkeleton(word);
  if (!skeleton) return null;
  const groups = [skeleton, ...(NICK_GROUPS.get(skeleton) ?? [])];
  const [primary, alternate] = doubleMetaphone(skeleton);
  const codes = primary && alternate && alternate !== primary ? [primary, alternate] : primary ? [primary] : [skeleton];
  return { skeleton, groups, codes };
}

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedA = new Uint8Array(la);
  const matchedB = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

export type NameLevel = 'exact' | 'nickname' | 'close' | 'similar' | 'phonetic' | 'initial' | 'differ';

/** A nickname of one is (close to) a full name the other stands for: Саша ~ Alexander. */
function sharesGroup(a: NameForm, b: NameForm): boolean {
  if (a.groups.length === 1 && b.groups.length === 1) return false;
  for (const x of a.groups) for (const y of b.groups) if (x === y || jaroWinkler(x, y) >= 0.94) return true;
  return false;
}

/** How well two name parts agree, strongest level first. */
export function compareNames(a: NameForm, b: NameForm): NameLevel {
  if (a.skeleton === b.skeleton) return 'exact';
  if (sharesGroup(a, b)) return 'nickname';
  if (a.skeleton.length === 1 || b.skeleton.length === 1) {
    return a.skeleton[0] === b.skeleton[0] ? 'initial' : 'differ';
  }
  const jw = jaroWinkler(a.skeleton, b.skeleton);
  if (jw >= 0.92) return 'close';
  if (jw >= 0.88) return 'similar';
  if (a.codes.some((c) => b.codes.includes(c))) return 'phonetic';
  return 'differ';
}
