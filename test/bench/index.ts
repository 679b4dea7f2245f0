// `npm run bench`: runs every test/bench/*.bench.ts in turn; each exports `run(): Promise<void>` that
// prints its own figures. A bench that fails is reported and the others still run.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file} ==`);
  try {
    const mod = (await import(pathToFileURL(dir + file).href)) as { run?: () => Promise<void> };
    if (typeof mod.run !== 'function') throw new Error('exports no run() function');
    await mod.run();
  } catch (e) {
    failed++;
    console.error(`${file} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
if (!files.length) console.log('no benchmarks found');
process.exitCode = failed ? 1 : 0;
