// The settings' allowed ranges, checked on every path that can change them: the options page (set-settings), an
// import that carries settings (only when the rep asks for it) and whatever is read back from the database. A
// retention of 0.00001 days would purge the whole memory at the next run; 1e9 days makes the cutoff date
// unrepresentable, so both are refused with a reason instead of being stored.
import { FOLLOW_UP_MAX_HOURS, isFollowUpHours } from '../core/follow-up';
import type { Settings } from './types';

export const RETENTION_MIN_DAYS = 1;
/** Ten years: long past any lead's use, and a cutoff date every browser can represent. */
export const RETENTION_MAX_DAYS = 3650;

const LANGS: ReadonlySet<string> = new Set(['auto', 'en', 'ru']);
const TEAM_CHECK_KEYS: ReadonlySet<string> = new Set(['dynamics', 'salesforce']);
const SETTING_KEYS: ReadonlySet<string> = new Set(['retentionDays', 'defaultCountry', 'lang', 'teamCheck', 'followUpHours']);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why a (partial) settings object is refused, or null. Every key is optional; each given one must be known and
 * inside its range: retentionDays a whole number of days from 1 to 3650, defaultCountry null or a two-letter
 * code, lang auto/en/ru, teamCheck an object of dynamics/salesforce booleans.
 */
export function settingsChangeProblem(v: unknown): string | null {
  if (!isObj(v)) return 'settings must be an object';
  for (const k of Object.keys(v)) if (!SETTING_KEYS.has(k)) return `"${k.slice(0, 40)}" is not a LeadLens setting`;
  const days = v.retentionDays;
  if (days !== undefined && !(Number.isInteger(days) && (days as number) >= RETENTION_MIN_DAYS && (days as number) <= RETENTION_MAX_DAYS))
    return `retentionDays must be a whole number of days from ${RETENTION_MIN_DAYS} to ${RETENTION_MAX_DAYS}`;
  const country = v.defaultCountry;
  if (country !== undefined && country !== null && !(typeof country === 'string' && /^[A-Z]{2}$/.test(country)))
    return 'defaultCountry must be a two-letter country code or null';
  if (v.lang !== undefined && !LANGS.has(v.lang as string)) return 'lang must be auto, en or ru';
  const hours = v.followUpHours;
  if (hours !== undefined && !isFollowUpHours(hours))
    return `followUpHours must be a whole number of hours from 1 to ${FOLLOW_UP_MAX_HOURS}`;
  // The switches themselves are read as "on only when exactly true" (teamCheckOf).
  const team = v.teamCheck;
  if (team !== undefined) {
    if (!isObj(team)) return 'teamCheck must be an object';
    for (const k of Object.keys(team)) if (!TEAM_CHECK_KEYS.has(k)) return 'teamCheck holds only the dynamics and salesforce switches';
  }
  return null;
}

/** The team-check switches as booleans, whatever was stored or sent (anything but `true` is off). */
export function teamCheckOf(v: unknown): Settings['teamCheck'] {
  const o = isObj(v) ? v : {};
  return { dynamics: o.dynamics === true, salesforce: o.salesforce === true };
}

/**
 * Settings read back from the database, each value kept only when it is inside its range (a value stored by an
 * older LeadLens before these checks falls back to its default instead of purging or throwing).
 */
export function storedSettings(stored: unknown, defaults: Settings): Settings {
  const s = isObj(stored) ? stored : {};
  const ok = (k: keyof Settings) => s[k] !== undefined && settingsChangeProblem({ [k]: s[k] }) === null;
  return {
    retentionDays: ok('retentionDays') ? (s.retentionDays as number) : defaults.retentionDays,
    defaultCountry: ok('defaultCountry') ? (s.defaultCountry as string | null) : defaults.defaultCountry,
    lang: ok('lang') ? (s.lang as Settings['lang']) : defaults.lang,
    followUpHours: ok('followUpHours') ? (s.followUpHours as number) : defaults.followUpHours,
    teamCheck: teamCheckOf(s.teamCheck),
  };
}
