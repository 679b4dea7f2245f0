// What to do with a lead: for each stage, a headline and the next steps, each with a due time counted
// from the lead's time. The texts are data (English and Russian, our own words) in PLAYBOOKS below; the
// function only picks and dates them. Touches are spread over days on purpose: follow up, don't bombard.
import { actionEntry, REASONS, sourceEntry, stageEntry, WARNINGS } from './catalog';
import type { DecodedLeadSource, Lang, NextStep, Playbook, Stage, Text } from './types';

export interface StepTemplate {
  id: string;
  text: Text;
  /** Hours after the lead's time; null when the step has no deadline. */
  dueHours: number | null;
  /** The first reply: its window is the rep's follow-up setting (24 h unless changed); `{within}` in the text names it. */
  followUp?: true;
}

export interface StagePlaybook {
  headline: Text;
  steps: readonly StepTemplate[];
}

const H = 1;
const D = 24 * H;

export const PLAYBOOKS: Readonly<Record<Stage, StagePlaybook>> = {
  interest: {
    headline: { en: 'Asked to be contacted: answer today', ru: 'Просит связаться: ответьте сегодня' },
    steps: [
      {
        id: 'first-reply',
        dueHours: 24 * H,
        followUp: true,
        text: {
          en: 'Send a short personal reply {within}, while the request is fresh; mention the offer they asked about.',
          ru: '{Within} отправьте короткий личный ответ, пока запрос свежий; упомяните предложение, о котором спрашивали.',
        },
      },
      {
        id: 'book-call',
        dueHours: 2 * D,
        text: {
          en: 'Propose a call with two or three concrete time slots.',
          ru: 'Предложите созвон и два-три конкретных варианта времени.',
        },
      },
      {
        id: 'qualify',
        dueHours: 5 * D,
        text: {
          en: 'Qualify before the full sales process: need, who decides, budget, timing.',
          ru: 'Квалифицируйте до полного цикла продаж: потребность, кто принимает решение, бюджет, сроки.',
        },
      },
      {
        id: 'touch-2',
        dueHours: 7 * D,
        text: {
          en: 'No answer yet? Follow up once with something useful (a case study, a short demo).',
          ru: 'Ответа нет? Напишите ещё раз и приложите что-то полезное (кейс, короткое демо).',
        },
      },
      {
        id: 'touch-3',
        dueHours: 14 * D,
        text: {
          en: 'Last friendly check-in before you close the lead; include an easy way to unsubscribe.',
          ru: 'Последнее дружелюбное напоминание перед закрытием лида; дайте простой способ отписаться.',
        },
      },
    ],
  },
  trial: {
    headline: { en: 'Trying it right now: reach out while it is warm', ru: 'Пробует прямо сейчас: свяжитесь, пока интерес горячий' },
    steps: [
      {
        id: 'first-reply',
        dueHours: 24 * H,
        followUp: true,
        text: {
          en: 'Email {within} of the test drive: ask how it went and offer help.',
          ru: 'Напишите {within} после тест-драйва: спросите, как прошло, и предложите помощь.',
        },
      },
      {
        id: 'book-call',
        dueHours: 3 * D,
        text: {
          en: 'Offer a guided walkthrough call on their own scenario.',
          ru: 'Предложите созвон с разбором их собственного сценария.',
        },
      },
      {
        id: 'qualify',
        dueHours: 5 * D,
        text: {
          en: 'Qualify: is there a real project, budget and a person who decides?',
          ru: 'Квалифицируйте: есть ли реальный проект, бюджет и человек, принимающий решение?',
        },
      },
      {
        id: 'touch-2',
        dueHours: 8 * D,
        text: {
          en: 'Follow up with a next step (pilot, quote); a couple of touches, not a barrage.',
          ru: 'Напомните о себе со следующим шагом (пилот, предложение цены); пара касаний, а не шквал писем.',
        },
      },
      {
        id: 'touch-3',
        dueHours: 15 * D,
        text: {
          en: 'Final check-in; if a deal closes, record how it started.',
          ru: 'Финальное напоминание; если сделка закрыта, отметьте, с чего она началась.',
        },
      },
    ],
  },
  active: {
    headline: { en: 'Took the offer: help them succeed', ru: 'Взял предложение: помогите добиться результата' },
    steps: [
      {
        id: 'welcome',
        dueHours: 24 * H,
        followUp: true,
        text: {
          en: '{Within} send a welcome with setup help; ask whether this is a purchase or a free trial (the code is the same).',
          ru: '{Within} отправьте приветствие с помощью по настройке; уточните, покупка это или бесплатная пробная версия (код одинаковый).',
        },
      },
      {
        id: 'book-call',
        dueHours: 3 * D,
        text: { en: 'Offer a short onboarding call.', ru: 'Предложите короткий созвон по началу работы.' },
      },
      {
        id: 'qualify',
        dueHours: 7 * D,
        text: {
          en: 'Qualify the account: size, other teams, path from trial to paid.',
          ru: 'Квалифицируйте клиента: масштаб, другие команды, путь от пробной версии к оплате.',
        },
      },
      {
        id: 'touch-2',
        dueHours: 14 * D,
        text: { en: 'Check in on usage and blockers.', ru: 'Узнайте, как идёт использование и что мешает.' },
      },
      {
        id: 'touch-3',
        dueHours: 30 * D,
        text: {
          en: 'Review after a month: renewal, expansion or feedback.',
          ru: 'Подведите итоги через месяц: продление, расширение или отзыв.',
        },
      },
    ],
  },
  'do-not-contact': {
    headline: { en: 'For your records: do not contact', ru: 'Для сведения: не связываться' },
    steps: [
      {
        id: 'no-outreach',
        dueHours: null,
        text: { en: 'Do not reach out to this customer about this notice.', ru: 'Не связывайтесь с клиентом по этому уведомлению.' },
      },
      {
        id: 'note',
        dueHours: null,
        text: {
          en: 'Keep it as a note on the account (a partner listed with your app was asked to help).',
          ru: 'Сохраните как заметку к клиенту (партнёра из вашего размещения попросили помочь).',
        },
      },
    ],
  },
  test: {
    headline: { en: 'Test lead: check the connection, nobody to call', ru: 'Тестовый лид: проверьте подключение, звонить некому' },
    steps: [
      {
        id: 'verify-connector',
        dueHours: 24 * H,
        text: {
          en: 'Check that every field landed where you expect in the CRM (name, email, LeadSource, description).',
          ru: 'Проверьте, что все поля попали в нужные места CRM (имя, почта, LeadSource, описание).',
        },
      },
      {
        id: 'no-outreach',
        dueHours: null,
        text: { en: 'There is no real customer: do not call or email.', ru: 'Реального клиента нет: не звоните и не пишите.' },
      },
      {
        id: 'clean-up',
        dueHours: null,
        text: {
          en: 'Mark or remove the record so it does not skew your reports.',
          ru: 'Пометьте или удалите запись, чтобы она не искажала отчёты.',
        },
      },
    ],
  },
  unknown: {
    headline: { en: 'Unclear lead: look closer, then reply', ru: 'Непонятный лид: разберитесь и ответьте' },
    steps: [
      {
        id: 'check-record',
        dueHours: 4 * H,
        text: {
          en: 'Look at the full record (description, offer, other fields) to see what the customer did.',
          ru: 'Посмотрите всю карточку (описание, предложение, другие поля), чтобы понять, что сделал клиент.',
        },
      },
      {
        id: 'first-reply',
        dueHours: 24 * H,
        followUp: true,
        text: {
          en: 'If it is a real customer, reply {within} as for any inbound lead.',
          ru: 'Если это реальный клиент, ответьте {within}, как на любой входящий лид.',
        },
      },
      {
        id: 'touch-2',
        dueHours: 7 * D,
        text: { en: 'One follow-up a week later if there was no answer.', ru: 'Через неделю, если ответа нет, напишите ещё раз.' },
      },
    ],
  },
};

