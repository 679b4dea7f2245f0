// Over 300 lines on purpose: it is one data table per vocabulary kind, kept together so a new code is one line.
// The marketplace vocabulary as data: sources, actions, stages, warning and reject texts, in English and
// Russian, and how each is shown (chip words, short storefront names, stage colours). Code elsewhere only
// reads these tables: the badge on the CRM page and the extension's pages alike. Adding an action code =
// one line in ACTIONS (plus the literal in the ActionCode union in types.ts). All wording is ours, written
// for a sales rep.
import type { ActionCode, Lang, RejectReason, SourceCode, Stage, Text, WarningCode } from './types';

export interface SourceEntry {
  code: SourceCode;
  /**
   * Spellings accepted at the start of a LeadSource, compared case-insensitively; a space in a spelling
   * also matches no space ("AppSource (SPZA)" matches "AppSource(SPZA)").
   */
  spellings: readonly string[];
  label: Text;
  /** The storefront's name on a badge chip: a product name, the same in every language. */
  short: string;
  /** Where the customer was when the lead was created. */
  storefront: Text;
  /** A source that the marketplace no longer sends (kept so old records still decode). */
  legacy?: boolean;
}

export interface ActionEntry {
  code: ActionCode;
  /** The button or event on the storefront behind this code. */
  button: Text;
  /** The action in a few words, for the badge chip on the CRM page. */
  chip: Text;
  /** Storefronts where the marketplace documents this action; others get a mismatch warning. */
  storefronts: readonly SourceCode[];
  stage: Stage;
  explanation: Text;
}

/** A stage's chip colours (CSS colours): the words, the background and the border. */
export interface StageColour {
  text: string;
  fill: string;
  line: string;
}

export interface StageEntry {
  stage: Stage;
  label: Text;
  explanation: Text;
  /** Funnel order: interest < trial < active. Non-funnel stages sit at or below zero. */
  rank: number;
  /** One palette for the badge on the page and the chips in the panel, popup and journey. */
  colour: StageColour;
}

const ALL_STOREFRONTS: readonly SourceCode[] = ['AzureMarketplace', 'AzurePortal', 'AppSource', 'TestDrive'];

export const SOURCES: readonly SourceEntry[] = [
  {
    code: 'AzureMarketplace',
    spellings: ['AzureMarketplace', 'Azure Marketplace'],
    label: { en: 'Azure Marketplace', ru: 'Azure Marketplace' },
    short: 'Azure Marketplace',
    storefront: { en: 'the Azure Marketplace website', ru: 'сайт Azure Marketplace' },
  },
  {
    code: 'AzurePortal',
    spellings: ['AzurePortal', 'Azure Portal'],
    label: { en: 'Azure portal', ru: 'Портал Azure' },
    short: 'Azure portal',
    storefront: { en: 'the marketplace inside the Azure portal', ru: 'каталог внутри портала Azure' },
  },
  {
    code: 'AppSource',
    spellings: ['AppSource (SPZA)', 'SPZA', 'AppSource', 'App Source'],
    label: { en: 'AppSource', ru: 'AppSource' },
    short: 'AppSource',
    storefront: { en: 'AppSource (business apps, including Power BI)', ru: 'AppSource (бизнес-приложения, включая Power BI)' },
  },
  {
    code: 'TestDrive',
    spellings: ['TestDrive', 'Test Drive'],
    label: { en: 'Test Drive (old source)', ru: 'Test Drive (старый источник)' },
    short: 'Test Drive',
    storefront: {
      en: 'a test drive (older leads name it as their own source)',
      ru: 'тест-драйв (в старых лидах он указан как отдельный источник)',
    },
    legacy: true,
  },
];

