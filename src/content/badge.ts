// One badge per LeadSource occurrence: a light-DOM host carrying the data-leadlens-* contract, with the
// visible chip in its own (open) shadow root so CRM styles neither leak in nor out.
import { actionChip, sourceShort } from '../core/catalog';
import { offerLabel, stageStyle } from '../core/display';
import type { DecodedLeadSource, DuplicateStatus, Lang, Stage } from '../core/types';
import { offerNameOf } from './offer-names';

export const ATTR = {
  badge: 'data-leadlens',
  key: 'data-leadlens-key',
  source: 'data-leadlens-source',
  action: 'data-leadlens-action',
  stage: 'data-leadlens-stage',
  offer: 'data-leadlens-offer',
  /** The offer's friendly name from the offer dictionary, when it has one. */
  offerName: 'data-leadlens-offer-name',
  duplicate: 'data-leadlens-duplicate',
} as const;

/** Paints a chip (badge or card) in its stage's colours from the catalog; the shadow CSS reads them. */
export function paintStage(el: HTMLElement, stage: Stage): void {
  for (const [name, value] of Object.entries(stageStyle(stage))) el.style.setProperty(name, value);
}

export interface BadgeText {
  t(key: string): string;
  lang: Lang;
}

/** The words on the chip: storefront · action, or "Test lead". */
export function chipWords(d: DecodedLeadSource, text: BadgeText): string[] {
  if (d.testLead) return [text.t('badgeTestLead')];
  const source = d.source ? sourceShort(d.source) : null;
  const action = d.action ? actionChip(d.action, text.lang) : text.t('badgeUnknown');
  return source ? [source, action] : [action];
}

// The chip is 16 px tall and its host takes 8 px less above and below in the line: whatever the CRM's
// line height, adding a badge never makes a row taller (no row below it moves).
const STYLE = `
:host { all: initial; display: inline-block; vertical-align: middle; margin-inline-start: 6px; line-height: 0;
  margin-block: -8px; }
.chip { display: inline-flex; align-items: center; gap: 4px; max-width: 260px; height: 16px; padding: 0 7px 0 5px;
  font: 600 11px/14px "Segoe UI", system-ui, -apple-system, Arial, sans-serif; letter-spacing: 0;
  color: var(--stage-text); background: var(--stage-fill); border: 1px solid var(--stage-line); border-radius: 10px;
  white-space: nowrap; cursor: pointer; user-select: none; box-sizing: border-box; }
.chip:hover { filter: brightness(0.97); }
.chip:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.lens { width: 10px; height: 10px; border: 2px solid var(--stage-text); border-radius: 50%; box-sizing: border-box; flex: none; position: relative; }
.lens::after { content: ""; position: absolute; width: 2px; height: 5px; background: var(--stage-text); right: -3px; bottom: -4px; transform: rotate(-45deg); }
.words { overflow: hidden; text-overflow: ellipsis; }
.sep { opacity: .55; }
.dup { display: none; margin-inline-start: 2px; padding: 0 5px; border-radius: 8px; color: #fff; font-weight: 700; }
:host([data-leadlens-duplicate="possible"]) .dup { display: inline; background: #b35c00; }
:host([data-leadlens-duplicate="duplicate"]) .dup { display: inline; background: #c50f1f; }
`;

export interface BadgeParts {
  host: HTMLElement;
  chip: HTMLElement;
  words: HTMLElement;
  dup: HTMLElement;
}

/** Builds the host and its shadow content; all text goes in through textContent. */
export function createBadge(doc: Document): BadgeParts {
  const host = doc.createElement('span');
  host.setAttribute(ATTR.badge, '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const chip = doc.createElement('span');
  chip.className = 'chip';
  chip.setAttribute('role', 'button');
  chip.setAttribute('tabindex', '0');
  chip.setAttribute('part', 'chip');
  const lens = doc.createElement('span');
  lens.className = 'lens';
  lens.setAttribute('aria-hidden', 'true');
  const words = doc.createElement('span');
  words.className = 'words';
  const dup = doc.createElement('span');
  dup.className = 'dup';
  chip.append(lens, words, dup);
  root.append(style, chip);
  return { host, chip, words, dup };
}

/** Writes the contract attributes and the visible words for one occurrence. */
export function paintBadge(parts: BadgeParts, key: string, d: DecodedLeadSource, duplicate: DuplicateStatus, text: BadgeText): void {
  const { host, chip, words } = parts;
  host.setAttribute(ATTR.key, key);
  host.setAttribute(ATTR.source, d.source ?? 'unknown');
  host.setAttribute(ATTR.action, d.action ?? 'unknown');
  host.setAttribute(ATTR.stage, d.stage ?? 'unknown');
  host.setAttribute(ATTR.offer, offerLabel(d.offer));
  const offerName = offerNameOf(d.offer);
  if (offerName) host.setAttribute(ATTR.offerName, offerName);
  else host.removeAttribute(ATTR.offerName);
  paintStage(chip, d.stage);
  const list = chipWords(d, text);
  words.replaceChildren();
  list.forEach((w, i) => {
    if (i) {
      const sep = chip.ownerDocument.createElement('span');
      sep.className = 'sep';
      sep.textContent = ' · ';
      words.append(sep);
    }
    words.append(w);
  });
  paintDuplicate(parts, duplicate, text);
}

export function paintDuplicate(parts: BadgeParts, duplicate: DuplicateStatus, text: BadgeText): void {
  parts.host.setAttribute(ATTR.duplicate, duplicate);
  const mark = duplicate === 'duplicate' ? text.t('badgeDuplicate') : duplicate === 'possible' ? text.t('badgePossibleDuplicate') : '';
  parts.dup.textContent = mark;
  const words = parts.words.textContent ?? '';
  const label = ['LeadLens', words, parts.host.getAttribute(ATTR.offerName), mark, text.t('badgeOpen')].filter(Boolean).join('. ');
  parts.chip.setAttribute('aria-label', label);
}
