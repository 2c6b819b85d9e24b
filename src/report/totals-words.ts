// The sentences of simulate's table, Markdown and workbook in the reader's language (--lang, default from the locale):
// a 科长's trial read every note under the table in English, the one that explains the gradual exit's fall among them.
// The tables' own labels stay bilingual (program 项目, total 合计); JSON and CSV are contracts, in English, and never
// read these. One place for each sentence in both languages: totals.ts, years-view.ts, estimates.ts,
// sensitivity-rows.ts, funding-view.ts and the workbooks (xlsx.ts, years-xlsx.ts) ask here; a projection's lines are
// projection-view.ts's own, in both.
import { counted, isZh as zh, type Lang } from './lang.js';
import { PARAM_BY_PATH } from '../core/parameters/schema.js';
import { fundingRangeMethod, type FundingReport } from '../core/funding.js';
import { groupCount, inUnit, ROUNDING_NOTE, signedIn, UNIT_LABEL, type Unit } from './text-table.js';
import type { Figures, GroupFigures } from '../core/aggregate.js';
import { PART_KEYS, TEMPORARY_TIERS } from '../core/programs/parts.js';
import { TIERS_ZH } from '../core/programs/temporary.js';
import { D } from '../core/money.js';
import { GROUP_EN, GROUP_ZH, PREMIUM_GROUPS } from '../core/parameters/groups.js';

/** A unit in a sentence: 万元 in Chinese, "万元 10k yuan" in English (the label the tables give it). */
export const unitWords = (unit: Unit, lang?: Lang) => (zh(lang) ? { yuan: '元', wan: '万元', yi: '亿元' }[unit] : UNIT_LABEL[unit]);

/** The title line's date part of a budget year. */
export const yearHeadline = (year: number | string, lang?: Lang) =>
  zh(lang)
    ? `${year} 预算年度（户数、人数为各月平均；支出为全年）`
    : `budget year ${year} 预算年度 (averages of its months; costs for the year)`;

/** A file's households and persons, rows and weighted (figures grouped already). */
export interface FileCounts {
  readonly file: string;
  readonly rows: string;
  readonly weighted: string;
  readonly persons: string;
  readonly personsWeighted: string;
}

/** How many households and persons the file holds, rows and weighted (figures grouped already). */
export function householdsLine(n: FileCounts, markdown: boolean, lang?: Lang): string {
  if (zh(lang))
    return markdown
      ? `共 ${n.rows} 户（加权 ${n.weighted} 户）、${n.persons} 人（加权 ${n.personsWeighted} 人），来自 \`${n.file}\`。`
      : `${n.file}：${n.rows} 户（加权 ${n.weighted} 户），${n.persons} 人（加权 ${n.personsWeighted} 人）`;
  const counts = `${counted(n.rows, 'household')} (${n.weighted} weighted), ${counted(n.persons, 'person')} (${n.personsWeighted} weighted)`;
  return markdown ? `${counts}, from \`${n.file}\`.` : `${n.file}: ${counts}`;
}

/** What the eligible column means (`shows`), or why there is none. */
export const takeUpWords = (shows: boolean, lang?: Lang) =>
  zh(lang)
    ? shows
      ? '  户数、人数和支出为实际享受的（按各项申请率）；“应保尽保”：符合条件的家庭全部享受时'
      : '  符合条件的家庭全部享受（应保尽保）：每户的 take_up_draw（文件无此列时取 0）都低于各项申请率'
    : shows
      ? '  households, persons and cost are what is received (take-up); "if all eligible took up": every eligible household'
      : '  every eligible household takes its programs up: received = eligible (each take_up_draw, 0 where the file has none, is under every take-up rate)';

/** The estimates a run rests on: the line under the table, and where their basis is. */
export const estimateWords = (paths: readonly string[], lang?: Lang): [string, string] =>
  zh(lang)
    ? // (by their 中文 names, as params names them: a finance clerk read 34 code names)
      [
        `* 标 * 的项目用了估计参数（共 ${paths.length} 项）：${paths.map(zhParam).join('，')}`,
        '  各项估计的依据：jiuzhu params --format table',
      ]
    : [
        `* rests on estimated parameters (${paths.length} in force): ${paths.join(', ')}`,
        "  see `jiuzhu params --format table` for each estimate's basis",
      ];

