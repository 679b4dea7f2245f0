// What the CLI's input bytes say: a byte-order mark names UTF-8 or UTF-16 (LE/BE); without one, valid UTF-8 is
// UTF-8, and anything else is read as the Windows code page it most likely is (1251 for Cyrillic, else 1252), with
// a warning, so text is never garbled silently. `--encoding` names any other (Node's TextDecoder labels).
import { UsageError } from './usage';

export interface Decoded {
  text: string;
  /** The encoding the text was read as (a WHATWG label). */
  encoding: string;
  /** The input started with a byte-order mark (a CSV written back keeps one). */
  bom: boolean;
  /** Why the input was not read as UTF-8, for standard error. */
  warning?: string;
}

/** A decoder for an encoding the rep named; a usage error for a name Node does not know. */
export function namedDecoder(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    throw new UsageError(`unknown encoding "${label}" (try utf-8, utf-16le, utf-16be, windows-1251, windows-1252)`);
  }
}

function bomOf(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Windows-1251 or 1252 for bytes that are not UTF-8. Cyrillic words in 1251 are runs of bytes from 0xC0 up; accented
 * Latin letters in 1252 mostly stand alone between ASCII letters. More paired high bytes than lone ones: 1251.
 */
export function legacyEncoding(b: Uint8Array): 'windows-1251' | 'windows-1252' {
  let paired = 0;
  let lone = 0;
  const n = Math.min(b.length, 1 << 20);
  for (let i = 0; i < n; i++) {
    if (b[i]! < 0x80) continue;
    if ((b[i - 1] ?? 0) >= 0x80 || (b[i + 1] ?? 0) >= 0x80) paired++;
    else lone++;
  }
  return paired > lone ? 'windows-1251' : 'windows-1252';
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstBadUtf8(b: Uint8Array): number {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  try {
    fatal.decode(b);
    return -1;
  } catch {
    // Find it: the longest prefix that decodes (binary search over prefixes ending on a boundary is overkill here).
    let i = 0;
    while (i < b.length) {
      const c = b[i]!;
      const len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
      if (!len) return i;
      try {
        fatal.decode(b.subarray(i, i + len));
      } catch {
        return i;
      }
      i += len;
    }
    return b.length;
  }
}

/** A whole input's text. `forced` is the --encoding the rep gave, if any. */
export function decodeBytes(bytes: Uint8Array, forced?: string): Decoded {
  const bom = bomOf(bytes);
  if (forced) {
    const decoder = namedDecoder(forced);
    return { text: decoder.decode(bytes), encoding: decoder.encoding, bom: bom !== null };
  }
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes), encoding: bom.encoding, bom: true };
  const bad = firstBadUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', bom: false };
  const encoding = legacyEncoding(bytes);
  return {
    text: new TextDecoder(encoding).decode(bytes),
    encoding,
    bom: false,
    warning: `not UTF-8 (byte ${bad} is not valid UTF-8): read as ${encoding}; pass --encoding to choose another`,
  };
}

/**
 * The same, chunk by chunk, for standard input: text is handed on as it arrives. Valid UTF-8 so far stays UTF-8;
 * at the first invalid byte the rest is read as the Windows code page those bytes suggest, with a warning.
 */
export class StreamDecoder {
  private decoder: TextDecoder | null;
  private utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private head: Uint8Array | null = new Uint8Array(0);
  private carry: Uint8Array = new Uint8Array(0);
  private offset = 0;
  warning: string | undefined;
  encoding = 'utf-8';

  constructor(forced?: string) {
    this.decoder = forced ? namedDecoder(forced) : null;
    if (this.decoder) this.encoding = this.decoder.encoding;
  }

  push(chunk: Uint8Array): string {
    if (this.head) {
      // The first bytes decide the encoding when they carry a byte-order mark.
      const joined = concat(this.head, chunk);
      if (joined.length < 3) {
        this.head = joined;
        return '';
      }
      this.head = null;
      const bom = bomOf(joined);
      if (bom && !this.decoder) {
        this.decoder = new TextDecoder(bom.encoding);
        this.encoding = bom.encoding;
      }
      chunk = joined;
    }
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    const bytes = concat(this.carry, chunk);
    const cut = completeUtf8(bytes);
    try {
      const text = this.utf8.decode(bytes.subarray(0, cut));
      this.carry = bytes.slice(cut);
      this.offset += cut;
      return text;
    } catch {
      const encoding = legacyEncoding(bytes);
      const at = this.offset + Math.max(0, firstBadUtf8(bytes));
      this.warning = `not UTF-8 (byte ${at} is not valid UTF-8): read as ${encoding} from there on; pass --encoding to choose another`;
      this.encoding = encoding;
      this.decoder = new TextDecoder(encoding);
      this.carry = new Uint8Array(0);
      return this.decoder.decode(bytes, { stream: true });
    }
  }

  end(): string {
    if (this.head?.length) {
      const rest = decodeBytes(this.head);
      this.head = null;
      this.warning = rest.warning;
      this.encoding = rest.encoding;
      return rest.text;
    }
    if (this.decoder) return this.decoder.decode();
    if (!this.carry.length) return '';
    // The input ended inside a UTF-8 sequence: those last bytes are not UTF-8.
    const encoding = legacyEncoding(this.carry);
    this.warning = `not UTF-8 (byte ${this.offset} is not valid UTF-8): read as ${encoding} from there on; pass --encoding to choose another`;
    this.encoding = encoding;
    return new TextDecoder(encoding).decode(this.carry);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Length of the longest prefix that does not end inside a UTF-8 sequence (at most 3 bytes are held back). */
function completeUtf8(b: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back]!;
    if (c < 0x80) return b.length;
    if (c >= 0xc0) {
      const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return len > back ? b.length - back : b.length;
    }
  }
  return b.length;
}
