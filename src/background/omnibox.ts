// The address-bar shortcut: type "ll", a space and a LeadSource to see it decoded while typing;
// Enter files it for the side panel like a decoded selection.
import { actionLabel, reasonLabel, sourceLabel, stageLabel } from '../core/catalog';
import { offerLabel } from '../core/display';
import type { DecodedLeadSource, Lang } from '../core/types';
import { decodeAnyText } from '../core/leadsource';

/** Omnibox descriptions are XML: page-derived text must not be able to inject markup. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function describe(d: DecodedLeadSource, lang: Lang): string {
  if (!d.ok) return `<dim>${escapeXml(d.input)}</dim> — ${escapeXml(d.reason ? reasonLabel(d.reason, lang) : '')}`;
  const parts = [
    d.source ? sourceLabel(d.source, lang) : null,
    d.action ? actionLabel(d.action, lang) : null,
    stageLabel(d.stage, lang),
    offerLabel(d.offer),
  ].filter((p): p is string => !!p);
  return `<match>${escapeXml(d.input)}</match> <dim>→</dim> ${parts.map(escapeXml).join(' · ')}`;
}

/** Suggestions for what the rep typed so far (at most five, as the address bar shows). */
export function omniboxSuggestions(text: string, lang: Lang): chrome.omnibox.SuggestResult[] {
  if (!text.trim()) return [];
  return decodeAnyText(text.slice(0, 2000).trim())
    .slice(0, 5)
    .map((d) => ({ content: d.input || text, description: describe(d, lang) }));
}