/** …and Markdown's footnote of them. */
export const estimateFootnote = (paths: readonly string[], lang?: Lang) =>
  zh(lang)
    ? `\\* 标 \\* 的项目用了估计参数：${paths.map((p) => `${zhParam(p)}（\`${p}\`）`).join('，')}`
    : `\\* rests on estimated parameters: ${paths.map((p) => `\`${p}\``).join(', ')}`;

/** A parameter's 中文 name (the schema's, as params and the workbooks give it), or its path where it has none. */
export const zhParam = (path: string) => PARAM_BY_PATH.get(path)?.zh ?? path;

/** A parameter as a sentence names it: in Chinese its 中文 name before its code (城市低保标准（dibao.standard.urban）), else its code. */
export const paramNamed = (path: string, lang?: Lang) => (zh(lang) && zhParam(path) !== path ? `${zhParam(path)}（${path}）` : path);

export const RANGE_METHOD =
  'the lowest and highest of the runs made: each estimate alone at either end of its range, and all at once at the ends that lower (raise) it';
export const RANGE_METHOD_ZH = '取各次运行的最低与最高：每项估计单独取其区间两端，以及全部同时取使合计降低（升高）的一端';

/** Under every table and Markdown: the parts are rounded each on its own (text-table.ts's bilingual line, in English). */
export const roundingWords = (lang?: Lang) =>
  zh(lang)
    ? '分项数因四舍五入，与合计可能略有出入；较基线之差与区间幅度按未舍入的数计算，各级负担之差按各级分摊额（到分）计算（三级之差之和与总差可能相差一分）'
    : ROUNDING_NOTE;

/** …as Markdown's last line, in italics, with its full stop. */
export const roundingMarkdown = (lang?: Lang) => `_${roundingWords(lang)}${zh(lang) ? '。' : '.'}_`;

/** How many estimates move a total, of those in force, and how many of those are a projection's growth rates. */
export interface Moving {
  readonly moving: number;
  readonly estimates: number;
  readonly rates: number;
}

/**
 * "30 of the 44 estimates in force (39 parameters, 5 projection rates) move it" / "现行 44 项估计（参数 39 项、预测增速
 * 5 项）中有 30 项影响合计": the star list under a table counts the parameters alone. Without `verb`, the years' short form
 * "30 of the 44 in force (…)" / "现行 44 项估计（…）中有 30 项".
 */
export function movingWords(r: Moving, lang?: Lang, verb = true): string {
  const parts = r.rates
    ? zh(lang)
      ? `（参数 ${r.estimates - r.rates} 项、预测增速 ${r.rates} 项）`
      : ` (${r.estimates - r.rates} parameters, ${r.rates} projection rate${r.rates === 1 ? '' : 's'})`
    : '';
  return zh(lang)
    ? `现行 ${r.estimates} 项估计${parts}中有 ${r.moving} 项${verb ? '影响合计' : ''}`
    : `${r.moving} of the ${r.estimates}${verb ? ' estimates' : ''} in force${parts}${verb ? ' move it' : ''}`;
}

/** The total's range under the table: where the total lies in it, and how it was made. */
export function rangeWords(
  r: Moving & { readonly low: string; readonly high: string; readonly at: string | null },
  unit: string,
  lang?: Lang,
): [string, string] {
  return zh(lang)
    ? [
        `  合计区间（${unit}）：${r.low} – ${r.high}${r.at === null ? '' : `（合计位于区间的 ${r.at}% 处）`}`,
        `  （${movingWords(r, lang)}；${RANGE_METHOD_ZH}；各项影响大小见 jiuzhu sensitivity）`,
      ]
    : [
        `  range of the total 区间 (${unit}): ${r.low} – ${r.high}${r.at === null ? '' : ` (the total ${r.at} % of the way up)`}`,
        `  (${movingWords(r, lang)}; ${RANGE_METHOD}; which: jiuzhu sensitivity)`,
      ];
}

/** A scenario's Δ, its range, under the table. */
export const deltaRangeWords = (low: string, high: string, unit: string, lang?: Lang) =>
  zh(lang) ? `  较基线区间（${unit}）：${low} – ${high}` : `  range of the Δ vs baseline 较基线区间 (${unit}): ${low} – ${high}`;

/** …and both in Markdown. */
export function rangeMarkdownWords(
  r: Moving & { readonly low: string; readonly high: string },
  delta: { readonly low: string; readonly high: string } | null,
  unit: string,
  lang?: Lang,
): string[] {
  const total = zh(lang)
    ? `合计区间（${unit}）：${r.low} – ${r.high}（${movingWords(r, lang)}；${RANGE_METHOD_ZH}）。`
    : `Range of the total (${unit}): ${r.low} – ${r.high} (${movingWords(r, lang)}; ${RANGE_METHOD}).`;
  if (!delta) return ['', total];
  return [
    '',
    total,
    '',
    zh(lang)
      ? `较基线区间（${unit}）：${delta.low} – ${delta.high}。`
      : `Range of the Δ vs baseline (${unit}): ${delta.low} – ${delta.high}.`,
  ];
}

/** A budget year's periods of months that pay alike (each its span and months). */
export function periodsWords(year: number, spans: ReadonlyArray<{ readonly span: string; readonly months: number }>, lang?: Lang): string {
  if (zh(lang))
    // (not "N 个支付相同的时段": read as periods paying the same, where a standard rises between them — a finance clerk)
    return `${year} 预算年度分为 ${spans.length} 个时段（同一时段内各月参数相同；低保渐退按其月份支付）——${spans.map((s) => `${s.span}（${s.months} 个月）`).join('，')}`;
  const n = spans.length;
  return `budget year ${year}: ${n} period${n > 1 ? 's' : ''} of months that pay alike (the same parameters; a gradual exit is paid in its own months) — ${spans.map((s) => `${s.span} (${s.months} month${s.months > 1 ? 's' : ''})`).join(', ')}`;
}

/** "2025-01 to 2025-03" / "2025-01 至 2025-03". */
export const monthSpan = (first: string, last: string, lang?: Lang) =>
  first === last ? first : `${first} ${zh(lang) ? '至' : 'to'} ${last}`;

/** The changes inside a budget year, each "date path before → after" with its own date where it was a month's middle. */
export function changesWords(
  changes: ReadonlyArray<{
    readonly date: string;
    readonly path: string;
    readonly before: string;
    readonly after: string;
    readonly dated?: string;
    readonly inScenario: boolean;
  }>,
  onNewYear: boolean,
  periods: number,
  lang?: Lang,
): string {
  if (!changes.length)
    return zh(lang)
      ? periods > 1
        ? '年内参数无变化；分段仅因低保渐退只在其月份支付'
        : '年内参数无变化：全年 = 12 × 一个月'
      : periods > 1
        ? "no parameter changes inside the year: its periods are a gradual exit's months"
        : 'no parameter changes inside the year: the year is 12 × a month';
  const each = changes.map((c) => {
    // (in Chinese, each parameter by its 中文 name before its code: a county clerk read `min_wage.monthly` alone)
    const head = `${c.date} ${paramNamed(c.path, lang)} ${c.before} → ${c.after}`;
    if (!c.dated) return head;
    return zh(lang)
      ? `${head}（${c.inScenario ? '方案' : '政策'}所载日期 ${c.dated}：年内按整月计，自 ${c.date} 起）`
      : `${head} (dated ${c.dated} in the ${c.inScenario ? 'scenario' : 'policy'}: the year's months are whole, so it counts from ${c.date})`;
  });
  return zh(lang)
    ? `年内参数变化${onNewYear ? '（含 1 月 1 日）' : ''}：${each.join('；')}`
    : `changes ${onNewYear ? 'on 1 January and ' : ''}inside the year: ${each.join('; ')}`;
}

