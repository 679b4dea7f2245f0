// The false-merge shapes of issue 10, each beside a counter-case that must stay a duplicate.
import { describe, expect, it } from 'vitest';
import { decideMatch, InMemoryMatcher, matchProfile, pairFingerprint, scorePair, type Candidate } from '../../../../src/core/match';
import { COMMON_FULL_NAME_FREQUENCY, commonFullName, commonness, fullNameFrequency, nameRank } from '../../../../src/core/match/frequency';
import { companyKey, normalizeCustomer } from '../../../../src/core/normalize';
import type { CustomerFields } from '../../../../src/core/types';

const profile = (f: CustomerFields) => matchProfile(normalizeCustomer(f));
const verdict = (a: CustomerFields, b: CustomerFields) => scorePair(profile(a), profile(b)).status;
const nameWeight = (a: CustomerFields, b: CustomerFields) =>
  scorePair(profile(a), profile(b)).comparisons.find((c) => c.field === 'name')!.weight;

describe('name frequency (US SSA given names, US Census surnames)', () => {
  it('knows which names are common, in their own table', () => {
    expect(nameRank('smith', 'last')).toBe(1);
    expect(commonness('smith', 'last')).toBe('top10');
    expect(commonness('mikhail', 'first')).toBeNull();
    expect(commonness('quigg', 'last')).toBeNull();
    expect(commonness('jenifer', 'first')).toBe(commonness('jennifer', 'first')); // skeletons fold the spelling
  });

  it('a common name agrees for less than a rare one', () => {
    const common = nameWeight({ firstName: 'John', lastName: 'Smith' }, { firstName: 'JOHN', lastName: 'smith' });
    const rare = nameWeight({ firstName: 'Zebulon', lastName: 'Quigg' }, { firstName: 'Zebulon', lastName: 'Quigg' });
    expect(rare - common).toBeGreaterThanOrEqual(6);
  });

  it('counter-case: a common name with the same email and phone is still a duplicate', () => {
    const john = { firstName: 'John', lastName: 'Smith', email: 'john.smith@contoso.com', phone: '+1 415 555 1234', company: 'Contoso' };
    expect(verdict(john, { ...john, email: 'John.Smith@CONTOSO.com', phone: '(415) 555-1234', country: 'US' })).toBe('duplicate');
  });
});

