// After the extension build: the `leadlens` CLI as plain JavaScript in dist-cli/ (bin/leadlens.js runs it), so a
// command costs a Node start and not a TypeScript compile (issue 11: `decode` took 0.4-0.8 s through tsx against
// 0.1 s for a bare node). Every dependency is bundled in; `dedupe`, which brings the matcher and its name tables, is
// a chunk of its own that only `dedupe` loads.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  // i18n-iso-countries' Node entry registers every language with a dynamic require, which a bundle cannot follow;
  // its plain entry, as the extension uses, registers only what core/normalize.ts imports.
  resolve: { alias: [{ find: /^i18n-iso-countries$/, replacement: 'i18n-iso-countries/index.js' }] },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    copyPublicDir: false,
    minify: false,
    rollupOptions: { output: { format: 'es', entryFileNames: 'leadlens.mjs', chunkFileNames: '[name]-[hash].mjs' } },
  },
});
