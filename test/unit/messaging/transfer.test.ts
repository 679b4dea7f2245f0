// Big imports and exports cross the message boundary in parts, through the real router: no message carries more
// than PART_CHARS characters, the parts come back as the same text, and a lost or late part fails with a reason.
import { vi } from 'vitest';
import type { MemoryPort } from '../../../src/background/memory-port';
import type { Ask, Message } from '../../../src/messaging/messages';
import { exportInParts, importInParts, PART_CHARS, splitText } from '../../../src/messaging/transfer';
import { DEFAULT_SETTINGS } from '../../../src/store/types';
import { fakeBrowser } from '../fake-browser';

const fake = fakeBrowser();
vi.mock('../../../src/platform/browser', () => ({ browser: fake.browser, t: (k: string) => k, uiLang: () => 'en', send: vi.fn() }));
const { handleMessage } = await import('../../../src/background/router');

const page = { url: 'chrome-extension://test/src/options/index.html' };

function setup(exported: string) {
  const received: Array<{ text: string; withSettings?: boolean }> = [];
  const sizes: number[] = [];
  const memory = {
    exportJson: async () => exported,
    exportCsv: async () => exported,
    importJson: async (text: string, opts?: { withSettings?: boolean }) => {
      received.push({ text, withSettings: opts?.withSettings });
      return { imported: 1, skipped: 0 };
    },
    importCsv: async (text: string) => {
      received.push({ text });
      return { imported: 1, skipped: 0 };
    },
    getSettings: async () => DEFAULT_SETTINGS,
  } as unknown as MemoryPort;
  const deps = { memory: async () => memory, openSidePanel: async () => undefined, extensionOrigin: 'chrome-extension://test/' };
  const ask = (async (message: Message) => {
    sizes.push(JSON.stringify(message).length);
    return handleMessage(JSON.parse(JSON.stringify(message)), page, deps);
  }) as Ask;
  return { ask, received, sizes };
}

describe('transfers in parts', () => {
  it('never cuts a surrogate pair', () => {
    const text = `${'a'.repeat(9)}😀${'b'.repeat(9)}`;
    const parts = splitText(text, 10);
    expect(parts.join('')).toBe(text);
    // No part ends in the first half of a pair or starts with the second half.
    for (const p of parts) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p)).toBe(false);
  });

  it('imports a text of 2.5 parts as one, with the settings tick passed on', async () => {
    const text = `{"x":"${'я'.repeat(PART_CHARS * 2.5)}"}`;
    const { ask, received, sizes } = setup('');
    expect(await importInParts(ask, 'json', text, true)).toEqual({ imported: 1, skipped: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.text === text).toBe(true);
    expect(received[0]!.withSettings).toBe(true);
    expect(sizes.length).toBe(4);
    expect(Math.max(...sizes)).toBeLessThan(PART_CHARS + 200);
  });

  it('exports a text of 3 parts and gives the same text back', async () => {
    const text = 'x'.repeat(PART_CHARS * 3 - 7);
    const { ask } = setup(text);
    const got = await exportInParts(ask, 'json');
    if ('error' in got) throw new Error(got.error);
    expect(got.parts).toHaveLength(3);
    expect(got.parts.join('') === text).toBe(true);
    expect(got.filename).toMatch(/^leadlens-\d{4}-\d{2}-\d{2}\.json$/);
    // Fetched once: the worker has let it go.
    expect(await ask({ type: 'export-part', download: 'gone', index: 0 })).toHaveProperty('error');
  });

  it('refuses an import whose parts are missing or out of order, importing nothing', async () => {
    const { ask, received } = setup('');
    expect(await ask({ type: 'import-part', upload: 'u1', index: 1, text: 'late' })).toHaveProperty('error');
    expect(await ask({ type: 'import-part', upload: 'u2', index: 0, text: 'first' })).toEqual({ ok: true });
    expect(await ask({ type: 'import', format: 'json', upload: 'u2', parts: 2 })).toHaveProperty('error');
    expect(received).toHaveLength(0);
  });

  it('reports a failing export or import as an error, never as nothing', async () => {
    const ask = (async () => {
      throw new Error('Message length exceeded maximum allowed length.');
    }) as Ask;
    expect(await exportInParts(ask, 'json')).toEqual({ error: 'Message length exceeded maximum allowed length.' });
    expect(await importInParts(ask, 'csv', 'a,b')).toEqual({ error: 'Message length exceeded maximum allowed length.' });
  });
});
