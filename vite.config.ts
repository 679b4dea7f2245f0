import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  // The service worker carries phone metadata, country names in ten languages and the public-suffix
  // list (about 0.5 MB); it is loaded once per worker start, so the default 500 kB warning is raised.
  build: { outDir: 'dist', emptyOutDir: true, target: 'chrome120', sourcemap: false, chunkSizeWarningLimit: 700 },
});
