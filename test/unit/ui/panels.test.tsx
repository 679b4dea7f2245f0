import { vi } from 'vitest';
import { render, screen, fireEvent } from '@testing-library/preact';
import { fakeBrowser } from '../fake-browser';
import type { Ask } from '../../../src/messaging/messages';
import type { TabLeads, TabLead } from '../../../src/messaging/tab-view';

const fake = fakeBrowser();
const send = vi.fn(async (m: { type: string }) =>
  m.type === 'get-settings' ? { lang: 'auto', retentionDays: 365, defaultCountry: null } : null,
);
vi.mock('../../../src/platform/browser', () => ({
  browser: fake.browser,
  t: (k: string, s?: string) => (s ? `${k}:${s}` : k),
  uiLang: () => 'en',
  send,
}));

const { SidePanel, distinctLeads } = await import('../../../src/ui/SidePanel');
const { customerSource } = await import('../../../src/ui/sources');
const customers = customerSource(send as unknown as Ask);
const { Popup } = await import('../../../src/ui/Popup');
const { decodeLeadSource } = await import('../../../src/core/leadsource');

function lead(key: string, input: string, extra: Partial<TabLead> = {}): TabLead {
  return {
    key,
    crm: 'dynamics',
    view: 'record',
    recordId: 'rec-1',
    recordUrl: null,
    firstSeen: '2026-11-25T09:00:00Z',
    duplicate: 'new',
    result: null,
    lead: {
      leadSource: decodeLeadSource(input),
      customer: { firstName: '<img src=x onerror=alert(1)>', lastName: 'Smith', company: 'Contoso' },
    },
    ...extra,
  };
}

function state(leads: TabLead[], extra: Partial<TabLeads> = {}): TabLeads {
  return { tabId: 1, url: 'https://x', updatedAt: '2026-11-25T09:00:00Z', leads, selections: [], focusKey: null, ...extra };
}

describe('side panel', () => {
  it('shows one card per lead even when the LeadSource appears in two fields of the record', () => {
    const leads = [lead('a', 'AppSource-PLT|contoso.crm'), lead('b', 'AppSource-PLT|contoso.crm'), lead('c', 'Web')];
    expect(distinctLeads(leads).map((l) => l.key)).toEqual(['a']);
  });

  it('renders customer fields from the page as text, never as markup', () => {
    const { container } = render(
      <SidePanel
        source={{
          customers,
          watch: (cb) => {
            cb(state([lead('a', 'AzureMarketplace-INS|contoso.crm')]));
            return () => undefined;
          },
        }}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)> Smith');
    expect(screen.getByTestId('lead-card').getAttribute('data-stage')).toBe('active');
  });

  it('lists many leads one line each, with the lead clicked on the page opened', () => {
    const leads = ['a', 'b', 'c', 'd'].map((k) => ({ ...lead(k, `AzurePortal-Create|contoso.${k}`), recordId: `rec-${k}` }));
    const { container } = render(
      <SidePanel
        source={{
          customers,
          watch: (cb) => {
            cb(state(leads, { focusKey: 'c' }));
            return () => undefined;
          },
        }}
      />,
    );
    const rows = screen.getAllByTestId('lead-row') as HTMLDetailsElement[];
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.open)).toEqual([false, false, true, false]);
    // Closed rows render no card (and ask the memory nothing); the open one shows the whole card.
    expect(container.querySelectorAll('[data-testid="lead-card"]')).toHaveLength(1);
    expect(rows[0]!.querySelector('summary')!.textContent).toContain('<img src=x onerror=alert(1)> Smith');
  });

  it('tells the rep when the lead memory failed', () => {
    render(
      <SidePanel
        source={{
          customers,
          watch: (cb) => {
            cb(state([lead('a', 'AppSource-PLT|x.y')], { memoryError: 'disk full' }));
            return () => undefined;
          },
        }}
      />,
    );
    expect(screen.getByTestId('memory-error').textContent).toContain('disk full');
  });

  it('shows the empty state when the page has no marketplace lead', () => {
    render(
      <SidePanel
        source={{
          customers,
          watch: (cb) => {
            cb(state([lead('a', 'Web')]));
            return () => undefined;
          },
        }}
      />,
    );
    expect(screen.getByTestId('panel-empty')).toBeTruthy();
  });
});

describe('popup', () => {
  it('decodes a pasted LeadSource as the rep types', () => {
    render(<Popup />);
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'AzurePortal-Create|contoso.vm-image' } });
    const card = screen.getByTestId('lead-card');
    expect([card.getAttribute('data-source'), card.getAttribute('data-action'), card.getAttribute('data-stage')]).toEqual([
      'AzurePortal',
      'Create',
      'active',
    ]);
  });

  it('decodes a pasted HTTPS payload whose LeadSource holds only the storefront', () => {
    render(<Popup />);
    const payload = JSON.stringify({
      userDetails: { firstName: 'Some', lastName: 'One' },
      leadSource: 'AzureMarketplace',
      actionCode: 'INS',
      offerTitle: 'Test Microsoft',
    });
    fireEvent.input(screen.getByRole('textbox'), { target: { value: payload } });
    const card = screen.getByTestId('lead-card');
    expect([card.getAttribute('data-source'), card.getAttribute('data-action')]).toEqual(['AzureMarketplace', 'INS']);
  });

  it('says why a string is not a marketplace LeadSource', () => {
    render(<Popup />);
    fireEvent.input(screen.getByRole('textbox'), { target: { value: 'SFDC-IN|Some Listing' } });
    expect(screen.getByTestId('lead-card').getAttribute('data-ok')).toBe('false');
  });
});
