// Store speed in real headless Chromium IndexedDB: with 100,000 stored leads, the median and p99 of
// "find matches for a new lead" beside a bare keyed get in the same run, and the time to ingest
// 10,000 leads. The store and the generator are bundled by esbuild into a plain page served from
// 127.0.0.1 (cross-origin isolated, for a fine-grained performance.now()).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { StoreBenchFigures } from './store-page';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface StoreBenchOptions {
  stored?: number;
  probes?: number;
  ingest?: number;
  batch?: number;
}

export async function run(options: StoreBenchOptions = {}): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`store bench skipped: ${CHROMIUM} not found`);
    return;
  }
  const opts = { stored: 100_000, probes: 1_000, ingest: 10_000, batch: 50, seed: 11, ...options };
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./store-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  const html = '<!doctype html><meta charset="utf-8"><title>LeadLens store bench</title><script src="/bench.js"></script>';
  const server = createServer((req, res) => {
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
    if (req.url === '/bench.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end(js);
    else if (req.url === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (!m.text().startsWith('Failed to load resource')) console.log('  [page]', m.text());
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    const f: StoreBenchFigures = await page.evaluate((o) => window.runStoreBench!(o, (s: string) => console.log(s)), opts);
    const ms = (x: number): string => `${x.toFixed(2)} ms`;
    console.log(`Lead memory in Chromium ${browser.version()} IndexedDB (timer step ${(f.timerResolutionMs * 1000).toFixed(1)} µs)`);
    console.log(
      `  fill: ${f.stored} leads stored via importJson in ${(f.fillMs / 1000).toFixed(1)} s (generation ${(f.generateMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  find matches for a new lead (${f.probes} probes): p50 ${ms(f.find.p50)}, p99 ${ms(f.find.p99)}, mean ${ms(f.find.mean)}   [targets p50 ≤ 5 ms, p99 ≤ 20 ms]`,
    );
    console.log(`  bare keyed get, same run:              p50 ${ms(f.get.p50)}, p99 ${ms(f.get.p99)}, mean ${ms(f.get.mean)}`);
    console.log(
      `  side-panel search (${f.search.queries} queries: name, prefix, email fragment, company, full name): p50 ${ms(f.search.p50)}, p99 ${ms(f.search.p99)}, mean ${ms(f.search.mean)}, ${f.search.meanHits.toFixed(1)} customers per answer   [target p50 ≤ 50 ms]`,
    );
    console.log(
      `  probe verdicts: ${Object.entries(f.verdicts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    console.log(
      `  ingest ${f.ingest.leads} leads (batches of ${f.ingest.batch}) on top: ${(f.ingest.totalMs / 1000).toFixed(2)} s, ${ms(f.ingest.perLeadMs)} per lead`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const small = process.argv.includes('--small');
  await run(small ? { stored: 10_000, probes: 300, ingest: 1_000 } : {});
}
