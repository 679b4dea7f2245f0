// Offer ids that may have been cut, completed from the offers LeadLens knows (issue 10): the lead memory's
// and the offer dictionary's (LeadMemory.knownOfferIds gives both). A LeadSource exactly at its field's
// 40-character limit may be cut; when the id it shows begins exactly one whole known offer id, the rep sees
// that offer, with a note of what it was completed from (core/leadsource/complete.ts). The memory is asked
// only when some value may be cut, and once per batch.
import { completeOffer, mayBeCut } from '../core/leadsource';
import type { DecodedLeadSource } from '../core/types';
import type { PageLead } from '../messaging/messages';
import type { MemoryPort } from './memory-port';

/** Each decoded value completed where it can be; the known ids are read at most once, and only if needed. */
export async function completeDecoded(
  decoded: DecodedLeadSource[],
  knownOfferIds: () => Promise<readonly string[]>,
): Promise<DecodedLeadSource[]> {
  if (!decoded.some(mayBeCut)) return decoded;
  let known: readonly string[];
  try {
    known = await knownOfferIds();
  } catch {
    // The memory cannot be read: the values stay as decoded, with their "may be cut" warning.
    return decoded;
  }
  return decoded.map((d) => (mayBeCut(d) ? completeOffer(d, known) : d));
}

/** A page's leads with their cut offer ids completed from the memory. */
export async function completeLeads(leads: PageLead[], memory: () => Promise<MemoryPort>): Promise<PageLead[]> {
  if (!leads.some((l) => mayBeCut(l.lead.leadSource))) return leads;
  const withSource = leads.filter((l) => l.lead.leadSource !== null);
  const done = await completeDecoded(
    withSource.map((l) => l.lead.leadSource!),
    async () => (await memory()).knownOfferIds(),
  );
  const byLead = new Map(withSource.map((l, i) => [l, done[i]!]));
  return leads.map((l) => {
    const d = byLead.get(l);
    return d && d !== l.lead.leadSource ? { ...l, lead: { ...l.lead, leadSource: d } } : l;
  });
}

/** Most ids one `offer-ids` reply carries: enough to tell one match from several. */
export const MAX_OFFER_IDS = 20;

/** The known offer ids (memory and dictionary) that begin with `prefix`, case aside: what a page asks to complete a cut id. */
export async function offerIdsStartingWith(prefix: string, knownOfferIds: () => Promise<readonly string[]>): Promise<string[]> {
  const p = prefix.toLowerCase();
  if (!p) return [];
  return (await knownOfferIds()).filter((id) => id.toLowerCase().startsWith(p)).slice(0, MAX_OFFER_IDS);
}
