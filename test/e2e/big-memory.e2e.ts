// A big memory round-trips through the options page in real Chromium: 100,000 generated leads are imported from a
// JSON export (about 60 MB, above what one message could carry once serialised with its overhead), counted, and
// exported again in full, with nothing lost and every step's outcome shown to the rep.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot, skipReason, type Session } from './harness';

const reason = skipReason();
if (reason && process.env.CI) throw new Error(`Browser tests must run under CI, but ${reason}`);

const LEADS = 100_000;
const ACTIONS = ['INS', 'PLT', 'Create', 'DNC'];

/** A LeadLens export of `n` customers with one lead each, every field different. */
function bigExport(n: number): string {
  const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + (i % 300) * 86_400_000).toISOString();
  const customers: string[] = [];
  const sightings: string[] = [];
  for (let i = 0; i < n; i++) {
    const email = `lead${i}@company${i % 5000}.example`;
    customers.push(
      JSON.stringify({
        id: `c${i}`,
        displayName: `Lead ${i}`,
        email,
        phone: null,
        company: `Company ${i % 5000}`,
        firstSeen: day(i),
        lastSeen: day(i),
        furthestStage: 'interest',
      }),
    );
    sightings.push(
      JSON.stringify({
        id: `s${i}`,
        customerId: `c${i}`,
        crm: 'dynamics',
        recordId: `rec-${i}`,
        recordUrl: `https://org.crm4.dynamics.com/main.aspx?etn=lead&id=${i}`,
        recordKey: `dynamics:rec-${i}`,
        leadSource: { input: `AppSource-${ACTIONS[i % 4]}|publisher${i % 97}.offer${i % 31}` },
        customer: { firstName: `First${i}`, lastName: `Last${i}`, email, company: `Company ${i % 5000}` },
        normalized: {},
        offerTitle: null,
        description: null,
        createdAt: null,
        firstSeen: day(i),
        lastSeen: day(i),
        match: { status: 'new', fields: [], score: 0, matchedSightingId: null, candidateCustomerId: null, decision: null },
      }),
    );
  }
  const list = (items: string[]) => `[\n    ${items.join(',\n    ')}\n  ]`;
  return `{\n  "format": "leadlens-memory",\n  "version": 1,\n  "exportedAt": "2025-11-01T00:00:00.000Z",\n  "settings": {"retentionDays": 3650, "defaultCountry": null, "lang": "auto"},\n  "customers": ${list(customers)},\n  "sightings": ${list(sightings)},\n  "decisions": []\n}\n`;
}

describe.skipIf(reason !== null)('a memory of 100,000 leads', () => {
  let session: Session;
  let dir: string;
  beforeAll(async () => {
    session = await launch();
    dir = mkdtempSync(join(tmpdir(), 'leadlens-big-'));
  });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports and exports again in parts, losing nothing', async () => {
    const file = join(dir, 'big.json');
    const text = bigExport(LEADS);
    writeFileSync(file, text);
    console.log(`[big-memory] import file: ${(text.length / 1e6).toFixed(1)} M characters`);
    const page = await session.context.newPage();
    await page.goto(session.url('src/options/index.html'));
    // The settings stay as they are: the box is not ticked.
    const started = Date.now();
    await page.locator('input[type="file"]').setInputFiles(file);
    const note = page.getByTestId('options-note');
    await expect.poll(() => note.textContent(), { timeout: 600_000, interval: 1000 }).toMatch(/100[,  ]?000/);
    expect(await note.getAttribute('class')).toBe('ok');
    console.log(`[big-memory] import: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await screenshot(page, 'big-memory-imported');

    const exportStarted = Date.now();
    const download = page.waitForEvent('download', { timeout: 600_000 });
    await page.getByRole('button', { name: /JSON/ }).click();
    const saved = await (await download).path();
    const exported = readFileSync(saved, 'utf8');
    console.log(
      `[big-memory] export: ${(exported.length / 1e6).toFixed(1)} M characters in ${((Date.now() - exportStarted) / 1000).toFixed(1)} s`,
    );
    const doc = JSON.parse(exported) as {
      sightings: Array<{ id: string; recordUrl: string | null }>;
      customers: unknown[];
      settings: { retentionDays: number };
    };
    expect(doc.sightings).toHaveLength(LEADS);
    expect(doc.customers).toHaveLength(LEADS);
    expect(new Set(doc.sightings.map((s) => s.id)).size).toBe(LEADS);
    expect(doc.sightings.find((s) => s.id === 's99999')?.recordUrl).toBe('https://org.crm4.dynamics.com/main.aspx?etn=lead&id=99999');
    expect(doc.settings.retentionDays).toBe(365);
    await page.close();
  }, 1_200_000);
});
