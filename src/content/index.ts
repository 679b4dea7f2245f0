// Content script entry (manifest.json, and the standalone build registered for CRM addresses the rep adds):
// badges LeadSource values on CRM pages and reports them.
import type { Lang } from '../core/types';
import { send, t, uiLang } from '../platform/browser';
import { startLens } from './lens';

async function main(): Promise<void> {
  // The rep may have chosen a language other than the browser's; the service worker then sends the
  // badge strings in that language. If it cannot answer, the badges simply follow the browser.
  let lang: Lang = uiLang();
  let chosen: Record<string, string> | null = null;
  try {
    const locale = await send({ type: 'get-locale' });
    if (locale?.lang && locale.messages) {
      lang = locale.lang;
      chosen = locale.messages;
    }
  } catch {
    // keep the browser's language
  }
  const lens = startLens({ win: window, send, lang: () => lang, t: (key) => chosen?.[key] ?? t(key) });
  void lens.scan();
}

void main();
