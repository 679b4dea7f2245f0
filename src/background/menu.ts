// The "Decode LeadSource" item on selected text. The click opens the side panel and files the
// decoded selection under the tab, where the panel picks it up.
import { decodeAnyText } from '../core/leadsource';
import { completeDecoded } from './offers';
import { updateTab } from './tab-state';

export const MENU_ID = 'leadlens-decode-selection';

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

export interface MenuDeps {
  openSidePanel: (target: { tabId?: number; windowId?: number }) => Promise<void>;
  now?: () => Date;
  /** The memory's whole offer ids, to complete a selected value that may be cut (read only then). */
  knownOfferIds?: () => Promise<readonly string[]>;
}

export function handleMenuClick(info: MenuClick, tab: { id?: number; windowId?: number } | undefined, deps: MenuDeps): Promise<void> {
  if (info.menuItemId !== MENU_ID) return Promise.resolve();
  // sidePanel.open only works inside the click's user gesture, so it is called before anything is awaited.
  const target = tab?.id !== undefined ? { tabId: tab.id } : { windowId: tab?.windowId };
  const opened = deps.openSidePanel(target).catch(() => undefined);
  const text = (info.selectionText ?? '').slice(0, 100_000);
  const at = (deps.now ?? (() => new Date()))().toISOString();
  // Every LeadSource in the selection, or why it holds none. Its edges are where the mouse stopped.
  const tabId = tab?.id;
  const saved =
    tabId === undefined
      ? Promise.resolve()
      : completeDecoded(decodeAnyText(text.trim()), deps.knownOfferIds ?? (async () => [])).then((decoded) =>
          updateTab(tabId, (state) => ({ ...state, selections: [{ text, decoded, at }, ...state.selections] })).then(() => undefined),
        );
  return Promise.all([opened, saved]).then(() => undefined);
}
