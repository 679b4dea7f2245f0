// The options page's state and actions over the injected OptionsSource: settings (and whether the
// language changed since the page loaded), what the memory holds, and export, import and forget-all,
// each leaving a note that says how it went.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Reply, Settings } from '../messaging/messages';
import { t } from '../platform/browser';
import type { OptionsSource } from './sources';

export type Note = { kind: 'ok' | 'error'; text: string } | null;
export type MemoryStats = Exclude<Reply<'get-stats'>, { error: string }>;

function download(parts: string[], filename: string, type: string) {
  // The parts go into the Blob as they are: a big export is never joined into one string here.
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useOptions(source: OptionsSource) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [note, setNote] = useState<Note>(null);
  const loadedLang = useRef<Settings['lang'] | null>(null);
  const [stats, setStats] = useState<MemoryStats | null>(null);
  const refreshStats = () => {
    source.stats().then(
      (s) => setStats('error' in s ? null : s),
      () => setStats(null),
    );
  };
  useEffect(refreshStats, []);
  useEffect(() => {
    source.settings().then(
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
    const reply = await source.saveSettings(settings);
    if ('error' in reply) setNote({ kind: 'error', text: t('errorGeneric', reply.error) });
    else {
      setSettings(reply);
      setNote({ kind: 'ok', text: t('optionsSaved') });
      // The page's strings were chosen at load time; a new language needs a fresh load.
      if (reply.lang !== loadedLang.current) location.reload();
    }
  };
  const exportAs = async (format: 'json' | 'csv') => {
    const reply = await source.exportMemory(format);
    if ('error' in reply) setNote({ kind: 'error', text: t('errorGeneric', reply.error) });
    else download(reply.parts, reply.filename, format === 'json' ? 'application/json' : 'text/csv');
  };
  const [withSettings, setWithSettings] = useState(false);
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setNote({ kind: 'error', text: t('optionsImportFailed', String(e)) });
      return;
    }
    const format = file.name.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{') ? 'json' : 'csv';
    const reply = await source.importMemory(format, text, withSettings);
    if ('error' in reply) {
      // The store's message usually names the line already; add it only when it does not.
      const where = reply.line && !reply.error.includes(String(reply.line)) ? ` (line ${reply.line})` : '';
      setNote({ kind: 'error', text: t('optionsImportFailed', `${reply.error}${where}`) });
    } else setNote({ kind: 'ok', text: t('optionsImported', [String(reply.imported), String(reply.skipped)]) });
    refreshStats();
  };
  const forgetAll = async () => {
    if (!confirm(t('optionsForgetAllConfirm'))) return;
    const reply = await source.forgetAll();
    setNote(reply.ok ? { kind: 'ok', text: t('optionsForgotAll') } : { kind: 'error', text: t('errorGeneric', reply.error ?? '') });
    refreshStats();
  };
  return { settings, setSettings, stats, note, save, exportAs, importFile, withSettings, setWithSettings, forgetAll };
}
