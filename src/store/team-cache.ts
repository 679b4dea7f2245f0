// The team check's session cache: which CRM records matched a customer key, per table, and when the CRM
// was asked. That is all it holds — `{customer key, table, record id, checked at}` — no names, owners or
// other CRM values (those are read again when a page needs them). An empty record id means "asked,
// nothing there". The service worker clears it when a new browser session starts.
import type { LeadDatabase } from './schema';

export type TeamCheckTable = 'lead' | 'contact' | 'account';

export interface TeamCheckRow {
  /** `org|kind:value`, e.g. `contoso.crm4.dynamics.com|email:ada.park@contoso.com`. */
  customerKey: string;
  table: TeamCheckTable;
  /** The matching record's id; '' when the CRM had none for this key. */
  recordId: string;
  /** ISO 8601. */
  checkedAt: string;
}

const TABLES = new Set<string>(['lead', 'contact', 'account']);
/** Rows read back per lookup at most (a key that matched hundreds of records keeps the first ones). */
const PER_KEY = 50;

export function isTeamCheckRow(v: unknown): v is TeamCheckRow {
  const r = v as Partial<TeamCheckRow> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.customerKey === 'string' &&
    typeof r.table === 'string' &&
    TABLES.has(r.table) &&
    typeof r.recordId === 'string' &&
    typeof r.checkedAt === 'string'
  );
}

/** Every row of these customer keys; damaged rows are skipped. */
export async function teamChecksFor(db: LeadDatabase, keys: readonly string[]): Promise<TeamCheckRow[]> {
  const tx = db.transaction('teamChecks', 'readonly');
  const index = tx.store.index('customerKey');
  const lists = await Promise.all([...new Set(keys)].map((k) => index.getAll(k, PER_KEY)));
  return lists.flat().filter(isTeamCheckRow);
}

/**
 * Stores what one answer settled. Each (customer key, table) present in `rows` is replaced as a whole, so
 * a record that no longer matches (or a "nothing there" that now has a match) does not linger.
 */
export async function recordTeamChecks(db: LeadDatabase, rows: readonly TeamCheckRow[]): Promise<void> {
  const valid = rows.filter(isTeamCheckRow);
  if (!valid.length) return;
  const tx = db.transaction('teamChecks', 'readwrite');
  const pairs = new Map<string, [string, TeamCheckTable]>();
  for (const r of valid) pairs.set(`${r.table}\u0000${r.customerKey}`, [r.customerKey, r.table]);
  for (const [key, table] of pairs.values()) {
    const range = IDBKeyRange.bound([key, table, ''], [key, table, '\uffff']);
    await tx.store.delete(range);
  }
  for (const r of valid) await tx.store.put({ customerKey: r.customerKey, table: r.table, recordId: r.recordId, checkedAt: r.checkedAt });
  await tx.done;
}

/** Forgets every answer (a new browser session, forgetting customers). */
export async function clearTeamChecks(db: LeadDatabase): Promise<void> {
  await db.clear('teamChecks');
}

/** Drops answers older than `cutoff` (ISO 8601); returns how many went. */
export async function dropTeamChecksBefore(db: LeadDatabase, cutoff: string): Promise<number> {
  const tx = db.transaction('teamChecks', 'readwrite');
  let dropped = 0;
  for (let c = await tx.store.index('checkedAt').openCursor(IDBKeyRange.upperBound(cutoff, true)); c; c = await c.continue()) {
    await c.delete();
    dropped++;
  }
  await tx.done;
  return dropped;
}
