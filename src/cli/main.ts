// The `leadlens` command: dispatches to decode, explain and dedupe. `io` is injectable so tests run it
// in-process; the bin launcher (leadlens.js) passes the real process streams.
import { readFile } from 'node:fs/promises';
import { DECODE_HELP, runDecode } from './decode';
import { EXPLAIN_HELP, runExplain } from './explain';
import { processIO, UsageError, type CliIO } from './io';

export type { CliIO } from './io';

const HELP = `leadlens: decode Microsoft commercial-marketplace LeadSource values and plan the follow-up.

Commands:
  decode    decode LeadSource strings, stdin lines or a CSV export
  explain   what a LeadSource means and the next steps, with due times
  dedupe    find rows of an export that are the same customer

Run "leadlens COMMAND --help" for a command's options.
  --help, -h      this text
  --version, -V   the version

${DECODE_HELP}
${EXPLAIN_HELP}`;

async function version(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

type DedupeModule = { runDedupe?: (args: string[], io: CliIO) => Promise<number> };

async function runDedupeCommand(args: string[], io: CliIO): Promise<number> {
  // Imported lazily: the dedupe command lives in its own module (and pulls in the matcher).
  const specifier = new URL('./dedupe.ts', import.meta.url).href;
  let mod: DedupeModule;
  try {
    mod = (await import(/* @vite-ignore */ specifier)) as DedupeModule;
  } catch (e) {
    const code = (e as { code?: string }).code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load|does not exist/i.test(String(e));
    if (!missing || !String(e).includes('dedupe')) throw e;
    io.stderr.write('leadlens: the dedupe command is not available in this build (src/cli/dedupe.ts is missing)\n');
    return 1;
  }
  if (typeof mod.runDedupe !== 'function') {
    io.stderr.write('leadlens: the dedupe command is not available in this build (runDedupe is not exported)\n');
    return 1;
  }
  return mod.runDedupe(args, io);
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(HELP);
        return command === undefined ? 2 : 0;
      case '--version':
      case '-V':
        io.stdout.write(`leadlens ${await version()}\n`);
        return 0;
      case 'decode':
        return await runDecode(rest, io);
      case 'explain':
        return await runExplain(rest, io);
      case 'dedupe':
        return await runDedupeCommand(rest, io);
      default:
        io.stderr.write(`leadlens: unknown command "${command}"; try leadlens --help\n`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`leadlens ${command}: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`leadlens: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