describe('namesakes at one company', () => {
  const maria = {
    firstName: 'Мария',
    lastName: 'Иванова',
    email: 'maria.ivanova@mail.ru',
    phone: '+7 916 111 22 33',
    company: 'ООО «Ромашка»',
  };
  const namesake = {
    firstName: 'Maria',
    lastName: 'Ivanova',
    email: 'ivanova.m@gmail.com',
    phone: '+7 903 444 55 66',
    company: 'Romashka LLC',
  };

  it('email and phone both there and both different: at most possible', () => {
    expect(verdict(maria, namesake)).toBe('possible');
    const js = { firstName: 'John', lastName: 'Smith', email: 'john.smith@contoso.com', phone: '+1 415 555 1234', company: 'Contoso' };
    expect(verdict(js, { ...js, email: 'jsmith77@gmail.com', phone: '+1 650 555 9876' })).toBe('possible');
  });

  it('two mailboxes of one name at one company are two people, even behind one switchboard', () => {
    const a = {
      firstName: 'Brandon',
      lastName: 'Barnes',
      email: 'bbarnes@nikolaus.net',
      phone: '+1 530 911 6321',
      company: 'Nikolaus Inc',
    };
    expect(verdict(a, { ...a, email: 'bbarnes9@nikolaus.net' })).toBe('possible');
    expect(verdict(a, { ...a, email: 'brandon_barnes@nikolaus.net' })).not.toBe('duplicate');
    expect(verdict({ ...a, email: 'brandon.barnes@nikolaus.net' }, { ...a, email: 'brandon_barnes@nikolaus.net' })).toBe('possible');
  });

  it('a customer whose other lead shows another personal address is told apart', () => {
    const m = new InMemoryMatcher();
    const work = { firstName: 'Emily', lastName: 'Perry', email: 'emily.perry@fahey.com', company: 'Fahey' };
    m.add(1, normalizeCustomer(work));
    expect(m.add(2, normalizeCustomer({ ...work, email: 'emily.perry@outlook.com' })).status).toBe('duplicate');
    // The namesake's personal address differs from the one on file; the work one says nothing either way.
    expect(m.add(3, normalizeCustomer({ ...work, email: 'e.perry77@gmail.com' })).status).toBe('possible');
  });

  it('a common full name with only name and company to go on is possible: work and free-mail addresses, or nothing to compare', () => {
    const form = (f: CustomerFields) => [profile(f).first, profile(f).last] as const;
    expect(commonFullName(...form({ firstName: 'John', lastName: 'Smith' }))).toBe(true);
    expect(commonFullName(...form({ firstName: 'Smith', lastName: 'John' }))).toBe(true); // swapped
    expect(commonFullName(...form({ firstName: 'Jennifer', lastName: 'Johnson' }))).toBe(true);
    expect(commonFullName(...form({ firstName: 'Zebulon', lastName: 'Quigg' }))).toBe(false);
    expect(commonFullName(...form({ firstName: 'John', lastName: 'Quigg' }))).toBe(false); // both parts must be common

    const m = new InMemoryMatcher();
    const work = { firstName: 'Jennifer', lastName: 'Johnson', email: 'jennifer.johnson@rempel.com', company: 'Rempel Co.' };
    m.add(1, normalizeCustomer(work));
    // The namesake's personal address, no phone: nothing but the (common) name and the company agree.
    expect(m.add(2, normalizeCustomer({ ...work, email: 'j.johnson82@hotmail.com', company: 'Rempel Ltd' })).status).toBe('possible');
    // A lead with no email and no phone has nothing to tell a namesake by either.
    expect(m.add(3, normalizeCustomer({ firstName: 'JENNIFER', lastName: 'Johnson', company: 'Rempel' })).status).toBe('possible');
  });

  it('two top-100 parts make a common full name only when the two together are frequent enough', () => {
    const form = (f: CustomerFields) => [profile(f).first!, profile(f).last!] as const;
    const often = (f: CustomerFields) => fullNameFrequency(...form(f));
    // Births per million of the given name over the surname's rank.
    expect(Math.round(often({ firstName: 'John', lastName: 'Smith' }))).toBe(14_113);
    expect(often({ firstName: 'Elizabeth', lastName: 'Miller' })).toBeGreaterThan(COMMON_FULL_NAME_FREQUENCY);
    expect(often({ firstName: 'Kimberly', lastName: 'White' })).toBeLessThan(COMMON_FULL_NAME_FREQUENCY);
    expect(often({ firstName: 'Zebulon', lastName: 'Smith' })).toBe(0); // a part the tables do not list
    expect(commonFullName(...form({ firstName: 'Elizabeth', lastName: 'Miller' }))).toBe(true);
    expect(commonFullName(...form({ firstName: 'Kimberly', lastName: 'White' }))).toBe(false);
    expect(commonFullName(...form({ firstName: 'Hill', lastName: 'Joseph' }))).toBe(false); // swapped, still rare together
  });

  it('counter-case: a top-100 name that is rare as a whole keeps its duplicate across the work / free-mail line', () => {
    // The everyday stream's returning customers the common-name rule had held back (seed 42): name, company and
    // country agree, one work and one personal address, no phone.
    const first = (a: CustomerFields, b: CustomerFields) => {
      const m = new InMemoryMatcher();
      m.add(1, normalizeCustomer(a));
      return m.add(2, normalizeCustomer(b)).status;
    };
    const kim = { firstName: 'Kimberly', lastName: 'White', email: 'white@aoemiliya.ru', country: 'US', company: 'AO Emiliya' };
    expect(first(kim, { ...kim, email: 'white.kimberly@yahoo.com', company: 'AO Эмилия' })).toBe('duplicate');
    const joe = {
      firstName: 'Joseph',
      lastName: 'Hill',
      email: 'joseph@nader2.net',
      phone: '+19365166453',
      country: 'US',
      company: 'Nader Inc',
    };
    expect(first(joe, { firstName: 'Hill', lastName: 'JOSEPH', email: 'J.hill92@icloud.com', country: 'US', company: 'Nader' })).toBe(
      'duplicate',
    );
    // The same shape under a name frequent enough together stays a question for the rep.
    const liz = { firstName: 'Elizabeth', lastName: 'Miller', email: 'emiller@spinka.com', country: 'US', company: 'Spinka' };
    expect(first(liz, { ...liz, email: 'emiller85@gmail.com' })).toBe('possible');
  });

  it('a user part that only spells the name is a weak tie even when the name was typed with a typo', () => {
    const a = { firstName: 'Sherri', lastName: 'Soith', email: 'Sherri_smith@veum.com', phone: '+1 650 979 7396', company: 'Veum' };
    const b = { firstName: 'Sherri', lastName: 'Snith', email: 'SHERRI.SMITH@GMAIL.COM', phone: '+1 415 465 3112', company: 'Veum Inc' };
    expect(scorePair(profile(a), profile(b)).comparisons).toContainEqual(expect.objectContaining({ field: 'email', level: 'nameUser' }));
    expect(verdict(a, b)).toBe('possible');
  });

  it('counter-cases: a rare name, a phone or user part in common across the work / free-mail line stays a duplicate', () => {
    const rare = new InMemoryMatcher();
    const zeb = { firstName: 'Zebulon', lastName: 'Quigg', email: 'zquigg@rempel.com', company: 'Rempel' };
    rare.add(1, normalizeCustomer(zeb));
    expect(rare.add(2, normalizeCustomer({ ...zeb, email: 'zeb.quigg77@gmail.com' })).status).toBe('duplicate');
    expect(rare.add(3, normalizeCustomer({ firstName: 'Zebulon', lastName: 'Quigg', company: 'Rempel Inc' })).status).toBe('duplicate');

    const jen = {
      firstName: 'Jennifer',
      lastName: 'Johnson',
      email: 'jennifer.johnson@rempel.com',
      phone: '+1 415 555 0134',
      country: 'US',
      company: 'Rempel',
    };
    const second = (lead: CustomerFields) => {
      const m = new InMemoryMatcher();
      m.add(1, normalizeCustomer(jen));
      return m.add(2, normalizeCustomer(lead)).status;
    };
    // The same phone, or the same user part at a free-mail provider.
    expect(second({ ...jen, email: 'j.johnson82@hotmail.com', phone: '(415) 555-0134' })).toBe('duplicate');
    expect(second({ ...jen, email: 'jennifer.johnson@gmail.com', phone: undefined })).toBe('duplicate');
  });

  it('counter-cases: the same person changing address or phone format stays a duplicate', () => {
    expect(verdict(maria, { ...namesake, phone: '8 (916) 111-22-33' })).toBe('duplicate');
    expect(verdict(maria, { ...maria, email: 'maria.ivanova@romashka.ru', phone: undefined })).toBe('duplicate');
    // A typo in the work address is not a second mailbox.
    const a = { firstName: 'Carey', lastName: 'Rippin', email: 'carey.rippin@zboncak.net', company: 'Zboncak LLC' };
    expect(verdict(a, { ...a, email: 'careyr.ippin@zboncak.net' })).toBe('duplicate');
    // A national number read under another country is the same phone.
    const b = {
      firstName: 'Marla',
      lastName: 'Otte',
      email: 'marla@crooks.net',
      phone: '(838) 386-5708',
      country: 'DE',
      company: 'Crooks',
    };
    expect(verdict(b, { ...b, email: 'otte.marla@web.de', phone: '+1 838 386 5708' })).toBe('duplicate');
  });
});

