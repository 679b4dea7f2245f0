// A page that shows no leads and keeps changing: which of its mutations cannot bring a LeadSource, so the page
// need not be looked at again for them.
import { mayHoldLeadSource } from '../crm/record';

/** A form control or a custom element (which may show text from its shadow tree) below or at `el`. */
function mayHideText(el: Element): boolean {
  if (el.localName.includes('-') || el.matches('input, textarea, select')) return true;
  const walker = el.ownerDocument.createTreeWalker(el, 1);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const child = n as Element;
    if (child.localName.includes('-') || child.localName === 'input' || child.localName === 'textarea' || child.localName === 'select')
      return true;
  }
  return false;
}

/**
 * True when none of these mutations can have brought a LeadSource onto a page that shows none: only text
 * and nodes were added, no text of them may hold one, and nothing was revealed (an attribute change may
 * show a hidden part). A page that keeps changing but shows no leads is then not looked at again.
 */
export function nothingNew(records: readonly MutationRecord[]): boolean {
  for (const m of records) {
    if (m.type === 'attributes') return false;
    if (m.type === 'characterData') {
      if (mayHoldLeadSource((m.target as CharacterData).data)) return false;
      continue;
    }
    for (const n of Array.from(m.addedNodes)) {
      if (n.nodeType === 3 && mayHoldLeadSource((n as Text).data)) return false;
      if (n.nodeType !== 1) continue;
      if (mayHoldLeadSource(n.textContent ?? '') || mayHideText(n as Element)) return false;
    }
  }
  return true;
}
