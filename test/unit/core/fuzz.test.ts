// @vitest-environment node
// Property test over 100,000+ seeded random and adversarial strings. No timing: linearity is checked
// with the decoder's own work counter (character looks), which a quadratic path would blow up.
import { ACTIONS } from '../../../src/core/catalog';
import { decodeLeadSource, decodeWork, findLeadSources, resetDecodeWork } from '../../../src/core/leadsource';
import type { DecodedLeadSource } from '../../../src/core/types';
import { garbage, leadSourceValue, mutate, pick, prng } from '../../fixtures/leads/corpus';

const SEED = 20240304;
/** Character looks allowed per input character (+ a constant): a fixed bound, whatever n is. */
const WORK_PER_CHAR = 30;
const WORK_CONST = 2000;

function safeDecodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The text an action claim must be backed by: the input as given, or once/twice percent-decoded. */
function mentions(input: string, code: string): boolean {
  const c = code.toLowerCase();
  const once = safeDecodeUri(input);
  return [input, once, safeDecodeUri(once)].some((t) => t.toLowerCase().includes(c));
}

function checkDecoded(input: string, d: DecodedLeadSource): void {
  if (d.action !== null && !mentions(input, d.action)) throw new Error(`claims ${d.action} for ${JSON.stringify(input)}`);
  if (d.ok === (d.reason !== undefined)) throw new Error(`ok/reason disagree for ${JSON.stringify(input)}`);
  if (d.action && !ACTIONS.some((a) => a.code === d.action)) throw new Error(`non-canonical action ${d.action}`);
  if (d.offer?.offerId && d.warnings.includes('truncated'))
    throw new Error(`cut value with a confident offer id: ${JSON.stringify(input)}`);
  if (d.testLead && d.stage !== 'test') throw new Error('test lead with a non-test stage');
}

function checkOne(input: string): number {
  resetDecodeWork();
  const d = decodeLeadSource(input);
  checkDecoded(input, d);
  const found = findLeadSources(input);
  let last = 0;
  for (const f of found) {
    if (f.start < last || f.end <= f.start || f.end > input.length) throw new Error(`bad offsets in ${JSON.stringify(input)}`);
    if (input.slice(f.start, f.end) !== f.decoded.input) throw new Error('found input is not the slice at its offsets');
    checkDecoded(f.decoded.input, f.decoded);
    last = f.end;
  }
  return decodeWork();
}

const ADVERSARIAL_UNITS = [
  'AzureMarketplace-',
  'AzureMarketplace ',
  'AppSource (',
  'AppSource (SPZA)',
  '|',
  '-',
  '%',
  '%7C',
  '%2',
  'MSFT_TEST_',
  'MSFT_TEST_6365733048313188',
  'a',
  ' ',
  'SPZA-INS|',
  'AzureMarketplace-INS|a.',
  'Azure Azure Azure ',
  '\u00a0',
  '…',
];

describe('decoder fuzz (seeded)', () => {
  it('survives 100,000 random and mutated strings with every property holding', () => {
    const r = prng(SEED);
    let count = 0;
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r();
      const s =
        x < 0.35
          ? leadSourceValue(r)
          : x < 0.75
            ? mutate(r, leadSourceValue(r))
            : x < 0.9
              ? garbage(r, 120)
              : `${garbage(r, 30)} ${leadSourceValue(r)} ${garbage(r, 30)} ${leadSourceValue(r)}`;
      const work = checkOne(s);
      worst = Math.max(worst, (work - WORK_CONST) / Math.max(1, s.length));
      expect(work, JSON.stringify(s)).toBeLessThanOrEqual(WORK_PER_CHAR * s.length + WORK_CONST);
      count++;
    }
    expect(count).toBe(100_000);
    expect(worst).toBeLessThan(WORK_PER_CHAR);
  });

  it('survives adversarial repetitions up to 1 MB, with work bounded by the input length', () => {
    const r = prng(SEED + 1);
    for (const unit of ADVERSARIAL_UNITS) {
      for (const n of [1, 10, 1000, 20_000]) {
        const s = unit.repeat(n);
        const work = checkOne(s);
        expect(work, `${JSON.stringify(unit)} x${n}`).toBeLessThanOrEqual(WORK_PER_CHAR * s.length + WORK_CONST);
      }
      const mixed = Array.from({ length: 2000 }, () => (r() < 0.5 ? unit : pick(r, ADVERSARIAL_UNITS))).join('');
      checkOne(mixed);
    }
    const mb = 'AzureMarketplace-INS|' + 'a.'.repeat(500_000);
    expect(checkOne(mb)).toBeLessThanOrEqual(WORK_PER_CHAR * mb.length + WORK_CONST);
  });

  it('does twice the work, not four times, when the adversarial input doubles', () => {
    for (const unit of ADVERSARIAL_UNITS) {
      const w1 = checkOne(unit.repeat(5_000));
      const w2 = checkOne(unit.repeat(10_000));
      // Linear: w2 ≈ 2·w1. Quadratic would give ≈ 4·w1.
      expect(w2, JSON.stringify(unit)).toBeLessThanOrEqual(2.2 * w1 + WORK_CONST);
    }
  });

  it('decoding one 1 MB value examines only a bounded prefix', () => {
    for (const s of ['x'.repeat(1_000_000), 'AzureMarketplace-INS|' + 'y'.repeat(1_000_000), '%7C'.repeat(350_000)]) {
      resetDecodeWork();
      const d = decodeLeadSource(s);
      expect(d.ok).toBe(false);
      expect(decodeWork()).toBeLessThan(1000);
    }
  });

  it('the work counter is real: it grows with the input', () => {
    const w1 = checkOne('AzureMarketplace-INS|a.b '.repeat(100));
    const w2 = checkOne('AzureMarketplace-INS|a.b '.repeat(1000));
    expect(w1).toBeGreaterThan(100);
    expect(w2).toBeGreaterThan(5 * w1);
  });
});
