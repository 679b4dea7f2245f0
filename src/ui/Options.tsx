// Settings and data portability: retention, default phone country, language, export, import and
// "forget all". Every action reports its outcome; a failed import changes nothing. What the page asks
// the lead memory goes through the injected OptionsSource (see use-options.ts); this file renders.
import { FOLLOW_UP_DEFAULT_HOURS, FOLLOW_UP_MAX_HOURS } from '../core/follow-up';
import { localeTag } from '../core/display';
import type { Settings } from '../messaging/messages';
import { t, uiLang } from '../platform/browser';
import { type CrmAddressSource, CrmAddresses } from './CrmAddresses';
import { OfferDictionary } from './OfferDictionary';
import type { OptionsSource } from './sources';
import { TeamOptions, type TeamOptionsSource } from './TeamOptions';
import { type MemoryStats, useOptions } from './use-options';

const count = (n: number) => n.toLocaleString(localeTag(uiLang()));

function megabytes(bytes: number): string {
  const mb = bytes / 1_048_576;
  return mb.toLocaleString(localeTag(uiLang()), { maximumFractionDigits: mb < 10 ? 1 : 0 });
}

export function Options({ source, addresses, team }: { source: OptionsSource; addresses?: CrmAddressSource; team?: TeamOptionsSource }) {
  const o = useOptions(source);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p class="hint">{t('optionsPrivacy')}</p>
      {o.stats && <Stats stats={o.stats} />}
      {o.settings && <SettingsForm settings={o.settings} onChange={o.setSettings} onSave={o.save} />}
      {o.settings && team && <TeamOptions settings={o.settings} source={team} onSaved={o.setSettings} />}
      {addresses && <CrmAddresses source={addresses} />}
      <OfferDictionary source={source} />
      <h2>{t('optionsExport')}</h2>
      <div class="actions">
        <button type="button" onClick={() => void o.exportAs('json')}>
          {t('optionsExportJson')}
        </button>
        <button type="button" onClick={() => void o.exportAs('csv')}>
          {t('optionsExportCsv')}
        </button>
      </div>
      <h2>{t('optionsImport')}</h2>
      <p class="hint">{t('optionsImportHint')}</p>
      <label>
        <input
          type="checkbox"
          name="importSettings"
          checked={o.withSettings}
          onChange={(e) => o.setWithSettings((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('optionsImportSettings')}
      </label>
      <input
        type="file"
        accept=".json,.csv,application/json,text/csv"
        aria-label={t('optionsImport')}
        onChange={(e) => void o.importFile((e.currentTarget as HTMLInputElement).files?.[0])}
      />
      <h2>{t('optionsForgetAll')}</h2>
      <button type="button" class="danger" onClick={() => void o.forgetAll()}>
        {t('optionsForgetAll')}
      </button>
      {o.note && (
        <p class={o.note.kind} role="status" data-testid="options-note">
          {o.note.text}
        </p>
      )}
    </main>
  );
}

function Stats({ stats }: { stats: MemoryStats }) {
  return (
    <p data-testid="memory-stats">
      {t('optionsStats', [count(stats.leads), count(stats.customers)])}
      {stats.usage !== null && stats.quota !== null && <> {t('optionsStorage', [megabytes(stats.usage), megabytes(stats.quota)])}</>}
    </p>
  );
}

function SettingsForm({ settings, onChange, onSave }: { settings: Settings; onChange: (s: Settings) => void; onSave: (e: Event) => void }) {
  return (
    <form onSubmit={onSave}>
      <label>
        {t('optionsRetention')}
        <input
          type="number"
          min={1}
          max={3650}
          name="retentionDays"
          value={settings.retentionDays}
          onInput={(e) => onChange({ ...settings, retentionDays: Math.max(1, Number((e.currentTarget as HTMLInputElement).value) || 365) })}
        />
      </label>
      <label>
        {t('optionsFollowUp')}
        <input
          type="number"
          min={1}
          max={FOLLOW_UP_MAX_HOURS}
          step={1}
          name="followUpHours"
          value={settings.followUpHours}
          onInput={(e) => {
            const hours = Math.round(Number((e.currentTarget as HTMLInputElement).value));
            onChange({ ...settings, followUpHours: Math.min(FOLLOW_UP_MAX_HOURS, Math.max(1, hours || FOLLOW_UP_DEFAULT_HOURS)) });
          }}
        />
      </label>
      <label>
        {t('optionsCountry')}
        <input
          type="text"
          name="defaultCountry"
          maxLength={2}
          value={settings.defaultCountry ?? ''}
          onInput={(e) => {
            const v = (e.currentTarget as HTMLInputElement).value.trim().toUpperCase();
            onChange({ ...settings, defaultCountry: v || null });
          }}
        />
      </label>
      <label>
        {t('optionsLang')}
        <select
          name="lang"
          value={settings.lang}
          onChange={(e) => onChange({ ...settings, lang: (e.currentTarget as HTMLSelectElement).value as Settings['lang'] })}
        >
          <option value="auto">{t('optionsLangAuto')}</option>
          <option value="en">English</option>
          <option value="ru">Русский</option>
        </select>
      </label>
      <div class="actions">
        <button type="submit" class="primary">
          {t('optionsSave')}
        </button>
      </div>
    </form>
  );
}
