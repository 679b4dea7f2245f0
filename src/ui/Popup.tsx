// The toolbar popup: paste anything, see it decoded on the spot; the last lookups stay one click away.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { leadTime } from '../core/display';
import { t, uiLang } from '../platform/browser';
import type { Lookup, RecentSource } from '../platform/recent';
import { decodePasted } from './decode-any';
import { formatRelative } from './format';
import { LeadCard } from './LeadCard';
import type { DecodedLeadSource } from '../core/types';

/** A lookup is filed once the rep stops typing for this long on a value that decodes. */
const SETTLE_MS = 700;

export interface PopupProps {
  openSidePanel?: () => Promise<void>;
  initialText?: string;
  recent?: RecentSource;
  /** Completes offer ids that may be cut (messaging/complete-offers.ts); the values show as decoded until it answers. */
  complete?: (decoded: DecodedLeadSource[]) => Promise<DecodedLeadSource[]>;
}

export function Popup({ openSidePanel, initialText = '', recent, complete }: PopupProps) {
  const [text, setText] = useState(initialText);
  const [lookups, setLookups] = useState<Lookup[]>([]);
  const lang = uiLang();
  const pasted = useMemo(() => decodePasted(text), [text]);
  const completed = useCompleted(pasted.decoded, complete);
  const now = new Date();
  useEffect(() => {
    recent?.list().then(setLookups, () => undefined);
  }, [recent]);
  const decodedSomething = pasted.decoded.some((d) => d.ok);
  // Only what the rep typed or pasted is filed: a lookup picked from the list is not filed again, and
  // clearing the list cancels a filing still waiting for the typing to settle.
  const [typed, setTyped] = useState(false);
  useEffect(() => {
    if (!recent || !typed || !decodedSomething) return;
    const timer = setTimeout(() => recent.add(text).then(setLookups, () => undefined), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [recent, text, typed, decodedSomething]);
  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      <p class="hint">{t('popupHint')}</p>
      <textarea
        aria-label={t('popupTitle')}
        placeholder={t('popupPlaceholder')}
        value={text}
        onInput={(e) => {
          setText((e.currentTarget as HTMLTextAreaElement).value);
          setTyped(true);
        }}
        // biome-ignore lint/a11y/noAutofocus: the popup exists to take a pasted value; the field is its only input
        autoFocus
      />
      <div class="results" aria-live="polite">
        {completed.map((d, i) => (
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
      {recent && lookups.length > 0 && (
        <section class="recent" data-testid="recent">
          <h2>{t('recentTitle')}</h2>
          <ol>
            {lookups.map((l) => (
              <li key={l.at + l.text}>
                <button
                  type="button"
                  class="link"
                  onClick={() => {
                    setTyped(false);
                    setText(l.text);
                  }}
                  data-testid="recent-item"
                >
                  <span class="recent-text">{l.text.split('\n')[0]}</span>
                </button>{' '}
                <span class="hint">{formatRelative(l.at, now, lang)}</span>
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() =>
              recent.clear().then(
                () => setLookups([]),
                () => undefined,
              )
            }
            data-testid="recent-clear"
          >
            {t('recentClear')}
          </button>
        </section>
      )}
    </main>
  );
}

/** The decoded values, replaced by their completed form once `complete` answers for these very values. */
function useCompleted(decoded: DecodedLeadSource[], complete: PopupProps['complete']): DecodedLeadSource[] {
  const [done, setDone] = useState<{ of: DecodedLeadSource[]; values: DecodedLeadSource[] } | null>(null);
  useEffect(() => {
    if (!complete) return;
    let live = true;
    complete(decoded).then(
      (values) => live && setDone({ of: decoded, values }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [decoded, complete]);
  return done?.of === decoded ? done.values : decoded;
}
