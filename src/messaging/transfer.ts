// Big memories cross the message boundary in parts: Chrome refuses a message over 64 MiB, and an export of
// 100,000 leads is larger than that. An import goes up as numbered `import-part` messages and is then applied
// whole by one `import` (the store still imports it in one transaction); an export comes down as `export-part`
// replies that the page hands to a Blob without joining them. Any failure ends as `{ error }` for the page to show.
import type { Ask, Reply } from './messages';

/** Characters per part: 4 M characters are at most 12 MiB of UTF-8 once serialised, far below Chrome's 64 MiB. */
export const PART_CHARS = 4_000_000;
/** Most parts one transfer may have (with PART_CHARS: about 1 G characters, beyond any V8 string). */
export const MAX_PARTS = 256;

/** `text` cut into parts of at most `size` characters, never between the two halves of a surrogate pair. */
export function splitText(text: string, size = PART_CHARS): string[] {
  const parts: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(at, end));
    at = end;
  }
  return parts.length ? parts : [''];
}

const newId = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`).slice(0, 64);

export type ExportedParts = { parts: string[]; filename: string } | { error: string };

/** Sends an import file in parts, then asks for it to be applied. */
export async function importInParts(ask: Ask, format: 'json' | 'csv', text: string, withSettings = false): Promise<Reply<'import'>> {
  try {
    const parts = splitText(text);
    if (parts.length > MAX_PARTS)
      return { error: `The file is too large to import (${parts.length} parts of ${PART_CHARS} characters; at most ${MAX_PARTS}).` };
    const upload = newId();
    for (const [index, part] of parts.entries()) {
      const sent = await ask({ type: 'import-part', upload, index, text: part });
      if ('error' in sent) return { error: sent.error };
    }
    return await ask({ type: 'import', format, upload, parts: parts.length, withSettings });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Asks for an export and collects its parts. */
export async function exportInParts(ask: Ask, format: 'json' | 'csv'): Promise<ExportedParts> {
  try {
    const offer = await ask({ type: 'export', format });
    if ('error' in offer) return { error: offer.error };
    const parts: string[] = [];
    for (let index = 0; index < offer.parts; index++) {
      const part = await ask({ type: 'export-part', download: offer.download, index });
      if ('error' in part) return { error: part.error };
      parts.push(part.text);
    }
    return { parts, filename: offer.filename };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
