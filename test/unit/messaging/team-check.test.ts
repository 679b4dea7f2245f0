import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/messaging/validate';

const answer = { id: 'query:lead:r:1', status: 200, retryAfter: null, text: '{"value":[]}' };
const start = { type: 'team-check', url: 'https://contoso.crm4.dynamics.com/main.aspx', keys: ['dynamics:1:subject:0'] };

describe('team-check messages', () => {
  it('are taken when they have the promised shape', () => {
    expect(parseMessage(start)).not.toBeNull();
    expect(
      parseMessage({ ...start, round: 'r1', answers: [answer, { ...answer, id: 'x', status: 0, text: null, error: 'timeout' }] }),
    ).not.toBeNull();
  });

  it('are refused otherwise', () => {
    const bad: unknown[] = [
      { ...start, keys: 'all' },
      { ...start, keys: [42] },
      { ...start, answers: [answer] }, // answers without a round
      { ...start, round: 'r1' }, // a round without answers
      { ...start, round: 'r1', answers: [{ ...answer, status: 200.5 }] },
      { ...start, round: 'r1', answers: [{ ...answer, status: -1 }] },
      { ...start, round: 'r1', answers: [{ ...answer, text: 7 }] },
      { ...start, round: 'r1', answers: [{ ...answer, error: 'gave-up' }] },
      { ...start, round: 'r1', answers: [{ ...answer, text: 'x'.repeat(4_000_001) }] },
      { ...start, round: 'r1', answers: Array.from({ length: 65 }, () => answer) },
      { ...start, url: 'x'.repeat(4001) },
    ];
    for (const message of bad) expect(parseMessage(message), JSON.stringify(message).slice(0, 80)).toBeNull();
  });
});
