// The Salesforce team check's permissions, asked for when the rep turns it on and given back when they
// turn it off: `cookies` (to use the rep's Salesforce session) and the org API host *.my.salesforce.com.
// Both are optional in the manifest; Chrome lets `cookies` be optional (it is not among the permissions
// chrome.permissions lists as "can not be specified as optional").
import { browser } from './browser';

export const SALESFORCE_ACCESS = { permissions: ['cookies'], origins: ['https://*.my.salesforce.com/*'] };

/** Asks for both; call it straight from the click (the prompt needs the rep's gesture). */
export async function requestSalesforceAccess(): Promise<boolean> {
  try {
    return await browser.permissions.request(SALESFORCE_ACCESS as never);
  } catch {
    return false;
  }
}

export async function releaseSalesforceAccess(): Promise<void> {
  await browser.permissions.remove(SALESFORCE_ACCESS as never).catch(() => false);
}

/** Whether both are granted (the worker checks before every Salesforce call). */
export async function hasSalesforceAccess(host?: string): Promise<boolean> {
  const origins = host ? [`https://${host}/*`] : SALESFORCE_ACCESS.origins;
  try {
    return await browser.permissions.contains({ permissions: ['cookies'], origins } as never);
  } catch {
    return false;
  }
}

/** The rep's Salesforce session on the org's API host (the `sid` cookie), or null; only with `cookies` granted. */
export async function salesforceSession(host: string): Promise<string | null> {
  if (!browser.cookies) return null;
  try {
    const cookie = await browser.cookies.get({ url: `https://${host}/`, name: 'sid' });
    return cookie?.value ?? null;
  } catch {
    return null;
  }
}