/** Who pays's footnote: how each level's range was made (the JSON's `method` stays core/funding.ts's English). */
export function fundingMethodWords(r: Pick<NonNullable<FundingReport['range']>, 'estimates' | 'costs'>, lang?: Lang): string {
  if (!zh(lang)) return fundingRangeMethod(r);
  const n = r.estimates.length;
  const apart = '各级分别计算，三级两端相加不等于合计区间';
  // (a finance clerk's wording: the first one "…变化相加（支出不变：支出自身的区间即合计的区间…）" was hard to follow;
  // a finance analyst's: "每次的支出按 6 项估计的分担比例各自单独取两端（变化相加）拆分" close to unreadable)
  const known = n
    ? `。已知本地分担比例的，请写入政策文件（${r.estimates.join('、')}），并注明文件依据：已知的比例不再是估计，不进入区间`
    : '';
  return r.costs
    ? `各级区间：在为合计区间所做的各次运行中取最低与最高，每次运行的支出按${n ? ` ${n} 项估计的分担比例分别取高、低两端（影响相加）` : '现行分担比例'}拆分到各级；${apart}${known}`
    : `各级区间：支出取中心值（加 --ranges 则支出也变动），按 ${n} 项估计的分担比例分别取高、低两端（影响相加）拆分到各级；${apart}${known}`;
}

/** "budget years 2027–2029" (one: "budget year 2027"); in Chinese "2027–2029 年度". */
export const yearsTitleWords = (ys: readonly number[], lang?: Lang) =>
  zh(lang)
    ? `${ys.length > 1 ? `${ys[0]}–${ys.at(-1)}` : ys[0]} 年度`
    : ys.length > 1
      ? `budget years ${ys[0]}–${ys.at(-1)}`
      : `budget year ${ys[0]}`;

