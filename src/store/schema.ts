// The IndexedDB schema of the lead memory and its versioned upgrades. Every upgrade step keeps every
// record; a test opens a populated version-1 database with the current code.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { companyKeys } from '../core/match';
import { normalizeCustomer } from '../core/normalize';
import { StoreError, toStoreError } from './errors';
import {
  isStoredSighting,
  publicSighting,
  SETTINGS_KEY,
  withDerived,
  type Settings,
  type StoredCustomer,
  type StoredDecision,
  type StoredSighting,
} from './records';
import { DEFAULT_SETTINGS } from './types';
import { searchTerms } from '../core/search';
import type { TeamCheckRow } from './team-cache';
import type { OfferName, StepTicks } from './types';

export const DB_VERSION = 5;
export const DEFAULT_DB_NAME = 'leadlens-memory';

export interface LeadDb extends DBSchema {
  customers: {
    key: string;
    value: StoredCustomer;
    /** v2: multiEntry over `orgKeys` (corporate domain, company key) for colleagues. */
    indexes: { orgKeys: string };
  };
  sightings: {
    key: string;
    value: StoredSighting;
    indexes: {
      customerId: string;
      /** Unique: one sighting per lead record (idempotent re-sighting). */
      recordKey: string;
      /** multiEntry over the blocking keys: candidate lookup without scanning. */
      keys: string;
      candidateCustomerId: string;
      /** v2: retention purge by age. */
      lastSeen: string;
      /** v4: the whole offer ids seen (`publisher.offer`), read unique to complete a cut one. */
      offerKey: string;
      /** v5: multiEntry over the search terms (core/search.ts): the side panel's search. */
      terms: string;
    };
  };
  decisions: {
    key: string;
    value: StoredDecision;
    /** multiEntry over the two customer ids. */
    indexes: { customers: string };
  };
  settings: {
    key: string;
    value: Settings;
  };
  /** v3: the team check's session cache (team-cache.ts), keyed [customerKey, table, recordId]. */
  teamChecks: {
    key: [string, string, string];
    value: TeamCheckRow;
    indexes: { customerKey: string; checkedAt: string };
  };
  /** v5: the next-step ticks the rep set, per lead (sighting id). */
  ticks: {
    key: string;
    value: StepTicks;
  };
  /** v5: the offer dictionary, `publisher.offer` → friendly name. */
  offers: {
    key: string;
    value: OfferName;
  };
}

export type LeadDatabase = IDBPDatabase<LeadDb>;
type UpgradeTx = IDBPTransaction<LeadDb, StoreNames<LeadDb>[], 'versionchange'>;

/**
 * Upgrade steps, one per version, run in order from the stored version up to the target (the
 * `switch (oldVersion)` fall-through, written as ifs because the compiler forbids fall-through).
 */
export async function upgrade(db: LeadDatabase, oldVersion: number, newVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1 && newVersion >= 1) {
    db.createObjectStore('customers', { keyPath: 'id' });
    const sightings = db.createObjectStore('sightings', { keyPath: 'id' });
    sightings.createIndex('customerId', 'customerId');
    sightings.createIndex('recordKey', 'recordKey', { unique: true });
    sightings.createIndex('keys', 'keys', { multiEntry: true });
    sightings.createIndex('candidateCustomerId', 'candidateCustomerId');
    const decisions = db.createObjectStore('decisions', { keyPath: 'id' });
    decisions.createIndex('customers', 'customers', { multiEntry: true });
    db.createObjectStore('settings');
  }
  if (oldVersion < 2 && newVersion >= 2) {
    // v2: customers learn their company keys (account view), sightings get an age index (retention).
    tx.objectStore('sightings').createIndex('lastSeen', 'lastSeen');
    const customers = tx.objectStore('customers');
    customers.createIndex('orgKeys', 'orgKeys', { multiEntry: true });
    await refillOrgKeys(tx);
  }
  if (oldVersion < 3 && newVersion >= 3) {
    // v3: the team check's session cache, a store of its own; no existing record changes.
    const teamChecks = db.createObjectStore('teamChecks', { keyPath: ['customerKey', 'table', 'recordId'] });
    teamChecks.createIndex('customerKey', 'customerKey');
    teamChecks.createIndex('checkedAt', 'checkedAt');
  }
  if (oldVersion < 4 && newVersion >= 4) {
    // v4 (issue 10): every lead's matching keys recomputed from its own fields, so leads stored before
    // company keys kept their distinctive words (and before SE was a legal form) match like new ones;
    // each lead's whole offer id indexed, to complete a cut one from the offers in the memory.
    tx.objectStore('sightings').createIndex('offerKey', 'offerKey');
    await rederiveSightings(tx);
    await refillOrgKeys(tx);
  }
  if (oldVersion < 5 && newVersion >= 5) {
    // v5 (issue 12): search terms on every sighting (indexed; v4's re-derivation already wrote them for the
    // leads it rewrote), the checklist ticks and the offer dictionary.
    const sightings = tx.objectStore('sightings');
    sightings.createIndex('terms', 'terms', { multiEntry: true });
    for (let cursor = await sightings.openCursor(); cursor; cursor = await cursor.continue()) {
      const s = cursor.value as StoredSighting | undefined;
      if (!s || typeof s !== 'object' || !s.customer || typeof s.customer !== 'object' || Array.isArray(s.terms)) continue;
      await cursor.update({ ...s, terms: searchTerms(s) });
    }
    db.createObjectStore('ticks', { keyPath: 'sightingId' });
    db.createObjectStore('offers', { keyPath: 'key' });
  }
}

