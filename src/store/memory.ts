// The lead memory: every lead LeadLens has seen, grouped into customers, in the extension origin's
// IndexedDB. Used only by the service worker. Matching runs inside the same readwrite transaction as
// the write, so two tabs reporting one lead at once serialise and never create two customers.
import type { IDBPTransaction } from 'idb';
import { stageRank } from '../core/catalog';
import { blockingKeys, decideMatch, matchProfile, type Candidate, type MatchOutcome } from '../core/match';
import type { Stage } from '../core/types';
import { StoreError, toStoreError } from './errors';
import { formatExportCsv, formatExportJson, parseExportJson, readImportCsv, EXPORT_FORMAT, EXPORT_VERSION } from './portability';
import {
  buildSighting,
  customerFromSighting,
  customerFromSightings,
  isStoredCustomer,
  isStoredSighting,
  mergeIntoCustomer,
  normalizedOf,
  pairId,
  publicSighting,
  recordKeyOf,
  SETTINGS_KEY,
  stageOf,
  withDerived,
  type StoredCustomer,
  type StoredDecision,
  type StoredSighting,
} from './records';
import { DEFAULT_DB_NAME, openDatabase, type LeadDatabase, type LeadDb } from './schema';
import { DEFAULT_SETTINGS, type CustomerView, type IngestResult, type MatchInfo, type Settings, type SightingInput } from './types';

export { StoreError } from './errors';
export type { StoreErrorCode } from './errors';

export interface MemoryOptions {
  /** Database name (tests and benchmarks use their own). */
  name?: string;
  now?: () => Date;
  /** Told about problems that did not stop the operation (a corrupt record skipped). */
  onProblem?: (problem: StoreError) => void;
}

export interface ImportResult {
  imported: number;
  skipped: number;
}

export interface LeadMemory {
  ingest(inputs: SightingInput[]): Promise<IngestResult[]>;
  /** The verdict a lead would get, without storing anything. */
  findMatches(input: SightingInput): Promise<MatchInfo>;
  customerView(customerId: string): Promise<CustomerView | null>;
  decide(sightingId: string, decision: 'confirmed' | 'rejected'): Promise<void>;
  forgetCustomer(customerId: string): Promise<void>;
  forgetAll(): Promise<void>;
  purge(now?: Date): Promise<number>;
  exportJson(): Promise<string>;
  exportCsv(): Promise<string>;
  importJson(text: string): Promise<ImportResult>;
  importCsv(text: string): Promise<ImportResult>;
  getSettings(): Promise<Settings>;
  setSettings(change: Partial<Settings>): Promise<Settings>;
  /** Problems reported since the last call (corrupt records skipped), oldest first. */
  takeProblems(): StoreError[];
  /** How much the memory holds: customers and leads (sightings), counted without reading them. */
  stats(): Promise<{ customers: number; leads: number }>;
  close(): void;
}

/** Most candidate sightings read per match key: a very common name stays cheap. */
const PER_KEY_LIMIT = 50;
const ALL = ['customers', 'sightings', 'decisions'] as const;
type RwTx = IDBPTransaction<LeadDb, ('customers' | 'sightings' | 'decisions')[], 'readwrite'>;
type AnyTx = IDBPTransaction<LeadDb, ('customers' | 'sightings' | 'decisions')[], 'readonly' | 'readwrite'>;

export async function openMemory(opts: MemoryOptions = {}): Promise<LeadMemory> {
  const memory = new IdbLeadMemory(opts);
  await memory.db();
  return memory;
}

class IdbLeadMemory implements LeadMemory {
  private readonly name: string;
  private readonly now: () => Date;
  private connection: Promise<LeadDatabase> | null = null;
  private problems: StoreError[] = [];
  private settingsCache: Settings | null = null;

  constructor(private readonly opts: MemoryOptions) {
    this.name = opts.name ?? DEFAULT_DB_NAME;
    this.now = opts.now ?? (() => new Date());
  }

  /** The open connection; reopened after another context's upgrade closed it. */
  db(): Promise<LeadDatabase> {
    if (!this.connection) {
      const opening = openDatabase(this.name, undefined, {
        onClosed: () => {
          this.connection = null;
        },
      });
      this.connection = opening;
      opening.catch(() => {
        if (this.connection === opening) this.connection = null;
      });
    }
    return this.connection;
  }

  close(): void {
    const c = this.connection;
    this.connection = null;
    void c?.then(
      (db) => db.close(),
      () => undefined,
    );
  }

  takeProblems(): StoreError[] {
    const p = this.problems;
    this.problems = [];
    return p;
  }

