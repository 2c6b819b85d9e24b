// Interface labels in Chinese or English (--lang, default from LANG/LC_ALL). Program names are bilingual in English,
// 中文 alone in Chinese (a caseworker's trial read "重度残疾人护理补贴 severe-disability care s…" at 140 columns).
import type { Lang } from '../report/lang.js';
import type { ProgramInfo } from '../core/programs/index.js';

/** A program's name on the screen: 低保 in Chinese, "低保 dibao" in English. */
export const programName = (p: Pick<ProgramInfo, 'zh' | 'en'>, lang: Lang): string => (lang === 'zh' ? p.zh : `${p.zh} ${p.en}`);

export { langFromEnv, type Lang } from '../report/lang.js';

const L = {
  overview: ['总览', 'overview'],
  localities: ['地区对比', 'localities'],
  charts: ['图表', 'charts'],
  knobs: ['调节', 'knobs'],
  households: ['家庭', 'households'],
  baseline: ['基线', 'baseline'],
  // (not the scenario's id: the screen's "tui-knobs" was saved as tui-20261206-1, which simulate then named, a TUI trial)
  knobRun: ['参数调节', 'knobs'],
  comparing: ['对比', 'vs'],
  budgetYear: ['{y} 年度', 'budget year {y}'],
  atYearEnd: [
    '以下按 {d}（该年度最后一日）计算；列表与总览的金额为全年各时段合计',
    'below: at {d}, the year’s last day; the list gives the whole year',
  ],
  program: ['项目', 'program'],
  perYear: ['{unit}/年', '{unit}/yr'],
  costOrCaseload: ['基线成本（{unit}）或户数', 'baseline cost ({unit}) or households'],
  andItsChange: ['，与所对比方案下的变化', ', and its change under the run compared'],
  total: ['合计', 'total'],
  winners: ['受益户', 'gain'],
  losers: ['受损户', 'lose'],
  entrants: ['新纳入', 'new'],
  exits: ['退出', 'exit'],
  unchanged: ['不变', 'same'],
  estimates: ['含估计参数', 'rests on estimates'],
  perProgram: ['各项目年度支出（{unit}）', 'annual cost per program ({unit})'],
  runFigure: ['：数字及变化为此方案', ': figure, Δ%'],
  caseloads: ['户数（不发现金的认定）', 'caseloads (households, no cash)'],
  noRun: ['无对比方案：用 --scenario 给出方案，或在“调节”视图（3）中调节参数', 'no run to compare: give --scenario, or move a knob (3)'],
  deciles: ['按人均收入十分位的户均年度变化（元）', 'mean change per household a year by income decile (yuan)'],
  scenarioYaml: [
    '方案 YAML（w 另存为 scenarios/tui-日期-序号.yaml，以此为方案 id）',
    'scenario YAML (w saves it as scenarios/tui-<date>-<n>.yaml, its id)',
  ],
  unchangedKnobs: ['未调整：与基线相同', 'no knob moved: same as the baseline'],
  saved: ['已保存', 'saved'],
  savedSame: ['与上次保存相同', 'unchanged since saved'],
  saveNothing: ['未调整任何参数：无需保存', 'no knob moved: nothing to save'],
  saveFailed: ['保存失败', 'could not save'],
  knobsForAll: [
    '调节值对所有地区统一设定；括号内为本地区基线',
    'a knob sets one value for every locality; (baseline) is this locality’s own',
  ],
  filter: ['筛选', 'filter'],
  persons: ['人', 'persons'],
  household: ['户编号', 'household'],
  members: ['人数', 'persons'],
  thisRun: ['本方案', 'this run'],
  yuanYear: ['元/年', 'yuan a year'],
  none: ['无', 'none'],
  help: ['帮助', 'help'],
  notes: ['条提示（n）', 'notes (n)'],
  notesTitle: ['提示（退出时也写到 stderr；Esc 关闭）', 'notes 提示 (said on stderr too as the screen closes; Esc closes)'],
  notesMore: ['↑↓ 滚动（退出时也写到 stderr）', '↑↓ scroll (all said on stderr too as the screen closes)'],
  noNotes: ['没有提示', 'no notes'],
  loading: ['读取', 'reading'],
  stopReading: ['q 或 Ctrl-C 停止读取并退出', 'q or Ctrl-C stops reading and quits'],
  rows: ['行', 'rows'],
  firstInFile: ['靠前的', 'the first'],
  largestChanges: ['变化最大的', 'the largest changes'],
  scenarios: ['各方案年度总支出（{unit}）', 'total annual cost per run ({unit})'],
  locality: ['地区', 'locality'],
  recomputing: ['重新计算中…', 'recomputing…'],
  failed: ['计算失败', 'recompute failed'],
  rates: ['边际税率', 'rates'],
  ratesTitle: [
    '主要劳动力每月多挣100元时的有效边际税率（按月口径）',
    'marginal rate on 100 yuan more a month of the main earner (monthly view)',
  ],
  band: ['区间', 'band'],
  computing: ['计算中…', 'computing…'],
  range: ['区间（估计参数）', 'range (estimates)'],
  // (the run compared, named in the title and the table's head: the range's line had no room for its name and the Δ's
  // range, which a trial missed beside simulate --ranges' "range of the Δ")
  run: ['方案', 'run'],
  tooSmall: [
    '终端为 {size}：jiuzhu tui 需要至少 80×24，请放大窗口（q 退出）',
    'the terminal is {size}: jiuzhu tui needs at least 80×24; make the window larger (q quits)',
  ],
  ifAllEligible: ['应保尽保（符合条件者全部申领）', 'all eligible (had every eligible household taken it up)'],
  whoPays: ['分级负担', 'who pays'],
  central: ['中央', 'central'],
  provincial: ['省级', 'provincial'],
  local: ['市县', 'city/county'],
  noEarner: ['无劳动力户（不计入占比）', 'households with no one to earn (not in the shares)'],
  facing: ['面临 ≥ 100 % 的户', 'households facing ≥ 100 %'],
  seeCliff: ['在“家庭”视图中打开一户，按 c 看其悬崖图', 'open one in households and press c for its cliff chart'],
} as const satisfies Record<string, readonly [string, string]>;

export type LabelKey = keyof typeof L;

export function t(lang: Lang, key: LabelKey): string {
  return L[key][lang === 'zh' ? 0 : 1];
}

const FILTERS = { changed: ['有变化', 'changed'], losers: ['受损', 'losers'], gainers: ['受益', 'gainers'], all: ['全部', 'all'] } as const;

/** The knobs' run: its scenario's id. */
export const KNOB_SCENARIO_ID = 'tui-knobs';

/** A run's titles by its id (a scenario file's title). */
export type RunTitles = ReadonlyMap<string, { readonly zh: string; readonly en: string }>;

/**
 * A run as the screen names it: the baseline and the knobs' run in words; a scenario by its id, or in Chinese by its
 * 中文 title (a caseworker's screen read "对比 dibao-standard-plus-10pct", the scenario's 城乡低保标准提高10% nowhere).
 */
export const runName = (lang: Lang, id: string, titles?: RunTitles): string =>
  id === 'baseline' ? t(lang, 'baseline') : id === KNOB_SCENARIO_ID ? t(lang, 'knobRun') : lang === 'zh' ? (titles?.get(id)?.zh ?? id) : id;

export function filterLabel(lang: Lang, filter: keyof typeof FILTERS): string {
  return FILTERS[filter][lang === 'zh' ? 0 : 1];
}
