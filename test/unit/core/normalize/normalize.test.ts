import { describe, expect, it } from 'vitest';
import {
  companyKey,
  foldToLatin,
  normalizeCountry,
  normalizeCustomer,
  normalizePhone,
  splitFullName,
} from '../../../../src/core/normalize';

describe('normalizeCustomer', () => {
  it('cleans the documented example customer', () => {
    const n = normalizeCustomer({
      firstName: 'John',
      lastName: 'Smith',
      email: 'jsmith@microsoft.com',
      phone: '1234567890',
      country: 'US',
      company: 'Microsoft',
      title: 'CTO',
    });
    expect(n).toMatchObject({
      email: 'jsmith@microsoft.com',
      emailDomain: 'microsoft.com',
      freeMail: false,
      country: 'US',
      company: 'Microsoft',
      companyKey: 'microsoft',
      firstName: 'john',
      lastName: 'smith',
      title: 'CTO',
    });
  });

  it('treats every missing field as normal', () => {
    expect(normalizeCustomer({})).toEqual({
      email: null,
      emailDomain: null,
      freeMail: false,
      phone: null,
      country: null,
      company: null,
      companyKey: null,
      firstName: null,
      lastName: null,
      title: null,
    });
    expect(normalizeCustomer({ email: '   ', phone: '', company: ' ' }).email).toBeNull();
  });

  it('trims and lower-cases email and finds the registrable domain', () => {
    const n = normalizeCustomer({ email: '  Ivan.Petrov@Mail.Contoso.CO.UK ' });
    expect(n.email).toBe('ivan.petrov@mail.contoso.co.uk');
    expect(n.emailDomain).toBe('contoso.co.uk');
    expect(normalizeCustomer({ email: 'Jane <JANE@Fabrikam.com>' }).email).toBe('jane@fabrikam.com');
    expect(normalizeCustomer({ email: 'not an email' }).email).toBeNull();
  });

  it('flags free-mail providers, Russian ones included', () => {
    for (const e of ['a@gmail.com', 'a@GoogleMail.com', 'a@mail.ru', 'a@yandex.ru', 'a@bk.ru', 'a@outlook.com', 'a@icloud.com']) {
      expect(normalizeCustomer({ email: e }).freeMail, e).toBe(true);
    }
    expect(normalizeCustomer({ email: 'a@contoso.com' }).freeMail).toBe(false);
  });

  it('splits a full name when first and last are absent', () => {
    expect(normalizeCustomer({ fullName: 'John  Smith' })).toMatchObject({ firstName: 'john', lastName: 'smith' });
    expect(normalizeCustomer({ fullName: 'John Smith', firstName: 'Jon' })).toMatchObject({ firstName: 'jon', lastName: null });
    expect(splitFullName('Smith, John')).toEqual({ firstName: 'john', lastName: 'smith' });
    expect(splitFullName('Петров Иван Сергеевич')).toEqual({ firstName: 'иван', lastName: 'петров' });
    expect(splitFullName('Иван Сергеевич Петров')).toEqual({ firstName: 'иван', lastName: 'петров' });
    expect(splitFullName('Madonna')).toEqual({ firstName: null, lastName: 'madonna' });
  });

  it('keeps the script of names but folds their case', () => {
    expect(normalizeCustomer({ firstName: ' ИВАН ', lastName: 'Петров' })).toMatchObject({ firstName: 'иван', lastName: 'петров' });
  });
});

describe('phone numbers', () => {
  it('formats to E.164 with the lead country, then the default country', () => {
    expect(normalizePhone('(415) 555-1234', 'US')).toBe('+14155551234');
    expect(normalizePhone('415.555.1234', 'US')).toBe('+14155551234');
    expect(normalizePhone('+1 415 555 1234', null)).toBe('+14155551234');
    expect(normalizePhone('001 415 555 1234', null)).toBe('+14155551234');
    expect(normalizePhone('8 916 123-45-67', 'RU')).toBe('+79161234567');
    expect(normalizePhone('+7 (916) 123-45-67', 'US')).toBe('+79161234567');
    expect(normalizeCustomer({ phone: '030 1234567', country: 'Deutschland' }).phone).toBe('+49301234567');
    expect(normalizeCustomer({ phone: '(415) 555-1234' }, { defaultCountry: 'US' }).phone).toBe('+14155551234');
    expect(normalizeCustomer({ phone: '8 916 123 45 67', country: 'Россия' }, { defaultCountry: 'US' }).phone).toBe('+79161234567');
  });

  it('returns null for what cannot be a number', () => {
    expect(normalizePhone('n/a', 'US')).toBeNull();
    expect(normalizePhone('12', 'US')).toBeNull();
    expect(normalizePhone('(415) 555-1234', null)).toBeNull();
  });
});

describe('countries', () => {
  it.each([
    ['US', 'US'],
    ['us', 'US'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States', 'US'],
    ['united states of america', 'US'],
    ['США', 'US'],
    ['Deutschland', 'DE'],
    ['Germany', 'DE'],
    ['Германия', 'DE'],
    ['Россия', 'RU'],
    ['Russia', 'RU'],
    ['Российская Федерация', 'RU'],
    ['UK', 'GB'],
    ['United Kingdom', 'GB'],
    ['England', 'GB'],
    ['GBR', 'GB'],
    ['France', 'FR'],
    ['Allemagne', 'DE'],
    ['España', 'ES'],
    ['Nederland', 'NL'],
  ] as const)('%s → %s', (input, code) => {
    expect(normalizeCountry(input)).toBe(code);
  });

  it('gives null for unknown text', () => {
    expect(normalizeCountry('Narnia')).toBeNull();
    expect(normalizeCountry('XX')).toBeNull();
    expect(normalizeCountry('')).toBeNull();
  });
});

describe('company key', () => {
  it.each([
    ['Contoso, Inc.', 'contoso'],
    ['CONTOSO LLC', 'contoso'],
    ['Contoso Ltd', 'contoso'],
    ['Contoso GmbH', 'contoso'],
    ['Contoso S.A.', 'contoso'],
    ['Contoso AG', 'contoso'],
    ['Contoso B.V.', 'contoso'],
    ['Contoso PLC', 'contoso'],
    ['Contoso Corp.', 'contoso'],
    ['Contoso Co., Ltd.', 'contoso'],
    ['Contoso GmbH & Co. KG', 'contoso'],
    ['The Contoso Company', 'contoso'],
    ['ООО «Ромашка»', 'romashka'],
    ['АО "Ромашка"', 'romashka'],
    ['ПАО Ромашка', 'romashka'],
    ['ЗАО “Ромашка”', 'romashka'],
    ['ИП Иванов', 'ivanov'],
    ['Общество с ограниченной ответственностью «Ромашка»', 'romashka'],
    ['Fabrikam Müller', 'fabrikam muller'],
    ['contoso.com', 'contoso'],
    ['AO', 'ao'],
  ])('%s → %s', (input, key) => {
    expect(companyKey(input)).toBe(key);
  });

  it('is null for nothing', () => {
    expect(companyKey('  ')).toBeNull();
    expect(companyKey('«»')).toBeNull();
  });
});

describe('foldToLatin', () => {
  it('transliterates Cyrillic with one scheme and drops accents', () => {
    expect(foldToLatin('Иван Петров')).toBe('ivan petrov');
    expect(foldToLatin('Юлия')).toBe('yuliya');
    expect(foldToLatin('José Müller Straße')).toBe('jose muller strasse');
  });
});
