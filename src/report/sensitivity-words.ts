// The sentences of jiuzhu sensitivity's table and Markdown in the reader's language (--lang, default from the locale):
// a researcher's trial under a Chinese locale read the tornado's every line in English, each estimate by its code
// name alone. The labels stay bilingual; JSON and CSV are contracts, in English, and never read these.
// sensitivity.ts asks here.
import { isZh as zh, type Lang } from './lang.js';
import { paramNamed, RANGE_METHOD, RANGE_METHOD_ZH, unitWords, zhParam } from './totals-words.js';
import { wrapLine, type Unit } from './text-table.js';
import type { Axis } from '../core/sensitivity.js';

/** An estimate's name: in Chinese its parameter's 中文 name before the code name (as params gives it). */
export const estimateName = (code: string, axis: Pick<Axis, 'path' | 'rate' | 'targets'>, lang?: Lang) =>
  zh(lang) ? `${axis.rate ? rateZh(axis) : zhParam(axis.path)} ${code}` : code;

/** A projection line's rate in Chinese: its parameter's name (a prefix's: its first parameter's, 等), 年增长率 (预测). */
const rateZh = (a: Pick<Axis, 'path' | 'targets'>) =>
  `${a.path.endsWith('.') ? `${zhParam(a.targets[0]!.path)}等` : zhParam(a.path)}年增长率（预测）`;

/** The title's date part: a date, or a budget year. */
export const whenWords = (when: { readonly date: string } | { readonly year: number }, markdown: boolean, lang?: Lang) =>
  'date' in when
    ? zh(lang) || markdown
      ? when.date
      : `at ${when.date}`
    : zh(lang)
      ? `${when.year} 预算年度`
      : markdown
        ? `budget year ${when.year}`
        : `budget year ${when.year} 预算年度`;

/** The population line's projection, and the years it grows from (projection-view.ts grownFromText). */
export const grownWords = (id: string, file: string, from: string, lang?: Lang) =>
  zh(lang) ? `，按预测 ${id}（${file}）${from}增长到该年` : `, grown to the year by projection ${id} (${file}) ${from}`;

/** The table's lines over the tornado: the money's unit, the central total and the range, and how many estimates move it. */
export function headWords(
  population: string,
  unit: Unit,
  t: { readonly central: string; readonly low: string; readonly high: string },
  lang?: Lang,
): { sub: string; lines: string[]; how: string } {
  if (zh(lang))
    return {
      sub: `${population}；金额单位：${unitWords(unit, lang)}/年`,
      lines: [`各项估计取中心值时的合计：${t.central}`, `区间：${t.low} – ${t.high}`],
      how: '（区间：各次运行的最低与最高——每项估计单独取两端，以及全部同时取）',
    };
  return {
    sub: `${population}; money in ${unitWords(unit)} a year`,
    lines: [`total under the central values: ${t.central}`, `range: ${t.low} – ${t.high}`],
    how: '(range: the lowest and highest runs — each estimate alone, and all at once)',
  };
}

/**
 * How many estimates move the total, and those that do not, named (a trial read "12 do not" and could not tell which:
 * take-up on a file without draws among them); the funding shares, which split a cost and never make it, as one.
 */
export function countWords(all: number, still: readonly string[], lang?: Lang): string[] {
  const shares = still.filter((p) => p.startsWith('funding.')).length;
  const named = [
    ...(shares
      ? [zh(lang) ? `${shares} 项分担比例（只分谁出）` : `${shares} funding share${shares > 1 ? 's' : ''} (who pays, not how much)`]
      : []),
    // (in Chinese each by its 中文 name before its code, as the tornado names them: a county clerk read the codes alone)
    ...still.filter((p) => !p.startsWith('funding.')).map((p) => paramNamed(p, lang)),
  ].join(zh(lang) ? '、' : ', ');
  const moving = all - still.length;
  // (the names on lines of their own, at most 80 columns, as every line of the table)
  return [
    zh(lang)
      ? `现行估计共 ${all} 项：${moving} 项影响合计（按摆幅排列如下），${still.length} 项不影响${still.length ? '：' : ''}`
      : `${all} estimates in force: ${moving} move the total (by swing below), ${still.length} do not${still.length ? ':' : ''}`,
    ...(still.length ? wrapLine(`  ${named}`, 80) : []),
  ];
}

