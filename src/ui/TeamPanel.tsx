// The side panel's team-check part for one lead: what the CRM itself holds of this customer — each
// matching record with its table, name, owner and created date, linking to the record on the same CRM
// host — or why it could not be asked. A table the CRM refused is "not checked", never "nothing there".
import type { TableOutcome, TeamLeadView, TeamMatch, TeamTable } from '../core/team/types';
import type { Lang } from '../core/types';
import { t } from '../platform/browser';
import { StatusBadge } from './CustomerPanel';
import { formatWhen } from './format';

const TABLE_NAME: Readonly<Record<TeamTable, string>> = { lead: 'badgeTeamLead', contact: 'badgeTeamContact', account: 'badgeTeamAccount' };
const TABLES_IN_SENTENCE: Readonly<Record<TeamTable, string>> = {
  lead: 'teamTablesLead',
  contact: 'teamTablesContact',
  account: 'teamTablesAccount',
};

/** A record link, only when it is https on the CRM host the page is on; anything else is not a link. */
export function safeRecordLink(url: string | null, host: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.host.toLowerCase() === host.toLowerCase() ? u.href : null;
  } catch {
    return null;
  }
}

function tablesWith(view: TeamLeadView, outcome: TableOutcome): string {
  return (Object.entries(view.tables) as Array<[TeamTable, TableOutcome]>)
    .filter(([, o]) => o === outcome)
    .map(([table]) => t(TABLES_IN_SENTENCE[table]))
    .join(', ');
}

/** Why some tables were not checked (each reason once). */
function Problems({ view, lang }: { view: TeamLeadView; lang: Lang }) {
  const outcomes = new Set(Object.values(view.tables));
  const lines: Array<[string, string]> = [];
  if (outcomes.has('session')) lines.push(['session', t('teamPanelSession')]);
  if (outcomes.has('forbidden')) lines.push(['forbidden', t('teamPanelForbidden', tablesWith(view, 'forbidden'))]);
  if (outcomes.has('failed')) lines.push(['failed', t('teamPanelFailed', tablesWith(view, 'failed'))]);
  if (outcomes.has('limit')) lines.push(['limit', t('teamPanelLimit')]);
  if (outcomes.has('paused')) lines.push(['paused', t('teamPanelPaused', formatWhen(view.pausedUntil, lang))]);
  return (
    <>
      {lines.map(([kind, text]) => (
        <p key={kind} class="notice" role="status" data-testid="team-problem" data-kind={kind}>
          {text}
        </p>
      ))}
    </>
  );
}

function Match({ match, host, lang }: { match: TeamMatch; host: string; lang: Lang }) {
  const r = match.record;
  const link = safeRecordLink(match.url, host);
  const name = r.name ?? r.email ?? r.id;
  return (
    <li data-testid="team-match" data-table={r.table} data-status={match.status}>
      <StatusBadge status={match.status} /> <strong>{t(TABLE_NAME[r.table])}</strong>
      {': '}
      {link ? (
        <a href={link} target="_blank" rel="noreferrer noopener" data-testid="team-link">
          {name}
        </a>
      ) : (
        <span>{name}</span>
      )}
      <div class="hint">
        {[r.owner ? t('teamPanelOwner', r.owner) : null, r.createdOn ? t('teamPanelCreated', formatWhen(r.createdOn, lang)) : null]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </li>
  );
}

export function TeamPanel({ view, host, lang }: { view: TeamLeadView | undefined; host: string; lang: Lang }) {
  if (!view) return null;
  const outcomes = Object.values(view.tables);
  const allChecked = outcomes.length > 0 && outcomes.every((o) => o === 'checked');
  return (
    <section class="memory" data-testid="team-panel" data-phase={view.phase} data-status={view.status}>
      <h3>{t('teamPanelTitle')}</h3>
      {view.phase === 'pending' && outcomes.length === 0 && <p class="hint">{t('teamPanelPending')}</p>}
      {view.matches.length > 0 && (
        <ul data-testid="team-matches">
          {view.matches.map((m) => (
            <Match key={`${m.record.table}:${m.record.id}`} match={m} host={host} lang={lang} />
          ))}
        </ul>
      )}
      <Problems view={view} lang={lang} />
      {view.phase === 'done' && allChecked && view.matches.length === 0 && (
        <p class="hint" data-testid="team-none">
          {t('teamPanelNone')}
        </p>
      )}
      {view.cached && view.phase === 'done' && <p class="hint">{t('teamPanelCached')}</p>}
    </section>
  );
}
