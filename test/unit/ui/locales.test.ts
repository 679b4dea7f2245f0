import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// vitest runs from the project root (test/vitest.config.ts sets it).
const root = process.cwd();
type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (lang: string): Catalog => JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8'));
const en = load('en');
const ru = load('ru');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('UI strings', () => {
  it('exist in English and Russian alike', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages, and each one is declared', () => {
    for (const key of Object.keys(en)) {
      const used = (c: Catalog) => [...c[key]!.message.matchAll(/\$([a-z0-9_]+)\$/gi)].map((m) => m[1]!.toLowerCase()).sort();
      expect(used(ru), key).toEqual(used(en));
      for (const name of used(en)) expect(en[key]!.placeholders?.[name], `${key}.${name}`).toBeDefined();
      expect(ru[key]!.message.trim(), key).not.toBe('');
    }
  });

  it('cover every key the code asks for by name', () => {
    const missing: string[] = [];
    for (const file of sources(join(root, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) if (!en[m[1]!]) missing.push(`${m[1]} (${file})`);
    }
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) if (!en[m[1]!]) missing.push(`${m[1]} (manifest)`);
    expect(missing).toEqual([]);
  });
});
