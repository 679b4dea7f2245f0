// Character-level pieces of the LeadSource scanner, shared by decoding one value (decode.ts) and
// finding values inside longer text (find.ts). Every loop counts its looks in `meter`.
import { ACTIONS, SOURCES, type SourceEntry } from '../catalog';
import { DIGIT_0, DIGIT_2, DIGIT_7, DOT, HYPHEN, LOWER_C, LOWER_D, PERCENT, PIPE, PLUS, SPACE, UNDERSCORE } from './chars';

/** A LeadSource is at most ~130 characters in practice (ids and titles are capped at 50); leave room. */
export const MAX_VALUE = 1024;
/** Salesforce stores LeadSource in a picklist of this many characters. */
export const PICKLIST_LIMIT = 40;
/**
 * A whole field exactly at the picklist limit may have been cut there (see decode.ts). Only exactly:
 * complete values of 39 or 41 characters exist (`AzurePortal-Create|northwind.vm-backups` is 39).
 */
export function atFieldLimit(len: number): boolean {
  return len === PICKLIST_LIMIT;
}
/** How far an offer may run inside a longer text before we stop reading it. */
export const MAX_OFFER_IN_TEXT = 256;
/** Longest action token we read; longer runs are not action codes. */
export const MAX_TOKEN = 40;
/** Most occurrences reported for one text. */
export const MAX_FOUND = 1000;
export const TEST_PREFIX = 'msft_test_';

/** Character looks made so far, by every scanning loop (decoding and finding alike). */
export const meter = { work: 0 };

/** How many character looks the scanners have made since the last reset (for linearity tests). */
export function decodeWork(): number {
  return meter.work;
}
export function resetDecodeWork(): void {
  meter.work = 0;
}

// ---------------------------------------------------------------------------------------------------
// Character helpers

// The character classes below run for every character scanned, so they spell their codes as literals
// (the names are in chars.ts): V8 loads a named module constant afresh on each comparison, which cost
// about 6% of decode time in `npx tsx test/bench/index.ts decode`, measured side by side.

/** ASCII 'A'..'Z' to lower case; any other code unchanged. */
export function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c; // 'A'..'Z' | CASE_BIT
}
/** White space: ASCII, no-break, the typographic spaces U+2000..U+200B, ideographic, BOM. */
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}
/** [0-9A-Za-z_] */
export function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}
/** [0-9] */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
/** [0-9A-Fa-f] */
export function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
/** '-' or the en/em dashes (U+2013, U+2014) a word processor may put in its place. */
export function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2013 || c === 0x2014;
}
/** Length of a `%XX` escape for the given byte at i (case-insensitive hex), else 0. */
function escapeAt(s: string, i: number, hi: number, lo: number): number {
  return s.charCodeAt(i) === PERCENT && s.charCodeAt(i + 1) === hi && lower(s.charCodeAt(i + 2)) === lo ? 3 : 0;
}
export function pipeAt(s: string, i: number): number {
  return s.charCodeAt(i) === PIPE ? 1 : escapeAt(s, i, DIGIT_7, LOWER_C); // %7C
}
export function dashAt(s: string, i: number): number {
  return isDash(s.charCodeAt(i)) ? 1 : escapeAt(s, i, DIGIT_2, LOWER_D); // %2D
}
/** A space as written in text or in a URL (`%20`, `+`). */
export function spaceAt(s: string, i: number, end: number): number {
  if (i >= end) return 0;
  const c = s.charCodeAt(i);
  if (isSpace(c) || c === PLUS) return 1;
  return escapeAt(s, i, DIGIT_2, DIGIT_0); // %20
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
    if (pc === SPACE) {
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
  if (!(isWordChar(c0) && c0 !== UNDERSCORE)) return -1;
  let dot = -1;
  for (let i = 0; i < s.length; i++) {
    meter.work++;
    const c = s.charCodeAt(i);
    if (c === DOT) {
      if (dot < 0) dot = i;
      continue;
    }
    if (!isWordChar(c) && c !== HYPHEN) return -1;
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