/** What the years ran on. */
export const ranOnWords = (policyFile: string, householdsFile: string, lang?: Lang) =>
  zh(lang) ? `政策 ${policyFile}；家庭 ${householdsFile}` : `policy ${policyFile}; households ${householdsFile}`;

/** The first year's gradual exit, a stock: the mark under the years' table. */
export const exitStockWords = (label: string, first: number, lang?: Lang) =>
  zh(lang)
    ? `‡ ${label}：${first} 年的主要是文件登记在保的家庭于 1 月退出（文件日期时的存量，见注），其自 ${first} 年的变化不是趋势`
    : `‡ ${label}: ${first}'s is chiefly the file's register leaving in January (a stock at the file's date: see the note), so its change from ${first} is no trend`;

/** The years' range rows, under the table: how many estimates move each year's total, and how it is made. */
export function yearsRangeWords(
  moving: ReadonlyArray<Moving & { readonly year: number; readonly at: string | null }>,
  delta: boolean,
  projectionFile: string | null,
  lang?: Lang,
): string[] {
  const sensitivity = `jiuzhu sensitivity --year YYYY${projectionFile ? ` --projection ${projectionFile}` : ''}`;
  const placed = moving.filter((m) => m.at !== null);
  if (zh(lang))
    return [
      `† 影响合计的估计：${moving.map((m) => `${m.year} 年${movingWords(m, lang, false)}`).join('，')}；${RANGE_METHOD_ZH}；期间合计的区间为各年相加。`,
      ...(placed.length ? [`  合计在区间中的位置（自低端起）：${placed.map((m) => `${m.year} 年 ${m.at}%`).join('，')}。`] : []),
      ...(delta
        ? ['  较基线的区间：同样各次运行中较基线的最低与最高，基线与方案每次取同样的数值（估计所容许的范围，不是置信区间）。']
        : []),
      // (a projection's words where there is one: without, a window's footnote spoke of its rates — a trial)
      projectionFile ? `  ${PROJECTED_RANGES_ZH}（是哪项估计：${sensitivity}）。` : `  是哪项估计：${sensitivity}。`,
    ];
  return [
    // ("of the N in force", the star list's N: a budget trial set 26 of 34 beside the star list's 39; "with a range" was
    // said of them though some have nothing to vary, `exact` — a budget-uncertainty trial)
    `† estimates that move the total: ${moving.map((m) => `${m.year} ${movingWords(m, lang, false)}`).join(', ')}; ${RANGE_METHOD}; the window's, the years' added.`,
    ...(placed.length ? [`  Each total in its range: ${placed.map((m) => `${m.year} ${m.at} %`).join(', ')} of the way up.`] : []),
    ...(delta
      ? [
          "  The Δ's range: the lowest and highest Δ of the same runs, the baseline and the scenario under the same values each time (a band the estimates allow, not a confidence interval).",
        ]
      : []),
    projectionFile
      ? `  ${PROJECTED_RANGES[0]!.toUpperCase()}${PROJECTED_RANGES.slice(1)} (which estimate: ${sensitivity}).`
      : `  Which estimate: ${sensitivity}.`,
  ];
}

/**
 * What a projection's ranges are: a grown value keeps its estimate's range; a rate with a range is itself an estimate
 * (core/sensitivity.ts rateAxes); the households' growth is one figure.
 */
export const PROJECTED_RANGES =
  "a projected value keeps its estimate's range, grown with it; a projection's rate with a range is an estimate of its own, every value it grew grown again at its ends (the households' growth is not varied)";
export const PROJECTED_RANGES_ZH =
  '预测值保留其估计的区间并随之增长；预测中有区间的增长率本身是一项估计，取其两端时由它增长的各值重新增长（住户的增长率不变动）';

/** A workbook's cell of how a total's range was made (the Ranges sheet; the years' About sheet with `years`). */
export const rangeMethodCell = (lang?: Lang, years = false) =>
  zh(lang)
    ? `${RANGE_METHOD_ZH}；${years ? `${PROJECTED_RANGES_ZH}；期间合计的区间为各年相加` : '各项影响大小见 jiuzhu sensitivity'}`
    : `${RANGE_METHOD}; ${years ? `${PROJECTED_RANGES}; the window's: the years' added` : 'which: jiuzhu sensitivity'}`;

/**
 * The parts of programs (core/programs/parts.ts) as the outputs name them: each program's title and what its persons
 * are, in both languages, and its parts' names (中文, English), in order.
 */