/** The customers' company keys (account view) from their sightings' profiles (v2, again in v4). */
async function refillOrgKeys(tx: UpgradeTx): Promise<void> {
  const orgKeys = new Map<string, Set<string>>();
  for (let cursor = await tx.objectStore('sightings').openCursor(); cursor; cursor = await cursor.continue()) {
    const s = cursor.value;
    if (!s || typeof s.customerId !== 'string' || !s.profile) continue;
    const set = orgKeys.get(s.customerId) ?? new Set<string>();
    for (const k of companyKeys(s.profile)) set.add(k);
    orgKeys.set(s.customerId, set);
  }
  for (let cursor = await tx.objectStore('customers').openCursor(); cursor; cursor = await cursor.continue()) {
    const c = cursor.value as StoredCustomer | undefined;
    if (!c || typeof c !== 'object') continue;
    await cursor.update({ ...c, orgKeys: [...(orgKeys.get(c.id) ?? [])] });
  }
}

/**
 * Normalised fields, match profile, blocking keys and offer key of every readable sighting, recomputed
 * from the customer fields it was stored with (under the rep's default country, as on ingest). A
 * damaged record is left as it was: the store's readers skip and report it as before.
 */
async function rederiveSightings(tx: UpgradeTx): Promise<void> {
  const stored = (await tx.objectStore('settings').get(SETTINGS_KEY)) as Partial<Settings> | undefined;
  const defaultCountry = typeof stored?.defaultCountry === 'string' ? stored.defaultCountry : DEFAULT_SETTINGS.defaultCountry;
  for (let cursor = await tx.objectStore('sightings').openCursor(); cursor; cursor = await cursor.continue()) {
    const s = cursor.value as unknown;
    if (!isStoredSighting(s)) continue;
    const normalized = normalizeCustomer(s.customer, { defaultCountry });
    await cursor.update(withDerived({ ...publicSighting(s), normalized }));
  }
}

export interface OpenHandlers {
  /** Another context wants a newer version: this connection has been closed. */
  onClosed?: () => void;
}

/**
 * Opens (and upgrades) the database. A blocked upgrade — another tab still holds the old version —
 * rejects with StoreError 'blocked' instead of hanging; a connection that would block someone else's
 * upgrade closes itself.
 */
export function openDatabase(name: string, version = DB_VERSION, handlers: OpenHandlers = {}): Promise<LeadDatabase> {
  return new Promise<LeadDatabase>((resolve, reject) => {
    let settled = false;
    const opening = openDB<LeadDb>(name, version, {
      upgrade: (db, oldVersion, newVersion, tx) => {
        // idb does not await the upgrade callback; errors surface through the transaction.
        upgrade(db, oldVersion, newVersion ?? version, tx).catch(() => {
          try {
            tx.abort();
          } catch {
            // the transaction already ended; the open request reports the failure
          }
        });
        tx.done.catch(() => undefined);
      },
      blocked: () => {
        if (settled) return;
        settled = true;
        reject(
          new StoreError(
            'blocked',
            'LeadLens is open in another tab with an older version of its memory. Close or reload the other LeadLens tabs, then try again.',
          ),
        );
      },
      blocking: (_current, _blocked, event) => {
        (event.target as IDBDatabase).close();
        handlers.onClosed?.();
      },
      terminated: () => handlers.onClosed?.(),
    });
    opening.then(
      (db) => {
        if (settled)
          db.close(); // the caller was already told 'blocked'
        else {
          settled = true;
          resolve(db);
        }
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(toStoreError(error));
      },
    );
  });
}
