// The worker's side of messaging/transfer.ts: parts of an import waiting to be applied, and parts of an export
// waiting to be fetched. Kept in the worker's memory only while a transfer runs (the page asks part after part, so
// the worker stays awake); anything left for ten minutes, or beyond the size bound, is dropped.
import { MAX_PARTS, PART_CHARS, splitText } from '../messaging/transfer';

const STALE_MS = 10 * 60_000;
/** Transfers running at once (an options page in two tabs, a retried import). */
const MAX_OPEN = 4;

interface Open {
  parts: string[];
  at: number;
}

const uploads = new Map<string, Open>();
const downloads = new Map<string, Open>();

function sweep(map: Map<string, Open>, now: number): void {
  for (const [id, t] of map) if (now - t.at > STALE_MS) map.delete(id);
  while (map.size >= MAX_OPEN) map.delete(map.keys().next().value as string);
}

/** Keeps one part of an upload; an error when the upload would outgrow the bounds. */
export function receivePart(upload: string, index: number, text: string, now = Date.now()): { ok: true } | { error: string } {
  if (!uploads.has(upload)) {
    sweep(uploads, now);
    uploads.set(upload, { parts: [], at: now });
  }
  const open = uploads.get(upload)!;
  if (index !== open.parts.length || index >= MAX_PARTS || text.length > PART_CHARS) {
    uploads.delete(upload);
    return { error: `Part ${index + 1} of the import arrived out of order or too large; nothing was imported. Try again.` };
  }
  open.parts.push(text);
  open.at = now;
  return { ok: true };
}

/** The whole text of a finished upload (then forgotten), or null when its parts are not all there. */
export function takeUpload(upload: string, parts: number): string | null {
  const open = uploads.get(upload);
  uploads.delete(upload);
  if (!open || open.parts.length !== parts) return null;
  return open.parts.join('');
}

/** Offers an export's text in parts; returns the id to fetch them by and how many there are. */
export function offerDownload(text: string, now = Date.now()): { download: string; parts: number } {
  sweep(downloads, now);
  const download = crypto.randomUUID();
  const parts = splitText(text);
  downloads.set(download, { parts, at: now });
  return { download, parts: parts.length };
}

/** One part of an export; the export is forgotten once its last part was fetched. */
export function downloadPart(download: string, index: number, now = Date.now()): string | null {
  const open = downloads.get(download);
  const text = open?.parts[index];
  if (!open || text === undefined) return null;
  open.at = now;
  if (index === open.parts.length - 1) downloads.delete(download);
  return text;
}