export const PART_LINES = [
  {
    program: 'medical_premium',
    title: { en: '资助参保 premium subsidy by group 按类别', zh: '资助参保按类别' },
    persons: { en: 'persons paid', zh: '受资助人数' },
    sheet: { name: '资助参保类别 Premium groups', part: '类别 group', cost: '资助参保 premium subsidy' },
    // (in words, as the other lines' parts: the codes are the JSON's keys, and the workbook's id column)
    names: Object.fromEntries(PREMIUM_GROUPS.map((g) => [g, [GROUP_ZH[g], GROUP_EN[g]] as const])),
  },
  {
    program: 'tekun',
    title: { en: '特困 tekun by part 分项', zh: '特困供养分项' },
    persons: { en: 'persons', zh: '人数' },
    sheet: { name: '特困分项 Tekun parts', part: '分项 part', cost: '特困供养 tekun' },
    names: { basic: ['基本生活费', 'basic living'], care: ['照料护理费', 'care'] } as const,
  },
  {
    program: 'temporary',
    // (000（六）: the township approves up to 0.5 × 12 S_urban, paid from its reserve 备用金; the county up to 2 ×;
    // beyond, 一事一议)
    title: { en: '临时救助 temporary assistance by who approves 按审批层级', zh: '临时救助按审批层级' },
    persons: { en: 'persons', zh: '人数' },
    sheet: { name: '临时救助层级 Temporary tiers', part: '审批层级 tier', cost: '临时救助 temporary assistance' },
    names: Object.fromEntries(TEMPORARY_TIERS.map((t, i) => [t, [TIERS_ZH[i + 1]!, t] as const])),
  },
] as const;
export type PartLine = (typeof PART_LINES)[number];

/** A run's parts of the program of `line` (none where its figures have none). */
export const partsOf = (f: Figures, line: PartLine): Readonly<Record<string, GroupFigures>> | undefined =>
  f.programs[line.program][PART_KEYS[line.program]] as Readonly<Record<string, GroupFigures>> | undefined;
/** A part's names: 中文 and English. */
export const partName = (line: PartLine, id: string): readonly [string, string] =>
  (line.names as Readonly<Record<string, readonly [string, string]>>)[id]!;

/**
 * Under a run's table: the parts of programs — the premium subsidy (step 9) by the persons' group (who it is paid for
 * and what each costs: a special-assistance officer's first question) and tekun's basic living and care (a budget's
 * two lines: a tekun officer split them by hand); a scenario's each with its change. Nothing where no one is paid.
 */
export function partsWords(f: Figures, unit: Unit, lang?: Lang, base?: Figures): string[] {
  return PART_LINES.flatMap((line) => {
    const [g, b] = [partsOf(f, line), base && partsOf(base, line)];
    const ids = Object.keys(line.names);
    if (!g || !ids.some((k) => g[k]!.persons !== '0' || (b && b[k]!.persons !== '0'))) return [];
    // (a scenario's: each part's change from the baseline where it has one — which group a reform pays for)
    const change = (k: string) => {
      const d = b ? D(g[k]!.annual_cost_exact).minus(b[k]!.annual_cost_exact).toFixed(2) : '0.00';
      return D(d).isZero() ? '' : zh(lang) ? `（较基线 ${signedIn(d, unit)}）` : ` (Δ ${signedIn(d, unit)})`;
    };
    const parts = ids.map((k) => {
      const [cn, en] = partName(line, k);
      return `${cn}${zh(lang) ? '' : ` ${en}`} ${groupCount(g[k]!.persons)} · ${inUnit(g[k]!.annual_cost, unit)}${change(k)}`;
    });
    return zh(lang)
      ? [`  ${line.title.zh}（${line.persons.zh} · ${unitWords(unit, lang)}）：${parts.join('；')}`]
      : [`  ${line.title.en} (${line.persons.en} · ${UNIT_LABEL[unit]}): ${parts.join('; ')}`];
  });
}

/** Several runs' parts (compare's locality, the HTML report's headline), each line after its run's id. */
export const runsPartsWords = (
  runs: ReadonlyArray<{ readonly id: string; readonly figures: Figures; readonly baseline?: Figures }>,
  unit: Unit,
  lang?: Lang,
): string[] => runs.flatMap((s) => partsWords(s.figures, unit, lang, s.baseline).map((x) => `${s.id}: ${x.trim()}`));

/** Under the years' table of a program's parts: what its window column's persons are. */
export const partsWindowWords = (span: string, line: PartLine, lang?: Lang): string =>
  zh(lang) ? `${span}：${line.persons.zh}为各年平均每月人数` : `${span}: ${line.persons.en}, the years' average month`;
