// Settings and data portability: retention, default phone country, language, export, import and
// "forget all". Every action reports its outcome; a failed import changes nothing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { localeTag } from '../core/display';
import { send, t, uiLang } from '../platform/browser';
import type { Reply } from '../messaging/messages';
import type { Settings } from '../store/types';

type Note = { kind: 'ok' | 'error'; text: string } | null;

const count = (n: number) => n.toLocaleString(localeTag(uiLang()));

function megabytes(bytes: number): string {
  const mb = bytes / 1_048_576;
  return mb.toLocaleString(localeTag(uiLang()), { maximumFractionDigits: mb < 10 ? 1 : 0 });
}

function download(text: string, filename: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [note, setNote] = useState<Note>(null);
  const loadedLang = useRef<Settings['lang'] | null>(null);
  const [stats, setStats] = useState<Reply<'get-stats'> | null>(null);
  const refreshStats = () => {
    send({ type: 'get-stats' }).then(setStats, () => setStats(null));
  };
  useEffect(refreshStats, []);
  useEffect(() => {
    send({ type: 'get-settings' }).then(
      (s) => {
        loadedLang.current = s.lang;
        setSettings(s);
      },
      (e: unknown) => setNote({ kind: 'error', text: String(e) }),
    );
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!settings) return;
    const reply = await send({ type: 'set-settings', settings });
    if ('error' in reply) setNote({ kind: 'error', text: t('errorGeneric', reply.error) });
    else {
      setSettings(reply);
      setNote({ kind: 'ok', text: t('optionsSaved') });
      // The page's strings were chosen at load time; a new language needs a fresh load.
      if (reply.lang !== loadedLang.current) location.reload();
    }
  };
  const exportAs = async (format: 'json' | 'csv') => {
    const reply = await send({ type: 'export', format });
    if ('error' in reply) setNote({ kind: 'error', text: t('errorGeneric', reply.error) });
    else download(reply.text, reply.filename, format === 'json' ? 'application/json' : 'text/csv');
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const format = file.name.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{') ? 'json' : 'csv';
    const reply = await send({ type: 'import', format, text });
    if ('error' in reply) {
      // The store's message usually names the line already; add it only when it does not.
      const where = reply.line && !reply.error.includes(String(reply.line)) ? ` (line ${reply.line})` : '';
      setNote({ kind: 'error', text: t('optionsImportFailed', `${reply.error}${where}`) });
    } else setNote({ kind: 'ok', text: t('optionsImported', [String(reply.imported), String(reply.skipped)]) });
    refreshStats();
  };
  const forgetAll = async () => {
    if (!confirm(t('optionsForgetAllConfirm'))) return;
    const reply = await send({ type: 'forget-all' });
    setNote(reply.ok ? { kind: 'ok', text: t('optionsForgotAll') } : { kind: 'error', text: t('errorGeneric', reply.error ?? '') });
    refreshStats();
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p class="hint">{t('optionsPrivacy')}</p>
      {stats && !('error' in stats) && (
        <p data-testid="memory-stats">
          {t('optionsStats', [count(stats.leads), count(stats.customers)])}
          {stats.usage !== null && stats.quota !== null && <> {t('optionsStorage', [megabytes(stats.usage), megabytes(stats.quota)])}</>}
        </p>
      )}
      {settings && (
        <form onSubmit={save}>
          <label>
            {t('optionsRetention')}
            <input
              type="number"
              min={1}
              max={3650}
              name="retentionDays"
              value={settings.retentionDays}
              onInput={(e) =>
                setSettings({ ...settings, retentionDays: Math.max(1, Number((e.currentTarget as HTMLInputElement).value) || 365) })
              }
            />
          </label>
          <label>
            {t('optionsCountry')}
            <input
              type="text"
              name="defaultCountry"
              maxLength={2}
              value={settings.defaultCountry ?? ''}
              onInput={(e) => {
                const v = (e.currentTarget as HTMLInputElement).value.trim().toUpperCase();
                setSettings({ ...settings, defaultCountry: v || null });
              }}
            />
          </label>
          <label>
            {t('optionsLang')}
            <select
              name="lang"
              value={settings.lang}
              onChange={(e) => setSettings({ ...settings, lang: (e.currentTarget as HTMLSelectElement).value as Settings['lang'] })}
            >
              <option value="auto">{t('optionsLangAuto')}</option>
              <option value="en">English</option>
              <option value="ru">Русский</option>
            </select>
          </label>
          <div class="actions">
            <button type="submit" class="primary">
              {t('optionsSave')}
            </button>
          </div>
        </form>
      )}
      <h2>{t('optionsExport')}</h2>
      <div class="actions">
        <button type="button" onClick={() => void exportAs('json')}>
          {t('optionsExportJson')}
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('optionsExportCsv')}
        </button>
      </div>
      <h2>{t('optionsImport')}</h2>
      <p class="hint">{t('optionsImportHint')}</p>
      <input
        type="file"
        accept=".json,.csv,application/json,text/csv"
        aria-label={t('optionsImport')}
        onChange={(e) => void importFile((e.currentTarget as HTMLInputElement).files?.[0])}
      />
      <h2>{t('optionsForgetAll')}</h2>
      <button type="button" class="danger" onClick={() => void forgetAll()}>
        {t('optionsForgetAll')}
      </button>
      {note && (
        <p class={note.kind} role="status" data-testid="options-note">
          {note.text}
        </p>
      )}
    </main>
  );
}
