// The page side of the store benchmark, bundled by esbuild and run in headless Chromium: fills a real
// IndexedDB lead memory with 100,000 leads (through importJson, in chunks), then times "find matches
// for a new lead" beside a bare keyed get, and the ingest of 10,000 more leads.
import { decodeLeadSource } from '../../src/core/leadsource';
import { normalizeCustomer } from '../../src/core/normalize';
import { openMemory } from '../../src/store/memory';
import { formatExportJson, EXPORT_FORMAT, EXPORT_VERSION } from '../../src/store/portability';
import {
  buildSighting,
  customerFromSighting,
  mergeIntoCustomer,
  publicSighting,
  recordKeyOf,
  type StoredCustomer,
} from '../../src/store/records';
import { DEFAULT_SETTINGS, type SightingInput } from '../../src/store/types';
import { generateLeads, type GeneratedLead } from './gen/leads';

export interface StoreBenchFigures {
  stored: number;
  fillMs: number;
  generateMs: number;
  probes: number;
  find: { p50: number; p99: number; mean: number };
  get: { p50: number; p99: number; mean: number };
  ingest: { leads: number; batch: number; totalMs: number; perLeadMs: number };
  verdicts: Record<string, number>;
  /** The side panel's search over the stored leads: queries by name, name prefix, email fragment, company. */
  search: { queries: number; p50: number; p99: number; mean: number; meanHits: number };
  timerResolutionMs: number;
}

/** A search a rep might type for a stored lead: its last name, a prefix of it, an email fragment, a company, a full name. */
function searchQuery(l: GeneratedLead, i: number): string {
  const f = l.fields;
  const last = f.lastName ?? f.fullName?.split(' ').at(-1) ?? '';
  const local = f.email?.split('@')[0] ?? '';
  switch (i % 5) {
    case 0:
      return last;
    case 1:
      return last.slice(0, 3);
    case 2:
      return f.email ? `${local.slice(0, 6)}@${(f.email.split('@')[1] ?? '').slice(0, 3)}` : last;
    case 3:
      return f.company ?? last;
    default:
      return [f.firstName, last].filter(Boolean).join(' ');
  }
}

/** The generator spreads leads past today; the import now refuses dates in the future, so they are held at now. */
const NOW = new Date().toISOString();
const notLater = (iso: string): string => (iso > NOW ? NOW : iso);

const toInput = (l: GeneratedLead, i: number): SightingInput => ({
  crm: 'dynamics',
  recordId: `rec-${i}`,
  recordUrl: null,
  lead: { leadSource: decodeLeadSource(l.leadSource), customer: l.fields, createdAt: notLater(l.createdAt) },
  seenAt: notLater(l.createdAt),
});

function quantiles(samples: number[]): { p50: number; p99: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: q(0.5), p99: q(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export async function runStoreBench(
  opts: { stored: number; probes: number; ingest: number; batch: number; seed: number },
  log: (s: string) => void,
): Promise<StoreBenchFigures> {
  let t = performance.now();
  const leads = generateLeads({ seed: opts.seed, leads: opts.stored + opts.probes + opts.ingest });
  const generateMs = performance.now() - t;
  log(`generated ${leads.length} leads in ${(generateMs / 1000).toFixed(1)} s`);

  const memory = await openMemory({ name: 'bench' });
  await memory.forgetAll();

  // Fill: the stored leads grouped by their true customer, imported in chunks of 10,000 sightings.
  t = performance.now();
  const chunk = 10_000;
  const customerIds: string[] = [];
  const sightingIds: string[] = [];
  for (let start = 0; start < opts.stored; start += chunk) {
    const customers = new Map<string, StoredCustomer>();
    const sightings = [];
    for (let i = start; i < Math.min(opts.stored, start + chunk); i++) {
      const input = toInput(leads[i]!, i);
      const n = normalizeCustomer(input.lead.customer);
      const customerId = `cust-${leads[i]!.truth}`;
      const s = buildSighting(
        input,
        n,
        { id: `s-${i}`, customerId, recordKey: recordKeyOf(input, n) },
        { status: 'new', fields: [], score: 0, matchedSightingId: null, candidateCustomerId: null, decision: null },
      );
      const prev = customers.get(customerId);
      customers.set(customerId, prev ? mergeIntoCustomer(prev, s).customer : customerFromSighting(s));
      sightings.push(publicSighting(s));
      sightingIds.push(s.id);
    }
    customerIds.push(...customers.keys());
    const text = formatExportJson({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      settings: DEFAULT_SETTINGS,
      customers: [...customers.values()].map(({ orgKeys: _o, ...c }) => c),
      sightings,
      decisions: [],
    });
    await memory.importJson(text);
    log(`  stored ${Math.min(opts.stored, start + chunk)} leads (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  const fillMs = performance.now() - t;

  // Find matches for a new lead vs a bare keyed get, interleaved in the same run.
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('bench');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const bareGet = (id: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const req = raw.transaction('sightings', 'readonly').objectStore('sightings').get(id);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const findTimes: number[] = [];
  const getTimes: number[] = [];
  const verdicts: Record<string, number> = { new: 0, possible: 0, duplicate: 0 };
  const probes = leads.slice(opts.stored, opts.stored + opts.probes).map((l, i) => toInput(l, opts.stored + i));
  for (let i = 0; i < 30; i++) {
    await memory.findMatches(probes[i % probes.length]!);
    await bareGet(sightingIds[i]!);
  }
  for (let i = 0; i < probes.length; i++) {
    let t0 = performance.now();
    const info = await memory.findMatches(probes[i]!);
    findTimes.push(performance.now() - t0);
    verdicts[info.status] = (verdicts[info.status] ?? 0) + 1;
    const id = sightingIds[(i * 7919) % sightingIds.length]!;
    t0 = performance.now();
    await bareGet(id);
    getTimes.push(performance.now() - t0);
  }
  raw.close();

  // The side panel's search, over the same 100,000 leads.
  const searchTimes: number[] = [];
  let hits = 0;
  const queries = Array.from({ length: Math.min(500, opts.probes) }, (_, i) => searchQuery(leads[(i * 7919) % opts.stored]!, i));
  for (const q of queries.slice(0, 20)) await memory.search(q);
  for (const q of queries) {
    const t0 = performance.now();
    hits += (await memory.search(q)).length;
    searchTimes.push(performance.now() - t0);
  }

  // Ingest 10,000 more leads on top, in batches as the service worker would receive page reports.
  const more = leads.slice(opts.stored + opts.probes).map((l, i) => toInput(l, opts.stored + opts.probes + i));
  t = performance.now();
  for (let i = 0; i < more.length; i += opts.batch) await memory.ingest(more.slice(i, i + opts.batch));
  const ingestMs = performance.now() - t;
  memory.close();

  // Timer resolution: the smallest non-zero step performance.now() shows here.
  let res = Infinity;
  for (let i = 0, a = performance.now(); i < 2000; i++) {
    const b = performance.now();
    if (b > a) {
      res = Math.min(res, b - a);
      a = b;
    }
  }
  return {
    stored: opts.stored,
    fillMs,
    generateMs,
    probes: probes.length,
    find: quantiles(findTimes),
    get: quantiles(getTimes),
    ingest: { leads: more.length, batch: opts.batch, totalMs: ingestMs, perLeadMs: ingestMs / more.length },
    verdicts,
    search: { queries: queries.length, ...quantiles(searchTimes), meanHits: hits / queries.length },
    timerResolutionMs: res,
  };
}

declare global {
  interface Window {
    runStoreBench?: typeof runStoreBench;
  }
}
if (typeof window !== 'undefined') window.runStoreBench = runStoreBench;
