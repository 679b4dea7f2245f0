// The lead memory: every lead LeadLens has seen, grouped into customers, in the extension origin's
// IndexedDB. Used only by the service worker. This file holds the connection, the transaction helpers
// and the settings; each operation lives in its own module and runs inside one transaction opened
// here: ingest.ts (taking in leads and matching), customer-view.ts (the side panel's read model),
// decisions.ts (the rep's answers, merging), forget.ts (forgetting and retention) and portability.ts
// (export and import).
import { customerView } from './customer-view';
import { decide } from './decisions';
import { StoreError, toStoreError } from './errors';
import { deleteCustomer, forgetAll, purgeBefore } from './forget';
import { findMatches, ingestLeads, prepareLeads } from './ingest';
import { csvSightings, exportCsv, exportJson, importCounts, importDocument, parseExportJson } from './portability';
import { SETTINGS_KEY } from './records';
import { settingsChangeProblem, storedSettings, teamCheckOf } from './settings';
import { DEFAULT_DB_NAME, openDatabase, type LeadDatabase } from './schema';
import { allOffers, editOffer, importOffers, learnOffers } from './offers';
import { searchMemory } from './search';
import { dropOrphanTicks, setTick, ticksOf } from './ticks';
import { clearTeamChecks, dropTeamChecksBefore, recordTeamChecks, type TeamCheckRow, teamChecksFor } from './team-cache';
import { LEAD_STORES, type AnyTx, type RwTx, type StoreCtx } from './tx';
import {
  DEFAULT_SETTINGS,
  type CustomerView,
  type Decision,
  type ImportResult,
  type IngestResult,
  type MatchInfo,
  type OfferName,
  type SearchHit,
  type Settings,
  type SightingInput,
} from './types';

export { StoreError } from './errors';
export type { StoreErrorCode } from './errors';
export type { ImportResult } from './types';
export type { TeamCheckRow } from './team-cache';

export interface MemoryOptions {
  /** Database name (tests and benchmarks use their own). */
  name?: string;
  now?: () => Date;
  /** Told about problems that did not stop the operation (a corrupt record skipped). */
  onProblem?: (problem: StoreError) => void;
}

export interface LeadMemory {
  /**
   * Takes in leads; resolves with their verdicts once stored. `onVerdicts` gets them as soon as they are known,
   * before the records are written (a failure after that still rejects the promise).
   */
  ingest(inputs: SightingInput[], onVerdicts?: (results: IngestResult[]) => void): Promise<IngestResult[]>;
  /** The verdict a lead would get, without storing anything. */
  findMatches(input: SightingInput): Promise<MatchInfo>;
  customerView(customerId: string): Promise<CustomerView | null>;
  decide(sightingId: string, decision: Decision): Promise<void>;
  forgetCustomer(customerId: string): Promise<void>;
  forgetAll(): Promise<void>;
  purge(now?: Date): Promise<number>;
  exportJson(): Promise<string>;
  exportCsv(): Promise<string>;
  /** Adds an export's leads; its settings only with `withSettings` (the rep ticked "also import settings"). */
  importJson(text: string, opts?: { withSettings?: boolean }): Promise<ImportResult>;
  importCsv(text: string): Promise<ImportResult>;
  getSettings(): Promise<Settings>;
  setSettings(change: Partial<Settings>): Promise<Settings>;
  /** Problems reported since the last call (corrupt records skipped), oldest first. */
  takeProblems(): StoreError[];
  /** How much the memory holds: customers and leads (sightings), counted without reading them. */
  stats(): Promise<{ customers: number; leads: number }>;
  /**
   * The whole offer ids (`publisher.offer`) it knows, each once (case aside): those of the leads it holds and
   * the offer dictionary's. A cut id is completed from them.
   */
  knownOfferIds(): Promise<string[]>;
  /** The team check's session cache (team-cache.ts): rows of these customer keys. */
  teamChecks(customerKeys: readonly string[]): Promise<TeamCheckRow[]>;
  /** Stores what a team check settled (each key and table replaced as a whole). */
  recordTeamChecks(rows: readonly TeamCheckRow[]): Promise<void>;
  /** Empties the team check's cache; with `before`, only rows checked earlier than that. */
  clearTeamChecks(before?: Date): Promise<number | undefined>;
  /** Customers whose remembered leads match a typed query (core/search.ts), newest first. */
  search(query: string): Promise<SearchHit[]>;
  /** The next steps the rep ticked on a lead. */
  ticks(sightingId: string): Promise<string[]>;
  setTick(sightingId: string, step: string, done: boolean): Promise<string[]>;
  /** The offer dictionary; `learnOffers` files what leads taught (true when it changed). */
  offers(): Promise<OfferName[]>;
  learnOffers(learnt: ReadonlyArray<{ key: string; name: string }>): Promise<boolean>;
  editOffer(key: string, name: string): Promise<void>;
  close(): void;
}

