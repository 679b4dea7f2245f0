// The generator's vocabulary: locales, companies, people, and the spellings they come in.
import { fakerDE, fakerEN_US, fakerRU, type Faker } from '@faker-js/faker';
import type { CountryCode } from 'libphonenumber-js';
import { translate, WIKIPEDIA, ICAO_DOC_9303, BGN_PCGN, GOST_779 } from 'iuliia';

export type Locale = 'en' | 'ru' | 'de';
export const FAKERS: Record<Locale, Faker> = { en: fakerEN_US, ru: fakerRU, de: fakerDE };
export const COUNTRY: Record<Locale, CountryCode> = { en: 'US', ru: 'RU', de: 'DE' };
export const COUNTRY_SPELLINGS: Record<Locale, string[]> = {
  en: ['US', 'USA', 'United States', 'united states', 'U.S.', 'США'],
  ru: ['RU', 'Russia', 'Россия', 'Russian Federation', 'RUS', 'РФ'],
  de: ['DE', 'Germany', 'Deutschland', 'DEU', 'Германия'],
};
export const LEGAL: Record<Locale, string[]> = {
  en: ['Inc', 'Inc.', ', Inc.', 'LLC', 'Corp', 'Corporation', 'Ltd', 'Co.'],
  ru: ['ООО', 'АО', 'ПАО', 'ЗАО', 'LLC', 'OOO'],
  de: ['GmbH', 'AG', 'GmbH & Co. KG', 'SE'],
};
export const FREE_MAIL: Record<Locale, string[]> = {
  en: ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com'],
  ru: ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'inbox.ru', 'rambler.ru'],
  de: ['gmx.de', 'web.de', 'gmail.com', 't-online.de'],
};
export const SCHEMES = [WIKIPEDIA, ICAO_DOC_9303, BGN_PCGN, GOST_779];
export const ACTIONS = [
  'AzureMarketplace-PLT',
  'AppSource-PLT',
  'AzureMarketplace-StartTestDrive',
  'AppSource-INS',
  'AzurePortal-Create',
  'AzureMarketplace-INS',
];

export interface Company {
  name: string;
  locale: Locale;
  domain: string;
  switchboard: string | null;
  legal: string;
}

export interface Person {
  id: number;
  locale: Locale;
  first: string;
  last: string;
  company: Company;
  workEmail: string;
  personalEmail: string | null;
  mobile: string | null;
  /** Which phone this person gives: their own, the company's, or none. */
  phoneHabit: 'mobile' | 'switchboard' | 'none';
  /** Which hard case of the bench this person belongs to (`base` for everyone else). */
  shape: Shape;
  /** How often this person gives the personal address instead of the work one (default 0.35, then 0.3). */
  personalBias?: number;
}

/**
 * The hard cases a lead stream can carry on top of the everyday variations, each at a realistic rate
 * (see shapes.ts): two people with one common name at one company, the same name at two sister
 * companies that share a leading word, two family members with one free-mail address, and an
 * assistant who files a lead for the boss with the assistant's own email and phone.
 */
export type Shape = 'base' | 'namesake-same-company' | 'sister-company' | 'family-mail' | 'assistant';
export const SHAPES: readonly Shape[] = ['base', 'namesake-same-company', 'sister-company', 'family-mail', 'assistant'];

export const NICK: Record<string, string[]> = {
  Robert: ['Bob', 'Rob'],
  William: ['Bill', 'Will'],
  James: ['Jim'],
  Michael: ['Mike'],
  Richard: ['Rick', 'Dick'],
  Thomas: ['Tom'],
  David: ['Dave'],
  Daniel: ['Dan'],
  Joseph: ['Joe'],
  Christopher: ['Chris'],
  Matthew: ['Matt'],
  Andrew: ['Andy'],
  Anthony: ['Tony'],
  Elizabeth: ['Liz', 'Beth'],
  Jennifer: ['Jen'],
  Margaret: ['Maggie'],
  Александр: ['Саша'],
  Алексей: ['Лёша'],
  Дмитрий: ['Дима'],
  Сергей: ['Серёжа'],
  Михаил: ['Миша'],
  Николай: ['Коля'],
  Иван: ['Ваня'],
  Евгений: ['Женя'],
  Павел: ['Паша'],
  Владимир: ['Вова'],
  Анна: ['Аня'],
  Екатерина: ['Катя'],
  Мария: ['Маша'],
  Татьяна: ['Таня'],
  Ольга: ['Оля'],
  Юлия: ['Юля'],
  Елена: ['Лена'],
  Наталья: ['Наташа'],
};

export function latin(s: string): string {
  return /[а-яё]/i.test(s) ? translate(s, WIKIPEDIA) : s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

export function cap(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
