import { act, render } from '@testing-library/preact';
import { useLatest } from '../../../src/ui/use-latest';

// Look-ups released by hand, in whatever order the test picks.
function lookups() {
  const pending: Array<{ key: string; resolve: (v: string) => void; reject: (e: Error) => void }> = [];
  const load = (key: string) => new Promise<string>((resolve, reject) => pending.push({ key, resolve, reject }));
  const release = async (key: string, how: 'resolve' | 'reject' = 'resolve') => {
    const i = pending.findIndex((p) => p.key === key);
    const p = pending.splice(i, 1)[0]!;
    await act(async () => (how === 'resolve' ? p.resolve(`view of ${key}`) : p.reject(new Error(`${key} failed`))));
  };
  return { pending, load, release };
}

function Shows({ id, load, version }: { id: string | null; load: (k: string) => Promise<string>; version?: string }) {
  const { value, error } = useLatest(id, load, version);
  return (
    <p>
      {value ?? '-'}|{error ?? ''}
    </p>
  );
}

describe('useLatest', () => {
  it('keeps the reply to the latest look-up when an earlier one arrives after it', async () => {
    const l = lookups();
    const { container, rerender } = render(<Shows id="a" load={l.load} />);
    rerender(<Shows id="b" load={l.load} />);
    expect(l.pending.map((p) => p.key)).toEqual(['a', 'b']);
    await l.release('b');
    await l.release('a');
    expect(container.textContent).toBe('view of b|');
  });

  it('looks up again when the version changes, and keeps the last value while the key is null', async () => {
    const l = lookups();
    const { container, rerender } = render(<Shows id="a" load={l.load} version="1" />);
    await l.release('a');
    rerender(<Shows id="a" load={l.load} version="2" />);
    expect(l.pending.map((p) => p.key)).toEqual(['a']);
    await l.release('a', 'reject');
    expect(container.textContent).toBe('view of a|Error: a failed');
    rerender(<Shows id={null} load={l.load} version="3" />);
    expect(l.pending).toHaveLength(0);
    expect(container.textContent).toBe('view of a|Error: a failed');
  });
});
