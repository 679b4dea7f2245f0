// Decoding whatever text a rep hands over: a value typed into the CLI or the address bar, a CSV cell,
// a selection on a web page, a paste into the popup.
import type { DecodedLeadSource } from '../types';
import { decodeLeadSource } from './decode';
import { findLeadSources } from './find';

/** Line breaks: a LeadSource value never spans lines, so text with several lines is read as prose. */
const LINE_BREAK = /[\r\n]/;

/**
 * The LeadSource values a text holds, in order:
 * - a one-line text that decodes as a whole is that one value, read exactly as written (its spacing
 *   notes included), so an offer title with quotes or a `Marketplace-` inside stays whole;
 * - otherwise (not a value, several lines, or several values on the line) every value found inside
 *   it, as `findLeadSources` reads running text;
 * - one exception to the first rule: when the prose read finds an offer id the whole read does not
 *   have (read whole, `…|contoso.crm.` keeps the sentence's full stop in its id), the prose read wins;
 * - when nothing is found, the whole text's decode, whose `reason` says why it is not a LeadSource.
 * Never empty. Callers that hold a mouse selection trim it first (its edges are the mouse's).
 */
export function decodeAnyText(text: string): DecodedLeadSource[] {
  const whole = decodeLeadSource(text);
  const found = findLeadSources(text).map((f) => f.decoded);
  if (!whole.ok || found.length > 1 || LINE_BREAK.test(text.trim())) return found.length ? found : [whole];
  const foundId = found[0]?.offer?.offerId;
  return foundId && foundId !== whole.offer?.offerId ? found : [whole];
}
