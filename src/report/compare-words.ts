// The sentences of compare's table and Markdown in the reader's language (--lang, default from the locale): a
// researcher's trial under a Chinese locale read every line around compare's bilingual labels in English (winners
// and losers, the flows, the splits, the legend). The labels stay bilingual (低保 dibao, total 合计), as simulate's;
// JSON and CSV are contracts, in English, and never read these. compare.ts asks here.
import { counted, isZh as zh, type Lang } from './lang.js';
import { movingWords, RANGE_METHOD, RANGE_METHOD_ZH, unitWords, type FileCounts, type Moving } from './totals-words.js';
import { groupCount, UNIT_LABEL, type Unit } from './text-table.js';
import { LEVEL_LABELS, type Level } from '../core/funding.js';
import { LAYERS } from '../core/compare.js';
import { D } from '../core/money.js';
import { layerShort, layerZh, PROGRAM_BY_ID, type ProgramId } from '../core/programs/index.js';

/**
 * The first line: the file, its households and persons, rows and weighted (grouped already), and the date or the budget
 * year (persons weighted too, as simulate's line gives them: a researcher read 266,952 persons beside 3,329,214 weighted
 * households).
 */
export const compareHouseholdsLine = (n: FileCounts, year: number | undefined, date: string, lang?: Lang) =>
  zh(lang)
    ? `${n.file}：${n.rows} 户（加权 ${n.weighted} 户），${n.persons} 人（加权 ${n.personsWeighted} 人） —— ${year ? `${year} 预算年度` : date}`
    : `${n.file}: ${counted(n.rows, 'household')} (${n.weighted} weighted), ${counted(n.persons, 'person')} (${n.personsWeighted} weighted) — ${year ? `budget year ${year} 预算年度` : `at ${date}`}`;

/** The heading of a locality's baseline against the first's, household by household. */
export const againstTitle = (first: string, lang?: Lang, scenario?: string) =>
  scenario
    ? zh(lang)
      ? `同一批家庭：本地区 ${scenario} 较 ${first} 的 ${scenario}（每户所得之差）`
      : `the same households under ${scenario} here against ${scenario} under ${first}'s rules 较 ${first} 同一方案 (each household's amount)`
    : zh(lang)
      ? `同一批家庭：本地区基线较 ${first} 基线（每户所得之差）`
      : `the same households under this baseline against ${first}'s 较 ${first} 基线 (each household's amount)`;

/** Under a budget year: what its figures are, and where the details are. */
export const compareYearWords = (lang?: Lang) =>
  zh(lang)
    ? '  预算年度：支出为全年，户数、人数为各月平均；受益受损及按城乡、收入分组按每户全年所得与基线全年所得比较（受损户按减少最多的项目列出）；层级流动只对一个日期计算（年内层级会变）：用 --date 运行 compare（按文件中的收入，不加 --projection）'
    : "  budget year: costs for the year, counts of its average month; winners and losers and the splits compare each household's year with its year under the baseline (the losers by the program they lose most in); flows between layers are for one date (a layer changes inside the year): compare --date gives them, on the file's incomes (no --projection)";

/** The legend under each locality's table; its colours where the table has them (`colored`). */
export const deltaLegend = (colored: boolean, lang?: Lang) =>
  zh(lang)
    ? `  Δ：较本地区基线的年度支出变化${colored ? '（红色增支，绿色减支）' : ''}；认定类项目为户数（户）`
    : `  Δ: change in annual cost against this locality's baseline${colored ? ' (red more spending, green less)' : ''}; caseloads in households (户)`;

/** A sum of money in a sentence with its sign, none on zero (a researcher read "losers 0 (−0.00)"). */
const signedSum = (sign: '+' | '−', text: string) => (/^[0.,]+$/.test(text) ? text : `${sign}${text}`);

/** Winners and losers of a scenario (counts grouped, sums in the unit already). */
export function winnersWords(
  c: {
    readonly gainers: string;
    readonly gainerPersons: string;
    readonly gain: string;
    readonly entrants: string;
    readonly losers: string;
    readonly loserPersons: string;
    readonly loss: string;
    readonly exits: string;
    readonly takeUp: string;
    readonly unchanged: string;
  },
  unit: Unit,
  lang?: Lang,
): string {
  const [gain, loss] = [signedSum('+', c.gain), signedSum('−', c.loss)];
  return zh(lang)
    ? `  受益 ${c.gainers} 户 ${c.gainerPersons} 人（${gain} ${unitWords(unit, lang)}/年），其中新进入 ${c.entrants} 户；受损 ${c.losers} 户 ${c.loserPersons} 人（${loss} ${unitWords(unit, lang)}/年），其中退出 ${c.exits} 户、仅因申请率 ${c.takeUp} 户；不变 ${c.unchanged} 户`
    : // (the losers' sum carries its unit: a researcher's "losers 受损 9,168 (−391.07)" said none; persons beside the
      // households: a reform analyst's briefing counts people)
      `  winners 受益 ${counted(c.gainers, 'household')}, ${counted(c.gainerPersons, 'person')} (${gain} ${UNIT_LABEL[unit]}/year), of which new entrants ${c.entrants}; ` +
        `losers 受损 ${c.losers}, ${counted(c.loserPersons, 'person')} (${loss} ${UNIT_LABEL[unit]}/year), of which exits ${c.exits}, through take-up alone ${c.takeUp}; unchanged ${c.unchanged}`;
}