const STOREFRONT_LINE: Text = { en: 'Storefront: {storefront}.', ru: 'Витрина: {storefront}.' };
const TEST_TIME: Text = {
  en: 'The marketplace generated this test at {time}.',
  ru: 'Каталог сформировал этот тест {time}.',
};

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

function addHours(t: number, hours: number | null): string | null {
  if (hours === null || !Number.isFinite(t)) return null;
  return new Date(t + hours * 3_600_000).toISOString();
}

/** "within 24 hours" / "в течение 24 часов" (Russian genitive: 1, 21, 31 … часа; else часов). */
export function withinHours(hours: number, lang: Lang): string {
  if (lang === 'en') return `within ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const one = hours % 10 === 1 && hours % 100 !== 11;
  return `в течение ${hours} ${one ? 'часа' : 'часов'}`;
}

export interface PlaybookOptions {
  /** The rep's follow-up window for the first reply, in hours (the setting; 24 when not given). */
  followUpHours?: number;
}

function stepText(s: StepTemplate, lang: Lang, hours: number): string {
  if (!s.followUp) return s.text[lang];
  const within = withinHours(hours, lang);
  return fill(s.text[lang], { within, Within: within.charAt(0).toLocaleUpperCase() + within.slice(1) });
}

/** Headline, explanation and dated next steps for one decoded LeadSource. */
export function playbookFor(decoded: DecodedLeadSource, leadTime: Date, lang: Lang, opts: PlaybookOptions = {}): Playbook {
  const stage: Stage = decoded.ok ? decoded.stage : 'unknown';
  const book = PLAYBOOKS[stage];
  const parts: string[] = [];
  if (!decoded.ok && decoded.reason) parts.push(REASONS[decoded.reason][lang]);
  if (decoded.action) {
    const a = actionEntry(decoded.action);
    if (a) parts.push(a.explanation[lang]);
  }
  if (decoded.source) {
    const s = sourceEntry(decoded.source);
    if (s) parts.push(fill(STOREFRONT_LINE[lang], { storefront: s.storefront[lang] }));
  }
  const st = stageEntry(stage);
  if (st) parts.push(st.explanation[lang]);
  if (decoded.testLead && decoded.testLeadTime)
    parts.push(fill(TEST_TIME[lang], { time: decoded.testLeadTime.slice(0, 16).replace('T', ' ') + ' UTC' }));
  for (const w of decoded.warnings) parts.push(WARNINGS[w][lang]);
  const t = leadTime.getTime();
  return {
    stage,
    headline: book.headline[lang],
    explanation: parts.join(' '),
    steps: book.steps.map((s): NextStep => {
      const hours = s.followUp ? (opts.followUpHours ?? s.dueHours ?? 24) : s.dueHours;
      return { id: s.id, text: stepText(s, lang, hours ?? 24), due: addHours(t, hours) };
    }),
  };
}
