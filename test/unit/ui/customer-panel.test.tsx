import { vi } from 'vitest';
import { act, render, screen, fireEvent, waitFor } from '@testing-library/preact';
import type { Ask } from '../../../src/messaging/messages';
import type { TabLead } from '../../../src/messaging/tab-view';
import type { CustomerView } from '../../../src/store/types';

// The service worker, played by hand: each reply is released when the test says so.
type Pending = { message: { type: string; customerId?: string }; resolve: (v: unknown) => void };
const pending: Pending[] = [];
const send = vi.fn(
  (message: Pending['message']) =>
    new Promise((resolve) => {
      pending.push({ message, resolve });
    }),
);
vi.mock('../../../src/platform/browser', () => ({ t: (k: string, s?: string) => (s ? `${k}:${s}` : k), uiLang: () => 'en', send }));

const { CustomerPanel } = await import('../../../src/ui/CustomerPanel');
const { customerSource } = await import('../../../src/ui/sources');
const customers = customerSource(send as unknown as Ask);
const { decodeLeadSource } = await import('../../../src/core/leadsource');

function answer(match: (m: Pending['message']) => boolean, value: unknown): void {
  const i = pending.findIndex((p) => match(p.message));
  if (i < 0) throw new Error(`no pending request matches; pending: ${JSON.stringify(pending.map((p) => p.message))}`);
  pending.splice(i, 1)[0]!.resolve(value);
}
const customer = (id: string) => (m: Pending['message']) => m.type === 'get-customer' && m.customerId === id;

const earlier: CustomerView = {
  customerId: 'earlier',
  displayName: 'Алексей Смирнов',
  company: 'Фабрикам',
  email: 'a.smirnov@fabrikam.ru',
  phone: null,
  furthestStage: 'active',
  journey: [
    {
      sightingId: 's1',
      stage: 'interest',
      action: 'PLT',
      source: 'AppSource',
      offer: 'contoso.crm',
      at: '2025-06-02T10:15:00Z',
      crm: 'dynamics',
      recordUrl: null,
    },
    {
      sightingId: 's2',
      stage: 'active',
      action: 'INS',
      source: 'AzureMarketplace',
      offer: 'contoso.crm',
      at: '2025-06-20T09:00:00Z',
      crm: 'dynamics',
      recordUrl: null,
    },
  ],
  colleagues: [],
  pending: [],
};

function possibleLead(decided: boolean): TabLead {
  return {
    key: 'k',
    crm: 'dynamics',
    view: 'record',
    recordId: 'r',
    recordUrl: null,
    firstSeen: '2025-06-20T09:00:00Z',
    duplicate: decided ? 'duplicate' : 'possible',
    lead: { leadSource: decodeLeadSource('AzureMarketplace-INS|contoso.crm'), customer: { firstName: 'Alexey', lastName: 'Smirnov' } },
    result: {
      sightingId: 's2',
      customerId: decided ? 'earlier' : 'mine',
      stageAdvanced: false,
      seenBefore: false,
      match: {
        status: decided ? 'duplicate' : 'possible',
        fields: ['name'],
        score: 8,
        matchedSightingId: 's1',
        candidateCustomerId: 'earlier',
        decision: decided ? 'confirmed' : null,
      },
    },
  };
}

describe('customer panel', () => {
  it('keeps the merged journey when a reply about the merged-away customer arrives late', async () => {
    const { rerender } = render(<CustomerPanel lead={possibleLead(false)} lang="en" version="v1" customers={customers} />);
    await act(async () => {
      answer(customer('mine'), {
        ...earlier,
        customerId: 'mine',
        displayName: 'Alexey Smirnov',
        journey: [earlier.journey[1]!],
        pending: [{ sightingId: 's2', candidateCustomerId: 'earlier', fields: ['name'] }],
      });
      answer(customer('earlier'), earlier);
    });
    fireEvent.click(screen.getByText('panelConfirm'));
    // The tab's state changes (the lead now belongs to the earlier customer) before the decision's reply.
    rerender(<CustomerPanel lead={possibleLead(true)} lang="en" version="v2" customers={customers} />);
    await act(async () => {
      answer((m) => m.type === 'decide-match', { ok: true });
    });
    // Two look-ups are now in flight. The worst order for the panel: any about the merged-away id
    // ('mine', which the store now answers with null) comes back last.
    const lookups = pending.filter((p) => p.message.type === 'get-customer');
    expect(lookups.length).toBeGreaterThanOrEqual(2);
    lookups.sort((a, b) => Number(a.message.customerId === 'mine') - Number(b.message.customerId === 'mine'));
    await act(async () => {
      for (const p of lookups) {
        pending.splice(pending.indexOf(p), 1);
        p.resolve(p.message.customerId === 'earlier' ? earlier : null); // 'mine' was merged away
      }
    });
    await waitFor(() => expect(screen.getByTestId('journey').querySelectorAll('li')).toHaveLength(2));
    expect(screen.queryByText('panelConfirm')).toBeNull();
  });
});
