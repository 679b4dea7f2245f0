import { vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { handleCommand, OPEN_PANEL_COMMAND } from '../../../src/background/commands';
import { firefoxManifest } from '../../../scripts/firefox';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));

describe('the keyboard shortcut that opens the side panel', () => {
  it('is declared in the manifest with a suggested key and a localised description', () => {
    expect(manifest.commands[OPEN_PANEL_COMMAND].suggested_key.default).toMatch(/^Alt\+Shift\+[A-Z]$/);
    expect(manifest.commands[OPEN_PANEL_COMMAND].description).toMatch(/^__MSG_\w+__$/);
  });

  it('opens the panel of the tab it was pressed in, synchronously (the command is the gesture)', () => {
    const openSidePanel = vi.fn(async () => undefined);
    void handleCommand(OPEN_PANEL_COMMAND, { id: 5, windowId: 2 }, { openSidePanel });
    expect(openSidePanel).toHaveBeenCalledWith({ tabId: 5 });
    void handleCommand(OPEN_PANEL_COMMAND, { windowId: 2 }, { openSidePanel });
    expect(openSidePanel).toHaveBeenLastCalledWith({ windowId: 2 });
  });

  it('ignores other commands and swallows a refusal (nothing to tell the rep from a shortcut)', async () => {
    const openSidePanel = vi.fn(async () => Promise.reject(new Error('no gesture')));
    expect(handleCommand('something-else', { id: 1 }, { openSidePanel })).toBeUndefined();
    await expect(handleCommand(OPEN_PANEL_COMMAND, { id: 1 }, { openSidePanel })).resolves.toBeUndefined();
  });

  it("becomes Firefox's _execute_sidebar_action with the same keys; the other commands stay", () => {
    const ff = firefoxManifest(manifest) as { commands: Record<string, { suggested_key: { default: string } }> };
    expect(ff.commands[OPEN_PANEL_COMMAND]).toBeUndefined();
    expect(ff.commands._execute_sidebar_action).toEqual(manifest.commands[OPEN_PANEL_COMMAND]);
    expect(ff.commands._execute_action).toEqual(manifest.commands._execute_action);
  });
});
