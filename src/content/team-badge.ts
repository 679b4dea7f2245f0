// The team check's part of a badge: one word after the duplicate mark saying what the CRM answered
// ("in CRM", "not checked", "paused"…), the `data-leadlens-team` attribute, and lines for the hover
// card naming the matching records. Everything the CRM sent goes in as text (textContent) only.
import type { TeamBadge, TeamMark, TeamTable } from '../core/team/types';
import type { BadgeText } from './badge';

export const TEAM_ATTR = 'data-leadlens-team';

const WORD: Readonly<Record<TeamMark, string>> = {
  pending: 'badgeTeamPending',
  duplicate: 'badgeTeamInCrm',
  possible: 'badgeTeamInCrm',
  none: 'badgeTeamNone',
  'not-checked': 'badgeTeamNotChecked',
  unavailable: 'badgeTeamNotChecked',
  paused: 'badgeTeamPaused',
};

const TABLE: Readonly<Record<TeamTable, string>> = { lead: 'badgeTeamLead', contact: 'badgeTeamContact', account: 'badgeTeamAccount' };

const STYLE = `
.team { display: none; margin-inline-start: 3px; padding: 0 5px; border-radius: 8px; font-weight: 600; border: 1px solid currentColor; opacity: .9; }
:host([data-leadlens-team]) .team { display: inline; }
:host([data-leadlens-team="pending"]) .team { border-style: dashed; opacity: .6; }
:host([data-leadlens-team="duplicate"]) .team, :host([data-leadlens-team="possible"]) .team { background: #fff; color: #8a0d19; }
`;

/** Lines naming the records the CRM holds: "Contact: Ada Park · owner Ivan Petrov". */
export function teamLines(badge: TeamBadge, text: BadgeText): string[] {
  const lines = badge.matches.map((m) => {
    const owner = m.owner ? ` · ${text.t('badgeTeamOwner')} ${m.owner}` : '';
    return `${text.t(TABLE[m.table])}: ${m.name ?? '—'}${owner}`;
  });
  if (badge.more) lines.push(`+${badge.more}`);
  return lines;
}

/** The sentence for the card and the screen reader. */
export function teamSentence(badge: TeamBadge, text: BadgeText): string {
  if (badge.mark === 'duplicate' || badge.mark === 'possible') return `${text.t('badgeTeamFound')} ${teamLines(badge, text).join('; ')}`;
  if (badge.mark === 'unavailable') return text.t('badgeTeamUnavailable');
  return text.t(WORD[badge.mark]);
}

/** Paints (or, with null, removes) the team part of one badge host. */
export function paintTeam(host: HTMLElement, badge: TeamBadge | null, text: BadgeText): void {
  const root = host.shadowRoot;
  const chip = root?.querySelector<HTMLElement>('.chip');
  if (!root || !chip) return;
  let word = root.querySelector<HTMLElement>('.team');
  if (!badge) {
    host.removeAttribute(TEAM_ATTR);
    word?.remove();
    return;
  }
  if (!word) {
    const style = host.ownerDocument.createElement('style');
    style.textContent = STYLE;
    word = host.ownerDocument.createElement('span');
    word.className = 'team';
    root.prepend(style);
    chip.append(word);
  }
  host.setAttribute(TEAM_ATTR, badge.mark);
  word.textContent = text.t(WORD[badge.mark]);
  const label = chip.getAttribute('aria-label')?.split(' | ')[0] ?? '';
  chip.setAttribute('aria-label', `${label} | ${teamSentence(badge, text)}`);
}

/** The hover card's team part (text only). */
export function teamCardPart(doc: Document, badge: TeamBadge, text: BadgeText): HTMLElement {
  const box = doc.createElement('div');
  box.className = `dup ${badge.mark === 'duplicate' || badge.mark === 'possible' ? badge.status : ''}`;
  box.setAttribute(TEAM_ATTR, badge.mark);
  box.textContent = teamSentence(badge, text);
  return box;
}
