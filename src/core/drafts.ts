// First-contact email drafts, one per action the customer took, in English and Russian. The texts are
// data (our own words); `draftFor` only picks one and fills in the customer's name, the offer and the
// storefront. Do-not-contact and test leads get no draft: there is nobody to write to.
import { sourceEntry } from './catalog';
import type { ActionCode, DecodedLeadSource, Lang, Text } from './types';

export interface DraftTemplate {
  subject: Text;
  /** Paragraphs; `{name}`, `{offer}` and `{storefront}` are filled in. */
  body: Text;
}

const SIGN_OFF: Text = { en: 'Best regards,', ru: 'С уважением,' };
const GREETING: Text = { en: 'Hello {name},', ru: 'Здравствуйте, {name}!' };
const GREETING_NO_NAME: Text = { en: 'Hello,', ru: 'Здравствуйте!' };

export const DRAFTS: Readonly<Partial<Record<ActionCode, DraftTemplate>>> = {
  PLT: {
    subject: { en: 'Your request about {offer}', ru: 'Ваш запрос о {offer}' },
    body: {
      en: 'Thank you for asking us to get in touch about {offer} on {storefront}.\n\nCould we have a short call this week? I would like to hear what you want to solve, and show how {offer} handles it. Tell me a time that suits you, or reply with your questions.',
      ru: 'Спасибо, что попросили связаться с вами по поводу {offer} в {storefront}.\n\nМожем ли мы коротко созвониться на этой неделе? Хочу узнать, какую задачу вы решаете, и показать, как с ней справляется {offer}. Напишите удобное время или просто ответьте на письмо с вопросами.',
    },
  },
  INS: {
    subject: { en: 'Welcome to {offer}', ru: 'Добро пожаловать в {offer}' },
    body: {
      en: 'I saw that you started with {offer} from {storefront}. Welcome!\n\nIs this a purchase or a free trial? Either way I can help with the setup, and send the two or three steps that matter most in the first week. Which would help you most?',
      ru: 'Вижу, что вы начали работать с {offer} из {storefront}. Добро пожаловать!\n\nЭто покупка или бесплатная пробная версия? В любом случае помогу с настройкой и пришлю два-три шага, которые важнее всего в первую неделю. Что было бы полезнее всего?',
    },
  },
  Create: {
    subject: { en: 'Your new {offer} deployment', ru: 'Ваше новое развёртывание {offer}' },
    body: {
      en: 'I saw that you created {offer} in the Azure portal. Thank you!\n\nIf anything in the deployment is unclear, I can walk you through it, or connect you with our engineers. Is there a date you need it working by?',
      ru: 'Вижу, что вы создали {offer} на портале Azure. Спасибо!\n\nЕсли что-то в развёртывании непонятно, могу провести вас по шагам или подключить наших инженеров. К какому сроку вам нужно, чтобы всё работало?',
    },
  },
  StartTestDrive: {
    subject: { en: 'How did the {offer} test drive go?', ru: 'Как прошёл тест-драйв {offer}?' },
    body: {
      en: 'You have just taken {offer} for a test drive on {storefront}. How did it go?\n\nIf you tell me what you tried, I can show the parts the test drive does not cover, with your own scenario. Would a 20-minute call work for you?',
      ru: 'Вы только что попробовали {offer} в тест-драйве в {storefront}. Как впечатления?\n\nРасскажите, что пробовали, и я покажу то, чего нет в тест-драйве, на вашем собственном сценарии. Удобно ли вам созвониться на 20 минут?',
    },
  },
};

export interface Draft {
  subject: string;
  body: string;
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/**
 * The first-contact email for a lead, or null when its action has no draft (do not contact, test leads,
 * an undecodable value). `offer` is how the offer reads to the customer (its friendly name when known).
 */
export function draftFor(decoded: DecodedLeadSource, opts: { name: string; offer: string; lang: Lang }): Draft | null {
  if (!decoded.ok || decoded.testLead || !decoded.action) return null;
  const template = DRAFTS[decoded.action];
  if (!template) return null;
  const { lang } = opts;
  const storefront = (decoded.source && sourceEntry(decoded.source)?.short) || 'Microsoft marketplace';
  const vars = { name: opts.name.trim(), offer: opts.offer.trim() || (lang === 'ru' ? 'наше решение' : 'our solution'), storefront };
  const greeting = fill(vars.name ? GREETING[lang] : GREETING_NO_NAME[lang], vars);
  return {
    subject: fill(template.subject[lang], vars),
    body: `${greeting}\n\n${fill(template.body[lang], vars)}\n\n${SIGN_OFF[lang]}\n`,
  };
}

/** A `mailto:` link that opens the draft in the rep's mail app. */
export function mailtoLink(to: string | null | undefined, draft: Draft): string {
  const q = `subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(draft.body.replace(/\n/g, '\r\n'))}`;
  return `mailto:${to ? encodeURIComponent(to.trim()).replace(/%40/g, '@') : ''}?${q}`;
}
