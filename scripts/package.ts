// `npm run package`: zips the built dist/ into release/leadlens-<version>.zip for the Chrome Web
// Store and Edge Add-ons, and a Firefox variant of the manifest into release/leadlens-<version>-firefox.zip.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from './zip';
import { firefoxManifest } from './firefox';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const out = join(root, 'release');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const files = walk(dist)
  .sort()
  .map((path) => ({ name: relative(dist, path).split('\\').join('/'), data: readFileSync(path) }));
mkdirSync(out, { recursive: true });
const chromeZip = join(out, `leadlens-${manifest.version}.zip`);
writeFileSync(chromeZip, zip(files));
const firefoxFiles = files.map((f) =>
  f.name === 'manifest.json' ? { name: f.name, data: Buffer.from(JSON.stringify(firefoxManifest(manifest), null, 2)) } : f,
);
const firefoxZip = join(out, `leadlens-${manifest.version}-firefox.zip`);
writeFileSync(firefoxZip, zip(firefoxFiles));
const size = files.reduce((n, f) => n + f.data.length, 0);
console.log(`${files.length} files, ${(size / 1024).toFixed(1)} KiB unpacked`);
console.log(`Chrome/Edge: ${chromeZip} (${(statSync(chromeZip).size / 1024).toFixed(1)} KiB)`);
console.log(`Firefox:     ${firefoxZip} (${(statSync(firefoxZip).size / 1024).toFixed(1)} KiB)`);