// One line per action code.
export const ACTIONS: readonly ActionEntry[] = [
  {
    code: 'INS',
    button: { en: 'Get it now or Free trial', ru: '«Получить» или «Бесплатная пробная версия»' },
    chip: { en: 'Get it now / trial', ru: 'Получить / пробная' },
    storefronts: ['AzureMarketplace', 'AppSource'],
    stage: 'active',
    explanation: {
      en: 'The customer took the offer on the storefront: either Get it now or a free trial. Both send this same code, so this value alone cannot tell a purchase from a trial.',
      ru: 'Клиент взял предложение на витрине: нажал «Получить» или начал бесплатную пробную версию. Оба случая приходят с одним и тем же кодом, поэтому по этому значению нельзя отличить покупку от пробной версии.',
    },
  },
  // PLT is documented for AppSource only, but Partner Center also offers Contact me on Azure Marketplace (its code there is undocumented), so it is not flagged there.
  {
    code: 'PLT',
    button: { en: 'Contact me', ru: '«Связаться со мной»' },
    chip: { en: 'Contact me', ru: 'Связаться со мной' },
    storefronts: ['AppSource', 'AzureMarketplace'],
    stage: 'interest',
    explanation: {
      en: 'The customer pressed Contact me and is waiting to hear from you (the code stands for a trial led by the partner). They expect a quick, personal answer.',
      ru: 'Клиент нажал «Связаться со мной» и ждёт вашего ответа (код означает пробный период, который ведёт партнёр). Он рассчитывает на быстрый и личный ответ.',
    },
  },
  {
    code: 'DNC',
    button: { en: 'none (a notice about a cross-listed partner)', ru: 'нет (уведомление о партнёре в перекрёстном размещении)' },
    chip: { en: 'Do not contact', ru: 'Не связываться' },
    storefronts: ['AppSource'],
    stage: 'do-not-contact',
    explanation: {
      en: 'A notice, not a request: the customer asked a partner listed on your app page to contact them. You get a copy for your records only; do not reach out.',
      ru: 'Это уведомление, а не запрос: клиент попросил связаться с ним партнёра, указанного на странице вашего приложения. Копия приходит вам только для сведения; не связывайтесь с клиентом.',
    },
  },
  {
    code: 'Create',
    button: { en: 'Create (Azure portal)', ru: '«Создать» (портал Azure)' },
    chip: { en: 'Created in portal', ru: 'Создано в портале' },
    storefronts: ['AzurePortal'],
    stage: 'active',
    explanation: {
      en: 'The customer created or bought the offer in their own Azure subscription through the Azure portal.',
      ru: 'Клиент создал или купил предложение в своей подписке Azure через портал Azure.',
    },
  },
  {
    code: 'StartTestDrive',
    button: { en: 'Test drive', ru: '«Тест-драйв»' },
    chip: { en: 'Test drive', ru: 'Тест-драйв' },
    storefronts: ALL_STOREFRONTS,
    stage: 'trial',
    explanation: {
      en: 'The customer started a test drive: a ready-made, time-limited demo of your offer that they are trying right now.',
      ru: 'Клиент запустил тест-драйв: готовую демо-среду вашего предложения с ограниченным сроком, которую он пробует прямо сейчас.',
    },
  },
];

/**
 * Partner Center's Leads page and export name the call to action in words, not codes. These map to the
 * code the same lead carries in LeadSource (Free trial arrives as INS too). Matched case-insensitively.
 */
export const CALLS_TO_ACTION: readonly { label: string; action: ActionCode }[] = [
  { label: 'Contact me', action: 'PLT' },
  { label: 'Get it now', action: 'INS' },
  { label: 'Free trial', action: 'INS' },
  { label: 'Test drive', action: 'StartTestDrive' },
];

