// @vitest-environment node
// Over 300 lines on purpose: the decoder's whole grammar, case by case, in one spec.
import { decodeLeadSource, findLeadSources, withActionCode } from '../../../src/core/leadsource';
import { dotNetTicksToIso } from '../../../src/core/ticks';

const ok = (s: string, opts?: { wholeField?: boolean }) => {
  const d = decodeLeadSource(s, opts);
  expect(d.ok, `${s} → ${d.reason}`).toBe(true);
  return d;
};

describe('decoding a LeadSource value', () => {
  it('decodes the documented publisher.offer examples verbatim', () => {
    const a = ok('AzureMarketplace-INS|checkpoint.check-point-r77-10sg-byol');
    expect(a).toMatchObject({
      source: 'AzureMarketplace',
      sourceLiteral: 'AzureMarketplace',
      action: 'INS',
      stage: 'active',
      testLead: false,
      warnings: [],
    });
    expect(a.offer).toEqual({
      publisherId: 'checkpoint',
      offerId: 'check-point-r77-10sg-byol',
      title: 'checkpoint.check-point-r77-10sg-byol',
    });
    expect(ok('SPZA-PLT|bitnami.openedxcypress').offer).toMatchObject({ publisherId: 'bitnami', offerId: 'openedxcypress' });
    expect(ok('AzurePortal-Create|docusign.3701c77e-1cfa-4c56-91e6-3ed0b622145a').offer).toMatchObject({
      publisherId: 'docusign',
      offerId: '3701c77e-1cfa-4c56-91e6-3ed0b622145a',
    });
  });

  it('decodes the real test-drive value with a display title', () => {
    const d = ok('AzureMarketplace-StartTestDrive|Red Hat OpenShift Container Platform');
    expect(d).toMatchObject({ source: 'AzureMarketplace', action: 'StartTestDrive', stage: 'trial', warnings: [] });
    expect(d.offer).toEqual({ publisherId: null, offerId: null, title: 'Red Hat OpenShift Container Platform' });
  });

  it.each([
    ['AzureMarketplace-INS|x.y', 'AzureMarketplace', 'AzureMarketplace'],
    ['AzurePortal-Create|x.y', 'AzurePortal', 'AzurePortal'],
    ['SPZA-PLT|x.y', 'AppSource', 'SPZA'],
    ['AppSource-PLT|x.y', 'AppSource', 'AppSource'],
    ['AppSource (SPZA)-PLT|x.y', 'AppSource', 'AppSource (SPZA)'],
    ['AppSource(SPZA)-PLT|x.y', 'AppSource', 'AppSource(SPZA)'],
    ['TestDrive-StartTestDrive|Red Hat OpenShift', 'TestDrive', 'TestDrive'],
    ['Azure Marketplace-INS|x.y', 'AzureMarketplace', 'Azure Marketplace'],
  ])('accepts the source spelling %s', (value, source, literal) => {
    const d = ok(value);
    expect(d.source).toBe(source);
    expect(d.sourceLiteral).toBe(literal);
  });

  it('flags the retired TestDrive source', () => {
    expect(ok('TestDrive-StartTestDrive|Red Hat OpenShift').warnings).toContain('legacy-source');
  });

  it('ignores case and surrounding whitespace; tolerates spaces around - and |', () => {
    expect(ok('azuremarketplace-ins|contoso.crm')).toMatchObject({ source: 'AzureMarketplace', action: 'INS', warnings: [] });
    expect(ok('SPZA-plt|x.y').action).toBe('PLT');
    expect(ok('AZUREPORTAL-CREATE|x.y').action).toBe('Create');
    const d = ok('  AppSource - PLT | contoso.crm  ');
    expect(d).toMatchObject({ source: 'AppSource', action: 'PLT', offer: { publisherId: 'contoso', offerId: 'crm' } });
    expect(d.warnings).toContain('loose-spacing');
    expect(ok('AzureMarketplace-INS|x.y').warnings).not.toContain('loose-spacing');
  });

  it('maps every action to its stage', () => {
    expect(ok('SPZA-PLT|a.b').stage).toBe('interest');
    expect(ok('AzureMarketplace-StartTestDrive|a.b').stage).toBe('trial');
    expect(ok('AzureMarketplace-INS|a.b').stage).toBe('active');
    expect(ok('AzurePortal-Create|a.b').stage).toBe('active');
    expect(ok('SPZA-DNC|a.b').stage).toBe('do-not-contact');
  });

  it('warns when an action is not documented for the storefront', () => {
    expect(ok('AzureMarketplace-Create|a.b').warnings).toContain('action-storefront-mismatch');
    expect(ok('AzurePortal-Create|a.b').warnings).not.toContain('action-storefront-mismatch');
    expect(ok('AzurePortal-DNC|a.b').warnings).toContain('action-storefront-mismatch');
    // Contact me exists on Azure Marketplace too (its code there is undocumented): not flagged.
    expect(ok('AzureMarketplace-PLT|a.b').warnings).not.toContain('action-storefront-mismatch');
  });

  it('reads a missing offer', () => {
    const d = ok('AzurePortal-Create');
    expect(d.offer).toBeNull();
    expect(d.warnings).toContain('no-offer');
    expect(ok('AzurePortal-Create|').warnings).toContain('no-offer');
  });

  it('reads a source-only value (HTTPS payloads) and completes it with ActionCode', () => {
    const d = ok('AzureMarketplace');
    expect(d).toMatchObject({ source: 'AzureMarketplace', action: null, stage: 'unknown', warnings: ['source-only'] });
    const full = withActionCode(d, 'INS');
    expect(full).toMatchObject({ ok: true, action: 'INS', stage: 'active', warnings: [] });
    expect(withActionCode(d, 'Contact me')).toMatchObject({ action: 'PLT', stage: 'interest' });
    expect(withActionCode(d, 'Bogus')).toMatchObject({ ok: false, reason: 'unknown-action' });
  });

  describe('cut values (Salesforce 40-character picklist)', () => {
    it('a whole field of exactly 40 characters may be cut: it keeps what it shows, with a warning', () => {
      const d = ok('AzureMarketplace-StartTestDrive|Fabrikam');
      expect(d).toMatchObject({ source: 'AzureMarketplace', action: 'StartTestDrive', stage: 'trial' });
      expect(d.offer).toEqual({ publisherId: null, offerId: null, title: 'Fabrikam' });
      expect(d.warnings).toEqual(['possibly-truncated']);
      const cut = 'AzureMarketplace-INS|checkpoint.check-point-r77-10sg-byol'.slice(0, 40);
      expect(cut).toHaveLength(40);
      expect(ok(cut).offer).toEqual({ publisherId: 'checkpoint', offerId: 'check-po', title: 'checkpoint.check-po' });
      expect(ok(cut).warnings).toEqual(['possibly-truncated']);
    });
    it('complete values of 39 and 41 characters are whole (offer ids as long as bitnami.openedxcypress exist)', () => {
      for (const v of [
        'AzureMarketplace-PLT|fabrikam.sales-pilot',
        'AzurePortal-Create|northwind.vm-backups',
        'AzureMarketplace-StartTestDrive|Red Hat O',
      ]) {
        const d = ok(v);
        expect(d.warnings).toEqual([]);
      }
      expect(ok('AzureMarketplace-PLT|fabrikam.sales-pilot').offer).toEqual({
        publisherId: 'fabrikam',
        offerId: 'sales-pilot',
        title: 'fabrikam.sales-pilot',
      });
      expect(ok('AzurePortal-Create|northwind.vm-backups').offer?.offerId).toBe('vm-backups');
    });
    it('a value inside longer text is never cut by a field limit', () => {
      const [found] = findLeadSources('Quelle: AzurePortal-Create|northwind.vm-backups');
      expect(found!.decoded.offer?.offerId).toBe('vm-backups');
      expect(found!.decoded.warnings).toEqual([]);
      const [forty] = findLeadSources('Source: AzureMarketplace-INS|checkpoint.check-po, see the deal');
      expect(forty!.decoded.warnings).toEqual([]);
      expect(ok('AzureMarketplace-INS|checkpoint.check-po', { wholeField: false }).warnings).toEqual([]);
    });
    it('for a percent-encoded value the encoded length counts', () => {
      const encoded = 'AzureMarketplace-INS%7Ccontoso.crm-conne';
      expect(encoded).toHaveLength(40);
      expect(ok(encoded).warnings).toEqual(['percent-encoded', 'possibly-truncated']);
      expect(ok(encoded).offer).toMatchObject({ publisherId: 'contoso', offerId: 'crm-conne' });
      // 40 characters once decoded, 42 as stored: whole.
      expect(ok('AzureMarketplace-INS%7Ccontoso.crm-connect').warnings).toEqual(['percent-encoded']);
    });
    it('treats the GUID id printed one character short in the docs as cut', () => {
      const d = ok('AzureMarketplace-INS|docusign.3701c77e-1cfa-4c56-91e6-3ed0b622145');
      expect(d.offer).toMatchObject({ publisherId: 'docusign', offerId: null });
      expect(d.warnings).toContain('truncated');
    });
    it('a cut inside the action keeps the source and claims no action', () => {
      const d = ok('AzureMarketplace-StartTes');
      expect(d).toMatchObject({ source: 'AzureMarketplace', action: null, stage: 'unknown', offer: null });
      expect(d.warnings).toContain('truncated');
    });
    it('an ellipsis marks a display cut', () => {
      const d = ok('AzureMarketplace-INS|contoso.crm-conn…');
      expect(d.offer).toMatchObject({ publisherId: 'contoso', offerId: null, title: 'contoso.crm-conn' });
      expect(d.warnings).toContain('truncated');
    });
    it('a cut test lead is still a test lead', () => {
      const d = ok('MSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|<Offer Name>'.slice(0, 40));
      expect(d).toMatchObject({ testLead: true, stage: 'test' });
      expect(d.warnings).toContain('truncated');
    });
  });

  describe('test leads', () => {
    it('decodes the documented test lead_source with the moment its ticks encode', () => {
      const d = ok('MSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|<Offer Name>');
      expect(d).toMatchObject({ testLead: true, stage: 'test', source: null, action: null, offer: { title: '<Offer Name>' } });
      expect(d.testLeadTime).toBe('2018-03-22T15:48:03.131Z');
    });
    it('turns the other observed numbers into their dates', () => {
      expect(dotNetTicksToIso('636737558587117715')).toMatch(/^2018-09-28T18:24/);
      expect(dotNetTicksToIso('637740024879616712')).toMatch(/^2021-12-02T00:41/);
      expect(dotNetTicksToIso('12345')).toBeNull();
      expect(dotNetTicksToIso('999999999999999999')).toBeNull();
    });
  });

  it('decodes percent-encoded values', () => {
    const d = ok('AzureMarketplace-StartTestDrive%7CRed%20Hat%20OpenShift');
    expect(d).toMatchObject({ action: 'StartTestDrive', offer: { title: 'Red Hat OpenShift' } });
    expect(d.warnings).toContain('percent-encoded');
    expect(ok('SPZA-PLT%7ccontoso.crm').offer).toMatchObject({ publisherId: 'contoso', offerId: 'crm' });
    expect(ok('AppSource%20(SPZA)-PLT%7CContoso+CRM').offer?.title).toBe('Contoso CRM');
    expect(ok('AzureMarketplace-INS|100% Cloud').offer?.title).toBe('100% Cloud');
  });

  describe('rejections with a reason, never an exception', () => {
    it.each([
      ['', 'empty'],
      ['   ', 'empty'],
      ['Web', 'not-marketplace'],
      ['Partner Referral', 'not-marketplace'],
      ['Веб-сайт', 'not-marketplace'],
      ['SFDC-IN|Contoso App', 'salesforce-appexchange'],
      ['SFDC-dup-TD|Contoso App', 'salesforce-appexchange'],
      ['AzureMarketplace-ContactMe|x.y', 'unknown-action'],
      ['AzureMarketplace-FreeTrial', 'unknown-action'],
      ['AzureMarketplace-', 'missing-action'],
      ['AzureMarketplace-|x.y', 'missing-action'],
      ['AzureMarketplaces-INS|x.y', 'not-marketplace'],
      ['AzureMarketplace: INS', 'not-marketplace'],
      ['#$%^&*()', 'not-marketplace'],
    ])('%j → %s', (value, reason) => {
      const d = decodeLeadSource(value);
      expect(d.ok).toBe(false);
      expect(d.reason).toBe(reason);
      expect(d.action).toBeNull();
    });
    it('keeps the source of an unknown action so the UI can say which storefront', () => {
      expect(decodeLeadSource('SPZA-Subscribe|x.y')).toMatchObject({ ok: false, source: 'AppSource', reason: 'unknown-action' });
    });
    it('handles a 1 MB string quickly: too-long when it starts like a LeadSource', () => {
      const big = 'AzureMarketplace-INS|' + 'x'.repeat(1_000_000);
      expect(decodeLeadSource(big).reason).toBe('too-long');
      expect(decodeLeadSource('y'.repeat(1_000_000)).reason).toBe('not-marketplace');
    });
    it('does not throw on non-string input from untrusted callers', () => {
      expect(decodeLeadSource(undefined as unknown as string).ok).toBe(false);
    });
  });
});