describe('sister companies that share a word', () => {
  it('company keys keep every distinctive word; only legal forms and fillers go', () => {
    expect(companyKey('Tailspin Health')).toBe('tailspin health');
    expect(profile({ company: 'Tailspin Group S.A.' }).companyWords).toEqual(['tailspin']);
    expect(profile({ company: 'Tailspin Health' }).companyWords).toEqual(['tailspin', 'health']);
    expect(profile({ company: 'Dörre-Lenzen SE' }).companyWords).toEqual(['dorre', 'lenzen']);
  });

  it('the same name at Tailspin Health and Tailspin Group S.A. is not a duplicate', () => {
    const a = { firstName: 'John', lastName: 'Smith', email: 'jsmith@gmail.com', company: 'Tailspin Health' };
    expect(verdict(a, { ...a, email: 'john.smith@tailspingroup.com', company: 'Tailspin Group S.A.' })).not.toBe('duplicate');
    const w = { firstName: 'Anna', lastName: 'Kowalski', email: 'anna.k@outlook.com', company: 'Wingtip Media' };
    expect(verdict(w, { ...w, email: 'akowalski@hotmail.com', company: 'Wingtip Group' })).not.toBe('duplicate');
    expect(scorePair(profile(w), profile({ ...w, company: 'Wingtip Group' })).comparisons).toContainEqual(
      expect.objectContaining({ field: 'company', level: 'differ' }),
    );
    // Nor when one side only shows the sister in its work address.
    expect(verdict({ ...w, company: undefined, email: 'anna.kowalski@wingtipgroup.com' }, w)).not.toBe('duplicate');
  });

  it('counter-cases: legal forms, fillers, punctuation and one typo keep one company', () => {
    const a = { firstName: 'Anna', lastName: 'Kowalski', email: 'anna.k@outlook.com', company: 'Wingtip Media' };
    expect(verdict(a, { ...a, company: 'WINGTIP MEDIA GROUP, Inc.' })).toBe('duplicate');
    expect(verdict(a, { ...a, company: 'Wingtip-Media' })).toBe('duplicate');
    expect(verdict(a, { ...a, company: 'Wingtip Meida' })).toBe('duplicate');
    expect(verdict({ ...a, company: 'Kuhn, Bode and Kunde' }, { ...a, company: 'KuhnBode & Kunde LLC' })).toBe('duplicate');
    // The company written out on one lead, its (shortened) domain on the other.
    expect(verdict({ ...a, company: 'Pacocha Corp' }, { ...a, company: undefined, email: 'akowalski@pacocha4.com' })).toBe('duplicate');
  });
});