export const STAGES: readonly StageEntry[] = [
  {
    stage: 'interest',
    rank: 1,
    colour: { text: '#0b4a8f', fill: '#e5f0fb', line: '#7fb0e6' },
    label: { en: 'Interest', ru: 'Интерес' },
    explanation: {
      en: 'Early interest: the customer wants to talk before trying or buying.',
      ru: 'Ранний интерес: клиент хочет поговорить, прежде чем пробовать или покупать.',
    },
  },
  {
    stage: 'trial',
    rank: 2,
    colour: { text: '#7a3f00', fill: '#fff3e0', line: '#f0b36a' },
    label: { en: 'Trial', ru: 'Пробует' },
    explanation: {
      en: 'Hands-on: the customer is trying the product right now, so the interest is warm.',
      ru: 'Клиент пробует продукт прямо сейчас, интерес горячий.',
    },
  },
  {
    stage: 'active',
    rank: 3,
    colour: { text: '#0e5c0e', fill: '#e7f5e7', line: '#7cc47c' },
    label: { en: 'Active', ru: 'Активный' },
    explanation: {
      en: 'The customer has deployed or acquired the offer (which may still be a free trial).',
      ru: 'Клиент развернул или получил предложение (это может быть и бесплатная пробная версия).',
    },
  },
  {
    stage: 'do-not-contact',
    rank: 0,
    colour: { text: '#5c5c5c', fill: '#f0f0f0', line: '#b8b8b8' },
    label: { en: 'Do not contact', ru: 'Не связываться' },
    explanation: { en: 'For your records only: no outreach.', ru: 'Только для сведения: не связываться.' },
  },
  {
    stage: 'test',
    rank: -1,
    colour: { text: '#5b3a8c', fill: '#f2ecfb', line: '#b79ae0' },
    label: { en: 'Test lead', ru: 'Тестовый лид' },
    explanation: {
      en: 'A test record the marketplace sends to check your lead connection; there is no real customer behind it.',
      ru: 'Тестовая запись, которую каталог присылает для проверки подключения лидов; реального клиента за ней нет.',
    },
  },
  {
    stage: 'unknown',
    rank: 0,
    colour: { text: '#4a4a4a', fill: '#f5f5f5', line: '#c8c8c8' },
    label: { en: 'Unknown', ru: 'Неизвестно' },
    explanation: {
      en: 'The action is not known from this value, so treat it as a new inbound lead and check the record.',
      ru: 'Действие клиента из этого значения неизвестно: считайте это новым входящим лидом и проверьте карточку.',
    },
  },
];

export const WARNINGS: Readonly<Record<WarningCode, Text>> = {
  truncated: {
    en: 'The value was cut short (it ends in "…" or in the middle of a code), so the offer is incomplete.',
    ru: 'Значение обрезано (заканчивается на «…» или посреди кода), поэтому предложение неполное.',
  },
  'possibly-truncated': {
    en: 'May be cut: the field is exactly at its 40-character limit, so the offer id shown may be missing its end.',
    ru: 'Может быть обрезано: поле заполнено ровно до предела в 40 символов, и у показанного предложения может не хватать конца.',
  },
  'offer-completed': {
    en: 'The offer id arrived cut; it was completed from an offer seen before.',
    ru: 'Идентификатор предложения пришёл обрезанным; он дополнен по ранее встречавшемуся предложению.',
  },
  'several-values': {
    en: 'The line holds several LeadSource values; this is the first, the others are listed with it.',
    ru: 'В строке несколько значений LeadSource; это первое, остальные перечислены рядом.',
  },
  'percent-encoded': {
    en: 'The value arrived URL-encoded and was decoded first.',
    ru: 'Значение пришло в URL-кодировке и было сначала раскодировано.',
  },
  'loose-spacing': {
    en: 'Extra spaces or separators around the parts were ignored.',
    ru: 'Лишние пробелы или разделители вокруг частей были проигнорированы.',
  },
  'source-only': {
    en: 'Only the storefront is given; the action comes separately (or not at all).',
    ru: 'Указана только витрина; действие приходит отдельно (или не приходит вовсе).',
  },
  'no-offer': { en: 'No offer is named after the "|".', ru: 'После «|» не указано предложение.' },
  'legacy-source': {
    en: 'An older source name that the marketplace no longer sends.',
    ru: 'Старое название источника, которое каталог больше не присылает.',
  },
  'action-storefront-mismatch': {
    en: 'This action is not documented for this storefront; double-check the record.',
    ru: 'Для этой витрины такое действие не описано; перепроверьте запись.',
  },
};

