// The toolbar popup: paste anything, see it decoded on the spot.
import { useMemo, useState } from 'preact/hooks';
import { leadTime } from '../core/display';
import { t, uiLang } from '../platform/browser';
import { decodePasted } from './decode-any';
import { LeadCard } from './LeadCard';

export interface PopupProps {
  openSidePanel?: () => Promise<void>;
  initialText?: string;
}

export function Popup({ openSidePanel, initialText = '' }: PopupProps) {
  const [text, setText] = useState(initialText);
  const lang = uiLang();
  const pasted = useMemo(() => decodePasted(text), [text]);
  const now = new Date();
  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      <p class="hint">{t('popupHint')}</p>
      <textarea
        aria-label={t('popupTitle')}
        placeholder={t('popupPlaceholder')}
        value={text}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        // biome-ignore lint/a11y/noAutofocus: the popup exists to take a pasted value; the field is its only input
        autoFocus
      />
      <div class="results" aria-live="polite">
        {pasted.decoded.map((d, i) => (
          <LeadCard
            key={`${i}:${d.input}`}
            decoded={d}
            lang={lang}
            leadTime={leadTime({ createdAt: pasted.lead?.createdAt, leadSource: d }, now)}
            now={now}
          />
        ))}
      </div>
      {openSidePanel && (
        <div class="actions">
          <button type="button" onClick={() => void openSidePanel()}>
            {t('popupOpenPanel')}
          </button>
        </div>
      )}
    </main>
  );
}
