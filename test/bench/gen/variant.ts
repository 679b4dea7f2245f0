// One arrival of a person: what the marketplace form and the CRM made of them this time (FEBRL-style
// edits plus the lead-specific ones of shared/docs/dedupe.md §5.3).
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { translate, WIKIPEDIA } from 'iuliia';
import type { CustomerFields } from '../../../src/core/types';
import type { Random } from './random';
import { cap, COUNTRY_SPELLINGS, LEGAL, NICK, SCHEMES, type Person } from './world';

/** One arrival's fields: what the marketplace form and the CRM made of the person this time. */
export function variant(p: Person, step: number, rnd: Random): CustomerFields {
  const out: CustomerFields = {};
  // Names: script / transliteration scheme, nickname, typo, case, swap.
  let first = p.first;
  let last = p.last;
  if (p.locale === 'ru' && rnd.chance(0.5)) {
    const scheme = rnd.pick(SCHEMES);
    first = cap(translate(first, scheme));
    last = cap(translate(last, scheme));
  }
  if (rnd.chance(0.06) && NICK[p.first]) {
    const nick = rnd.pick(NICK[p.first]!);
    first = /[а-яё]/i.test(first) ? nick : cap(translate(nick, WIKIPEDIA));
  }
  if (rnd.chance(0.08)) first = typo(first, rnd);
  if (rnd.chance(0.08)) last = typo(last, rnd);
  if (rnd.chance(0.12)) first = first.toUpperCase();
  if (rnd.chance(0.12)) last = last.toLowerCase();
  if (rnd.chance(0.05)) [first, last] = [last, first];
  if (rnd.chance(0.04)) out.fullName = `${first} ${last}`;
  else {
    if (!rnd.chance(0.02)) out.firstName = first;
    if (!rnd.chance(0.02)) out.lastName = last;
  }

  // Email: work or personal (switches between arrivals), case, Gmail tricks; rarely absent.
  if (!rnd.chance(0.03)) {
    let email = p.personalEmail && rnd.chance(p.personalBias ?? (step === 0 ? 0.35 : 0.3)) ? p.personalEmail : p.workEmail;
    if (email.endsWith('@gmail.com') && rnd.chance(0.3))
      email = email
        .replace('@', rnd.chance(0.5) ? '+trial@' : '@')
        .replace('@gmail.com', rnd.chance(0.3) ? '@googlemail.com' : '@gmail.com');
    if (email.endsWith('@gmail.com') && rnd.chance(0.2)) email = email.replace('.', '');
    if (rnd.chance(0.2)) email = email.replace(/^./, (c) => c.toUpperCase());
    if (rnd.chance(0.1)) email = email.toUpperCase();
    if (rnd.chance(0.03)) email = typo(email.split('@')[0]!, rnd) + '@' + email.split('@')[1];
    out.email = rnd.chance(0.05) ? ` ${email} ` : email;
  }

  // Phone: own mobile, the company switchboard, or none; many formats; sometimes skipped.
  const phone = p.phoneHabit === 'mobile' ? p.mobile : p.phoneHabit === 'switchboard' ? p.company.switchboard : null;
  const giveCountry = !rnd.chance(0.2);
  if (phone && !rnd.chance(0.15)) out.phone = formatPhone(phone, giveCountry, rnd);
  if (giveCountry) out.country = rnd.pick(COUNTRY_SPELLINGS[p.locale]);
  if (!giveCountry && out.phone && !out.phone.startsWith('+') && !out.phone.startsWith('00')) {
    // Without a country the number only parses with the rep's default country: keep it international.
    out.phone = parsePhoneNumberFromString(phone!)!.formatInternational();
  }

  // Company: legal form on/off/other, case, quotes, sometimes missing.
  if (!rnd.chance(0.12)) {
    const legal = rnd.chance(0.6) ? (rnd.chance(0.7) ? p.company.legal : rnd.pick(LEGAL[p.company.locale])) : '';
    let name = p.company.name;
    if (p.company.locale === 'ru' && /[а-я]/i.test(name) && rnd.chance(0.3)) name = cap(translate(name, WIKIPEDIA));
    if (rnd.chance(0.04)) name = typo(name, rnd);
    if (rnd.chance(0.15)) name = name.toUpperCase();
    const quoted = /[а-я]/i.test(name) && rnd.chance(0.5) ? `«${name}»` : name;
    out.company = !legal
      ? quoted
      : /^(ООО|АО|ПАО|ЗАО|OOO)$/.test(legal)
        ? `${legal} ${quoted}`
        : legal.startsWith(',')
          ? `${quoted}${legal}`
          : `${quoted} ${legal}`;
  }
  if (rnd.chance(0.5)) out.title = rnd.pick(['CTO', 'CIO', 'IT Manager', 'Developer', 'Architect', 'Директор', 'Head of IT']);
  return out;
}

export function formatPhone(e164: string, withCountry: boolean, rnd: Random): string {
  const p = parsePhoneNumberFromString(e164)!;
  const style = rnd.weighted({ e164: 20, intl: 30, national: withCountry ? 35 : 0, digits: withCountry ? 10 : 0, double0: 5 });
  switch (style) {
    case 'e164':
      return p.number;
    case 'intl':
      return p.formatInternational();
    case 'national':
      return p.formatNational();
    case 'digits':
      return p.formatNational().replace(/\D/g, '');
    default:
      return '00' + p.number.slice(1);
  }
}

/** One keyboard-style edit away from the middle of the word (FEBRL: errors rarely hit the first letter). */
export function typo(word: string, rnd: Random): string {
  if (word.length < 4) return word;
  const i = Math.min(word.length - 1, Math.max(1, Math.round(word.length / 2 + (rnd.next() - 0.5) * 3)));
  const letters = /[а-яё]/i.test(word) ? 'аеиоулнрстмкд' : 'aeioulnrstmkd';
  switch (rnd.weighted({ sub: 59, del: 16, ins: 10, trans: 15 })) {
    case 'sub':
      return word.slice(0, i) + rnd.pick([...letters]) + word.slice(i + 1);
    case 'del':
      return word.slice(0, i) + word.slice(i + 1);
    case 'ins':
      return word.slice(0, i) + rnd.pick([...letters]) + word.slice(i);
    default:
      return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word;
  }
}
