import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { applyDynamicUrls } from './scripts/web-resources.ts';

export default defineConfig({
  plugins: [
    preact(),
    // The content script is one self-contained classic script: no loader and no chunks exposed as web-accessible
    // resources (which any page could probe for, and which Chrome cannot serve under use_dynamic_url as module imports:
    // crbug.com/363027634).
    crx({ manifest, contentScripts: { standaloneFiles: ['src/content/index.ts'] } }),
    // After crx has written dist/manifest.json: its web-accessible chunks get use_dynamic_url (scripts/web-resources.ts).
    { name: 'leadlens:dynamic-url', apply: 'build', enforce: 'post', closeBundle: () => applyDynamicUrls('dist/manifest.json') },
  ],
  // The service worker carries phone metadata, country names in ten languages and the public-suffix
  // list (about 0.5 MB); it is loaded once per worker start, so the default 500 kB warning is raised.
  build: { outDir: 'dist', emptyOutDir: true, target: 'chrome120', sourcemap: false, chunkSizeWarningLimit: 700 },
});
