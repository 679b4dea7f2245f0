// Which records the CRM returned are really this customer. The CRM is asked broadly (an email, a name,
// a company prefix); every returned record is then compared with LeadLens's own normaliser: emails with
// provider folding, phones as E.164 (phones are free text in the CRM, so they can only be compared
// here), names folded to Latin, companies without legal forms. A record no key agrees with is dropped.
import { canonicalEmail } from '../match/keys';
import { companyKey, normalizePhone, registrableDomain } from '../normalize';
import { KEY_FACTS, personKeyOf, type TeamCustomer } from './keys';
import type { TeamKeyKind, TeamMatch, TeamRecord } from './types';

/** A record with its comparable values worked out once (a grid compares every row with every record). */
export interface ComparableRecord {
  record: TeamRecord;
  email: string | null;
  person: string | null;
  companyKey: string | null;
  domain: string | null;
  /** Phones as E.164, per default country (computed on first use). */
  phones: (country: string | null) => string[];
}

function websiteDomain(website: string | null): string | null {
  if (!website) return null;
  try {
    const host = new URL(/^[a-z]+:\/\//i.test(website) ? website : `https://${website}`).hostname;
    return registrableDomain(host);
  } catch {
    return null;
  }
}

function splitName(name: string | null): { first: string | null; last: string | null } {
  const words = name?.split(' ') ?? [];
  return words.length >= 2 ? { first: words.slice(0, -1).join(' '), last: words[words.length - 1]! } : { first: null, last: null };
}

export function comparable(record: TeamRecord): ComparableRecord {
  const byCountry = new Map<string, string[]>();
  const split = record.firstName || record.lastName ? { first: record.firstName, last: record.lastName } : splitName(record.name);
  return {
    record,
    email: canonicalEmail(record.email?.toLowerCase() ?? null),
    person: record.table === 'account' ? null : personKeyOf(split.first, split.last),
    companyKey: companyKey(record.company),
    domain: websiteDomain(record.website),
    phones(country) {
      const key = country ?? '';
      let got = byCountry.get(key);
      if (!got) {
        got = record.phones.map((p) => normalizePhone(p, country)).filter((p): p is string => p !== null);
        byCountry.set(key, got);
      }
      return got;
    },
  };
}

/** The keys of `c` that agree with the record (only kinds that apply to its table). */
export function agreeingKinds(c: TeamCustomer, r: ComparableRecord): TeamKeyKind[] {
  const table = r.record.table;
  const applies = (k: TeamKeyKind) => KEY_FACTS[k].tables.includes(table);
  const kinds: TeamKeyKind[] = [];
  if (applies('email') && c.canonicalEmail && r.email === c.canonicalEmail) kinds.push('email');
  if (applies('phone') && c.phone && r.phones(c.country).includes(c.phone)) kinds.push('phone');
  if (applies('person') && c.personKey && c.companyKey && r.person === c.personKey && r.companyKey === c.companyKey) kinds.push('person');
  if (applies('company') && c.companyKey && r.companyKey === c.companyKey) kinds.push('company');
  if (applies('domain') && c.domain && r.domain === c.domain) kinds.push('domain');
  return kinds;
}

/** Duplicate when any key that alone means "the same customer" agrees, else possible. */
export function statusOf(kinds: readonly TeamKeyKind[]): TeamMatch['status'] {
  return kinds.some((k) => KEY_FACTS[k].status === 'duplicate') ? 'duplicate' : 'possible';
}

/**
 * The matches among `records` for one lead. Records the org's own rules returned match as `rule`
 * whatever else agrees; the lead's own record (`self`) is never a match.
 */
export function matchesFor(
  c: TeamCustomer,
  records: readonly ComparableRecord[],
  opts: { self?: string | null; byRule?: boolean; link?: (r: TeamRecord) => string | null } = {},
): TeamMatch[] {
  const out: TeamMatch[] = [];
  for (const r of records) {
    if (opts.self && r.record.table === 'lead' && r.record.id === opts.self) continue;
    const kinds = agreeingKinds(c, r);
    if (opts.byRule) kinds.unshift('rule');
    if (!kinds.length) continue;
    out.push({ record: r.record, status: statusOf(kinds), kinds, url: opts.link?.(r.record) ?? null });
  }
  return out;
}

/** Matches of several answers for one lead, one per record (kinds merged, the stronger status kept). */
export function mergeMatches(lists: readonly TeamMatch[][]): TeamMatch[] {
  const byRecord = new Map<string, TeamMatch>();
  for (const m of lists.flat()) {
    const id = `${m.record.table}:${m.record.id}`;
    const before = byRecord.get(id);
    if (!before) byRecord.set(id, { ...m, kinds: [...m.kinds] });
    else {
      const kinds = [...new Set([...before.kinds, ...m.kinds])];
      byRecord.set(id, { ...before, kinds, status: statusOf(kinds) });
    }
  }
  const order = { duplicate: 0, possible: 1 };
  return [...byRecord.values()].sort((a, b) => order[a.status] - order[b.status]);
}
