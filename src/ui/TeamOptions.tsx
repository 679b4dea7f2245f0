// Options: the team check. Off by default, one switch per CRM that has a supported way to be asked;
// each says exactly what is asked and from where. Salesforce's switch asks Chrome for its permissions
// in the same click; HubSpot has no switch (local memory only). A switch saves at once.
import { useState } from 'preact/hooks';
import type { Reply, Settings } from '../messaging/messages';
import { t } from '../platform/browser';

export interface TeamOptionsSource {
  save(teamCheck: Settings['teamCheck']): Promise<Reply<'set-settings'>>;
  /** Asks Chrome for the Salesforce permissions; called synchronously from the click. */
  requestSalesforce(): Promise<boolean>;
  releaseSalesforce(): Promise<void>;
}

export function TeamOptions({
  settings,
  source,
  onSaved,
}: {
  settings: Settings;
  source: TeamOptionsSource;
  onSaved: (settings: Settings) => void;
}) {
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (teamCheck: Settings['teamCheck']) => {
    const reply = await source.save(teamCheck);
    if ('error' in reply) setNote({ ok: false, text: t('errorGeneric', reply.error) });
    else {
      onSaved(reply);
      setNote({ ok: true, text: t('optionsTeamSaved') });
    }
  };
  const toggleSalesforce = (on: boolean) => {
    if (!on) {
      void source.releaseSalesforce().then(() => save({ ...settings.teamCheck, salesforce: false }));
      return;
    }
    // The permission prompt first, inside the click.
    void source.requestSalesforce().then((granted) => {
      if (granted) return save({ ...settings.teamCheck, salesforce: true });
      setNote({ ok: false, text: t('optionsTeamDenied') });
      return undefined;
    });
  };
  return (
    <section data-testid="team-options">
      <h2>{t('optionsTeamTitle')}</h2>
      <p class="hint">{t('optionsTeamIntro')}</p>
      <label>
        <input
          type="checkbox"
          name="teamDynamics"
          checked={settings.teamCheck.dynamics}
          onChange={(e) => void save({ ...settings.teamCheck, dynamics: (e.currentTarget as HTMLInputElement).checked })}
        />{' '}
        {t('optionsTeamDynamics')}
      </label>
      <p class="hint" data-testid="team-dynamics-what">
        {t('optionsTeamDynamicsWhat')}
      </p>
      <label>
        <input
          type="checkbox"
          name="teamSalesforce"
          checked={settings.teamCheck.salesforce}
          onChange={(e) => toggleSalesforce((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('optionsTeamSalesforce')}
      </label>
      <p class="hint" data-testid="team-salesforce-what">
        {t('optionsTeamSalesforceWhat')}
      </p>
      <p class="hint" data-testid="team-hubspot">
        {t('optionsTeamHubspot')}
      </p>
      <p class="hint">{t('optionsTeamStores')}</p>
      {note && (
        <p class={note.ok ? 'ok' : 'error'} role="status" data-testid="team-note">
          {note.text}
        </p>
      )}
    </section>
  );
}
