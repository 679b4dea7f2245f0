// How the side panel follows the team check's view of a tab (messaging/team-view.ts), kept by the
// service worker in storage.session.
import { type TeamTabView, teamKey } from '../messaging/team-view';
import { watchSessionKey } from './tab-leads';

export function watchTeamView(tabId: number, onChange: (view: TeamTabView | null) => void): () => void {
  return watchSessionKey(teamKey(tabId), onChange);
}
