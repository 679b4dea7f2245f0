// Customer normalisation: turns the fields a lead arrived with into values fit for display and for
// matching. Pure, synchronous, no browser API. Phone numbers go through libphonenumber-js, countries
// through i18n-iso-countries, domains through tldts; legal forms and free-mail providers are data files.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };
import pl from 'i18n-iso-countries/langs/pl.json' with { type: 'json' };
import uk from 'i18n-iso-countries/langs/uk.json' with { type: 'json' };
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { parse as parseDomain } from 'tldts';
import { translate, WIKIPEDIA } from 'iuliia';
import type { CustomerFields, NormalizedCustomer } from './types';
import { isFreeMailDomain } from './free-mail';
import { COMPANY_LEADING_STOPWORDS, LEGAL_FORM_PHRASES, LEGAL_FORM_TOKENS } from './legal-forms';

const COUNTRY_LOCALES = [en, ru, de, fr, es, it, pt, nl, pl, uk] as const;
const COUNTRY_LANGS = ['en', 'ru', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'uk'] as const;
for (const locale of COUNTRY_LOCALES) countries.registerLocale(locale);

/** Names people write that the library's locale files do not carry (constituent countries etc.). */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  britain: 'GB',
  'great britain': 'GB',
  holland: 'NL',
  'south korea': 'KR',
  'north korea': 'KP',
  russia: 'RU',
  россия: 'RU',
  рф: 'RU',
  сша: 'US',
  америка: 'US',
  uae: 'AE',
  оаэ: 'AE',
  англия: 'GB',
  великобритания: 'GB',
  беларусь: 'BY',
  белоруссия: 'BY',
  казахстан: 'KZ',
  украина: 'UA',
};

export interface NormalizeOptions {
  /** ISO alpha-2 used for phone numbers when the lead names no country. */
  defaultCountry?: string | null;
}

export function normalizeCustomer(fields: CustomerFields, opts: NormalizeOptions = {}): NormalizedCustomer {
  const email = normalizeEmail(fields.email);
  const emailDomain = email ? registrableDomain(email.slice(email.lastIndexOf('@') + 1)) : null;
  const country = normalizeCountry(fields.country);
  const defaultCountry = normalizeCountry(opts.defaultCountry ?? undefined);
  const company = clean(fields.company);
  let firstName = foldCase(fields.firstName);
  let lastName = foldCase(fields.lastName);
  if (!firstName && !lastName && fields.fullName) ({ firstName, lastName } = splitFullName(fields.fullName));
  return {
    email,
    emailDomain,
    freeMail: isFreeMailDomain(emailDomain),
    phone: normalizePhone(fields.phone, country ?? defaultCountry),
    country,
    company,
    companyKey: companyKey(company),
    firstName,
    lastName,
    title: clean(fields.title),
  };
}

/** Trimmed and collapsed whitespace, or null when nothing is left. */
function clean(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const v = value.replace(/\s+/g, ' ').trim();
  return v === '' ? null : v;
}

function foldCase(value: string | null | undefined): string | null {
  const v = clean(value);
  return v === null ? null : v.normalize('NFC').toLocaleLowerCase();
}

export function normalizeEmail(value: string | null | undefined): string | null {
  let v = clean(value);
  if (!v) return null;
  // "Name <a@b.c>" and "mailto:" forms appear in CRM exports.
  const angled = /<([^<>\s]+@[^<>\s]+)>/.exec(v);
  if (angled) v = angled[1]!;
  v = v.replace(/^mailto:/i, '').toLowerCase();
  const at = v.lastIndexOf('@');
  if (at <= 0 || at === v.length - 1 || /\s/.test(v)) return null;
  return v;
}

/** `mail.contoso.co.uk` → `contoso.co.uk`; falls back to the host itself for private names. */
export function registrableDomain(host: string): string | null {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (!h) return null;
  return parseDomain(h, { allowPrivateDomains: false }).domain ?? h;
}

/** Country spellings already looked up: a big file names the same few countries again and again (issue 11: dedupe). */
const countryCache = new Map<string, string | null>();
const COUNTRY_CACHE_MAX = 5000;

/** Any spelling of a country (code, English or native name, Russian, German...) → ISO 3166-1 alpha-2. */
export function normalizeCountry(value: string | null | undefined): string | null {
  const v = clean(value);
  if (!v) return null;
  const known = countryCache.get(v);
  if (known !== undefined) return known;
  const code = countryOf(v);
  if (countryCache.size >= COUNTRY_CACHE_MAX) countryCache.clear();
  countryCache.set(v, code);
  return code;
}

