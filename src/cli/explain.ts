// `leadlens explain`: what a LeadSource means and what to do next, as text (or JSON).
import { reasonLabel } from '../core/catalog';
import { decodeAnyText } from '../core/leadsource';
import { playbookFor } from '../core/playbook';
import type { DecodedLeadSource, Lang } from '../core/types';
import { parseArgs, UsageError, type CliIO } from './io';

export const EXPLAIN_HELP = `Usage:
  leadlens explain STRING [--lang en|ru] [--at TIME] [--json]
Explains a LeadSource value and lists the next steps, each due relative to the lead's time.
Options:
  --lang en|ru   language (default en)
  --at TIME      when the lead arrived (ISO 8601, default now); due times count from it
  --json         print the playbook as JSON
`;

const NEXT_STEPS: Record<Lang, string> = { en: 'Next steps:', ru: 'Следующие шаги:' };
const DUE: Record<Lang, string> = { en: 'due', ru: 'срок' };
const NO_DUE: Record<Lang, string> = { en: 'no deadline', ru: 'без срока' };

export async function runExplain(args: string[], io: CliIO): Promise<number> {
  const { flags, positional } = parseArgs(args, ['lang', 'at', 'json', 'help'], ['lang', 'at']);
  if (flags.has('help')) {
    io.stdout.write(EXPLAIN_HELP);
    return 0;
  }
  const langFlag = flags.get('lang') ?? 'en';
  if (langFlag !== 'en' && langFlag !== 'ru') throw new UsageError('--lang must be en or ru');
  const lang: Lang = langFlag;
  if (positional.length === 0) throw new UsageError('explain needs a LeadSource string');
  const at = flags.get('at');
  const leadTime = typeof at === 'string' ? new Date(at) : new Date();
  if (Number.isNaN(leadTime.getTime())) throw new UsageError(`--at: cannot read "${String(at)}" as a date`);
  // Several words without quotes are one value (`leadlens explain AzureMarketplace-StartTestDrive|Red Hat`).
  const value = positional.join(' ');
  const decoded: DecodedLeadSource = decodeAnyText(value)[0]!;
  const book = playbookFor(decoded, leadTime, lang);
  if (flags.has('json')) {
    io.stdout.write(JSON.stringify({ decoded, playbook: book }, null, 2) + '\n');
    return decoded.ok ? 0 : 1;
  }
  const out: string[] = [decoded.input, '', book.headline, book.explanation, '', NEXT_STEPS[lang]];
  book.steps.forEach((s, i) => {
    out.push(`  ${i + 1}. ${s.text} (${s.due ? `${DUE[lang]} ${s.due.slice(0, 16).replace('T', ' ')} UTC` : NO_DUE[lang]})`);
  });
  io.stdout.write(out.join('\n') + '\n');
  if (!decoded.ok) io.stderr.write(`leadlens: ${reasonLabel(decoded.reason ?? 'not-marketplace', lang)}\n`);
  return decoded.ok ? 0 : 1;
}