  private corrupt(store: string, key: unknown): void {
    const problem = new StoreError(
      'corrupt',
      `A damaged ${store} record (${String(key)}) was skipped. The rest of the lead memory is intact; forgetting that customer or exporting and re-importing removes it.`,
    );
    this.problems.push(problem);
    this.opts.onProblem?.(problem);
  }

  /** Runs `work` in one readwrite transaction; any failure aborts it, so nothing is half-written. */
  private async write<T>(work: (tx: RwTx) => Promise<T>): Promise<T> {
    const db = await this.db();
    const tx = db.transaction([...ALL], 'readwrite');
    try {
      const result = await work(tx);
      await tx.done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      await tx.done.catch(() => undefined);
      throw toStoreError(error);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Ingest and matching

  async ingest(inputs: SightingInput[]): Promise<IngestResult[]> {
    if (inputs.length === 0) return [];
    const settings = await this.getSettings();
    const prepared = inputs.map((input) => {
      const normalized = normalizedOf(input, settings);
      return { input, normalized, recordKey: recordKeyOf(input, normalized) };
    });
    return this.write(async (tx) => {
      const results: IngestResult[] = [];
      // Writes are not awaited one by one: requests in a transaction run in order, so the next lead
      // already reads them; their outcome is awaited once at the end (a failure aborts everything).
      const writes: Promise<unknown>[] = [];
      for (const p of prepared) results.push(await this.ingestOne(tx, p.input, p.normalized, p.recordKey, writes));
      await Promise.all(writes);
      return results;
    });
  }

  private async ingestOne(
    tx: RwTx,
    input: SightingInput,
    normalized: ReturnType<typeof normalizedOf>,
    recordKey: string,
    writes: Promise<unknown>[],
  ): Promise<IngestResult> {
    const sightings = tx.objectStore('sightings');
    const customers = tx.objectStore('customers');
    const profile = matchProfile(normalized);
    // One round trip: the record's identity and the match candidates together.
    const [seen, candidates] = await Promise.all([sightings.index('recordKey').get(recordKey), this.candidates(tx, profile)]);
    if (seen && isStoredSighting(seen)) {
      // The same lead record again: nothing new, only when it was last seen.
      if (input.seenAt > seen.lastSeen) {
        writes.push(sightings.put({ ...seen, lastSeen: input.seenAt }));
        const c = await customers.get(seen.customerId);
        if (c && isStoredCustomer(c) && input.seenAt > c.lastSeen) writes.push(customers.put({ ...c, lastSeen: input.seenAt }));
      }
      return { sightingId: seen.id, customerId: seen.customerId, match: seen.match, stageAdvanced: false, seenBefore: true };
    }
    if (seen) {
      // A damaged record under this lead's key: report it and let the fresh sighting replace it.
      const badId = (seen as unknown as { id: string }).id;
      this.corrupt('sighting', badId);
      writes.push(sightings.delete(badId));
    }

    const outcome = await this.judge(tx, profile, candidates);
    const id = crypto.randomUUID();
    const customerId = outcome.customerId ?? crypto.randomUUID();
    const match: MatchInfo = {
      status: outcome.status,
      fields: outcome.fields,
      score: outcome.score,
      matchedSightingId: outcome.matched,
      candidateCustomerId: outcome.candidateCustomerId,
      decision: null,
    };
    const sighting = buildSighting(input, normalized, { id, customerId, recordKey }, match);
    let stageAdvanced = false;
    const existing = outcome.customerId ? await customers.get(customerId) : undefined;
    if (existing && isStoredCustomer(existing)) {
      const merged = mergeIntoCustomer(existing, sighting);
      stageAdvanced = merged.stageAdvanced;
      writes.push(customers.put(merged.customer));
    } else {
      writes.push(customers.put(customerFromSighting(sighting)));
    }
    writes.push(sightings.put(sighting));
    return { sightingId: id, customerId, match, stageAdvanced, seenBefore: false };
  }

  /** Candidate sightings through the key index: a few keyed reads, never a scan. */
  private async candidates(tx: AnyTx, profile: ReturnType<typeof matchProfile>): Promise<StoredSighting[][]> {
    const index = tx.objectStore('sightings').index('keys');
    return Promise.all(blockingKeys(profile).map((k) => index.getAll(k, PER_KEY_LIMIT)));
  }

  /** The shared verdict logic over the candidates (and the rep's earlier decisions). */
  private async judge(tx: AnyTx, profile: ReturnType<typeof matchProfile>, lists: StoredSighting[][]): Promise<MatchOutcome<string>> {
    const byId = new Map<string, Candidate<string>>();
    for (const list of lists) {
      for (const s of list) {
        if (byId.has(s.id)) continue;
        if (!isStoredSighting(s)) {
          this.corrupt('sighting', (s as { id?: unknown })?.id);
          continue;
        }
        byId.set(s.id, { ref: s.id, customerId: s.customerId, profile: s.profile });
      }
    }
    const customerIds = new Set([...byId.values()].map((c) => c.customerId));
    let rejected = new Set<string>();
    if (customerIds.size > 1) {
      // Decisions matter only when the lead could go to more than one customer.
      const decisions = tx.objectStore('decisions').index('customers');
      const found = await Promise.all([...customerIds].map((id) => decisions.getAll(id)));
      rejected = new Set(
        found
          .flat()
          .filter((d) => d.decision === 'rejected')
          .map((d) => d.id),
      );
    }
    return decideMatch(profile, byId.values(), { isRejected: (a, b) => rejected.has(pairId(a, b)) });
  }

  async findMatches(input: SightingInput): Promise<MatchInfo> {
    const settings = await this.getSettings();
    const profile = matchProfile(normalizedOf(input, settings));
    const db = await this.db();
    const tx = db.transaction([...ALL], 'readonly');
    const o = await this.judge(tx, profile, await this.candidates(tx, profile));
    return {
      status: o.status,
      fields: o.fields,
      score: o.score,
      matchedSightingId: o.matched,
      candidateCustomerId: o.status === 'duplicate' ? o.customerId : o.candidateCustomerId,
      decision: null,
    };
  }

  // -----------------------------------------------------------------------------------------------
  // Reading

  async customerView(customerId: string): Promise<CustomerView | null> {
    const db = await this.db();
    const tx = db.transaction([...ALL], 'readonly');
    const customer = await tx.objectStore('customers').get(customerId);
    if (!customer) return null;
    if (!isStoredCustomer(customer)) {
      this.corrupt('customer', customerId);
      return null;
    }
    const sightings = await this.sightingsOf(tx, customerId);
    const at = (s: StoredSighting): string => s.createdAt ?? s.firstSeen;
    sightings.sort((a, b) => at(a).localeCompare(at(b)) || a.firstSeen.localeCompare(b.firstSeen));
    const stages = sightings.map(stageOf);
    const furthest: Stage = stages.reduce((best, st) => (stageRank(st) > stageRank(best) ? st : best), stages[0] ?? 'unknown');

    const orgIndex = tx.objectStore('customers').index('orgKeys');
    const colleagueLists = await Promise.all(customer.orgKeys.map((k) => orgIndex.getAll(k, 50)));
    const colleagues = new Map<string, CustomerView['colleagues'][number]>();
    for (const c of colleagueLists.flat()) {
      if (c.id === customerId || colleagues.has(c.id)) continue;
      if (!isStoredCustomer(c)) {
        this.corrupt('customer', (c as { id?: unknown }).id);
        continue;
      }
      colleagues.set(c.id, { customerId: c.id, displayName: c.displayName, email: c.email, lastSeen: c.lastSeen });
    }
    const decisions = await tx.objectStore('decisions').index('customers').getAll(customerId);
    const decided = new Set(decisions.map((d) => d.id));
    const pending: CustomerView['pending'] = [];
    for (const s of sightings) {
      const cand = s.match.candidateCustomerId;
      if (s.match.status !== 'possible' || !cand || s.match.decision || cand === customerId || decided.has(pairId(customerId, cand)))
        continue;
      if (!(await tx.objectStore('customers').getKey(cand))) continue; // the candidate was forgotten
      pending.push({ sightingId: s.id, candidateCustomerId: cand, fields: s.match.fields });
    }
    return {
      customerId,
      displayName: customer.displayName,
      company: customer.company,
      email: customer.email,
      phone: customer.phone,
      journey: sightings.map((s) => ({
        sightingId: s.id,
        action: s.leadSource?.action ?? null,
        stage: stageOf(s),
        offer:
          s.leadSource?.offer?.title ??
          s.offerTitle ??
          (s.leadSource?.offer?.offerId ? `${s.leadSource.offer.publisherId}.${s.leadSource.offer.offerId}` : null),
        source: s.leadSource?.source ?? null,
        at: at(s),
        crm: s.crm,
        recordUrl: s.recordUrl,
      })),
      furthestStage: furthest,
      colleagues: [...colleagues.values()].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen)),
      pending,
    };
  }

