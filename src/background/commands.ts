// Keyboard shortcuts (manifest `commands`). A command counts as a user gesture, so the side panel may be
// opened from its handler, as long as nothing is awaited first. Firefox maps the same keys to its own
// `_execute_sidebar_action` (scripts/firefox.ts), which needs no handler.
import type { PanelTarget } from '../platform/side-panel';

export const OPEN_PANEL_COMMAND = 'open-side-panel';

/** Runs a command; `tab` is the active tab when the keys were pressed. */
export function handleCommand(
  command: string,
  tab: { id?: number; windowId?: number } | undefined,
  deps: { openSidePanel: (target: PanelTarget) => Promise<void> },
): Promise<void> | undefined {
  if (command !== OPEN_PANEL_COMMAND) return undefined;
  const target = tab?.id !== undefined ? { tabId: tab.id } : tab?.windowId !== undefined ? { windowId: tab.windowId } : 'this-window';
  return deps.openSidePanel(target).catch(() => undefined);
}
