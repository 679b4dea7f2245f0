// Character-level pieces of the LeadSource scanner, shared by decoding one value (leadsource.ts) and
// finding values inside longer text (find-leadsources.ts). Every loop counts its looks in `meter`.
import { ACTIONS, SOURCES, type SourceEntry } from './catalog';

/** A LeadSource is at most ~130 characters in practice (ids and titles are capped at 50); leave room. */
export const MAX_VALUE = 1024;
/** Salesforce stores LeadSource in a picklist of this many characters. */
export const PICKLIST_LIMIT = 40;
/** Lengths read as "probably cut at the picklist limit" (see the header comment). */
export function lengthLooksCut(len: number): boolean {
  return len >= PICKLIST_LIMIT - 1 && len <= PICKLIST_LIMIT + 1;
}
/** How far an offer may run inside a longer text before we stop reading it. */
export const MAX_OFFER_IN_TEXT = 256;
/** Longest action token we read; longer runs are not action codes. */
export const MAX_TOKEN = 40;
/** Most occurrences reported for one text. */
export const MAX_FOUND = 1000;
export const TEST_PREFIX = 'msft_test_';

/** Character looks made so far; leadsource.ts exposes it as decodeWork() for the linearity tests. */
export const meter = { work: 0 };

// ---------------------------------------------------------------------------------------------------
// Character helpers

export function lower(c: number): number {
  return c >= 65 && c <= 90 ? c | 32 : c;
}
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
/** '-' or the en/em dashes a word processor may put in its place. */
export function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}
/** Length of a `%XX` escape for the given byte at i (case-insensitive hex), else 0. */
function escapeAt(s: string, i: number, hi: number, lo: number): number {
  return s.charCodeAt(i) === 37 && s.charCodeAt(i + 1) === hi && lower(s.charCodeAt(i + 2)) === lo ? 3 : 0;
}
export function pipeAt(s: string, i: number): number {
  return s.charCodeAt(i) === 124 ? 1 : escapeAt(s, i, 55, 99); // %7C
}
export function dashAt(s: string, i: number): number {
  return isDash(s.charCodeAt(i)) ? 1 : escapeAt(s, i, 50, 100); // %2D
}
/** A space as written in text or in a URL (`%20`, `+`). */
export function spaceAt(s: string, i: number, end: number): number {
  if (i >= end) return 0;
  const c = s.charCodeAt(i);
  if (isSpace(c) || c === 43) return 1;
  return escapeAt(s, i, 50, 48); // %20
}
export function startsWithLower(s: string, i: number, lowerPrefix: string): boolean {
  if (i + lowerPrefix.length > s.length) return false;
  for (let k = 0; k < lowerPrefix.length; k++) {
    meter.work++;
    if (lower(s.charCodeAt(i + k)) !== lowerPrefix.charCodeAt(k)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Sources

interface Spelling {
  entry: SourceEntry;
  literal: string;
  /** Lower-cased, spaces kept (a space matches zero or one space in the input). */
  pattern: string;
}
// A space in a pattern is optional, so "Azure Marketplace" also matches "AzureMarketplace": spellings
// that differ only by spaces collapse into the one with spaces (fewer attempts per position).
const SPELLINGS: readonly Spelling[] = SOURCES.flatMap((entry) => {
  const byCompact = new Map<string, Spelling>();
  for (const literal of entry.spellings) {
    const pattern = literal.toLowerCase();
    const compact = pattern.replace(/ /g, '');
    const seen = byCompact.get(compact);
    if (!seen || pattern.length > seen.pattern.length) byCompact.set(compact, { entry, literal, pattern });
  }
  return [...byCompact.values()];
});
/** First letters of every spelling, for a cheap pre-check while scanning long text. */
export const FIRST_CHARS = new Set(SPELLINGS.map((s) => s.pattern.charCodeAt(0)));
/** Spellings grouped by their first (lower-case ASCII) letter, so a match tries only a few. */
const BY_FIRST_CHAR: Array<Spelling[] | undefined> = [];
for (const sp of SPELLINGS) (BY_FIRST_CHAR[sp.pattern.charCodeAt(0)] ??= []).push(sp);

interface SourceMatch {
  entry: SourceEntry;
  literal: string;
  end: number;
}

/** End index of `pattern` matched at i (case-insensitive, flexible spaces), or -1. */
function matchSpelling(s: string, i: number, end: number, pattern: string): number {
  let p = i;
  for (let k = 0; k < pattern.length; k++) {
    const pc = pattern.charCodeAt(k);
    meter.work++;
    if (pc === 32) {
      p += spaceAt(s, p, end);
      continue;
    }
    if (p >= end || lower(s.charCodeAt(p)) !== pc) return -1;
    p++;
  }
  return p;
}

/** The longest catalog spelling at i that ends on a word boundary. */
export function matchSource(s: string, i: number, end: number): SourceMatch | null {
  const group = BY_FIRST_CHAR[lower(s.charCodeAt(i))];
  if (!group) return null;
  let best: Spelling | null = null;
  let bestEnd = -1;
  for (let g = 0; g < group.length; g++) {
    const sp = group[g]!;
    const e = matchSpelling(s, i, end, sp.pattern);
    if (e <= bestEnd) continue;
    if (e < end && isWordChar(s.charCodeAt(e))) continue;
    best = sp;
    bestEnd = e;
  }
  return best ? { entry: best.entry, literal: best.literal, end: bestEnd } : null;
}

/** Is the action a (strict) beginning of a known action code? Then the value was cut inside it. */
export function isActionPrefix(token: string): boolean {
  const t = token.toLowerCase();
  for (const code of ACTION_CODES_LOWER) if (code.length > t.length && code.startsWith(t)) return true;
  return false;
}
export const ACTION_CODES_LOWER: readonly string[] = ACTIONS.map((a) => a.code.toLowerCase());

/** `publisher.offer`: one token of [A-Za-z0-9_-] (and dots after the first), first char alphanumeric. */
export function idDot(s: string): number {
  const c0 = s.charCodeAt(0);
  if (!(isWordChar(c0) && c0 !== 95)) return -1;
  let dot = -1;
  for (let i = 0; i < s.length; i++) {
    meter.work++;
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (dot < 0) dot = i;
      continue;
    }
    if (!isWordChar(c) && c !== 45) return -1;
  }
  return dot > 0 && dot < s.length - 1 ? dot : -1;
}

export function trimBounds(s: string): [number, number] {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) {
    meter.work++;
    a++;
  }
  while (b > a && isSpace(s.charCodeAt(b - 1))) {
    meter.work++;
    b--;
  }
  return [a, b];
}

export function skipSpaces(s: string, i: number, end: number): number {
  while (i < end && isSpace(s.charCodeAt(i))) {
    meter.work++;
    i++;
  }
  return i;
}

export function readDigits(v: string, i: number, end: number): number {
  while (i < end && isDigit(v.charCodeAt(i))) {
    meter.work++;
    i++;
  }
  return i;
}
