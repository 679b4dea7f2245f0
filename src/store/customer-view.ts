// The read model of one customer for the side panel: the journey (every lead, oldest first), the
// furthest stage reached, colleagues from the same company, and possible matches still awaiting the
// rep's decision.
import { safeRecordUrl } from '../core/bounds';
import { stageRank } from '../core/catalog';
import { offerLabel } from '../core/display';
import type { Stage } from '../core/types';
import { isStoredCustomer, pairId, stageOf, type StoredCustomer, type StoredSighting } from './records';
import { PER_KEY_LIMIT, readable, sightingsOf, type AnyTx, type StoreCtx } from './tx';
import type { CustomerView, JourneyStep } from './types';

/** When a lead happened: its own time when known, else when LeadLens first saw it. */
const at = (s: StoredSighting): string => s.createdAt ?? s.firstSeen;

export async function customerView(tx: AnyTx, customerId: string, ctx: StoreCtx): Promise<CustomerView | null> {
  const customer = await tx.objectStore('customers').get(customerId);
  if (!customer) return null;
  if (!isStoredCustomer(customer)) {
    ctx.skipped.customer(customerId);
    return null;
  }
  const sightings = await sightingsOf(tx, customerId, ctx);
  sightings.sort((a, b) => at(a).localeCompare(at(b)) || a.firstSeen.localeCompare(b.firstSeen));
  const stages = sightings.map(stageOf);
  const furthest: Stage = stages.reduce((best, st) => (stageRank(st) > stageRank(best) ? st : best), stages[0] ?? 'unknown');
  return {
    customerId,
    displayName: customer.displayName,
    company: customer.company,
    email: customer.email,
    phone: customer.phone,
    journey: sightings.map(journeyStep),
    furthestStage: furthest,
    colleagues: await colleaguesOf(tx, customer, ctx),
    pending: await pendingOf(tx, customerId, sightings),
  };
}

function journeyStep(s: StoredSighting): JourneyStep {
  return {
    sightingId: s.id,
    action: s.leadSource?.action ?? null,
    stage: stageOf(s),
    offer: offerLabel(s.leadSource?.offer) || s.offerTitle || null,
    source: s.leadSource?.source ?? null,
    at: at(s),
    crm: s.crm,
    // Stored before links were checked at the worker: an unsafe one is not handed out.
    recordUrl: safeRecordUrl(s.recordUrl),
  };
}

/** Other customers sharing a corporate domain or company key, most recently seen first. */
async function colleaguesOf(tx: AnyTx, customer: StoredCustomer, ctx: StoreCtx): Promise<CustomerView['colleagues']> {
  const orgIndex = tx.objectStore('customers').index('orgKeys');
  const lists = await Promise.all(customer.orgKeys.map((k) => orgIndex.getAll(k, PER_KEY_LIMIT)));
  const colleagues = new Map<string, CustomerView['colleagues'][number]>();
  for (const list of lists) {
    const others = list.filter((c) => c.id !== customer.id && !colleagues.has(c.id));
    for (const c of readable(others, isStoredCustomer, ctx.skipped.customer))
      colleagues.set(c.id, { customerId: c.id, displayName: c.displayName, email: c.email, lastSeen: c.lastSeen });
  }
  return [...colleagues.values()].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
}

/** This customer's possible matches the rep has not decided on, whose candidate still exists. */
async function pendingOf(tx: AnyTx, customerId: string, sightings: StoredSighting[]): Promise<CustomerView['pending']> {
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
  return pending;
}