const DAY_MS = 86_400_000;
/** More distinct offers than a rep's memory holds in practice; a bound on the walk all the same. */
const MAX_KNOWN_OFFERS = 10_000;

export async function openMemory(opts: MemoryOptions = {}): Promise<LeadMemory> {
  const memory = new IdbLeadMemory(opts);
  await memory.db();
  return memory;
}

class IdbLeadMemory implements LeadMemory {
  private readonly name: string;
  private readonly ctx: StoreCtx;
  private connection: Promise<LeadDatabase> | null = null;
  private problems: StoreError[] = [];
  private settingsCache: Settings | null = null;

  constructor(private readonly opts: MemoryOptions) {
    this.name = opts.name ?? DEFAULT_DB_NAME;
    this.ctx = {
      now: opts.now ?? (() => new Date()),
      skipped: { sighting: (id) => this.corrupt('sighting', id), customer: (id) => this.corrupt('customer', id) },
    };
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
    const tx = db.transaction([...LEAD_STORES], 'readwrite');
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

  /** Runs `work` in one readonly transaction: it sees the memory as it was when it started. */
  private async read<T>(work: (tx: AnyTx) => Promise<T>): Promise<T> {
    const db = await this.db();
    return work(db.transaction([...LEAD_STORES], 'readonly'));
  }

  async ingest(inputs: SightingInput[], onVerdicts?: (results: IngestResult[]) => void): Promise<IngestResult[]> {
    if (inputs.length === 0) return [];
    const leads = prepareLeads(inputs, await this.getSettings());
    return this.write((tx) => ingestLeads(tx, leads, this.ctx, onVerdicts));
  }

  async findMatches(input: SightingInput): Promise<MatchInfo> {
    const settings = await this.getSettings();
    return this.read((tx) => findMatches(tx, input, settings, this.ctx));
  }

  customerView(customerId: string): Promise<CustomerView | null> {
    return this.read((tx) => customerView(tx, customerId, this.ctx));
  }

  async decide(sightingId: string, decision: Decision): Promise<void> {
    await this.write((tx) => decide(tx, sightingId, decision, this.ctx));
  }

  async forgetCustomer(customerId: string): Promise<void> {
    await this.write((tx) => deleteCustomer(tx, customerId));
    await dropOrphanTicks(await this.db());
    // The team cache is keyed by customer keys, not customers: forgetting anyone forgets every CRM answer.
    await this.clearTeamChecks();
  }

  async forgetAll(): Promise<void> {
    await this.write(forgetAll);
    await (await this.db()).clear('ticks');
    await this.clearTeamChecks();
  }

  async purge(now?: Date): Promise<number> {
    const settings = await this.getSettings();
    const when = now ?? this.ctx.now();
    const cutoff = new Date(when.getTime() - settings.retentionDays * DAY_MS).toISOString();
    const purged = await this.write((tx) => purgeBefore(tx, cutoff, this.ctx));
    if (purged) await dropOrphanTicks(await this.db());
    return purged;
  }

  async stats(): Promise<{ customers: number; leads: number }> {
    const db = await this.db();
    const tx = db.transaction(['customers', 'sightings'], 'readonly');
    const [customers, leads] = await Promise.all([tx.objectStore('customers').count(), tx.objectStore('sightings').count()]);
    return { customers, leads };
  }

  async knownOfferIds(): Promise<string[]> {
    const db = await this.db();
    const tx = db.transaction(['sightings', 'offers'], 'readonly');
    // The dictionary's keys (lower case) first, so the same offer seen on a lead keeps the lead's spelling.
    const ids = new Map<string, string>();
    for (const key of await tx.objectStore('offers').getAllKeys(null, MAX_KNOWN_OFFERS))
      if (typeof key === 'string') ids.set(key.toLowerCase(), key);
    const index = tx.objectStore('sightings').index('offerKey');
    // One step per distinct offer, not per lead: the index is walked unique.
    for (let c = await index.openKeyCursor(null, 'nextunique'); c && ids.size < 2 * MAX_KNOWN_OFFERS; c = await c.continue())
      ids.set(c.key.toLowerCase(), c.key);
    return [...ids.values()];
  }

  async exportJson(): Promise<string> {
    const settings = await this.getSettings();
    const offers = await this.offers();
    return this.read((tx) => exportJson(tx, settings, this.ctx, offers));
  }

  exportCsv(): Promise<string> {
    return this.read((tx) => exportCsv(tx, this.ctx));
  }

  async importJson(text: string, opts: { withSettings?: boolean } = {}): Promise<ImportResult> {
    const doc = parseExportJson(text);
    // Asking the CRM is turned on by the rep in the options, never by a file.
    const { teamCheck: _asked, ...settings } = doc.settings ?? {};
    // Checked before anything is written: a file whose settings are out of range changes nothing.
    const issue = opts.withSettings && doc.settings ? settingsChangeProblem(settings) : null;
    if (issue)
      throw new StoreError('import', `Not a valid LeadLens export: its settings are out of range (${issue}). Nothing was imported.`);
    const current = await this.getSettings();
    const result = await this.write((tx) => importDocument(tx, doc, this.ctx, current));
    if (doc.offers) await importOffers(await this.db(), doc.offers);
    if (opts.withSettings && doc.settings) await this.setSettings(settings);
    return result;
  }

  async importCsv(text: string): Promise<ImportResult> {
    const inputs = csvSightings(text, this.ctx.now().toISOString());
    return importCounts(await this.ingest(inputs));
  }

  async teamChecks(customerKeys: readonly string[]): Promise<TeamCheckRow[]> {
    return teamChecksFor(await this.db(), customerKeys);
  }

  async recordTeamChecks(rows: readonly TeamCheckRow[]): Promise<void> {
    try {
      await recordTeamChecks(await this.db(), rows);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async clearTeamChecks(before?: Date): Promise<number | undefined> {
    const db = await this.db();
    if (before) return dropTeamChecksBefore(db, before.toISOString());
    await clearTeamChecks(db);
    return undefined;
  }

  async search(query: string): Promise<SearchHit[]> {
    return searchMemory(await this.db(), query);
  }

  async ticks(sightingId: string): Promise<string[]> {
    return ticksOf(await this.db(), sightingId);
  }

  async setTick(sightingId: string, step: string, done: boolean): Promise<string[]> {
    return setTick(await this.db(), sightingId, step, done, this.ctx.now().toISOString());
  }

  async offers(): Promise<OfferName[]> {
    return allOffers(await this.db());
  }

  async learnOffers(learnt: ReadonlyArray<{ key: string; name: string }>): Promise<boolean> {
    return learnOffers(await this.db(), learnt, this.ctx.now().toISOString());
  }

  async editOffer(key: string, name: string): Promise<void> {
    await editOffer(await this.db(), key, name, this.ctx.now().toISOString());
  }

  async getSettings(): Promise<Settings> {
    if (this.settingsCache) return this.settingsCache;
    const db = await this.db();
    this.settingsCache = storedSettings(await db.get('settings', SETTINGS_KEY), DEFAULT_SETTINGS);
    return this.settingsCache;
  }

  async setSettings(change: Partial<Settings>): Promise<Settings> {
    const issue = settingsChangeProblem(change);
    if (issue) throw new StoreError('invalid', `Settings not saved: ${issue}.`);
    const current = await this.getSettings();
    const next = { ...current, ...change, teamCheck: teamCheckOf({ ...current.teamCheck, ...change.teamCheck }) };
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
