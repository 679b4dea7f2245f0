// Legal forms removed from company names before they are compared: "Contoso, Inc." and "CONTOSO LLC"
// are the same company for matching. Written as they look after case-folding, transliteration to Latin
// (Wikipedia scheme) and dropping dots, so "S.A." is `sa`, "ООО" is `ooo`, "GmbH & Co. KG" is three
// tokens. Whole tokens only, and only at the start or the end of the name. Add a line to add a form.
export const LEGAL_FORM_TOKENS: ReadonlySet<string> = new Set([
  // English-speaking
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'pty',
  'pvt',
  'pte',
  'holdings',
  'group',
  'lc',
  'pc',
  'pllc',
  // German-speaking, Dutch, Nordic
  'gmbh',
  'ag',
  'kg',
  'ohg',
  'ug',
  'mbh',
  'ev',
  'bv',
  'nv',
  'vof',
  'ab',
  'as',
  'asa',
  'oy',
  'oyj',
  'aps',
  'se',
  // Romance languages
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'snc',
  'sl',
  'slu',
  'srl',
  'spa',
  'sapa',
  'scs',
  'lda',
  'ltda',
  'sca',
  'cv',
  'sab',
  'de',
  // Central / Eastern Europe
  'sro',
  'as',
  'zoo',
  'sp',
  'kft',
  'zrt',
  'nyrt',
  'doo',
  'dd',
  'ad',
  'ood',
  'eood',
  // Russian-speaking (transliterated): ООО, ОАО, ЗАО, ПАО, АО, НАО, ИП, ТОО, ЧП, ОДО, ГК, НКО, ФГУП, МУП
  'ooo',
  'oao',
  'zao',
  'pao',
  'ao',
  'nao',
  'ip',
  'too',
  'chp',
  'odo',
  'gk',
  'nko',
  'fgup',
  'gup',
  'mup',
  'tov',
  'pp',
  // Asia
  'kk',
  'yk',
  'bhd',
  'sdn',
  'tbk',
  'jsc',
  'ojsc',
  'cjsc',
]);

/** Multi-word legal forms, written out, checked before the single tokens. */
export const LEGAL_FORM_PHRASES: readonly string[] = [
  'obshchestvo s ogranichennoy otvetstvennostyu', // общество с ограниченной ответственностью
  'aktsionernoye obshchestvo',
  'publichnoye aktsionernoye obshchestvo',
  'zakrytoye aktsionernoye obshchestvo',
  'otkrytoye aktsionernoye obshchestvo',
  'individualny predprinimatel',
  'limited liability company',
  'public limited company',
  'societe anonyme',
  'sociedad anonima',
  'gesellschaft mit beschrankter haftung',
  'aktiengesellschaft',
];

/** Words that carry no identity at the start of a company name. */
export const COMPANY_LEADING_STOPWORDS: ReadonlySet<string> = new Set(['the']);

/**
 * Words that say nothing about which company it is, wherever they stand: `Tailspin Group` and
 * `Tailspin` are one name, `Tailspin Health` is another. Everything else in a company key is a
 * distinctive word, and two keys that differ in one are two companies (a typo apart at most).
 */
export const COMPANY_FILLERS: ReadonlySet<string> = new Set([
  'the',
  'and',
  'und',
  'et',
  'i', // и
  'of',
  'group',
  'gruppe',
  'grupp', // Групп
  'gruppa', // Группа
  'holding',
  'holdings',
  'kholding', // Холдинг
  'company',
  'co',
  'corp',
  'corporation',
  'enterprise',
  'enterprises',
  'international',
  'intl',
  'global',
  'worldwide',
]);