describe('one free-mail address shared by a family', () => {
  const oleg = { firstName: 'Oleg', lastName: 'Ivanov', email: 'ivanovy@mail.ru', company: 'Contoso' };

  it('another first name on the same free-mail address is only possible', () => {
    expect(verdict(oleg, { ...oleg, firstName: 'Anna', lastName: 'Ivanova' })).toBe('possible');
    expect(verdict(oleg, { firstName: 'Ольга', lastName: 'Иванова', email: 'IvanovY@mail.ru' })).toBe('possible');
  });

  it('counter-cases: the same name, a nickname, an initial or a typo of it stays a duplicate', () => {
    expect(verdict(oleg, { ...oleg, firstName: 'Олег' })).toBe('duplicate');
    const bob = { firstName: 'Robert', lastName: 'Jones', email: 'jonesfamily@gmail.com' };
    expect(verdict(bob, { ...bob, firstName: 'Bob' })).toBe('duplicate');
    expect(verdict(bob, { ...bob, firstName: 'R.' })).toBe('duplicate');
    expect(verdict(bob, { ...bob, firstName: 'Rboert' })).toBe('duplicate');
    // A shared address at a company is the company's business (role addresses are handled elsewhere).
    expect(verdict({ ...oleg, email: 'oleg.ivanov@contoso.com' }, { ...oleg, email: 'oleg.ivanov@contoso.com' })).toBe('duplicate');
  });
});

describe('a rejected pair of fields', () => {
  const a: CustomerFields = {
    firstName: 'Ivan',
    lastName: 'Petrov',
    email: 'ivan.petrov@contoso.ru',
    phone: '+7 916 123 45 67',
    company: 'Contoso',
  };
  const b: CustomerFields = { ...a, email: 'ivan.petrov@gmail.com' };
  const candidates = (): Candidate<string>[] => [{ ref: 's1', customerId: 'A', profile: profile(a) }];

  it('never comes back as a duplicate once the rep rejected it', () => {
    expect(decideMatch(profile(b), candidates()).status).toBe('duplicate');
    const rejectedPairs = new Set([pairFingerprint(profile(a), profile(b))]);
    const again = decideMatch(profile(b), candidates(), { rejectedPairs });
    expect(again.status).not.toBe('duplicate');
    expect(again.customerId).toBeNull();
  });

  it('is the same pair whichever lead comes first', () => {
    expect(pairFingerprint(profile(a), profile(b))).toBe(pairFingerprint(profile(b), profile(a)));
  });

  it('counter-case: other fields (a new phone) are judged afresh', () => {
    const rejectedPairs = new Set([pairFingerprint(profile(a), profile(b))]);
    const changed = { ...b, email: 'ivan.petrov@contoso.ru' };
    expect(decideMatch(profile(changed), candidates(), { rejectedPairs }).status).toBe('duplicate');
  });
});
