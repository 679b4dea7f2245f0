import { vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';

vi.mock('../../../src/platform/browser', () => ({ t: (k: string) => k, uiLang: () => 'en' }));
const { Contacts } = await import('../../../src/ui/Contacts');

describe('copy buttons', () => {
  it('put the email and the phone on the clipboard and say so', async () => {
    const write = vi.fn(async (_text: string) => undefined);
    render(
      <Contacts
        customer={{ firstName: 'Ольга', lastName: 'Кузнецова', email: 'o.k@severinfo.ru', phone: '+7 812 334-56-78' }}
        write={write}
      />,
    );
    fireEvent.click(screen.getByTestId('copy-email'));
    await waitFor(() => expect(screen.getByTestId('copy-email').textContent).toBe('copyDone'));
    fireEvent.click(screen.getByTestId('copy-phone'));
    expect(write.mock.calls.map((c) => c[0])).toEqual(['o.k@severinfo.ru', '+7 812 334-56-78']);
    expect(screen.getByTestId('copy-email').getAttribute('aria-label')).toBe('copyEmail');
  });

  it('tell the rep when the clipboard refused', async () => {
    render(<Contacts customer={{ email: 'a@b.c' }} write={async () => Promise.reject(new Error('denied'))} />);
    fireEvent.click(screen.getByTestId('copy-email'));
    await waitFor(() => expect(screen.getByTestId('copy-email').textContent).toBe('copyFailed'));
  });

  it('show nothing for a customer without name, company or contacts', () => {
    const { container } = render(<Contacts customer={{}} />);
    expect(container.innerHTML).toBe('');
  });
});
