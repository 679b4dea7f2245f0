// Firefox reads the same bundle with a few manifest differences: a background `scripts` fallback,
// an add-on id, the data-collection declaration, `sidebar_action` in place of Chrome's side panel, and
// web-accessible resources without Chrome's `use_dynamic_url` (an unexpected property to Firefox).
interface ChromeManifest {
  permissions: string[];
  background: { service_worker: string; type?: string };
  side_panel?: { default_path?: string };
  action?: { default_title?: string };
  icons?: Record<string, string>;
  web_accessible_resources?: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

/** Chrome's "open the side panel" shortcut becomes Firefox's built-in sidebar command (a gesture there too). */
function firefoxCommands(commands: unknown): Record<string, unknown> | undefined {
  if (!commands || typeof commands !== 'object') return undefined;
  const { 'open-side-panel': panel, ...others } = commands as Record<string, unknown>;
  return panel ? { ...others, _execute_sidebar_action: panel } : others;
}

export function firefoxManifest(chrome: ChromeManifest): Record<string, unknown> {
  const { side_panel, web_accessible_resources, ...rest } = chrome;
  return {
    ...rest,
    ...(web_accessible_resources
      ? { web_accessible_resources: web_accessible_resources.map(({ use_dynamic_url: _chromeOnly, ...r }) => r) }
      : {}),
    commands: firefoxCommands(chrome.commands),
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
