// Shared test wiring for the content script: English strings from public/_locales, a fake service worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestResult } from '../../../src/store/types';
import type { Message, PageLead } from '../../../src/messaging/messages';
import type { DuplicateStatus } from '../../../src/core/types';

const EN = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

export const t = (key: string): string => EN[key]?.message ?? key;

export function result(status: DuplicateStatus): IngestResult {
  return {
    sightingId: 's1',
    customerId: 'c1',
    match: { status, fields: [], score: 0, matchedSightingId: null, candidateCustomerId: null, decision: null },
    stageAdvanced: false,
    seenBefore: false,
  };
}

/** A stand-in for the service worker: records messages, answers page-leads with the given verdicts. */
export function fakeWorker(verdict: (lead: PageLead) => DuplicateStatus | null = () => 'new') {
  const messages: Message[] = [];
  const send = vi.fn(async (m: Message): Promise<unknown> => {
    messages.push(m);
    if (m.type === 'page-leads') {
      const statuses: Record<string, IngestResult | null> = {};
      for (const lead of m.leads) {
        const v = verdict(lead);
        statuses[lead.key] = v ? result(v) : null;
      }
      return { statuses };
    }
    return { ok: true };
  });
  const pageLeads = () => messages.filter((m): m is Extract<Message, { type: 'page-leads' }> => m.type === 'page-leads');
  return { send, messages, pageLeads };
}

export const badges = (root: ParentNode = document): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>('[data-leadlens]'));

export const attrs = (b: Element) => ({
  key: b.getAttribute('data-leadlens-key'),
  source: b.getAttribute('data-leadlens-source'),
  action: b.getAttribute('data-leadlens-action'),
  stage: b.getAttribute('data-leadlens-stage'),
  offer: b.getAttribute('data-leadlens-offer'),
  duplicate: b.getAttribute('data-leadlens-duplicate'),
});

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Points happy-dom's location at a CRM URL (no navigation, no fetch). */
export function setUrl(url: string | URL): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(String(url));
}
