// The pure parts of the rep's desk: search terms, offer names, first-contact drafts and the follow-up window.
import { DRAFTS, draftFor, mailtoLink } from '../../../src/core/drafts';
import { decodeLeadSource } from '../../../src/core/leadsource';
import { learnedOfferName, namedOffer, offerKey, offerTitleIn } from '../../../src/core/offer-names';
import { playbookFor, withinHours } from '../../../src/core/playbook';
import { matchesAll, queryTerms, searchTerms } from '../../../src/core/search';

describe('search terms', () => {
  const terms = searchTerms({
    customer: { firstName: 'Ольга', lastName: 'Кузнецова', email: 'o.kuznetsova@severinfo.ru', company: 'АО «Северсталь-Инфоком»' },
    leadSource: decodeLeadSource('AzureMarketplace-INS|contoso.crm-connector'),
  });

  it('hold the name in both scripts, the email parts, the company, the offer and the LeadSource words', () => {
    for (const t of [
      'ольга',
      'olga',
      'кузнецова',
      'kuznetsova',
      'severinfo',
      'северсталь',
      'severstal',
      'contoso',
      'crm',
      'connector',
      'azuremarketplace',
      'ins',
    ])
      expect(terms, t).toContain(t);
  });

  it('are matched by prefix, every query word against some term, ё read as е', () => {
    expect(matchesAll(terms, queryTerms('Кузн'))).toBe(true);
    expect(matchesAll(terms, queryTerms('o.kuznetsova@sev'))).toBe(true);
    expect(matchesAll(terms, queryTerms('Ольга Smith'))).toBe(false);
    expect(queryTerms('Фёдор')).toEqual(['федор']);
    expect(queryTerms('  ')).toEqual([]);
    expect(queryTerms('k')).toEqual(['k']);
  });
});

describe('offer names', () => {
  it('file offers under publisher.offer in lower case, only when both parts are there', () => {
    expect(offerKey(decodeLeadSource('AppSource-PLT|Contoso.CRM-Connector').offer)).toBe('contoso.crm-connector');
    expect(offerKey(decodeLeadSource('AzureMarketplace-StartTestDrive|Red Hat OpenShift').offer)).toBeNull();
  });

  it('learn a title from the payload field, or from "Offer Title:" in a description', () => {
    const leadSource = decodeLeadSource('AzureMarketplace-INS|contoso.crm-connector');
    expect(learnedOfferName({ leadSource, offerTitle: 'Contoso CRM Connector' })).toEqual({
      key: 'contoso.crm-connector',
      name: 'Contoso CRM Connector',
    });
    expect(learnedOfferName({ leadSource, description: 'Offer Title: Contoso CRM Connector Description: needs 1C' })?.name).toBe(
      'Contoso CRM Connector',
    );
    expect(learnedOfferName({ leadSource, description: 'Лид\nНазвание предложения: Коннектор CRM\nещё' })?.name).toBe('Коннектор CRM');
    expect(learnedOfferName({ leadSource, description: 'no title here' })).toBeNull();
    expect(offerTitleIn('offer title: contoso.crm-connector')).toBe('contoso.crm-connector');
    expect(learnedOfferName({ leadSource, description: 'Offer title: contoso.crm-connector' })).toBeNull();
  });

  it('show the name with the id beside it', () => {
    const offer = decodeLeadSource('AppSource-PLT|contoso.crm-connector').offer;
    expect(namedOffer(offer, { 'contoso.crm-connector': 'Contoso CRM Connector' })).toEqual({
      name: 'Contoso CRM Connector',
      id: 'contoso.crm-connector',
    });
    expect(namedOffer(offer, {})).toEqual({ name: null, id: 'contoso.crm-connector' });
  });
});

describe('first-contact drafts', () => {
  const draft = (v: string, lang: 'en' | 'ru' = 'en', name = 'Olga') =>
    draftFor(decodeLeadSource(v), { name, offer: 'Contoso CRM Connector', lang });

  it('differ per action (Contact me, install or trial, portal create, test drive) and name the offer and the customer', () => {
    const bodies = ['AppSource-PLT|a.b', 'AzureMarketplace-INS|a.b', 'AzurePortal-Create|a.b', 'AzureMarketplace-StartTestDrive|a.b'].map(
      (v) => draft(v)!,
    );
    expect(new Set(bodies.map((d) => d.subject)).size).toBe(4);
    expect(new Set(bodies.map((d) => d.body)).size).toBe(4);
    for (const d of bodies) {
      expect(d.subject + d.body).toContain('Contoso CRM Connector');
      expect(d.body.startsWith('Hello Olga,')).toBe(true);
      expect(d.body).not.toMatch(/\{\w+\}/);
    }
  });

  it('speak Russian, greet without a name when there is none, and skip do-not-contact and test leads', () => {
    const ru = draft('AppSource-PLT|a.b', 'ru')!;
    expect(ru.body.startsWith('Здравствуйте, Olga!')).toBe(true);
    expect(ru.subject).toBe('Ваш запрос о Contoso CRM Connector');
    expect(draft('AppSource-PLT|a.b', 'en', '')!.body.startsWith('Hello,\n')).toBe(true);
    expect(draft('SPZA-DNC|a.b')).toBeNull();
    expect(draft('MSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|Contoso Test')).toBeNull();
    expect(Object.keys(DRAFTS).sort()).toEqual(['Create', 'INS', 'PLT', 'StartTestDrive']);
  });

  it('open in the mail app with subject and body (CRLF line ends)', () => {
    const d = draft('AppSource-PLT|a.b')!;
    const link = mailtoLink('o.k@severinfo.ru', d);
    expect(link.startsWith('mailto:o.k@severinfo.ru?subject=')).toBe(true);
    const params = new URLSearchParams(link.split('?')[1]);
    expect(params.get('subject')).toBe(d.subject);
    expect(params.get('body')).toBe(d.body.replace(/\n/g, '\r\n'));
  });
});

describe('the follow-up window', () => {
  const at = new Date('2026-12-01T09:00:00Z');
  it('sets the first reply’s deadline and says it in the step, in both languages', () => {
    const en = playbookFor(decodeLeadSource('AppSource-PLT|a.b'), at, 'en', { followUpHours: 48 });
    expect(en.steps[0]!.due).toBe('2026-12-03T09:00:00.000Z');
    expect(en.steps[0]!.text).toContain('within 48 hours');
    const ru = playbookFor(decodeLeadSource('AppSource-PLT|a.b'), at, 'ru', { followUpHours: 21 });
    expect(ru.steps[0]!.text.startsWith('В течение 21 часа')).toBe(true);
    expect(playbookFor(decodeLeadSource('AppSource-PLT|a.b'), at, 'en').steps[0]!.text).toContain('within 24 hours');
    // Later steps keep their own spacing.
    expect(en.steps[1]!.due).toBe(playbookFor(decodeLeadSource('AppSource-PLT|a.b'), at, 'en').steps[1]!.due);
  });

  it('words hours the Russian way', () => {
    expect([1, 2, 5, 11, 21, 24, 101, 111].map((h) => withinHours(h, 'ru'))).toEqual([
      'в течение 1 часа',
      'в течение 2 часов',
      'в течение 5 часов',
      'в течение 11 часов',
      'в течение 21 часа',
      'в течение 24 часов',
      'в течение 101 часа',
      'в течение 111 часов',
    ]);
    expect(withinHours(1, 'en')).toBe('within 1 hour');
  });
});
