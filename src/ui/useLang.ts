import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../core/types';
import { send, uiLang } from '../platform/browser';

/** The language for lead explanations: the rep's setting, else the browser's language. */
export function useLang(): Lang {
  const [lang, setLang] = useState<Lang>(uiLang());
  useEffect(() => {
    send({ type: 'get-settings' }).then((s) => { if (s && (s.lang === 'en' || s.lang === 'ru')) setLang(s.lang); }, () => undefined);
  }, []);
  return lang;
}
