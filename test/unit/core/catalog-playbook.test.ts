// @vitest-environment node
import {
  ACTIONS,
  actionChip,
  actionLabel,
  CALLS_TO_ACTION,
  REASONS,
  reasonLabel,
  SOURCES,
  sourceLabel,
  sourceShort,
  stageLabel,
  STAGES,
  stageRank,
  WARNINGS,
  warningLabel,
} from '../../../src/core/catalog';
import { decodeLeadSource } from '../../../src/core/leadsource';
import { PLAYBOOKS, playbookFor } from '../../../src/core/playbook';
import type { ActionCode, Stage } from '../../../src/core/types';

const LEAD_TIME = new Date('2024-03-04T09:00:00Z');
const hoursAfter = (iso: string | null) => (iso ? (Date.parse(iso) - LEAD_TIME.getTime()) / 3_600_000 : null);

/**
 * Every action code, one line each: the stage the marketplace documents for it, and a LeadSource that
 * carries it. A new action code adds its line here (the compiler asks for it: the keys are ActionCode).
 */
const ACTION_FACTS: Record<ActionCode, readonly [stage: Stage, example: string]> = {
  INS: ['active', 'AzureMarketplace-INS|contoso.crm'],
  PLT: ['interest', 'AppSource-PLT|contoso.crm'],
  DNC: ['do-not-contact', 'SPZA-DNC|contoso.crm'],
  Create: ['active', 'AzurePortal-Create|contoso.crm'],
  StartTestDrive: ['trial', 'AzureMarketplace-StartTestDrive|contoso.crm'],
};

describe('catalog', () => {
  it('has one entry per source and action, with labels in both languages', () => {
    expect(SOURCES.map((s) => s.code).sort()).toEqual(['AppSource', 'AzureMarketplace', 'AzurePortal', 'TestDrive']);
    expect(ACTIONS.map((a) => a.code).sort()).toEqual(Object.keys(ACTION_FACTS).sort());
    for (const a of ACTIONS) for (const lang of ['en', 'ru'] as const) expect(a.explanation[lang].length).toBeGreaterThan(20);
    for (const t of [...Object.values(WARNINGS), ...Object.values(REASONS)]) expect(t.en && t.ru).toBeTruthy();
  });

  it('names the button behind each action', () => {
    expect(actionLabel('PLT', 'en')).toBe('Contact me');
    expect(actionLabel('INS', 'en')).toMatch(/Get it now.*Free trial/);
    expect(actionLabel('StartTestDrive', 'en')).toBe('Test drive');
    expect(actionLabel('StartTestDrive', 'ru')).toMatch(/Тест-драйв/);
  });

  it('gives every action its chip words and every storefront its chip name, in both languages', () => {
    for (const a of ACTIONS)
      for (const lang of ['en', 'ru'] as const) {
        expect(a.chip[lang].trim(), `${a.code} ${lang}`).not.toBe('');
        expect(actionChip(a.code, lang)).toBe(a.chip[lang]);
      }
    for (const s of SOURCES) expect(sourceShort(s.code).trim(), s.code).not.toBe('');
    expect(actionChip('INS', 'en')).toBe('Get it now / trial');
    expect(actionChip('PLT', 'ru')).toBe('Связаться со мной');
    expect(sourceShort('AzurePortal')).toBe('Azure portal');
    expect(sourceShort('TestDrive')).toBe('Test Drive');
  });

  it('says that a free trial also arrives as INS', () => {
    expect(ACTIONS.find((a) => a.code === 'INS')!.explanation.en).toMatch(/free trial/i);
  });

  it('maps actions to the documented stages', () => {
    const stageOf = Object.fromEntries(ACTIONS.map((a) => [a.code, a.stage]));
    expect(stageOf).toEqual(Object.fromEntries(Object.entries(ACTION_FACTS).map(([code, [stage]]) => [code, stage])));
    expect(stageOf).toMatchObject({ INS: 'active', PLT: 'interest', DNC: 'do-not-contact', Create: 'active', StartTestDrive: 'trial' });
  });

  it('decodes every action code from a LeadSource, with its stage', () => {
    for (const [code, [stage, example]] of Object.entries(ACTION_FACTS))
      expect(decodeLeadSource(example), example).toMatchObject({ ok: true, action: code, stage });
  });

  it('ranks the funnel interest < trial < active, other stages below', () => {
    expect(stageRank('interest')).toBeLessThan(stageRank('trial'));
    expect(stageRank('trial')).toBeLessThan(stageRank('active'));
    for (const s of ['do-not-contact', 'test', 'unknown'] as const) expect(stageRank(s)).toBeLessThan(stageRank('interest'));
  });

  it('gives labels for every code in both languages', () => {
    expect(sourceLabel('AzurePortal', 'en')).toBe('Azure portal');
    expect(sourceLabel('AzurePortal', 'ru')).toBe('Портал Azure');
    expect(stageLabel('do-not-contact', 'ru')).toBe('Не связываться');
    expect(warningLabel('possibly-truncated', 'en')).toMatch(/^May be cut.*40/);
    expect(warningLabel('possibly-truncated', 'ru')).toMatch(/^Может быть обрезано/);
    expect(reasonLabel('salesforce-appexchange', 'en')).toMatch(/AppExchange/);
    expect(STAGES).toHaveLength(6);
  });

  it('maps Partner Center call-to-action words to codes', () => {
    expect(Object.fromEntries(CALLS_TO_ACTION.map((c) => [c.label, c.action]))).toMatchObject({
      'Contact me': 'PLT',
      'Free trial': 'INS',
      'Test drive': 'StartTestDrive',
    });
  });
});