export const REASONS: Readonly<Record<RejectReason, Text>> = {
  empty: { en: 'The value is empty.', ru: 'Значение пустое.' },
  'not-marketplace': {
    en: 'Not a marketplace LeadSource: it does not start with a marketplace storefront.',
    ru: 'Это не LeadSource из каталога Microsoft: значение не начинается с названия витрины.',
  },
  'salesforce-appexchange': {
    en: "Not a Microsoft lead: this is Salesforce AppExchange's own lead-source code.",
    ru: 'Это не лид Microsoft: это собственный код источника Salesforce AppExchange.',
  },
  'unknown-action': {
    en: 'A marketplace storefront with an action code LeadLens does not know.',
    ru: 'Витрина каталога с неизвестным LeadLens кодом действия.',
  },
  'missing-action': { en: 'A marketplace storefront with nothing after the "-".', ru: 'Витрина каталога, но после «-» ничего нет.' },
  'too-long': { en: 'Too long to be a LeadSource value.', ru: 'Слишком длинное значение для LeadSource.' },
};

const sourceByCode = new Map(SOURCES.map((s) => [s.code, s]));
const actionByCode = new Map(ACTIONS.map((a) => [a.code, a]));
const stageByName = new Map(STAGES.map((s) => [s.stage, s]));
/** Action codes keyed by their lower-cased spelling, for case-insensitive lookup. */
const actionByLower = new Map(ACTIONS.map((a) => [a.code.toLowerCase(), a]));

export function sourceEntry(code: SourceCode): SourceEntry | undefined {
  return sourceByCode.get(code);
}
export function actionEntry(code: ActionCode): ActionEntry | undefined {
  return actionByCode.get(code);
}
/** Case-insensitive lookup of an action code as written in a LeadSource. */
export function findAction(token: string): ActionEntry | undefined {
  return actionByLower.get(token.toLowerCase());
}
/** An action given as a code (`INS`) or as Partner Center's call-to-action words (`Contact me`). */
export function actionFromText(text: string): ActionEntry | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const direct = actionByLower.get(t);
  if (direct) return direct;
  const cta = CALLS_TO_ACTION.find((c) => c.label.toLowerCase() === t);
  return cta ? actionByCode.get(cta.action) : undefined;
}
export function stageEntry(stage: Stage): StageEntry | undefined {
  return stageByName.get(stage);
}

export function sourceLabel(code: SourceCode, lang: Lang): string {
  return sourceByCode.get(code)?.label[lang] ?? code;
}
/** A storefront's name on a badge chip (`Azure portal`), the code itself when unknown. */
export function sourceShort(code: SourceCode): string {
  return sourceByCode.get(code)?.short ?? code;
}
/** An action's words on a badge chip (`Get it now / trial` for INS), the code itself when unknown. */
export function actionChip(code: ActionCode, lang: Lang): string {
  return actionByCode.get(code)?.chip[lang] ?? code;
}
/** The button (or event) behind an action code, e.g. "Contact me" for PLT. */
export function actionLabel(code: ActionCode, lang: Lang): string {
  return actionByCode.get(code)?.button[lang] ?? code;
}
export function stageLabel(stage: Stage, lang: Lang): string {
  return stageByName.get(stage)?.label[lang] ?? stage;
}
export function warningLabel(code: WarningCode, lang: Lang): string {
  return WARNINGS[code]?.[lang] ?? code;
}
export function reasonLabel(reason: RejectReason, lang: Lang): string {
  return REASONS[reason]?.[lang] ?? reason;
}
export function stageRank(stage: Stage): number {
  return stageByName.get(stage)?.rank ?? 0;
}
