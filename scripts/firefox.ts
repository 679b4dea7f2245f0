// Firefox reads the same bundle with a few manifest differences: a background `scripts` fallback,
// an add-on id, the data-collection declaration, and `sidebar_action` in place of Chrome's side panel.
interface ChromeManifest {
  permissions: string[];
  background: { service_worker: string; type?: string };
  side_panel?: { default_path?: string };
  action?: { default_title?: string };
  icons?: Record<string, string>;
  [key: string]: unknown;
}

export function firefoxManifest(chrome: ChromeManifest): Record<string, unknown> {
  const { side_panel, ...rest } = chrome;
  return {
    ...rest,
    permissions: chrome.permissions.filter((p) => p !== 'sidePanel'),
    background: { ...chrome.background, scripts: [chrome.background.service_worker] },
    sidebar_action: {
      default_panel: side_panel?.default_path,
      default_title: chrome.action?.default_title,
      default_icon: chrome.icons?.['32'],
    },
    browser_specific_settings: {
      gecko: { id: 'leadlens@leadlens.app', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    },
  };
}
