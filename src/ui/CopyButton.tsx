// A button that puts a text on the clipboard and says so for a moment (also to screen readers).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/browser';

/** How the clipboard is reached; tests hand in their own. */
export type WriteText = (text: string) => Promise<void>;

const clipboardWrite: WriteText = (text) => navigator.clipboard.writeText(text);

export function CopyButton({
  text,
  label,
  write = clipboardWrite,
  testId,
}: {
  text: string;
  /** What is copied, for the button's accessible name ("Copy email"). */
  label: string;
  write?: WriteText;
  testId?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      class="copy"
      aria-label={label}
      data-testid={testId}
      onClick={() =>
        write(text).then(
          () => setState('copied'),
          () => setState('failed'),
        )
      }
    >
      <span aria-live="polite">{state === 'copied' ? t('copyDone') : state === 'failed' ? t('copyFailed') : t('copy')}</span>
    </button>
  );
}
