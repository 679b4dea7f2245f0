import { describe, expect, it } from 'vitest';
import { normalizeCustomer } from '../../../../src/core/normalize';
import type { CustomerFields } from '../../../../src/core/types';
import {
  InMemoryMatcher,
  PER_KEY_LIMIT,
  blockingKeys,
  canonicalEmail,
  compareNames,
  jaroWinkler,
  matchProfile,
  nameForm,
  scorePair,
} from '../../../../src/core/match';

const profile = (f: CustomerFields, defaultCountry: string | null = null) => matchProfile(normalizeCustomer(f, { defaultCountry }));
const verdict = (a: CustomerFields, b: CustomerFields, ctx = {}) => scorePair(profile(a), profile(b), ctx).status;

describe('match keys', () => {
  it('folds Gmail dots, +tags and googlemail', () => {
    expect(canonicalEmail('John.Smith+trial@GMAIL.com')).toBe('johnsmith@gmail.com');
    expect(canonicalEmail('j.o.h.n.smith@googlemail.com')).toBe('johnsmith@gmail.com');
    expect(canonicalEmail('john.smith+x@contoso.com')).toBe('john.smith@contoso.com');
  });

  it('never uses a free-mail domain as a company signal', () => {
    expect(profile({ email: 'a@gmail.com' }).domain).toBeNull();
    expect(profile({ email: 'a@sub.contoso.com' }).domain).toBe('contoso.com');
  });

  it('gives swapped names and transliterations the same name key', () => {
    const keys = (f: CustomerFields) => blockingKeys(profile(f)).filter((k) => k.startsWith('n:'));
    expect(keys({ firstName: 'Ivan', lastName: 'Petrov' })).toEqual(keys({ firstName: 'Петров', lastName: 'Иван' }));
    expect(keys({ firstName: 'Ivan', lastName: 'Petrov' })[0]).toBeDefined();
  });

  it('compares names across case, accents, scripts, schemes, phonetics and nicknames', () => {
    const lvl = (a: string, b: string) => compareNames(nameForm(a)!, nameForm(b)!);
    expect(lvl('IVAN', 'ivan')).toBe('exact');
    expect(lvl('José', 'Jose')).toBe('exact');
    expect(lvl('Иван', 'Ivan')).toBe('exact');
    expect(lvl('Петров', 'Petrov')).toBe('exact');
    expect(lvl('Yuliya', 'Iuliia')).toBe('exact');
    expect(lvl('Юлия', 'Yulia')).toBe('exact');
    expect(lvl('Alexey', 'Алексей')).toBe('exact');
    expect(lvl('Саша', 'Alexander')).toBe('nickname');
    expect(lvl('Bob', 'Robert')).toBe('nickname');
    expect(lvl('Catherine', 'Katherine')).toBe('close');
    expect(lvl('Ivan', 'Oleg')).toBe('differ');
  });
});

