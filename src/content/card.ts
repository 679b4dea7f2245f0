// The small card shown on hover or keyboard focus of a badge: what the lead means, the first next steps
// with their due times, and the duplicate verdict. One card layer per page, outside the CRM's own
// containers (grids clip and transform their rows), positioned next to the chip.
import { actionLabel, sourceLabel, stageLabel } from '../core/catalog';
import { leadTime, localeTag, offerLabel } from '../core/display';
import { playbookFor } from '../core/playbook';
import type { DecodedLeadSource, DuplicateStatus, Lang } from '../core/types';
import { paintStage, type BadgeText } from './badge';
import { offerNameOf } from './offer-names';

export const CARD_ATTR = 'data-leadlens-card';
const MAX_STEPS = 3;

const STYLE = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483646; display: none; box-sizing: border-box; width: 320px; max-width: calc(100vw - 16px);
  padding: 12px 14px; background: #fff; color: #1f1f1f; border: 1px solid #d0d0d0; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); font: 13px/1.45 "Segoe UI", system-ui, -apple-system, Arial, sans-serif; }
.card.open { display: block; }
.top { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; }
.title { font-weight: 700; flex: 1; }
.stage { font-size: 11px; font-weight: 700; padding: 1px 8px; border-radius: 9px; color: var(--stage-text); background: var(--stage-fill); border: 1px solid var(--stage-line); white-space: nowrap; }
.offer { color: #555; font-size: 12px; margin-bottom: 6px; overflow-wrap: anywhere; }
.headline { font-weight: 600; margin: 6px 0 2px; }
.explanation { color: #333; display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
h4 { margin: 8px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #666; }
ol { margin: 0; padding-inline-start: 18px; }
li { margin: 2px 0; }
.due { color: #666; font-size: 12px; white-space: nowrap; }
.due.overdue { color: #c50f1f; font-weight: 600; }
.dup { margin-top: 8px; padding: 4px 8px; border-radius: 6px; background: #f3f3f3; }
.dup.possible { background: #fff3e0; color: #7a3f00; }
.dup.duplicate { background: #fde7e9; color: #8a0d19; }
.foot { margin-top: 8px; color: #0b57d0; font-size: 12px; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f2023; color: #e8eaed; border-color: #43474e; box-shadow: 0 6px 24px rgba(0,0,0,.5); }
  .offer, h4, .due { color: #b0b4bb; }
  .explanation { color: #d5d8dc; }
  .due.overdue { color: #ff9aa3; }
  .dup { background: #2b2d31; }
  .dup.possible { background: #352a12; color: #f2c46b; }
  .dup.duplicate { background: #3a1a1e; color: #ff9aa3; }
  .foot { color: #8ac2f5; }
}
`;

// The rep's follow-up window (the setting, mirrored into storage.local by the worker; content/index.ts sets
// it): the first-reply step is worded and dated with it, as in the side panel. Unset: the playbook's 24 hours.
let followUpHours: number | undefined;

export function setFollowUpHours(hours: number | undefined): void {
  followUpHours = hours;
}

export interface CardData {
  decoded: DecodedLeadSource;
  createdAt: string | undefined;
  duplicate: DuplicateStatus;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Fills a card body (pure DOM building, text only). */
export function buildCard(doc: Document, data: CardData, text: BadgeText): DocumentFragment {
  const { decoded: d, duplicate } = data;
  const lang: Lang = text.lang;
  const frag = doc.createDocumentFragment();
  const top = el(doc, 'div', 'top');
  const title = d.testLead
    ? text.t('badgeTestLead')
    : [d.source ? sourceLabel(d.source, lang) : null, d.action ? actionLabel(d.action, lang) : null].filter(Boolean).join(' · ');
  top.append(el(doc, 'div', 'title', title || text.t('badgeUnknown')));
  const stage = el(doc, 'span', 'stage', stageLabel(d.stage, lang));
  paintStage(stage, d.stage);
  top.append(stage);
  frag.append(top);
  const offer = offerLabel(d.offer);
  const offerName = offerNameOf(d.offer);
  if (offer) frag.append(el(doc, 'div', 'offer', `${text.t('badgeOffer')}: ${offerName ? `${offerName} (${offer})` : offer}`));

  const book = playbookFor(d, leadTime({ createdAt: data.createdAt, leadSource: d }, new Date()), lang, { followUpHours });
  frag.append(el(doc, 'div', 'headline', book.headline));
  if (book.explanation) frag.append(el(doc, 'div', 'explanation', book.explanation));
  if (book.steps.length) {
    frag.append(el(doc, 'h4', undefined, text.t('badgeNextSteps')));
    const list = el(doc, 'ol');
    const fmt = new Intl.DateTimeFormat(localeTag(lang), { dateStyle: 'short', timeStyle: 'short' });
    for (const step of book.steps.slice(0, MAX_STEPS)) {
      const item = el(doc, 'li', undefined, step.text + ' ');
      const overdue = step.due !== null && new Date(step.due).getTime() < Date.now();
      const label = overdue ? 'badgeOverdue' : 'badgeDue';
      const due = step.due ? `${text.t(label)} ${fmt.format(new Date(step.due))}` : text.t('badgeNoDue');
      item.append(el(doc, 'span', overdue ? 'due overdue' : 'due', `(${due})`));
      list.append(item);
    }
    frag.append(list);
  }
  const dupKey = duplicate === 'duplicate' ? 'badgeDuplicate' : duplicate === 'possible' ? 'badgePossibleDuplicate' : 'badgeNew';
  frag.append(el(doc, 'div', `dup ${duplicate}`, text.t(dupKey)));
  frag.append(el(doc, 'div', 'foot', text.t('badgeOpen')));
  return frag;
}

/** The page's single card layer. */
export class CardLayer {
  private host: HTMLElement | null = null;
  private box: HTMLElement | null = null;
  private owner: Element | null = null;

  constructor(private readonly doc: Document) {}

  private ensure(): HTMLElement {
    if (this.host?.isConnected && this.box) return this.box;
    const host = this.doc.createElement('div');
    host.setAttribute(CARD_ATTR, '');
    const root = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = STYLE;
    const box = this.doc.createElement('div');
    box.className = 'card';
    box.setAttribute('role', 'tooltip');
    root.append(style, box);
    this.doc.documentElement.append(host);
    this.host = host;
    this.box = box;
    return box;
  }

  show(chip: Element, content: DocumentFragment): void {
    const box = this.ensure();
    box.replaceChildren(content);
    box.classList.add('open');
    this.owner = chip;
    const r = chip.getBoundingClientRect();
    const view = this.doc.defaultView;
    const width = Math.min(320, (view?.innerWidth ?? 1024) - 16);
    const left = Math.max(8, Math.min(r.left, (view?.innerWidth ?? 1024) - width - 8));
    const below = r.bottom + 6;
    const height = box.getBoundingClientRect().height || 220;
    const top = below + height > (view?.innerHeight ?? 768) && r.top - height - 6 > 0 ? r.top - height - 6 : below;
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
  }

  hide(chip?: Element): void {
    if (chip && chip !== this.owner) return;
    this.box?.classList.remove('open');
    this.owner = null;
  }

  remove(): void {
    this.host?.remove();
    this.host = this.box = null;
  }
}
