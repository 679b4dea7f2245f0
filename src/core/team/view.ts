// What a lead's team check came to, for the side panel (TeamLeadView) and for its badges (TeamBadge).
// A lead collects one outcome per table and the matches of every answer; the strongest match wins, and
// a table the CRM would not answer for is never read as "nothing there".
import { mergeMatches } from './match';
import type { TableOutcome, TeamBadge, TeamLeadView, TeamMark, TeamMatch, TeamTable } from './types';

/** A lead's check while its answers come in. */
export interface TeamProgress {
  tables: Partial<Record<TeamTable, TableOutcome>>;
  matches: TeamMatch[][];
  /** The tables a request was (or will be) sent for; `done` once each has an outcome. */
  expected: Set<TeamTable>;
  cached: boolean;
}

export function newProgress(): TeamProgress {
  return { tables: {}, matches: [], expected: new Set(), cached: true };
}

/** How bad an outcome is: a worse one for the same table (one request ok, another refused) wins. */
const SEVERITY: Readonly<Record<TableOutcome, number>> = { checked: 0, failed: 1, limit: 2, forbidden: 3, paused: 4, session: 5 };

export function noteOutcome(p: TeamProgress, table: TeamTable, outcome: TableOutcome): void {
  const before = p.tables[table];
  if (!before || SEVERITY[outcome] > SEVERITY[before]) p.tables[table] = outcome;
}

export function leadView(p: TeamProgress, pausedUntil: string | null, checkedAt: string): TeamLeadView {
  const matches = mergeMatches(p.matches);
  const done = [...p.expected].every((t) => p.tables[t] !== undefined);
  const status = matches.some((m) => m.status === 'duplicate') ? 'duplicate' : matches.length ? 'possible' : 'new';
  const paused = Object.values(p.tables).includes('paused');
  return {
    phase: done ? 'done' : 'pending',
    status,
    matches,
    tables: { ...p.tables },
    pausedUntil: paused ? pausedUntil : null,
    checkedAt,
    cached: p.cached,
  };
}

/** The badge's one word on the team check. Matches are shown whatever else happened; then the worst outcome. */
export function markOf(view: TeamLeadView): TeamMark {
  if (view.matches.length) return view.status === 'duplicate' ? 'duplicate' : 'possible';
  const outcomes = Object.values(view.tables);
  if (outcomes.includes('paused')) return 'paused';
  if (outcomes.includes('session')) return 'unavailable';
  if (outcomes.some((o) => o !== 'checked')) return 'not-checked';
  if (view.phase === 'pending') return 'pending';
  return outcomes.length ? 'none' : 'not-checked';
}

const SHOWN_ON_CARD = 3;

export function badgeOf(view: TeamLeadView): TeamBadge {
  return {
    mark: markOf(view),
    status: view.status,
    matches: view.matches.slice(0, SHOWN_ON_CARD).map((m) => ({ table: m.record.table, name: m.record.name, owner: m.record.owner })),
    more: Math.max(0, view.matches.length - SHOWN_ON_CARD),
    pausedUntil: view.pausedUntil,
  };
}

/** The badge while a lead waits for its first answer (or for the pause to end). */
export function waitingBadge(pausedUntil: string | null): TeamBadge {
  return { mark: pausedUntil ? 'paused' : 'pending', status: 'new', matches: [], more: 0, pausedUntil };
}