  private async sightingsOf(tx: AnyTx, customerId: string): Promise<StoredSighting[]> {
    const all = await tx.objectStore('sightings').index('customerId').getAll(customerId);
    return all.filter((s) => {
      if (isStoredSighting(s)) return true;
      this.corrupt('sighting', (s as { id?: unknown })?.id);
      return false;
    });
  }

  // -----------------------------------------------------------------------------------------------
  // The rep's decisions

  async decide(sightingId: string, decision: 'confirmed' | 'rejected'): Promise<void> {
    await this.write(async (tx) => {
      const sightings = tx.objectStore('sightings');
      const s = await sightings.get(sightingId);
      if (!s || !isStoredSighting(s)) throw new StoreError('corrupt', `There is no readable lead ${sightingId} to decide on.`);
      const candidate = s.match.candidateCustomerId;
      if (!candidate) throw new StoreError('corrupt', 'This lead has no possible match to confirm or reject.');
      const from = s.customerId;
      const record: StoredDecision = {
        id: pairId(from, candidate),
        customers: [from, candidate],
        decision,
        sightingId,
        at: this.now().toISOString(),
      };
      await tx.objectStore('decisions').put(record);
      await sightings.put({ ...s, match: { ...s.match, decision } });
      if (decision === 'confirmed' && from !== candidate && (await tx.objectStore('customers').getKey(candidate))) {
        await this.mergeCustomers(tx, from, candidate);
      }
    });
  }

