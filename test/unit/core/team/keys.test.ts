import { describe, expect, it } from 'vitest';
import { companyStem, teamCustomer, teamKeys } from '../../../../src/core/team/keys';

describe('team-check customer keys', () => {
  it('keeps the distinctive part of a company name in its own script', () => {
    expect(companyStem('АО «Северсталь-Инфоком»')).toBe('Северсталь-Инфоком');
    expect(companyStem('Contoso GmbH')).toBe('Contoso');
    expect(companyStem('ООО "Ромашка"')).toBe('Ромашка');
    expect(companyStem('Company 10 Ltd')).toBe('Company 10 Ltd');
    expect(companyStem('  ')).toBeNull();
  });

  it('makes one key per kind, prefixed by the org', () => {
    const c = teamCustomer({
      firstName: 'Ольга',
      lastName: 'Кузнецова',
      email: 'O.Kuznetsova@severinfo.ru',
      phone: '+7 812 334-56-78',
      company: 'АО «Северсталь-Инфоком»',
    });
    expect(teamKeys(c, 'contoso.crm4.dynamics.com', 'x').map((k) => k.id)).toEqual([
      'contoso.crm4.dynamics.com|email:o.kuznetsova@severinfo.ru',
      'contoso.crm4.dynamics.com|phone:+78123345678',
      'contoso.crm4.dynamics.com|person:olga kuznetsova@severstal infokom',
      'contoso.crm4.dynamics.com|company:severstal infokom',
      'contoso.crm4.dynamics.com|domain:severinfo.ru',
      'contoso.crm4.dynamics.com|rule:x',
    ]);
    // A free-mail address is no company domain.
    expect(teamKeys(teamCustomer({ email: 'a@gmail.com' }), 'o', null).map((k) => k.kind)).toEqual(['email']);
  });
});
