// The one stylesheet LeadLens adds to a CRM page: list cells holding a value and its badges lay them out
// in a row where the value shrinks (and takes the ellipsis) before a chip does. Nothing is measured, so
// placing badges never forces a layout; the chip itself is drawn inside its line (badge.ts).
import { OWN_STYLE } from '../crm/dom';

const CSS = `
[data-leadlens-cell] { display: flex !important; align-items: center; min-width: 0; }
[data-leadlens-cell] > [data-leadlens-fitted] { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
[data-leadlens-cell] > [data-leadlens] { flex: 0 0 auto; }
`;

/** Adds the stylesheet to the document once. */
export function ensureCellStyle(doc: Document): void {
  if (doc.querySelector(`style[${OWN_STYLE}]`)) return;
  const style = doc.createElement('style');
  style.setAttribute(OWN_STYLE, '');
  style.textContent = CSS;
  (doc.head ?? doc.documentElement).append(style);
}
