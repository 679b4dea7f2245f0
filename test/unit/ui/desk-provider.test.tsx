// The desk a page's components read: the follow-up window the page was opened with, replaced by the copy the
// worker mirrors into storage.local once read, and kept current while the page stays open (an open side panel
// follows a change saved in the options).
import { render, screen, waitFor } from '@testing-library/preact';
import { vi } from 'vitest';

const local = new Map<string, unknown>();
const listeners = new Set<(changes: Record<string, { newValue?: unknown }>, area: string) => void>();
const storage = {
  local: {
    get: async (key: string) => (local.has(key) ? { [key]: local.get(key) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) local.set(k, v);
      for (const l of listeners) l(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])), 'local');
    },
  },
  onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) },
};
vi.mock('../../../src/platform/browser', () => ({ browser: { storage } }));

const { watchFollowUpHours } = await import('../../../src/platform/offer-names');
const { DeskProvider } = await import('../../../src/ui/DeskProvider');
const { useDesk } = await import('../../../src/ui/desk');

function Hours() {
  return <output>{useDesk().followUpHours}</output>;
}

it('starts from the settings, takes the mirrored window, follows its changes, and stops listening when closed', async () => {
  const view = render(
    <DeskProvider followUpHours={24} watchHours={watchFollowUpHours}>
      <Hours />
    </DeskProvider>,
  );
  expect(screen.getByRole('status').textContent).toBe('24');
  await storage.local.set({ followUpHours: 48 });
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('48'));
  await storage.local.set({ followUpHours: 9999 }); // out of range: not a window, the settings' value stands
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('24'));
  await storage.local.set({ followUpHours: 6 });
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('6'));
  expect(listeners.size).toBe(1);
  view.unmount();
  await waitFor(() => expect(listeners.size).toBe(0));
});

it('reads a window mirrored before the page opened', async () => {
  local.set('followUpHours', 12);
  render(
    <DeskProvider followUpHours={24} watchHours={watchFollowUpHours}>
      <Hours />
    </DeskProvider>,
  );
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('12'));
});