describe('pair scoring', () => {
  const ivan = {
    firstName: 'Ivan',
    lastName: 'Petrov',
    email: 'ivan.petrov@contoso.ru',
    phone: '+7 916 123 45 67',
    company: 'Contoso LLC',
    country: 'RU',
  };

  it('same email in another case and phone in another format is a duplicate', () => {
    expect(verdict(ivan, { ...ivan, email: 'IVAN.PETROV@Contoso.ru', phone: '8 (916) 123-45-67' })).toBe('duplicate');
  });

  it('Ivan Petrov and Иван Петров at the same company are one customer', () => {
    expect(
      verdict(ivan, {
        firstName: 'Иван',
        lastName: 'Петров',
        email: 'ivan.petrov@contoso.ru',
        company: 'ООО «Контосо»',
        country: 'Россия',
      }),
    ).toBe('duplicate');
  });

  it('legal suffixes do not separate a company', () => {
    const a = { firstName: 'Jane', lastName: 'Doe', email: 'jane@fabrikam.com', company: 'Fabrikam, Inc.' };
    expect(scorePair(profile(a), profile({ ...a, company: 'FABRIKAM' })).fields).toContain('company');
  });

  it('Yuliya and Iuliia with the same phone are a duplicate', () => {
    expect(
      verdict(
        { firstName: 'Yuliya', lastName: 'Smirnova', phone: '+79031112233' },
        { firstName: 'Iuliia', lastName: 'Smirnova', phone: '8 903 111 22 33', country: 'RU' },
      ),
    ).toBe('duplicate');
  });

  it('swapped first and last name still match', () => {
    expect(verdict(ivan, { ...ivan, firstName: 'Petrov', lastName: 'Ivan' })).toBe('duplicate');
  });

  it('a shared switchboard phone alone is not a duplicate', () => {
    const a = { firstName: 'Anna', lastName: 'Ivanova', email: 'a.ivanova@contoso.ru', phone: '+74951234567', company: 'Contoso' };
    const b = { firstName: 'Oleg', lastName: 'Sidorov', email: 'o.sidorov@contoso.ru', phone: '+7 495 123-45-67', company: 'Contoso' };
    expect(verdict(a, b)).toBe('new');
    expect(verdict(a, { ...b, firstName: 'Anna' })).not.toBe('duplicate');
    expect(verdict({ phone: '+74951234567' }, { phone: '+74951234567', firstName: 'Oleg' })).not.toBe('duplicate');
  });

  it('same person at the same company with a different email is at least possible', () => {
    expect(verdict(ivan, { ...ivan, email: 'ivan.petrov.1985@gmail.com', phone: undefined })).not.toBe('new');
    expect(verdict(ivan, { ...ivan, email: 'ipetrov@contoso.ru', phone: undefined })).not.toBe('new');
  });

  it('a namesake at another company is not a duplicate', () => {
    const js = { firstName: 'John', lastName: 'Smith', email: 'john.smith@contoso.com', company: 'Contoso', country: 'US' };
    expect(
      verdict(js, { firstName: 'John', lastName: 'Smith', email: 'jsmith@fabrikam.com', company: 'Fabrikam', country: 'US' }),
    ).not.toBe('duplicate');
    expect(verdict(js, { firstName: 'John', lastName: 'Smith', email: 'john.smith@fabrikam.com', company: 'Fabrikam' })).not.toBe(
      'duplicate',
    );
    expect(verdict(js, { firstName: 'John', lastName: 'Smith', email: 'johnsmith77@gmail.com' })).not.toBe('duplicate');
  });

  it('blanks are neutral', () => {
    const s = scorePair(profile({ email: 'a@contoso.com' }), profile({ email: 'a@contoso.com', phone: '+14155551234', firstName: 'Al' }));
    expect(s.comparisons.map((c) => c.field)).toEqual(['email', 'domain']);
    expect(s.status).toBe('duplicate');
    expect(scorePair(profile({}), profile({})).status).toBe('new');
  });
});

describe('jaroWinkler with a floor', () => {
  it('gives up only on pairs that cannot reach the floor', () => {
    const words = [
      'martha',
      'marhta',
      'dixon',
      'dicksonx',
      'jellyfish',
      'smellyfish',
      'ivan.petrov@contoso.ru',
      'ivan.petrov24@contoso.ru',
      'ivan.petorv@contoso.ru',
      'anna.smith@gmail.com',
      'ana.smith@gmail.com',
      'a',
      'ab',
      'abcd',
      'abdc',
      'jon',
      'john',
      'johnathan',
      'jonathan',
      'yuliya',
      'iuliia',
      'julia',
      'aleksei',
      'alexey',
      'alexei',
    ];
    let checked = 0;
    for (const a of words)
      for (const b of words)
        for (const floor of [0.5, 0.8, 0.88, 0.92, 0.94, 0.97]) {
          const whole = jaroWinkler(a, b);
          const cut = jaroWinkler(a, b, floor);
          expect(cut >= floor, `${a} / ${b} at ${floor}: ${whole}`).toBe(whole >= floor);
          if (cut >= floor) expect(cut).toBe(whole);
          checked++;
        }
    expect(checked).toBe(words.length * words.length * 6);
  });
});

