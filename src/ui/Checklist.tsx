// A lead's next steps as a checklist: each with its deadline, overdue ones marked in words and colour,
// ticks remembered per lead in the lead memory (through the desk source) when the lead is stored.
import { useEffect, useState } from 'preact/hooks';
import type { Lang, NextStep } from '../core/types';
import { t } from '../platform/browser';
import { useDesk } from './desk';
import { formatRelative, formatWhen } from './format';

export function Checklist({ steps, sightingId, lang, now }: { steps: readonly NextStep[]; sightingId?: string; lang: Lang; now: Date }) {
  const { source } = useDesk();
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const stored = Boolean(source && sightingId);
  useEffect(() => {
    if (!source || !sightingId) return;
    let live = true;
    source.ticks(sightingId).then(
      (steps) => live && setDone(new Set(steps)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [source, sightingId]);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(done);
    if (on) next.add(id);
    else next.delete(id);
    setDone(next);
    if (!source || !sightingId) return;
    source.setTick(sightingId, id, on).then(
      (steps) => {
        setDone(new Set(steps));
        setError(null);
      },
      (e: unknown) => setError(String(e)),
    );
  };

  return (
    <section class="steps">
      <h3>{t('panelNextSteps')}</h3>
      <ol class="checklist" data-stored={stored ? 'true' : 'false'}>
        {steps.map((step) => {
          const ticked = done.has(step.id);
          const overdue = !ticked && step.due !== null && new Date(step.due) < now;
          return (
            <li key={step.id} class={ticked ? 'done' : overdue ? 'overdue' : ''} data-step={step.id} data-done={ticked ? 'true' : 'false'}>
              <label>
                <input type="checkbox" checked={ticked} onChange={(e) => toggle(step.id, (e.currentTarget as HTMLInputElement).checked)} />
                <span>{step.text}</span>
              </label>
              {step.due && (
                <time dateTime={step.due} title={formatWhen(step.due, lang)}>
                  {ticked
                    ? t('stepDone')
                    : overdue
                      ? t('panelOverdue', formatWhen(step.due, lang))
                      : `${t('panelDue', formatWhen(step.due, lang))} · ${formatRelative(step.due, now, lang)}`}
                </time>
              )}
            </li>
          );
        })}
      </ol>
      {error && (
        <p class="error" role="alert">
          {t('panelNoStore', error)}
        </p>
      )}
    </section>
  );
}
