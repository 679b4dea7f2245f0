// Completing a cut offer id on a page that decodes by itself (the popup decodes what the rep pastes at
// once, without the worker). Known ids come from two places: the offer dictionary the worker mirrors into
// storage.local (read locally, no round trip) and the ids the worker knows (the memory's offers and the
// dictionary's), asked with a short timeout. A worker that is slow to wake or does not answer leaves the
// dictionary's answer, or the value as decoded with its "may be cut" warning: the rep is never kept waiting.
import { completeOffer, cutOfferPrefix } from '../core/leadsource';
import type { DecodedLeadSource } from '../core/types';
import type { Ask } from './messages';

/** How long the page waits for the worker's ids before it settles for what it has. */
export const OFFER_IDS_TIMEOUT_MS = 500;

export interface OfferIdSources {
  /** The offer dictionary's ids as this page can read them itself. */
  dictionary: () => Promise<readonly string[]>;
  /** Asks the worker; absent where there is none to ask. */
  ask?: Ask;
  timeoutMs?: number;
}

/** The decoded values with each cut offer id completed where the known ids allow (others returned as they are). */
export async function completeOffers(decoded: readonly DecodedLeadSource[], sources: OfferIdSources): Promise<DecodedLeadSource[]> {
  const prefixes = [...new Set(decoded.map(cutOfferPrefix).filter((p): p is string => p !== null))];
  if (!prefixes.length) return [...decoded];
  const timeout = sources.timeoutMs ?? OFFER_IDS_TIMEOUT_MS;
  const [dictionary, asked] = await Promise.all([
    sources.dictionary().catch(() => [] as readonly string[]),
    Promise.all(prefixes.map((prefix) => askIds(sources.ask, prefix, timeout))),
  ]);
  const known = [...dictionary, ...asked.flat()];
  return decoded.map((d) => (cutOfferPrefix(d) ? completeOffer(d, known) : d));
}

/** The worker's ids beginning with `prefix`, or none when it fails or does not answer in time. */
async function askIds(ask: Ask | undefined, prefix: string, timeoutMs: number): Promise<readonly string[]> {
  if (!ask) return [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<readonly string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), timeoutMs);
  });
  const answer = ask({ type: 'offer-ids', prefix }).then(
    (reply) => (Array.isArray(reply?.ids) ? reply.ids.filter((id): id is string => typeof id === 'string') : []),
    () => [] as readonly string[],
  );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