  /** Moves every sighting of `from` into `into` and drops `from`. */
  private async mergeCustomers(tx: RwTx, from: string, into: string): Promise<void> {
    const sightings = tx.objectStore('sightings');
    const moved = await this.sightingsOf(tx, from);
    for (const s of moved) await sightings.put({ ...s, customerId: into });
    const all = await this.sightingsOf(tx, into);
    const rebuilt = customerFromSightings(into, all);
    if (rebuilt) await tx.objectStore('customers').put(rebuilt);
    await tx.objectStore('customers').delete(from);
    // Pointers at the merged-away customer now point at the one it joined.
    const pointing = await sightings.index('candidateCustomerId').getAll(from);
    for (const p of pointing) {
      if (!isStoredSighting(p)) continue;
      await sightings.put({ ...p, candidateCustomerId: into, match: { ...p.match, candidateCustomerId: into } });
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Forgetting and retention

  async forgetCustomer(customerId: string): Promise<void> {
    await this.write((tx) => this.deleteCustomer(tx, customerId));
  }

  /** Deletes a customer, its sightings and decisions, and every pointer to it from other leads. */
  private async deleteCustomer(tx: RwTx, customerId: string): Promise<void> {
    const sightings = tx.objectStore('sightings');
    const ids = await sightings.index('customerId').getAllKeys(customerId);
    for (const id of ids) await sightings.delete(id);
    await tx.objectStore('customers').delete(customerId);
    const decisions = tx.objectStore('decisions');
    for (const key of await decisions.index('customers').getAllKeys(customerId)) await decisions.delete(key);
    const gone = new Set(ids);
    for (const p of await sightings.index('candidateCustomerId').getAll(customerId)) {
      if (!isStoredSighting(p)) {
        await sightings.delete((p as { id: string }).id);
        continue;
      }
      const { candidateCustomerId: _drop, ...rest } = p;
      const matchedGone = p.match.matchedSightingId !== null && gone.has(p.match.matchedSightingId);
      await sightings.put({
        ...rest,
        match: { ...p.match, candidateCustomerId: null, matchedSightingId: matchedGone ? null : p.match.matchedSightingId },
      });
    }
  }

  async stats(): Promise<{ customers: number; leads: number }> {
    const db = await this.db();
    const tx = db.transaction(['customers', 'sightings'], 'readonly');
    const [customers, leads] = await Promise.all([tx.objectStore('customers').count(), tx.objectStore('sightings').count()]);
    return { customers, leads };
  }

  async forgetAll(): Promise<void> {
    await this.write(async (tx) => {
      await Promise.all(ALL.map((name) => tx.objectStore(name).clear()));
    });
  }

  async purge(now?: Date): Promise<number> {
    const settings = await this.getSettings();
    const when = now ?? this.now();
    const cutoff = new Date(when.getTime() - settings.retentionDays * 86_400_000).toISOString();
    return this.write(async (tx) => {
      const sightings = tx.objectStore('sightings');
      const old = await sightings.index('lastSeen').getAll(IDBKeyRange.upperBound(cutoff, true));
      const touched = new Set<string>();
      for (const s of old) {
        await sightings.delete(s.id);
        if (typeof s.customerId === 'string') touched.add(s.customerId);
      }
      for (const customerId of touched) {
        const left = await this.sightingsOf(tx, customerId);
        if (left.length === 0) await this.deleteCustomer(tx, customerId);
        else {
          const rebuilt = customerFromSightings(customerId, left);
          if (rebuilt) await tx.objectStore('customers').put(rebuilt);
        }
      }
      return old.length;
    });
  }

  // -----------------------------------------------------------------------------------------------
  // Portability

  async exportJson(): Promise<string> {
    const { customers, sightings, decisions } = await this.readAll();
    return formatExportJson({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: this.now().toISOString(),
      settings: await this.getSettings(),
      customers: customers.map(({ orgKeys: _derived, ...c }) => c),
      sightings: sightings.map(publicSighting),
      decisions,
    });
  }

  async exportCsv(): Promise<string> {
    const { sightings } = await this.readAll();
    sightings.sort((a, b) => a.customerId.localeCompare(b.customerId) || a.firstSeen.localeCompare(b.firstSeen));
    return formatExportCsv(sightings.map(publicSighting));
  }

  private async readAll(): Promise<{ customers: StoredCustomer[]; sightings: StoredSighting[]; decisions: StoredDecision[] }> {
    const db = await this.db();
    const tx = db.transaction([...ALL], 'readonly');
    const [customers, sightings, decisions] = await Promise.all([
      tx.objectStore('customers').getAll(),
      tx.objectStore('sightings').getAll(),
      tx.objectStore('decisions').getAll(),
    ]);
    const okCustomers = customers.filter((c) => isStoredCustomer(c) || (this.corrupt('customer', (c as { id?: unknown })?.id), false));
    const known = new Set(okCustomers.map((c) => c.id));
    const okSightings = sightings.filter(
      (s) => (isStoredSighting(s) && known.has(s.customerId)) || (this.corrupt('sighting', (s as { id?: unknown })?.id), false),
    );
    return { customers: okCustomers, sightings: okSightings, decisions };
  }

  async importJson(text: string): Promise<ImportResult> {
    const doc = parseExportJson(text);
    const result = await this.write(async (tx) => {
      const sightings = tx.objectStore('sightings');
      let imported = 0;
      let skipped = 0;
      const touched = new Set<string>();
      // Requests are issued together and awaited together: one round trip per step, not per record.
      const existing = await Promise.all(
        doc.sightings.map(async (s) => (await sightings.getKey(s.id)) ?? (await sightings.index('recordKey').getKey(s.recordKey))),
      );
      const writes: Promise<unknown>[] = [];
      const fresh = new Set<string>();
      doc.sightings.forEach((s, i) => {
        if (existing[i] || fresh.has(s.recordKey)) {
          skipped++;
          return;
        }
        fresh.add(s.recordKey);
        writes.push(sightings.put(withDerived(s)));
        touched.add(s.customerId);
        imported++;
      });
      await Promise.all(writes);
      const wanted = doc.customers.filter((c) => touched.has(c.id));
      const all = await Promise.all(wanted.map((c) => this.sightingsOf(tx, c.id)));
      await Promise.all(
        wanted.map((c, i) => {
          const rebuilt = customerFromSightings(c.id, all[i]!);
          // Keep the exported display fields; derive the company keys from the sightings.
          return tx.objectStore('customers').put({ ...c, orgKeys: rebuilt?.orgKeys ?? [] });
        }),
      );
      for (const d of doc.decisions) await tx.objectStore('decisions').put(d);
      return { imported, skipped };
    });
    if (doc.settings) await this.setSettings(doc.settings);
    return result;
  }

  async importCsv(text: string): Promise<ImportResult> {
    const leads = readImportCsv(text);
    const seenAt = this.now().toISOString();
    const results = await this.ingest(leads.map((lead) => ({ crm: 'import', recordId: null, recordUrl: null, lead, seenAt })));
    const skipped = results.filter((r) => r.seenBefore).length;
    return { imported: results.length - skipped, skipped };
  }

  // -----------------------------------------------------------------------------------------------
  // Settings

  async getSettings(): Promise<Settings> {
    if (this.settingsCache) return this.settingsCache;
    const db = await this.db();
    const stored = await db.get('settings', SETTINGS_KEY);
    this.settingsCache = { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
    return this.settingsCache;
  }

  async setSettings(change: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.getSettings()), ...change };
    if (!(next.retentionDays > 0)) throw new StoreError('import', 'The retention period must be a positive number of days.');
    const db = await this.db();
    try {
      await db.put('settings', next, SETTINGS_KEY);
    } catch (error) {
      throw toStoreError(error);
    }
    this.settingsCache = next;
    return next;
  }
}
