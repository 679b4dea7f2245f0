// Chrome's manifest serves the content-script chunks under a per-session id (use_dynamic_url); Firefox's manifest
// carries no such key, since Firefox reports it as an unexpected property.
import { describe, expect, it } from 'vitest';
import { firefoxManifest } from '../../../scripts/firefox';
import { withDynamicUrls } from '../../../scripts/web-resources';

const built = {
  manifest_version: 3,
  permissions: ['sidePanel', 'storage'],
  background: { service_worker: 'sw.js', type: 'module' },
  web_accessible_resources: [
    { matches: ['https://*.crm4.dynamics.com/*'], resources: ['assets/a.js', 'assets/b.js'], use_dynamic_url: false },
    { matches: ['https://app.hubspot.com/*'], resources: ['assets/c.js'] },
  ],
};

describe('web-accessible chunks', () => {
  it('use dynamic URLs in the Chrome manifest', () => {
    const chrome = withDynamicUrls(built);
    expect(chrome.web_accessible_resources.map((r) => r.use_dynamic_url)).toEqual([true, true]);
    expect(chrome.web_accessible_resources.map((r) => r.resources)).toEqual([['assets/a.js', 'assets/b.js'], ['assets/c.js']]);
  });

  it('lose use_dynamic_url in the Firefox manifest, keeping everything else', () => {
    const firefox = firefoxManifest(withDynamicUrls(built)) as { web_accessible_resources: Array<Record<string, unknown>> };
    expect(firefox.web_accessible_resources).toEqual([
      { matches: ['https://*.crm4.dynamics.com/*'], resources: ['assets/a.js', 'assets/b.js'] },
      { matches: ['https://app.hubspot.com/*'], resources: ['assets/c.js'] },
    ]);
    expect(JSON.stringify(firefox)).not.toContain('use_dynamic_url');
  });
});