function countryOf(v: string): string | null {
  const letters = v.replace(/\./g, '').trim();
  if (/^[a-z]{2}$/i.test(letters)) {
    const code = letters.toUpperCase();
    if (code === 'UK') return 'GB';
    return countries.isValid(code) ? code : null;
  }
  if (/^[a-z]{3}$/i.test(letters)) {
    const code = countries.alpha3ToAlpha2(letters.toUpperCase());
    if (code) return code;
  }
  for (const lang of COUNTRY_LANGS) {
    const code = countries.getAlpha2Code(v, lang) ?? countries.getSimpleAlpha2Code(v, lang);
    if (code) return code;
  }
  return COUNTRY_ALIASES[v.toLocaleLowerCase()] ?? COUNTRY_ALIASES[letters.toLocaleLowerCase()] ?? null;
}

/** E.164 or null. The lead's own country first, then the default; `00` counts as `+`. */
export function normalizePhone(value: string | null | undefined, country: string | null): string | null {
  const v = clean(value);
  if (!v || !/\d/.test(v)) return null;
  const text = v.replace(/^\s*00(?=\d)/, '+');
  const region = country && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : undefined;
  try {
    const parsed = text.startsWith('+') ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, region);
    if (parsed?.isPossible()) return parsed.number;
    if (!region && !text.startsWith('+')) {
      // No country to go on: an 11+ digit number may already carry its country code.
      const digits = text.replace(/\D/g, '');
      if (digits.length >= 11) {
        const intl = parsePhoneNumberFromString('+' + digits);
        if (intl?.isValid()) return intl.number;
      }
    }
  } catch {
    // libphonenumber-js throws on some garbage; an unparseable number is simply null.
  }
  return null;
}

const CYRILLIC = /[\u0400-\u04ff]/;
const SPECIAL_LATIN: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Case-folded Latin text: Cyrillic transliterated with one fixed scheme (Wikipedia, via iuliia), accents
 * dropped. The same scheme everywhere, so `Иван` and `Ivan` meet.
 */
export function foldToLatin(value: string): string {
  let v = value.normalize('NFC').toLocaleLowerCase();
  if (CYRILLIC.test(v)) v = translate(v, WIKIPEDIA);
  v = v.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return v.replace(/[ßæœøłđðþı]/g, (c) => SPECIAL_LATIN[c] ?? c);
}

const PHRASES_LATIN = LEGAL_FORM_PHRASES.map((p) => p.split(' '));

/** `ООО «Ромашка»` → `romashka`; `Contoso, Inc.` → `contoso`; null when nothing identifying is left. */
export function companyKey(company: string | null | undefined): string | null {
  const v = clean(company);
  if (!v) return null;
  let text = foldToLatin(v)
    .replace(/\.(com|net|org|io|ru|de|co\.uk|ai|app)\b/g, ' ') // "contoso.com" as a company name
    .replace(/&/g, ' ')
    .replace(/(?<=\b\w)\.(?=\w\b)/g, '') // S.A. → SA, Co. stays Co
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (!text) return null;
  let tokens = text.split(' ');
  for (const phrase of PHRASES_LATIN) tokens = removeSequence(tokens, phrase);
  const all = tokens.slice();
  while (tokens.length > 1 && (LEGAL_FORM_TOKENS.has(tokens[0]!) || COMPANY_LEADING_STOPWORDS.has(tokens[0]!))) tokens.shift();
  while (tokens.length > 1 && LEGAL_FORM_TOKENS.has(tokens[tokens.length - 1]!)) tokens.pop();
  // A name made only of legal-form words ("AO", "Group") keeps its words.
  if (tokens.length === 1 && LEGAL_FORM_TOKENS.has(tokens[0]!) && all.length > 1) tokens = all;
  text = tokens.join(' ');
  return text || null;
}

function removeSequence(tokens: string[], seq: string[]): string[] {
  for (let i = 0; i + seq.length <= tokens.length; i++) {
    if (seq.every((s, k) => tokens[i + k] === s)) return [...tokens.slice(0, i), ...tokens.slice(i + seq.length)];
  }
  return tokens;
}

const PATRONYMIC = /(vich|vna|ich|ovna|evna|ична|вич|вна|ична|ичн)$/i;

/**
 * Splits a one-field name. "Petrov, Ivan" is last-first; "Петров Иван Сергеевич" (a patronymic last) is
 * the Russian surname-first order; otherwise the last word is the surname.
 */
export function splitFullName(fullName: string): { firstName: string | null; lastName: string | null } {
  const v = foldCase(fullName);
  if (!v) return { firstName: null, lastName: null };
  const comma = v.indexOf(',');
  if (comma > 0) return { lastName: clean(v.slice(0, comma)), firstName: clean(v.slice(comma + 1)) };
  const words = v.split(' ');
  if (words.length === 1) return { firstName: null, lastName: words[0]! };
  if (words.length === 3 && PATRONYMIC.test(words[2]!) && !PATRONYMIC.test(words[1]!)) {
    return { lastName: words[0]!, firstName: words[1]! };
  }
  if (words.length === 3 && PATRONYMIC.test(words[1]!)) return { firstName: words[0]!, lastName: words[2]! };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1]! };
}