/** An estimate's values beside its name: a choice's options, or the central value and the ends (a start date's). */
export const valuesWords = (
  x: {
    readonly central: string;
    readonly low: string;
    readonly high: string;
    readonly options?: readonly string[];
    readonly start: boolean;
  },
  lang?: Lang,
) =>
  x.options
    ? zh(lang)
      ? `${x.central}（可选 ${x.options.join('|')}）`
      : `${x.central} (of ${x.options.join('|')})`
    : `${x.start ? (zh(lang) ? '起始日 ' : 'starts ') : ''}${x.central}; ${x.low} → ${x.high}`;

/** The bars' legend: left of ┃ less, right more; their colours where they have some (`colored`). */
export const barsWords = (colored: boolean, lang?: Lang) =>
  zh(lang)
    ? `    每项：中心值；低端 → 高端（年增长率为每年比例：0.04 即 4%）\n    条形：取低端 / 高端时合计的变化（${colored ? '绿色减少，红色增加' : '左减少，右增加'}）`
    : // (a finance officer's trial: "0.04; 0.02 → 0.06" had no legend, the bars one)
      `    each line: central; low → high (a yearly rate as a share: 0.04 is 4 %)\n    bars: change of the total at the low / high end (${colored ? 'green less, red more' : 'left less, right more'})`;

/**
 * What take_up.dibao moves: a household on dibao now (on_dibao = 1) always takes it up (DOMAIN, take-up), so on a roll
 * that marks every recipient on_dibao the take-up moves only the others (a finance-bureau trial saw 0.5 of 0.7 remove
 * 0.03 %, when jiuzhu generate marked them so too); jiuzhu generate now marks on_dibao only above the line.
 */
export const takeUpDibaoWords = (lang?: Lang) =>
  zh(lang)
    ? [
        '    take_up.dibao：现已在保的家庭（on_dibao = 1）总是享受低保，申请率只影响',
        '    其他家庭（jiuzhu generate 只对收入已高于低保标准、适用渐退的家庭标记',
        '    on_dibao）',
      ]
    : [
        '    take_up.dibao: a household on dibao now (on_dibao = 1) always takes it up,',
        '    so take-up moves only the others (jiuzhu generate marks on_dibao only',
        '    above the line, where the gradual exit applies)',
      ];

/** The same of take_up.disability: a household on dibao now takes the two subsidies up too (programs/take-up.ts). */
export const takeUpDisabilityWords = (lang?: Lang) =>
  zh(lang)
    ? ['    take_up.disability：现已在保的家庭（on_dibao = 1）总是享受残疾人两项补贴，', '    申请率只影响其他家庭']
    : [
        '    take_up.disability: a household on dibao now (on_dibao = 1) always takes',
        '    the disability subsidies up, so take-up moves only the others',
      ];

/** A scenario's Δ under the central values, its range, and what one estimate at a time does to it (money as text). */
export function scenarioDeltaWords(
  id: string,
  d: { readonly central: string; readonly low: string; readonly high: string },
  one: { readonly low: string; readonly high: string } | null,
  lang?: Lang,
): { head: string; range: string; summary: string } {
  if (zh(lang))
    return {
      head: `${id}：各项估计取中心值时较基线 ${d.central}`,
      range: `较基线区间（全部运行）：${d.low} – ${d.high}`,
      summary: one ? `每次只动一项估计，较基线之差从 ${one.low} 到 ${one.high}；影响最大的：` : '没有哪一项估计单独会改变较基线之差',
    };
  return {
    head: `${id}: Δ against the baseline ${d.central} under the central values`,
    // (the range simulate --ranges gives it: a finance trial held the one-estimate line below against it)
    range: `range of the Δ 较基线区间 (all runs): ${d.low} – ${d.high}`,
    summary: one ? `one estimate at a time the delta runs from ${one.low} to ${one.high}; most:` : 'no single estimate moves the delta',
  };
}

