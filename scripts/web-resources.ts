// The content-script loader imports its chunks through web-accessible URLs, and @crxjs/vite-plugin lists them with
// `use_dynamic_url: false`: any page could then fetch chrome-extension://<fixed id>/assets/… and learn that LeadLens
// is installed. Chrome's `use_dynamic_url` serves them under an id that changes every session (and runtime.getURL
// in the content script returns that URL), so a page cannot probe for them. Firefox's manifest has no such key
// (scripts/firefox.ts drops it there). Applied to dist/manifest.json once vite has written it (vite.config.ts).
import { readFileSync, writeFileSync } from 'node:fs';

interface WebResource {
  resources: string[];
  matches?: string[];
  use_dynamic_url?: boolean;
  [key: string]: unknown;
}

/** Every web-accessible entry switched to dynamic URLs. */
export function withDynamicUrls<M extends { web_accessible_resources?: WebResource[] }>(manifest: M): M {
  const list = manifest.web_accessible_resources;
  if (!list) return manifest;
  return { ...manifest, web_accessible_resources: list.map((r) => ({ ...r, use_dynamic_url: true })) };
}

/** Rewrites a built manifest file in place. */
export function applyDynamicUrls(path: string): void {
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  writeFileSync(path, `${JSON.stringify(withDynamicUrls(manifest), null, 2)}\n`);
}
