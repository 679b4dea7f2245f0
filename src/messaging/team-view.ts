// What the side panel shows of the team check for a tab: each lead's verdict from the CRM, by the
// lead's occurrence key. The service worker keeps it in storage.session under teamKey(tabId)
// (background/team-view.ts writes it, platform/team-leads.ts lets the panel watch it).
import type { TeamLeadView } from '../core/team/types';

export interface TeamTabView {
  /** The page the answers belong to. */
  url: string;
  /** The CRM host asked; record links must stay on it. */
  host: string;
  byKey: Record<string, TeamLeadView>;
}

export function teamKey(tabId: number): string {
  return `team:${tabId}`;
}