/** The draws' lines: the title, a run's total and Δ percentiles (each "p5 1.00 · …" already). */
export const drawsWords = {
  title: (n: number, seed: number | string, lang?: Lang) =>
    zh(lang)
      ? `全部估计同时在其区间内均匀抽样 ${n} 次（种子 ${seed}），年度支出的百分位数`
      : `${n} draws of every estimate at once (seed ${seed}), percentiles of the annual cost`,
  total: (id: string, p: string, lang?: Lang) => (zh(lang) ? `  ${id}：合计 ${p}` : `  ${id}: total ${p}`),
  delta: (p: string, lang?: Lang) => (zh(lang) ? `    较基线：${p}` : `    Δ against the baseline: ${p}`),
};

/**
 * Where the total under the central values lies among the draws: the share of draws that cost more. When nearly all
 * do (or nearly none), the central values sit toward the cheap (or dear) ends of the ranges, and a reader comparing
 * the central total with the percentiles is told why they disagree.
 */
export function centralAmongDraws(centralText: string, central: bigint, draws: readonly bigint[], lang?: Lang): string {
  const above = draws.filter((x) => x > central).length;
  const pct = Math.round((100 * above) / Math.max(1, draws.length));
  const side = pct >= 95 ? 'cheap' : pct <= 5 ? 'dear' : null;
  if (zh(lang))
    return `各项估计取中心值时的合计（${centralText}）：${pct}% 的抽样结果支出更高${side ? `：中心估计偏向其区间${side === 'cheap' ? '较省' : '较贵'}的一端` : ''}`;
  const lean = side ? `: the central values sit toward the ${side === 'cheap' ? 'cheaper' : 'dearer'} ends of their ranges` : '';
  return `the total under the central values (${centralText}): ${pct} % of the draws cost more${lean}`;
}

/** The joint corners and draws left out, and why (the rules they break together, the policy keeps). */
export function refusedWords(
  x: { readonly corners: number; readonly draws: number; readonly rules: readonly string[] },
  lang?: Lang,
): string {
  if (zh(lang)) {
    const what = [x.corners ? `${x.corners} 个联合端点组合` : '', x.draws ? `${x.draws} 次抽样` : ''].filter(Boolean).join(' 和 ');
    return `略去 ${what}：这些估计同时取端点时违反本政策的规则 ${x.rules.join('、')}（jiuzhu validate），政策不可能处于这种状态`;
  }
  const what = [
    x.corners ? `${x.corners} joint corner${x.corners > 1 ? 's' : ''}` : '',
    x.draws ? `${x.draws} draw${x.draws > 1 ? 's' : ''}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return `${what} left out: their estimates' ends together break ${x.rules.join(', ')}, which the policy keeps (jiuzhu validate) — not a state it can be in`;
}

export const whereMoreWords = (lang?: Lang) =>
  zh(lang)
    ? '各项依据与区间：jiuzhu params --format table；全部数字：--format json'
    : 'bases and ranges: jiuzhu params --format table; every figure: --format json';

/** Markdown's line of the central total and its range. */
export const markdownTotalWords = (unit: Unit, central: string, low: string, high: string, lang?: Lang) =>
  zh(lang)
    ? `各项估计取中心值时的合计（${unitWords(unit, lang)}）：**${central}**；区间（${RANGE_METHOD_ZH}）：${low} – ${high}。`
    : `Total under the central values (${unitWords(unit)}): **${central}**; range (${RANGE_METHOD}): ${low} – ${high}.`;

/** Markdown's header (bilingual labels, as the tables'; each sum with its unit: a researcher's "swing" had none). */
export const markdownHeader = (unit: Unit) => {
  const u = unitWords(unit);
  return [
    'estimate 估计',
    'central 中心估计',
    'low 低端',
    'high 高端',
    `total at low 低端合计 (${u})`,
    `total at high 高端合计 (${u})`,
    `swing 摆幅 (${u})`,
    'basis 依据',
  ];
};
