// Content script entry (manifest.json): badges LeadSource values on CRM pages and reports them.
import { send, t, uiLang } from '../platform/browser';
import { startLens } from './lens';

const lens = startLens({ win: window, send, lang: uiLang, t });
void lens.scan();
