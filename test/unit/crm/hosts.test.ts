// The CRM hosts as data: the manifest lists exactly these match patterns, the service worker's trust test
// accepts exactly these hosts (and the CRM addresses the rep added), and typed addresses are checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CRM_HOSTS, crmAddress, crmHostAccepted, crmOfHost, matchPatterns, type HostedCrm } from '../../../src/crm/hosts';

const manifest = JSON.parse(readFileSync(join(process.cwd(), 'manifest.json'), 'utf8'));

describe('manifest host list', () => {
  it('matches exactly the hosts in src/crm/hosts.ts, in every frame, and asks nothing broad at install', () => {
    const expected = (Object.keys(CRM_HOSTS) as HostedCrm[]).flatMap(matchPatterns);
    expect(manifest.content_scripts).toHaveLength(1);
    expect([...manifest.content_scripts[0].matches].sort()).toEqual([...expected].sort());
    expect(manifest.content_scripts[0].all_frames).toBe(true);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    for (const m of manifest.content_scripts[0].matches as string[]) expect(m).not.toMatch(/^https:\/\/\*\.(dynamics\.com|mcas\.ms)\/\*$/);
  });

  it('lists every documented Dynamics 365 region and sovereign cloud, and their Defender for Cloud Apps proxies', () => {
    const d = matchPatterns('dynamics');
    for (const p of [
      'https://*.crm.dynamics.com/*',
      'https://*.crm4.dynamics.com/*',
      'https://*.crm9.dynamics.com/*',
      'https://*.crm17.dynamics.com/*',
    ])
      expect(d).toContain(p);
    expect(d).toContain('https://*.crm.dynamics.cn/*');
    expect(d).toContain('https://*.crm.microsoftdynamics.us/*');
    expect(d).toContain('https://*.crm.appsplatform.us/*');
    expect(d).toContain('https://*.crm4.dynamics.com.mcas.ms/*');
    expect(matchPatterns('salesforce')).toContain('https://*.lightning.force.com.mcas.ms/*');
    expect(matchPatterns('hubspot')).toEqual(
      expect.arrayContaining(['https://app-na2.hubspot.com/*', 'https://app-na2.hubspot.com.mcas.ms/*']),
    );
  });
});

describe('crmHostAccepted (for the service worker: is sender.url a CRM page?)', () => {
  it.each([
    'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead',
    'https://fabrikam.crm.dynamics.cn/main.aspx',
    'https://agency.crm.microsoftdynamics.us/main.aspx',
    'https://fabrikam.crm4.dynamics.com.mcas.ms/main.aspx',
    'https://acme.lightning.force.com/lightning/o/Lead/list',
    'https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q/view',
    'https://acme.lightning.force.com.mcas.ms/lightning/o/Lead/list',
    'https://app-na2.hubspot.com/contacts/1/record/0-1/2',
    'https://app-ab12.marketo.com/leadDatabase/loadLeadDetail',
  ])('accepts %s', (url) => expect(crmHostAccepted(url)).toBe(true));

  it.each([
    'https://contoso-shop.commerce.dynamics.com/x?pagetype=entitylist&etn=lead',
    'https://businesscentral.dynamics.com/',
    'https://dynamics.com.evil.example/main.aspx',
    'https://evil.mcas.ms/main.aspx',
    'http://contoso.crm4.dynamics.com/main.aspx',
    'https://user:pw@contoso.crm4.dynamics.com/main.aspx',
    'https://app-na3.hubspot.com/contacts/1/record/0-1/2',
    'https://www.hubspot.com/',
    'not a url',
  ])('refuses %s', (url) => expect(crmHostAccepted(url)).toBe(false));

  it('accepts a CRM address the rep added, and only that host', () => {
    expect(crmHostAccepted('https://crm.fabrikam-intern.de/FabrikamCRM/main.aspx', ['crm.fabrikam-intern.de'])).toBe(true);
    expect(crmHostAccepted('https://evil.fabrikam-intern.de/', ['crm.fabrikam-intern.de'])).toBe(false);
    expect(crmOfHost('crm.fabrikam-intern.de')).toBeNull();
  });
});

describe('"Add a CRM address": what the rep types', () => {
  it.each([
    ['crm.fabrikam-intern.de', 'crm.fabrikam-intern.de'],
    ['https://CRM.Fabrikam-Intern.de/FabrikamCRM/main.aspx?etn=lead', 'crm.fabrikam-intern.de'],
    ['  app-na3.hubspot.com ', 'app-na3.hubspot.com'],
  ])('%s adds %s', (input, host) => expect(crmAddress(input)).toEqual({ host }));

  it.each([
    ['', 'invalid'],
    ['http://crm.contoso.com', 'invalid'],
    ['*.contoso.com', 'invalid'],
    ['https://crm.contoso.com:8443', 'invalid'],
    ['https://user@crm.contoso.com', 'invalid'],
    ['localhost', 'invalid'],
    ['ftp://crm.contoso.com', 'invalid'],
    ['contoso.crm4.dynamics.com', 'known'],
    ['https://app.hubspot.com/contacts/1', 'known'],
  ])('%s is refused as %s', (input, error) => expect(crmAddress(input)).toEqual({ error }));
});