describe('playbook', () => {
  const book = (v: string, lang: 'en' | 'ru' = 'en') => playbookFor(decodeLeadSource(v), LEAD_TIME, lang);

  it('Contact me: reply within 24 hours, ask for a call, qualify, then spaced follow-ups', () => {
    const p = book('SPZA-PLT|contoso.crm');
    expect(p.stage).toBe('interest');
    expect(p.steps.map((s) => s.id)).toEqual(['first-reply', 'book-call', 'qualify', 'touch-2', 'touch-3']);
    expect(hoursAfter(p.steps[0]!.due)).toBe(24);
    expect(p.explanation).toMatch(/Contact me/);
  });

  it('spreads touches over days rather than bombarding', () => {
    for (const stage of ['interest', 'trial', 'active'] as Stage[]) {
      const dues = PLAYBOOKS[stage].steps.map((s) => s.dueHours).filter((h): h is number => h !== null);
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
      for (let i = 1; i < dues.length; i++) expect(dues[i]! - dues[i - 1]!).toBeGreaterThanOrEqual(24);
      expect(dues[dues.length - 1]!).toBeGreaterThanOrEqual(14 * 24);
    }
  });

  it('test drive: reach out within 24 hours', () => {
    const p = book('AzureMarketplace-StartTestDrive|Red Hat OpenShift Container Platform');
    expect(p.stage).toBe('trial');
    expect(hoursAfter(p.steps[0]!.due)).toBe(24);
  });

  it('INS: says it may be a free trial', () => {
    const p = book('AzureMarketplace-INS|a.b');
    expect(p.stage).toBe('active');
    expect(p.explanation).toMatch(/free trial/i);
    expect(p.steps[0]!.text).toMatch(/free trial/i);
  });

  it('DNC: do not contact, just note it, nothing due', () => {
    const p = book('SPZA-DNC|a.b');
    expect(p.stage).toBe('do-not-contact');
    expect(p.steps.map((s) => s.id)).toEqual(['no-outreach', 'note']);
    expect(p.steps.every((s) => s.due === null)).toBe(true);
  });

  it('test lead: check the connector, nobody to call, shows when it was generated', () => {
    const p = book('MSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|<Offer Name>');
    expect(p.stage).toBe('test');
    expect(p.steps[0]!.id).toBe('verify-connector');
    expect(p.steps.some((s) => s.id === 'no-outreach')).toBe(true);
    expect(p.explanation).toMatch(/2018-03-22 15:48 UTC/);
  });

  it('not a LeadSource: unknown stage with the reason', () => {
    const p = book('Web');
    expect(p.stage).toBe('unknown');
    expect(p.explanation).toMatch(/Not a marketplace LeadSource/);
  });

  it('speaks Russian', () => {
    const p = book('SPZA-PLT|contoso.crm', 'ru');
    expect(p.headline).toMatch(/[а-я]/);
    expect(p.steps[0]!.text).toMatch(/24 час/);
  });

  it('every stage has steps in both languages', () => {
    for (const [stage, b] of Object.entries(PLAYBOOKS)) {
      expect(b.steps.length, stage).toBeGreaterThan(0);
      for (const s of b.steps) expect(s.text.en && s.text.ru).toBeTruthy();
    }
  });

  it('an invalid lead time gives steps without due times instead of throwing', () => {
    const p = playbookFor(decodeLeadSource('SPZA-PLT|a.b'), new Date('nope'), 'en');
    expect(p.steps[0]!.due).toBeNull();
  });
});