/**
 * A budget year's losers by the program they lose most in (at most three, labels bilingual already; `more`: how many
 * programs are left out, said — an auditor took three of ten for all of them): the year has no flows between layers to
 * say where they went.
 */
export const losersByWords = (
  by: ReadonlyArray<readonly [string, string]>,
  lang?: Lang,
  ids: readonly string[] = [],
  across = false,
  more = 0,
) =>
  (zh(lang)
    ? `  受损户按减少最多的项目：${by.map(([p, n]) => `${p} ${n} 户`).join(' · ')}${more ? ` · 另 ${more} 项（见 JSON 或工作簿）` : ''}`
    : `  the losers by the program they lose most in: ${by.map(([p, n]) => `${p} ${n}`).join(' · ')}${more ? ` · ${more} more (JSON, workbook)` : ''} (households)`) +
  (across ? acrossLost(lang) : whyLost(ids, lang));

/**
 * Between localities a program is lost for reasons of the two places' rules, not of a reform's step: a researcher's
 * Guangzhou against Nanning was told that rigid-expenditure aid "begins where dibao ends", of a place that pays none.
 */
const acrossLost = (lang?: Lang): string =>
  zh(lang)
    ? '（两地之间：各项目给付多少、是否给付、申领率，各依本地区规则；见 jiuzhu params）'
    : " — between localities: what each program pays, whether it pays at all, and its take-up are each locality's own rules (jiuzhu params)";

/**
 * Why a household loses a program as a reform makes it more generous, for those the rules end so (its step's notWhere:
 * a county clerk's +10 % standards made 42 losers of single-person dibao, unexplained: the finance bureau would ask why a
 * raise hurts).
 */
const whyLost = (ids: readonly string[], lang?: Lang): string => {
  const why = ids.flatMap((id) => {
    const p = PROGRAM_BY_ID.get(id as ProgramId);
    const not = p?.step.notWhere;
    const by = not && PROGRAM_BY_ID.get(not.program as ProgramId);
    if (!p || !not || !by) return [];
    return [
      zh(lang)
        ? `家庭符合${by.zh}即不再给予${p.zh}（${by.zh}可能更少或未申领）：${not.zh}`
        : `${p.en} ends where the household qualifies for ${by.en} (which may pay less, or not be taken up): ${not.why}`,
    ];
  });
  return why.length ? (zh(lang) ? `（${why.join('；')}）` : ` — ${why.join('; ')}`) : '';
};

/** The summary's title: a row per scenario (report/compare-summary.ts). */
export const summaryTitle = (unit: Unit, lang?: Lang) =>
  zh(lang)
    ? `摘要（${unitWords(unit, lang)}/年）：各方案较基线的支出变化、受益与受损（户 · 人）、中央 · 省级 · 市县负担的变化`
    : `summary (${UNIT_LABEL[unit]}/year): each scenario against the baseline — its cost, who gains and who loses (households · persons), who pays (中央 central · 省级 provincial · 市县 city/county)`;

// (a layer is what a person qualifies for, taken up or not — DOMAIN's "layers follow eligibility": a researcher read
// Guangzhou's 1.5 million dibao-layer persons as recipients, of whom 160 thousand receive)
/** The flows table's title, before it. */
export const flowsTitle = (lang?: Lang) =>
  zh(lang)
    ? '层级间流动，按资格（无论是否申请享受；加权人数，取整；行：基线，列：方案）：'
    : 'flows between layers, by eligibility: taken up or not (weighted persons, rounded; rows baseline, columns scenario):';

export const nobodyMovesWords = (lang?: Lang) => (zh(lang) ? '  无人在层级间移动' : '  nobody moves between layers');

/** The Δ by area (each "城镇 urban +1.00" already). */
export const byAreaWords = (urban: string, rural: string, unit: Unit, lang?: Lang) =>
  zh(lang)
    ? `  按城乡（${unitWords(unit, lang)}/年）：城镇 ${urban} · 农村 ${rural}`
    : `  by area (${UNIT_LABEL[unit]}/year): 城镇 urban ${urban} · 农村 rural ${rural}`;

