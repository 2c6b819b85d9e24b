// The sentences of jiuzhu cliff's table, chart and Markdown, and of the marginal-rate distribution, in the reader's
// language (--lang, default from the locale; the TUI's own): a researcher's trial under a Chinese locale read a
// household's cliffs — "at 2,430.00: resources −113.50 a month" — in English. The labels stay bilingual; JSON and CSV
// are contracts, in English, and never read these. cliff.ts and marginal-rates.ts ask here.
import { counted, householdZh, isZh as zh, type Lang } from './lang.js';
import type { View } from '../core/cliff.js';
import { zhColumn } from '../core/trace.js';
import { zhParam } from './totals-words.js';

/** A month's or a year's. */
export const perWords = (view: View, lang?: Lang) =>
  zh(lang) ? (view === 'monthly' ? '每月' : '全年') : view === 'monthly' ? 'a month' : 'a year';

/** The member's income varied, as said: "p1's wage_income" / "p1 的工资收入". */
export const ownIncome = (member: string, vary: string, lang?: Lang) =>
  zh(lang) ? `${member} 的${zhColumn(vary)}` : `${member}'s ${vary}`;

/** Which policy and date. */
export const aboutWords = (name: string, file: string, date: string, lang?: Lang) =>
  zh(lang) ? `${name}（${file}），${date}` : `${name} (${file}), at ${date}`;

/** The title's part after "cliffs 悬崖效应 — ": the household, the member's income varied, and its amount now. */
export const titleWords = (household: string, income: string, now: string, markdown: boolean, lang?: Lang) =>
  zh(lang)
    ? `${householdZh(household)}：${income}变动（现为 ${now}）`
    : `${markdown ? `${household}:` : `household ${household},`} ${income} varied (now ${now})`;

/** What resources are, in the view. */
export const resourcesWords = (view: View, lang?: Lang) =>
  zh(lang)
    ? `可支配资源（${perWords(view, lang)}，${view === 'monthly' ? '月度' : '年度'}口径）：工资与其他收入 + 各项现金救助`
    : `resources ${perWords(view)} (${view} view): wages and other income + every cash program`;

/** How the view counts a gradual exit, a grant and the premium. */
export const viewWords = (view: View, lang?: Lang) =>
  zh(lang)
    ? view === 'monthly'
      ? '渐退期内按全额计，一次性救助与参保资助按 ÷ 12 计'
      : '渐退只计其月份'
    : view === 'monthly'
      ? 'a gradual exit in full while kept, a grant or the premium ÷ 12'
      : 'a gradual exit for its months only';

/** The chart's axis and its marks. */
export const chartWords = {
  axis: (vary: string, lang?: Lang) => (zh(lang) ? `${zhColumn(vary)}（每月）→` : `${vary} a month →`),
  marks: (id: string, lang?: Lang) => (zh(lang) ? `▲ 悬崖，△ 跳升（${id}）` : `▲ a cliff, △ a jump up (${id})`),
};

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** A run's cliffs and jumps up (and, in the table, its steps at a marginal rate ≥ 100 %). */
export function runWords(
  id: string,
  cliffs: number,
  jumps: number,
  steep: { readonly high: number; readonly steps: number } | null,
  lang?: Lang,
): string {
  if (zh(lang))
    return `${id}：${cliffs} 处悬崖${jumps || !steep ? `，${jumps} 处跳升` : ''}${steep ? `；${steep.steps} 步中有 ${steep.high} 步边际税率 ≥ 100%` : ''}`;
  if (!steep) return `${id}: ${count(cliffs, 'cliff')}, ${count(jumps, 'jump')} up`;
  return `${id}: ${count(cliffs, 'cliff')}${jumps ? `, ${count(jumps, 'jump')} up` : ''}; marginal rate ≥ 100 % on ${steep.high} of ${steep.steps} steps`;
}

/** A cliff or a jump up in the table: where, and the change of resources. */
export const eventWords = (at: string, change: string, view: View, jump: boolean, lang?: Lang) =>
  zh(lang)
    ? `  在 ${at}：资源${perWords(view, lang)} ${change}${jump ? '（跳升：超过收入本身的增加）' : ''}`
    : `  at ${at}: resources ${change} ${perWords(view)}${jump ? " (a jump up: more than the income's own rise)" : ''}`;

