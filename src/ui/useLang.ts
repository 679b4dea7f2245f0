import type { Lang } from '../core/types';
import { uiLang } from '../platform/browser';

/** The language for lead explanations; pages apply the rep's setting before they first render. */
export function useLang(): Lang {
  return uiLang();
}
