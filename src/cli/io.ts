// The CLI's view of the outside world, injectable so tests run commands in-process.
import { readFile, writeFile } from 'node:fs/promises';

export interface Writer {
  write(chunk: string): unknown;
}

export interface CliIO {
  /** Chunks of standard input (a Node stream is one); `isTTY` set when it is a terminal. */
  stdin: AsyncIterable<string | Uint8Array> & { isTTY?: boolean };
  stdout: Writer;
  stderr: Writer;
  /** File access; defaults to node:fs. */
  readFile?: (path: string) => Promise<string>;
  writeFile?: (path: string, text: string) => Promise<void>;
}

export function processIO(): CliIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

export function readText(io: CliIO, path: string): Promise<string> {
  return io.readFile ? io.readFile(path) : readFile(path, 'utf8');
}

export function writeText(io: CliIO, path: string, text: string): Promise<void> {
  return io.writeFile ? io.writeFile(path, text) : writeFile(path, text, 'utf8');
}

/** All of standard input as one text. */
export async function readStdin(io: CliIO): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** Standard input line by line (without line ends), as it arrives. */
export async function* stdinLines(io: CliIO): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of io.stdin) {
    buf += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
    }
  }
  buf += decoder.decode();
  if (buf.length) yield buf.endsWith('\r') ? buf.slice(0, -1) : buf;
}

/** Options parsed from argv: flags with values, boolean flags, and positionals. */
export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

export class UsageError extends Error {}

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