/** Why a jump up is the rules' (a step's notWhere). */
export const rulesWords = (why: string, lang?: Lang) => (zh(lang) ? `（规则如此：${why}）` : `(the rules: ${why})`);

export const noCliffWords = (lang?: Lang) => (zh(lang) ? '所扫描的范围内没有悬崖。' : 'No cliff in the range swept.');

/** Markdown's header: the income, the change of resources (a change, not a level: a researcher's catch), its parts. */
export const cliffHeader = (vary: string, view: View) => [
  `${vary} ${zhColumn(vary)} (yuan 元 a month)`,
  `change of resources 资源变化 (${perWords(view)} ${perWords(view, 'zh')})`,
  'of which 其中',
];

/** The footnote: the estimates behind the cliffs (`mark`: the asterisk as the format writes it). */
export function estimatesWords(mark: string, paths: readonly string[], inForce: number, code: (p: string) => string, lang?: Lang): string {
  if (zh(lang))
    return paths.length
      ? `${mark} 标 * 的项目用了估计参数（现行 ${inForce} 项中的 ${paths.length} 项；各项依据：jiuzhu params --format table）：${paths.map((p) => (code(p) ? `${zhParam(p)}（${code(p)}）` : zhParam(p))).join('，')}`
      : `${mark} 悬崖涉及的项目都不依赖估计参数（现行估计 ${inForce} 项：jiuzhu params --format table）`;
  return paths.length
    ? `${mark} the programs marked rest on estimated parameters (${paths.length} of the ${inForce} in force; each one's basis: jiuzhu params --format table): ${paths.map(code).join(', ')}`
    : `${mark} no cliff's program rests on an estimate (${inForce} in force: jiuzhu params --format table)`;
}

/** The marginal-rate distribution's words (cliff --households, compare --marginal-rates). */
export const ratesWords = {
  title: (delta: string, lang?: Lang) =>
    zh(lang)
      ? `有效边际税率 effective marginal rates：每个主要劳动者每月多挣 ${delta} 元（仅计救助的减少：不含个人所得税和社会保险费）`
      : `effective marginal rates 有效边际税率: ${delta} yuan more a month for each main earner (assistance withdrawn only: no income tax or social insurance)`,
  shares: (view: View, households: string, lang?: Lang) =>
    zh(lang)
      ? `${view === 'monthly' ? '月度' : '年度'}口径；有主要劳动者的 ${households} 户（加权）中的占比；`
      : `${view} view; shares of the ${counted(households, 'household')} with a main earner (weighted);`,
  none: (households: string, lang?: Lang) =>
    zh(lang)
      ? `另有 ${households} 户没有主要劳动者（无工资，也无 18–59 岁有劳动能力的成年人）`
      : `${counted(households, 'household has', 'households have')} none (no wage, no adult 18–59 who can work)`,
  byLayer: (id: string, lang?: Lang) =>
    zh(lang)
      ? `${id}，按基线层级 by layer（层级按资格：无论是否申请享受；税率按实际所得：有资格而未享受的家庭，按其所得计）`
      : `${id}, by layer under the baseline 按层级 (the layer by eligibility, taken up or not; the rate as received: a household eligible but not taking a program up has the rate of what it gets)`,
  above: (id: string, rows: string, weighted: string, ids: string, lang?: Lang) =>
    zh(lang)
      ? `${id}：文件中 ${rows} 户（加权 ${weighted} 户）边际税率 ≥ 100%，例如 ${ids}`
      : `${id}: ${counted(rows, 'household')} of the file (${weighted} weighted) ${rows === '1' ? 'faces' : 'face'} ≥ 100 %, e.g. ${ids}`,
  oneByOne: (lang?: Lang) =>
    zh(lang)
      ? '逐户查看：cliff --households FILE --household ID；explain … --household ID [--scenario S]'
      : 'one by one: cliff --households FILE --household ID; explain … --household ID [--scenario S]',
  markdown: (delta: string, view: View, lang?: Lang) =>
    zh(lang)
      ? `**有效边际税率 Effective marginal rates**：每个主要劳动者每月多挣 ${delta} 元（${view === 'monthly' ? '月度' : '年度'}口径；仅计救助的减少，不含税费；有主要劳动者的家庭中的占比，加权）`
      : `**Effective marginal rates 有效边际税率** on ${delta} yuan more a month of each main earner (${view} view; assistance withdrawn only, no income tax or social insurance; shares of households with a main earner, weighted)`,
};
