// The CLI's view of the outside world, injectable so tests run commands in-process. Input arrives as bytes and is
// decoded by encoding.ts (byte-order marks, UTF-8, else a Windows code page with a warning, or --encoding).
import { readFile, writeFile } from 'node:fs/promises';
import { type Decoded, decodeBytes, StreamDecoder } from './encoding';

export interface Writer {
  write(chunk: string): unknown;
}

export interface CliIO {
  /** Chunks of standard input (a Node stream is one); `isTTY` set when it is a terminal. */
  stdin: AsyncIterable<string | Uint8Array> & { isTTY?: boolean };
  stdout: Writer;
  stderr: Writer;
  /** File access; defaults to node:fs. A file given as text is taken as already decoded. */
  readFile?: (path: string) => Promise<string | Uint8Array>;
  writeFile?: (path: string, text: string) => Promise<void>;
}

export function processIO(): CliIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

const asText = (text: string): Decoded => ({ text, encoding: 'utf-8', bom: text.startsWith('\ufeff') });

/** A file's text, decoded (see encoding.ts); `encoding` is the rep's --encoding, if any. */
export async function readText(io: CliIO, path: string, encoding?: string): Promise<Decoded> {
  const data = io.readFile ? await io.readFile(path) : await readFile(path);
  return typeof data === 'string' ? asText(data) : decodeBytes(data, encoding);
}

export function writeText(io: CliIO, path: string, text: string): Promise<void> {
  return io.writeFile ? io.writeFile(path, text) : writeFile(path, text, 'utf8');
}

/** All of standard input, decoded as a whole (time and memory linear in its size). */
export async function readStdin(io: CliIO, encoding?: string): Promise<Decoded> {
  const chunks: Uint8Array[] = [];
  const texts: string[] = [];
  for await (const chunk of io.stdin) {
    if (typeof chunk === 'string') texts.push(chunk);
    else chunks.push(chunk);
  }
  if (texts.length && !chunks.length) return asText(texts.join(''));
  return decodeBytes(Buffer.concat(chunks), encoding);
}

/**
 * Standard input line by line (without line ends), as it arrives. Each byte is looked at once: a line is kept as
 * its pieces until its end arrives, so one huge line costs time linear in its length. `onWarning` hears once when
 * the input turns out not to be UTF-8.
 */
export async function* stdinLines(io: CliIO, opts: { encoding?: string; onWarning?: (w: string) => void } = {}): AsyncGenerator<string> {
  const decoder = new StreamDecoder(opts.encoding);
  let pending: string[] = [];
  let warned = false;
  const lines = function* (text: string): Generator<string> {
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      pending.push(text.slice(from, nl));
      const line = pending.length === 1 ? pending[0]! : pending.join('');
      pending = [];
      from = nl + 1;
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    if (from < text.length) pending.push(text.slice(from));
  };
  const tell = () => {
    if (decoder.warning && !warned) {
      warned = true;
      opts.onWarning?.(decoder.warning);
    }
  };
  for await (const chunk of io.stdin) {
    const text = typeof chunk === 'string' ? chunk : decoder.push(chunk);
    tell();
    yield* lines(text);
  }
  yield* lines(decoder.end());
  tell();
  const last = pending.join('');
  if (last.length) yield last.endsWith('\r') ? last.slice(0, -1) : last;
}

/** Options parsed from argv: flags with values, boolean flags, and positionals. */
export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

import { UsageError } from './usage';

export { UsageError };
/**
 * A small argv reader: `--name value`, `--name=value`, boolean `--name`, `--` ends options.
 * `valued` lists the flags that take a value; anything not in `known` is a usage error.
 */
export function parseArgs(args: string[], known: readonly string[], valued: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
      if (valued.includes(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
        flags.set(name, value);
      } else {
        if (eq > 0) throw new UsageError(`--${name} takes no value`);
        flags.set(name, true);
      }
      continue;
    }
    positional.push(a);
  }
  return { flags, positional };
}
