// CRM addresses the rep adds (a CRM on the company's own domain): the host permission is asked for at that
// moment (optional_host_permissions), and the content script is registered for that host only. Registered
// scripts persist across browser restarts; the list is read back from Chrome, so nothing else stores it.
import { crmAddress } from '../crm/hosts';

/** What adding an address came to. */
export type AddResult = 'added' | 'denied' | 'known' | 'invalid' | 'failed';

/** The options page's port to the browser: injected, so ui/ touches no browser API. */
export interface CrmAddressSource {
  list(): Promise<string[]>;
  /** Asks for the permission before awaiting anything else (the click's gesture). */
  add(input: string): Promise<AddResult>;
  remove(host: string): Promise<void>;
}

/** Registered-script ids: this prefix plus the host. */
const PREFIX = 'crm-address:';
/** The standalone content script (scripts/build-standalone.ts). */
export const STANDALONE_SCRIPT = 'assets/content-standalone.js';

const pattern = (host: string) => `https://${host}/*`;

/** The hosts the rep added, sorted. */
export async function listCrmAddresses(): Promise<string[]> {
  const scripts = await chrome.scripting.getRegisteredContentScripts();
  return scripts
    .filter((s) => s.id.startsWith(PREFIX))
    .map((s) => s.id.slice(PREFIX.length))
    .sort();
}

/**
 * Asks for the host and registers the content script there. Call it straight from the click: the permission
 * prompt needs the rep's gesture, so nothing is awaited before it.
 */
export async function addCrmAddress(input: string): Promise<AddResult> {
  const parsed = crmAddress(input);
  if ('error' in parsed) return parsed.error;
  const origins = [pattern(parsed.host)];
  const granted = await chrome.permissions.request({ origins });
  if (!granted) return 'denied';
  try {
    const id = PREFIX + parsed.host;
    const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] });
    if (!existing.length)
      await chrome.scripting.registerContentScripts([
        { id, matches: origins, js: [STANDALONE_SCRIPT], runAt: 'document_idle', allFrames: true, persistAcrossSessions: true },
      ]);
    return 'added';
  } catch {
    return 'failed';
  }
}

/** Unregisters the script and gives the host permission back. */
export async function removeCrmAddress(host: string): Promise<void> {
  const id = PREFIX + host;
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [id] });
  await chrome.permissions.remove({ origins: [pattern(host)] });
}

/** The options page's port to the above. */
export const crmAddressSource: CrmAddressSource = { list: listCrmAddresses, add: addCrmAddress, remove: removeCrmAddress };