describe('jaroWinkler against the textbook scan', () => {
  // The plain definition: each character of a takes the first unmatched equal character of b within the window.
  function textbook(a: string, b: string): number {
    if (a === b) return 1;
    if (!a.length || !b.length) return 0;
    const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
    const ma = new Array<boolean>(a.length).fill(false);
    const mb = new Array<boolean>(b.length).fill(false);
    let m = 0;
    for (let i = 0; i < a.length; i++)
      for (let j = Math.max(0, i - window); j <= Math.min(b.length - 1, i + window); j++)
        if (!mb[j] && a[i] === b[j]) {
          ma[i] = mb[j] = true;
          m++;
          break;
        }
    if (!m) return 0;
    let t = 0;
    for (let i = 0, j = 0; i < a.length; i++) {
      if (!ma[i]) continue;
      while (!mb[j]) j++;
      if (a[i] !== b[j++]) t++;
    }
    const jaro = (m / a.length + m / b.length + (m - t / 2) / m) / 3;
    let p = 0;
    while (p < 4 && p < a.length && p < b.length && a[p] === b[p]) p++;
    return jaro + p * 0.1 * (1 - jaro);
  }

  it('gives the same value on strings with many repeated characters, ASCII or not', () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabets = ['ab', 'abc.', 'ivanpetro@.1', 'aéb', 'жаб'];
    const word = (abc: string): string => Array.from({ length: rand(40) }, () => abc[rand(abc.length)]).join('');
    for (let k = 0; k < 4000; k++) {
      const abc = alphabets[k % alphabets.length]!;
      const a = word(abc);
      const b = k % 3 ? word(abc) : a.slice(0, rand(a.length + 1)) + word(abc).slice(0, 3);
      expect(jaroWinkler(a, b), `${a} / ${b}`).toBe(textbook(a, b));
      expect(jaroWinkler(b, a), `${b} / ${a}`).toBe(textbook(b, a));
    }
  });
});

describe('InMemoryMatcher', () => {
  it('follows one customer through contact-me, trial and install leads', () => {
    const m = new InMemoryMatcher();
    const a = m.add(
      1,
      normalizeCustomer({ firstName: 'Ivan', lastName: 'Petrov', email: 'Ivan.Petrov@contoso.ru', phone: '+7 916 123 45 67' }),
    );
    const b = m.add(
      2,
      normalizeCustomer({
        firstName: 'ivan',
        lastName: 'petrov',
        email: 'ivan.petrov@contoso.ru',
        phone: '8 916 123-45-67',
        country: 'RU',
      }),
    );
    const c = m.add(3, normalizeCustomer({ firstName: 'Oleg', lastName: 'Sidorov', email: 'oleg@fabrikam.com' }));
    expect(a.status).toBe('new');
    expect(b).toMatchObject({ status: 'duplicate', matched: 1, assignedCustomerId: a.assignedCustomerId });
    expect(c.status).toBe('new');
    expect(c.assignedCustomerId).not.toBe(a.assignedCustomerId);
  });

  it('reads at most PER_KEY_LIMIT records per key, the most recent first, as the store does', () => {
    // The lead agrees best with the first Zebulon Quigg (same country); the namesakes after it live elsewhere and
    // share only the name key. With n namesakes in between, the first is read only while it is among the most recent.
    const run = (namesakes: number) => {
      const m = new InMemoryMatcher();
      m.add(0, normalizeCustomer({ firstName: 'Zebulon', lastName: 'Quigg', country: 'US' }));
      for (let i = 1; i <= namesakes; i++) m.add(i, normalizeCustomer({ firstName: 'Zebulon', lastName: 'Quigg', country: 'DE' }));
      return m.add(-1, normalizeCustomer({ firstName: 'Zebulon', lastName: 'Quigg', country: 'US' }));
    };
    expect(PER_KEY_LIMIT).toBe(50);
    expect(run(PER_KEY_LIMIT - 1)).toMatchObject({ status: 'possible', matched: 0 });
    const capped = run(PER_KEY_LIMIT);
    expect(capped.status).toBe('possible');
    expect(capped.matched).not.toBe(0);
  });

  it('treats a phone shared by several customers as a switchboard', () => {
    const m = new InMemoryMatcher();
    m.add(1, normalizeCustomer({ firstName: 'Anna', lastName: 'Ivanova', phone: '+74951234567' }));
    m.add(2, normalizeCustomer({ firstName: 'Oleg', lastName: 'Sidorov', phone: '+74951234567' }));
    const third = m.add(3, normalizeCustomer({ phone: '+7 495 123 45 67', firstName: 'Pavel' }));
    expect(third.status).not.toBe('duplicate');
  });
});
