import { describe, expect, it } from 'vitest';
import { DEFAULT_PAUSE_MS, MAX_PAUSE_MS, RateGate, retryAfterMs } from '../../../../src/core/team/gate';

const NOW = Date.parse('2026-12-02T10:00:00Z');

describe('the Retry-After pause', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterMs('2', NOW)).toBe(2000);
    expect(retryAfterMs(' 20 ', NOW)).toBe(20_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 10:01:00 GMT', NOW)).toBe(60_000);
  });

  it('waits a default time when the CRM names none, and never less than a second or more than an hour', () => {
    expect(retryAfterMs(null, NOW)).toBe(DEFAULT_PAUSE_MS);
    expect(retryAfterMs('soon', NOW)).toBe(DEFAULT_PAUSE_MS);
    expect(retryAfterMs('0', NOW)).toBe(1000);
    expect(retryAfterMs('86400', NOW)).toBe(MAX_PAUSE_MS);
    expect(retryAfterMs('Wed, 02 Dec 2026 09:00:00 GMT', NOW)).toBe(1000);
  });

  it('is one pause for every check: closed until the end, a shorter later pause does not shorten it', () => {
    const gate = new RateGate();
    expect(gate.open(NOW)).toBe(true);
    expect(gate.pause('20', NOW)).toBe(NOW + 20_000);
    expect(gate.open(NOW + 19_999)).toBe(false);
    gate.pause('2', NOW + 1000);
    expect(gate.pausedUntil).toBe(NOW + 20_000);
    expect(gate.open(NOW + 20_000)).toBe(true);
  });
});
