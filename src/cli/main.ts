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
  // From src/cli/ or from the compiled dist-cli/: the package.json above it that is LeadLens's own.
  for (const path of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'leadlens') return pkg.version ?? 'unknown';
    } catch {
      // not there: try the next
    }
  }
  return 'unknown';
}

/** dedupe is loaded when it is run: it brings the matcher and the name and phone tables, which decode and explain never need. */
async function runDedupe(args: string[], io: CliIO): Promise<number> {
  return (await import('./dedupe')).runDedupe(args, io);
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
        return await runDedupe(rest, io);
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
