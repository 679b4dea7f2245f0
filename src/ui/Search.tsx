// The side panel's search over everything LeadLens remembers: name (either script), email, company,
// offer, LeadSource. Results come from the memory's index as the rep types; choosing one opens that
// customer's journey.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../core/types';
import type { SearchHit } from '../messaging/messages';
import { t } from '../platform/browser';
import { Journey } from './CustomerPanel';
import { useDesk } from './desk';
import { formatWhen } from './format';
import { StageChip } from './LeadCard';
import type { CustomerSource } from './sources';
import { useLatest } from './use-latest';

const TYPING_PAUSE_MS = 150;

export function Search({ lang, customers }: { lang: Lang; customers: CustomerSource }) {
  const { source } = useDesk();
  const [query, setQuery] = useState('');
  const [settled, setSettled] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const found = useLatest(source && settled ? settled : null, (q: string) => source!.search(q));
  if (!source) return null;
  const hits = settled ? (found.value ?? []) : [];
  return (
    <section class="search" aria-label={t('searchLabel')} data-testid="search">
      <label class="search-label">
        <span class="search-title">{t('searchLabel')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('searchPlaceholder')}
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setChosen(null);
          }}
          data-testid="search-input"
        />
      </label>
      {settled && found.value && (
        <p class="hint" role="status" data-testid="search-count">
          {hits.length ? t('searchFound', String(hits.length)) : t('searchNone')}
        </p>
      )}
      {found.error && (
        <p class="error" role="alert">
          {t('panelNoStore', found.error)}
        </p>
      )}
      {hits.length > 0 && (
        <ul class="hits" data-testid="search-hits">
          {hits.map((hit) => (
            <li key={hit.customerId}>
              <button
                type="button"
                class="hit"
                aria-expanded={chosen === hit.customerId}
                onClick={() => setChosen(chosen === hit.customerId ? null : hit.customerId)}
                data-testid="search-hit"
                data-customer={hit.customerId}
              >
                <Hit hit={hit} lang={lang} />
              </button>
              {chosen === hit.customerId && <Chosen customerId={hit.customerId} lang={lang} customers={customers} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Hit({ hit, lang }: { hit: SearchHit; lang: Lang }) {
  return (
    <>
      <StageChip stage={hit.stage} lang={lang} /> <strong>{hit.displayName || hit.email || hit.company}</strong>
      {hit.company && <span class="hint"> · {hit.company}</span>}
      <span class="hint"> · {formatWhen(hit.lastAt, lang)}</span>
    </>
  );
}

function Chosen({ customerId, lang, customers }: { customerId: string; lang: Lang; customers: CustomerSource }) {
  const { value: view, error } = useLatest(customerId, customers.customer);
  if (error)
    return (
      <p class="error" role="alert">
        {t('panelNoStore', error)}
      </p>
    );
  if (!view) return null;
  return (
    <div class="hit-journey" data-testid="search-journey">
      {view.email && <p class="who">{[view.email, view.phone].filter(Boolean).join(' · ')}</p>}
      <Journey view={view} current="" lang={lang} />
    </div>
  );
}
