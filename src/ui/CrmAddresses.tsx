// Options: "Add a CRM address" for a CRM on the company's own domain. LeadLens asks for that one host when the
// rep adds it, and lists the added hosts with a way to remove each.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/browser';
import type { AddResult, CrmAddressSource } from '../platform/crm-addresses';

export type { CrmAddressSource };

const MESSAGES: Record<AddResult, string> = {
  added: 'crmAddressAdded',
  denied: 'crmAddressDenied',
  known: 'crmAddressKnown',
  invalid: 'crmAddressInvalid',
  failed: 'crmAddressFailed',
};

export function CrmAddresses({ source }: { source: CrmAddressSource }) {
  const [hosts, setHosts] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const refresh = () =>
    source
      .list()
      .then(setHosts)
      .catch(() => setNote({ ok: false, text: t('crmAddressFailed') }));
  useEffect(() => void refresh(), []);

  const add = () => {
    // Straight from the click or Enter: the permission prompt needs the gesture.
    void source.add(input).then((result) => {
      setNote({ ok: result === 'added', text: t(MESSAGES[result]) });
      if (result === 'added') setInput('');
      return refresh();
    });
  };
  const remove = (host: string) => void source.remove(host).then(refresh);

  return (
    <section data-testid="crm-addresses">
      <h2>{t('crmAddressTitle')}</h2>
      <p class="hint">{t('crmAddressHint')}</p>
      <div class="actions">
        <input
          type="text"
          inputMode="url"
          placeholder="crm.contoso.com"
          aria-label={t('crmAddressTitle')}
          data-testid="crm-address-input"
          value={input}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
        />
        <button type="button" data-testid="crm-address-add" onClick={add}>
          {t('crmAddressAdd')}
        </button>
      </div>
      {hosts.length > 0 && (
        <ul>
          {hosts.map((host) => (
            <li key={host}>
              <span data-testid="crm-address-item">{host}</span>{' '}
              <button type="button" class="danger" data-testid="crm-address-remove" onClick={() => remove(host)}>
                {t('crmAddressRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {note && (
        <p class={note.ok ? 'ok' : 'error'} role="status" data-testid="crm-address-note">
          {note.text}
        </p>
      )}
    </section>
  );
}
