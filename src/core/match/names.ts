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

// Skeletons already made: names repeat a lot (a batch has a few thousand distinct ones), and folding one
// to Latin takes several regular expressions. Emptied when full, so its size stays bounded.
const skeletons = new Map<string, string>();
const SKELETONS_KEPT = 20_000;

/** Latin skeleton: folded, letters only, transliteration-scheme differences ironed out. */
export function nameSkeleton(name: string): string {
  let s = skeletons.get(name);
  if (s === undefined) {
    if (skeletons.size >= SKELETONS_KEPT) skeletons.clear();
    skeletons.set(name, (s = makeSkeleton(name)));
  }
  return s;
}

function makeSkeleton(name: string): string {
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

// Scratch marks for jaroWinkler, grown as needed: the matcher calls it for most candidate pairs, and two
// fresh arrays per call were a fair share of the CLI's garbage.
let marksA = new Uint8Array(64);
let marksB = new Uint8Array(64);

/**
 * Jaro-Winkler similarity in [0, 1]. With `floor`, a pair that cannot reach it is given up as soon as
 * that is certain and scores 0, so `jaroWinkler(a, b, t) >= t` is exactly `jaroWinkler(a, b) >= t`,
 * only cheaper for the many pairs far apart.
 */
export function jaroWinkler(a: string, b: string, floor = 0): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const boost = prefix * 0.1;
  if (floor > 0 && !reachable(Math.min(la, lb), la, lb, boost, floor)) return 0;
  if (marksA.length < la) marksA = new Uint8Array(la * 2);
  if (marksB.length < lb) marksB = new Uint8Array(lb * 2);
  const matchedA = marksA.fill(0, 0, la);
  const matchedB = marksB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  // Short names keep the plain scan (its window is a few characters); long strings such as addresses use the chains.
  const chains = window >= 7 && ascii(b) ? chainsOf(a, la, b, lb) : null;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const ch = a.charCodeAt(i);
    if (chains && ch < 128) {
      // The same pick as the scan below (the first unmatched equal character at or after lo), read from the
      // character's chain of positions in b: positions passed over are matched or behind lo, and stay so.
      let j = cursor[ch]!;
      while (j >= 0 && (j < lo || matchedB[j])) j = nextSame[j]!;
      cursor[ch] = j;
      if (j >= 0 && j <= hi) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        cursor[ch] = nextSame[j]!;
      }
    } else {
      for (let j = lo; j <= hi; j++) {
        if (matchedB[j] || ch !== b.charCodeAt(j)) continue;
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
    if (floor > 0 && !reachable(Math.min(matches + la - 1 - i, lb), la, lb, boost, floor)) return 0;
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
  return jaro + boost * (1 - jaro);
}

// Per ASCII character, the first position in b not yet passed over (cursor) and, per position, the next one with the
// same character (nextSame; -1 at the end): scratch space reused by every jaroWinkler call.
const cursor = new Int32Array(128);
let nextSame = new Int32Array(64);

function ascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

function chainsOf(a: string, la: number, b: string, lb: number): true {
  if (nextSame.length < lb) nextSame = new Int32Array(lb * 2);
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    if (c < 128) cursor[c] = -1;
  }
  for (let j = 0; j < lb; j++) cursor[b.charCodeAt(j)] = -1;
  for (let j = lb - 1; j >= 0; j--) {
    const c = b.charCodeAt(j);
    nextSame[j] = cursor[c]!;
    cursor[c] = j;
  }
  return true;
}

/** Whether `m` matching characters (and no transpositions, the best case) would reach `floor`. */
function reachable(m: number, la: number, lb: number, boost: number, floor: number): boolean {
  const jaro = (m / la + m / lb + 1) / 3;
  return jaro + boost * (1 - jaro) >= floor - 1e-12;
}

export type NameLevel = 'exact' | 'nickname' | 'close' | 'similar' | 'phonetic' | 'initial' | 'differ';

/** A nickname of one is (close to) a full name the other stands for: Саша ~ Alexander. */
function sharesGroup(a: NameForm, b: NameForm): boolean {
  if (a.groups.length === 1 && b.groups.length === 1) return false;
  for (const x of a.groups) for (const y of b.groups) if (x === y || jaroWinkler(x, y, 0.94) >= 0.94) return true;
  return false;
}

/** How well two name parts agree, strongest level first. */
export function compareNames(a: NameForm, b: NameForm): NameLevel {
  if (a.skeleton === b.skeleton) return 'exact';
  if (sharesGroup(a, b)) return 'nickname';
  if (a.skeleton.length === 1 || b.skeleton.length === 1) {
    return a.skeleton[0] === b.skeleton[0] ? 'initial' : 'differ';
  }
  const jw = jaroWinkler(a.skeleton, b.skeleton, 0.88);
  if (jw >= 0.92) return 'close';
  if (jw >= 0.88) return 'similar';
  if (a.codes.some((c) => b.codes.includes(c))) return 'phonetic';
  return 'differ';
}