describe('finding LeadSource values in longer text', () => {
  it('finds one inside a Description with exact offsets', () => {
    const text = 'Customer came from AzureMarketplace-StartTestDrive|Red Hat OpenShift Container Platform\nPlease call.';
    const found = findLeadSources(text);
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect(text.slice(f.start, f.end)).toBe('AzureMarketplace-StartTestDrive|Red Hat OpenShift Container Platform');
    expect(f.decoded).toMatchObject({ ok: true, action: 'StartTestDrive', offer: { title: 'Red Hat OpenShift Container Platform' } });
  });

  it('finds several values in one text', () => {
    const text = 'AzureMarketplace-INS|a.b AppSource-PLT|c.d; SPZA-DNC|Contoso CRM, then AzurePortal-Create';
    const found = findLeadSources(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([
      'AzureMarketplace-INS|a.b',
      'AppSource-PLT|c.d',
      'SPZA-DNC|Contoso CRM',
      'AzurePortal-Create',
    ]);
    expect(found.map((f) => f.decoded.action)).toEqual(['INS', 'PLT', 'DNC', 'Create']);
  });

  it('ends an id-like offer at the end of its word in running text', () => {
    const text = 'Source: AzureMarketplace-INS|contoso.crm and the customer wants a call.';
    const [f] = findLeadSources(text);
    expect(text.slice(f!.start, f!.end)).toBe('AzureMarketplace-INS|contoso.crm');
  });

  it('finds a percent-encoded value inside a URL', () => {
    const text = 'https://example.com/lead?src=AzureMarketplace-PLT%7CContoso%20CRM&utm=x';
    const [f] = findLeadSources(text);
    expect(text.slice(f!.start, f!.end)).toBe('AzureMarketplace-PLT%7CContoso%20CRM');
    expect(f!.decoded).toMatchObject({ action: 'PLT', offer: { title: 'Contoso CRM' } });
    expect(f!.decoded.warnings).toContain('percent-encoded');
  });

  it('takes a whole list cell, title spaces and all', () => {
    const [f] = findLeadSources('AzureMarketplace-StartTestDrive|Red Hat OpenShift Container Platform');
    expect(f!.decoded.offer?.title).toBe('Red Hat OpenShift Container Platform');
    expect(findLeadSources('  AzureMarketplace ')[0]?.decoded).toMatchObject({
      source: 'AzureMarketplace',
      warnings: expect.arrayContaining(['source-only']),
    });
  });

  it('finds test leads, including a bare MSFT_TEST_<ticks> marker', () => {
    expect(findLeadSources('x MSFT_TEST_636573304831318844-MSFT_TEST_636573304831318844|<Offer Name>')[0]?.decoded.testLead).toBe(true);
    expect(findLeadSources('MSFT_TEST_636573304831318844')[0]?.decoded.testLeadTime).toMatch(/^2018-03-22/);
  });

  it('reports an unknown action next to a marketplace source as not ok, so it does not vanish', () => {
    const [f] = findLeadSources('New: AzureMarketplace-ContactMe|Contoso');
    expect(f!.decoded).toMatchObject({ ok: false, reason: 'unknown-action', source: 'AzureMarketplace' });
  });

  it('returns [] for text without anything marketplace-like', () => {
    expect(findLeadSources('')).toEqual([]);
    expect(findLeadSources('Lead source: Web. Met at a trade show.')).toEqual([]);
    expect(findLeadSources('We sell on the Azure Marketplace - create an account first')).toEqual([]);
    expect(findLeadSources('AzureMarketplace-based solution')).toEqual([]);
    expect(findLeadSources('SFDC-IN|Contoso App')).toEqual([]);
    expect(findLeadSources('MyAzureMarketplace-INS|x.y')).toEqual([]);
  });

  it('scans 1 MB of text', () => {
    const text = 'lorem ipsum AzureMarketplace '.repeat(40_000) + 'AzurePortal-Create|x.y';
    const found = findLeadSources(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.decoded.action).toBe('Create');
  });
});

describe('LeadSource values wrapped in prose', () => {
  const offers = (text: string) => findLeadSources(text).map((f) => [f.decoded.source, f.decoded.action, f.decoded.offer?.title]);

  it('ends a bracketed value at its closing bracket, even before more prose', () => {
    expect(offers('Клиент (AppSource-PLT|contoso.crm-connector). Просит позвонить')).toEqual([
      ['AppSource', 'PLT', 'contoso.crm-connector'],
    ]);
    expect(offers('Лид: «AzureMarketplace-INS|Contoso CRM Connector» — позвонить')).toEqual([
      ['AzureMarketplace', 'INS', 'Contoso CRM Connector'],
    ]);
    expect(offers('[AzurePortal-Create|Contoso VM Image] created')).toEqual([['AzurePortal', 'Create', 'Contoso VM Image']]);
  });

  it('drops a closing bracket glued to an id but keeps brackets that belong to a title', () => {
    expect(offers('see AppSource-PLT|contoso.crm) and more')).toEqual([['AppSource', 'PLT', 'contoso.crm']]);
    expect(offers('see AppSource-PLT|Contoso Sales Hub (Preview)')).toEqual([['AppSource', 'PLT', 'Contoso Sales Hub (Preview)']]);
  });
});
