// The content script's read of what the worker mirrors into storage.local: the value now, then each change;
// a change that lands before the first read answers is not overwritten by that (older) answer.
import { vi } from 'vitest';
import { watchLocal } from '../../../src/platform/content';

it('hands over the stored value, then changes, and never lets a late first read undo a newer change', async () => {
  let answer: (got: Record<string, unknown>) => void = () => undefined;
  const listeners: Array<(changes: Record<string, { newValue?: unknown }>, area: string) => void> = [];
  vi.stubGlobal('chrome', {
    storage: {
      local: { get: () => new Promise((resolve) => (answer = resolve)) },
      onChanged: { addListener: (l: (typeof listeners)[number]) => listeners.push(l) },
    },
  });
  const seen: unknown[] = [];
  watchLocal('followUpHours', (v) => seen.push(v));
  for (const l of listeners) l({ followUpHours: { newValue: 48 } }, 'local');
  for (const l of listeners) l({ followUpHours: { newValue: 1 } }, 'session'); // another area: not ours
  for (const l of listeners) l({ other: { newValue: 2 } }, 'local'); // another key: not ours
  answer({ followUpHours: 24 }); // read before the change, answered after it
  await Promise.resolve();
  await Promise.resolve();
  expect(seen).toEqual([48]);

  const first: unknown[] = [];
  watchLocal('followUpHours', (v) => first.push(v));
  answer({ followUpHours: 12 });
  await Promise.resolve();
  await Promise.resolve();
  expect(first).toEqual([12]);
  vi.unstubAllGlobals();
});
