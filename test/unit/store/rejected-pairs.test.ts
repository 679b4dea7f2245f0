// The rep's rejections reach the matcher as pairs of fields (issue 10): the store hands every rejected
// pair involving a candidate customer to decideMatch, so exactly those fields never meet as a duplicate.
import { describe, expect, it } from 'vitest';
import { matchProfile, pairFingerprint } from '../../../src/core/match';
import { normalizeCustomer } from '../../../src/core/normalize';
import { rejectedFieldPairs } from '../../../src/store/ingest';
import { openMemory } from '../../../src/store/memory';
import { openDatabase } from '../../../src/store/schema';
import { sighting } from './helpers';

const work = { firstName: 'Maria', lastName: 'Kuznetsova', email: 'm.kuznetsova@northwind.ru', company: 'Northwind' };
const personal = { firstName: 'Мария', lastName: 'Кузнецова', email: 'masha.k1990@mail.ru' };

describe('rejected pairs of fields', () => {
  it('are read back from the stored decisions as the two leads the rep told apart', async () => {
    const name = 'rejected-pairs';
    const m = await openMemory({ name, now: () => new Date('2025-03-10T00:00:00Z') });
    await m.ingest([sighting(work)]);
    const [b] = await m.ingest([sighting(personal)]);
    expect(b!.match.status).toBe('possible');
    await m.decide(b!.sightingId, 'rejected');
    m.close();

    const db = await openDatabase(name);
    const tx = db.transaction(['decisions', 'sightings'], 'readonly');
    const decisions = await tx.objectStore('decisions').getAll();
    const pairs = await rejectedFieldPairs(tx, decisions);
    const p = (f: typeof work | typeof personal) => matchProfile(normalizeCustomer(f));
    expect([...pairs]).toEqual([pairFingerprint(p(personal), p(work))]);
    db.close();
  });

  it('counter-case: a confirmed pair is not among them', async () => {
    const name = 'confirmed-pairs';
    const m = await openMemory({ name, now: () => new Date('2025-03-10T00:00:00Z') });
    await m.ingest([sighting(work)]);
    const [b] = await m.ingest([sighting(personal)]);
    await m.decide(b!.sightingId, 'confirmed');
    const [again] = await m.ingest([sighting(personal)]);
    expect(again!.match.status).toBe('duplicate');
    m.close();
  });
});
