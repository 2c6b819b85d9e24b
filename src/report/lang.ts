// The language a person reads output in: zh or en (--lang, default from the locale), for the TUI and explain.
export type Lang = 'zh' | 'en';

/**
 * The language of a command's output for `format`: the one asked for (or the locale's) where a person reads it — a table,
 * Markdown, a workbook, the HTML page (its labels bilingual, its notes in this language: a finance trial's 中文 page under
 * --lang zh had them in English) — and English in JSON and CSV, contracts whatever the locale (a county clerk's compare
 * workbook under --lang zh had its notes in English).
 */
export const outputLang = (format: string, lang: Lang | undefined, env: Readonly<Record<string, string | undefined>>): Lang =>
  ['table', 'markdown', 'xlsx', 'html'].includes(format) ? (lang ?? langFromEnv(env)) : 'en';

/** zh where the locale is Chinese (the first of LC_ALL, LC_MESSAGES and LANG that is set, beginning zh), else en. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  return /^zh/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'zh' : 'en';
}

/** A household named in Chinese: 家庭 H0004, or 所录家庭 for one given by --describe (its id, "described"). */
export const householdZh = (id: string): string => (id === 'described' ? '所录家庭' : `家庭 ${id}`);

/** Whether the reader's language is Chinese (the words modules' one test). */
export const isZh = (lang: Lang | undefined): boolean => lang === 'zh';

/**
 * A count and its noun in English, singular for one: `1 household`, `2 households` (the count as shown, grouped or not:
 * a one-household file read "1 households (1 weighted), 1 persons").
 */
export const counted = (n: string | number, one: string, many = `${one}s`): string => `${n} ${String(n) === '1' ? one : many}`;

/** A run as a reader names it: the baseline 基线 in Chinese, a scenario by its id (the id stays as the files name it). */
export const runShown = (id: string, lang: Lang | undefined): string => (isZh(lang) && id === 'baseline' ? '基线' : id);
