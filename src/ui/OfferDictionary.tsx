// The offer dictionary in the options: each `publisher.offer` with the friendly name LeadLens shows
// beside it (learnt from leads that showed both, or typed by the rep), editable, removable, and one row
// to add a name by hand. Saved names go to the memory and travel with its export.
import { useEffect, useState } from 'preact/hooks';
import type { OfferName } from '../messaging/messages';
import { t } from '../platform/browser';

export interface OfferDictionarySource {
  offers(): Promise<OfferName[]>;
  setOffer(key: string, name: string): Promise<{ ok: boolean; error?: string }>;
}

const OFFER_ID = /^[a-z0-9][a-z0-9_-]*\.[a-z0-9._-]+$/i;

export function OfferDictionary({ source }: { source: OfferDictionarySource }) {
  const [offers, setOffers] = useState<OfferName[] | null>(null);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [newKey, setNewKey] = useState('');
  const [newName, setNewName] = useState('');
  const load = () => {
    source.offers().then(setOffers, (e: unknown) => setNote({ kind: 'error', text: String(e) }));
  };
  useEffect(load, [source]);

  const save = async (key: string, name: string) => {
    if (!OFFER_ID.test(key.trim())) {
      setNote({ kind: 'error', text: t('offersBadKey', key) });
      return;
    }
    const reply = await source.setOffer(key.trim(), name);
    setNote(reply.ok ? { kind: 'ok', text: t('offersSaved') } : { kind: 'error', text: t('errorGeneric', reply.error ?? '') });
    load();
  };

  const add = () => {
    void save(newKey, newName).then(() => {
      setNewKey('');
      setNewName('');
    });
  };
  const onEnter = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };

  return (
    <section class="offer-dictionary" data-testid="offer-dictionary">
      <h2>{t('offersTitle')}</h2>
      <p class="hint">{t('offersHint')}</p>
      {offers && offers.length === 0 && <p class="hint">{t('offersEmpty')}</p>}
      {offers && offers.length > 0 && (
        <ul class="offers">
          {offers.map((o) => (
            <OfferRow key={o.key} offer={o} onSave={save} />
          ))}
        </ul>
      )}
      {/* Not a form: the settings form's Save stays the page's only submit button; Enter in a field adds. */}
      <div class="offer-add">
        <label>
          {t('offersKey')}
          <input
            type="text"
            value={newKey}
            placeholder="contoso.crm-connector"
            onInput={(e) => setNewKey((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={onEnter}
          />
        </label>
        <label>
          {t('offersName')}
          <input
            type="text"
            value={newName}
            maxLength={200}
            onInput={(e) => setNewName((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={onEnter}
          />
        </label>
        <button type="button" onClick={add} data-testid="offer-add">
          {t('offersAdd')}
        </button>
      </div>
      {note && (
        <p class={note.kind} role="status" data-testid="offers-note">
          {note.text}
        </p>
      )}
    </section>
  );
}

function OfferRow({ offer, onSave }: { offer: OfferName; onSave: (key: string, name: string) => Promise<void> }) {
  const [name, setName] = useState(offer.name);
  useEffect(() => setName(offer.name), [offer.name]);
  return (
    <li data-offer={offer.key}>
      <code>{offer.key}</code> <span class="hint">({t(offer.origin === 'edited' ? 'offersEdited' : 'offersLearnt')})</span>
      <div class="offer-edit">
        <input
          type="text"
          value={name}
          maxLength={200}
          aria-label={t('offersNameFor', offer.key)}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="button" onClick={() => void onSave(offer.key, name)}>
          {t('offersSave')}
        </button>
        <button type="button" class="danger" onClick={() => void onSave(offer.key, '')}>
          {t('offersRemove')}
        </button>
      </div>
    </li>
  );
}