/** A household's mean change by income decile (each "D1 +1.00" already). */
export const byDecileWords = (deciles: readonly string[], lang?: Lang) =>
  zh(lang)
    ? `  按人均收入十等分组（D1 最低）的户均变化（元/年）：${deciles.join(' · ')}`
    : `  average change per household, yuan 元 a year, by per-capita income decile (D1 poorest): ${deciles.join(' · ')}`;

/** Who pays a run's total (each level "中央 central 1.00" already), and its Δ against the baseline. */
export const whoPaysWords = (id: string, levels: readonly string[], deltas: readonly string[] | null, unit: Unit, lang?: Lang) =>
  zh(lang)
    ? `  分级负担（${unitWords(unit, lang)}），${id}：${levels.join(' · ')}${deltas ? `（较基线 ${deltas.join(' · ')}）` : ''}`
    : `  who pays 分级负担 (${UNIT_LABEL[unit]}), ${id}: ${levels.join(' · ')}${deltas ? ` (Δ ${deltas.join(' · ')})` : ''}`;

/** A run's total, its range (and its Δ's): the table's line, or Markdown's bullet with the method in it. */
export function compareRangeWords(
  id: string,
  r: Moving & { readonly low: string; readonly high: string },
  delta: { readonly low: string; readonly high: string } | null,
  unit: Unit,
  markdown: boolean,
  lang?: Lang,
): string {
  if (zh(lang))
    return `${markdown ? '' : '  '}合计区间（${unitWords(unit, lang)}），${id}：${r.low} – ${r.high}（${movingWords(r, lang)}${markdown ? `；${RANGE_METHOD_ZH}` : ''}）${delta ? `；较基线区间 ${delta.low} – ${delta.high}` : ''}`;
  return `${markdown ? '' : '  '}range of the total ${markdown ? '' : '区间 '}(${UNIT_LABEL[unit]}), ${id}: ${r.low} – ${r.high} (${movingWords(r, lang)}${markdown ? `; ${RANGE_METHOD}` : ''})${delta ? `; its Δ vs baseline 较基线 ${delta.low} – ${delta.high}` : ''}`;
}

/** Under the ranges in the table: how they are made. */
export const rangeMethodWords = (lang?: Lang) =>
  zh(lang) ? `  （${RANGE_METHOD_ZH}；各项影响大小见 jiuzhu sensitivity）` : `  (${RANGE_METHOD}; which: jiuzhu sensitivity)`;

/** Markdown's households line. */
export const markdownHouseholds = (file: string, lang?: Lang) => (zh(lang) ? `家庭：\`${file}\`。` : `Households: \`${file}\`.`);

/** A level of government in a sentence: 中央 in Chinese, "中央 central" in English (core/funding.ts's label). */
export const levelWords = (level: Level, lang?: Lang) => (zh(lang) ? LEVEL_LABELS[level].split(' ')[0]! : LEVEL_LABELS[level]);

/**
 * Where the losers' members went, the largest three flows (a layer to itself: paid less in it), or null where there are
 * no losers: a unifying reform's losers were unexplained (members included alone whose household qualifies whole).
 */
export function losersWent(persons: readonly (readonly string[])[], lang?: Lang): string | null {
  const cells = LAYERS.flatMap((_, i) => LAYERS.map((_, j) => ({ i, j, v: persons[i]![j]! })))
    .filter((c) => c.v !== '0')
    .sort((a, b) => D(b.v).comparedTo(a.v) || a.i - b.i || a.j - b.j); // (exact: weighted counts are decimals)
  if (!cells.length) return null;
  const name = zh(lang) ? layerZh : layerShort;
  const shown = cells
    .slice(0, 3)
    .map(({ i, j, v }) =>
      i === j
        ? zh(lang)
          ? `${groupCount(v)} 人仍在${name(LAYERS[i]!)}（所得减少）`
          : `${groupCount(v)} stayed ${name(LAYERS[i]!)} (paid less)`
        : `${groupCount(v)} ${name(LAYERS[i]!)} → ${name(LAYERS[j]!)}`,
    );
  const more = cells.length > 3 ? (zh(lang) ? '；等' : '; …') : '';
  // (a flow the rules end so, said why: a reform author's unified standard moved 12,851 from rigid-expenditure aid to a
  // smaller dibao — 002 三's aid is for families above S only — and a department head read "raising the standard cuts aid")
  const ended = cells
    .slice(0, 3)
    .filter(({ i, j }) => i !== j && PROGRAM_BY_ID.get(LAYERS[i] as ProgramId)?.step.notWhere?.program === LAYERS[j])
    .map(({ i }) => LAYERS[i]!);
  return zh(lang)
    ? `  受损家庭成员（加权人数）：${shown.join('；')}${more}${whyLost(ended, lang)}`
    : `  the losers' members (weighted persons): ${shown.join('; ')}${more}${whyLost(ended, lang)}`;
}
