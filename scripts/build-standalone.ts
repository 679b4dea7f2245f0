// After `vite build`: the content script once more as one self-contained classic script,
// dist/assets/content-standalone.js. The options page registers it (scripting.registerContentScripts) on CRM
// addresses the rep adds. (The manifest's own content script is built the same way by crx's standaloneFiles, see
// vite.config.ts; this copy keeps the fixed path platform/crm-addresses.ts registers.)
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const STANDALONE = 'assets/content-standalone.js';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'chrome120',
    copyPublicDir: false,
    lib: { entry: 'src/content/index.ts', formats: ['iife'], name: 'LeadLensContent', fileName: () => STANDALONE },
  },
});
