// What a run should say about its policy before anyone budgets with it (found by a new-user trial): a dibao standard or
// a disposable income carried forward from more than a year before the date (the policy gives no newer value: later
// costs rest on an old figure, unflagged), and the parameter rules `jiuzhu validate` checks (a standard typed 10× too
// high ran silently).
// Pure: the CLI prints these on stderr, as notes, unless --quiet.
import { formatWhere } from '../errors.js';
import { indexInForce } from './dates.js';
import { completeFrom, valueToText, type Policy } from './parameters/tree.js';
import { PARAM_BY_PATH } from './parameters/schema.js';
import { growthOf, grownAlso, heldEntry, incomesFrom, madeForOthers, ratePct, wholeYears, type Projection } from './projection.js';
import { D, type Dec } from './money.js';
import { checkPolicy, findingKey, type Violation } from './sanity.js';

/**
 * The figures whose age is worth a note: the dibao standards, which every other line follows (S × k), and the
 * disposable incomes, the rigid-expenditure line's measure (last year's figure, published yearly: Nanning's 2023 one
 * stood for 2025 unsaid).
 */
const WATCHED = [
  { what: 'dibao standard', zh: '低保标准', paths: ['dibao.standard.urban', 'dibao.standard.rural'] },
  {
    what: 'disposable income',
    zh: '居民人均可支配收入（刚性支出认定线）',
    aside: 'the rigid-expenditure line',
    paths: ['rigid.disposable_income.urban', 'rigid.disposable_income.rural'],
  },
] as const;
type Watched = (typeof WATCHED)[number];

export interface StaleStandard {
  readonly path: string;
  readonly value: string;
  readonly from: string;
  /** Whole years from `from` to the date. */
  readonly years: number;
}

/** Standards (or, given, other watched figures) in force at `date` that are the policy's newest, set a year or more before it. */
export function staleStandards(policy: Policy, date: string, paths: readonly string[] = WATCHED[0].paths): StaleStandard[] {
  return paths.flatMap((path) => {
    const history = policy.params.get(path) ?? [];
    const i = indexInForce(history, date);
    if (i < 0 || i !== history.length - 1) return [];
    const e = history[i]!;
    const years = wholeYears(e.from, date);
    return years >= 1 ? [{ path, value: String(e.value), from: e.from, years }] : [];
  });
}

/**
 * What a projection over the years `first`–`last` should say of itself: a base year at or after the last year (nothing
 * is grown: a typo in base_year gave a flat budget, unsaid), or figures it grows that are older than its base year
 * (taken as unchanged up to it: the policy's note of a standard carried forward went silent under a projection). The
 * watched figures it grows are given back: the policy's own note of them is then not said.
 */
export function projectionNotes(
  policy: Policy,
  p: Pick<Projection, 'id' | 'baseYear' | 'uprate' | 'incomesYear'>,
  first: number,
  last: number,
  lang: 'en' | 'zh' = 'en',
): { readonly notes: string[]; readonly grown: readonly Watched[] } {
  if (p.baseYear >= last) {
    // (a base_year after every year run is a warning: a finance trial's 2028 for a 2027 budget wrote its workbook of
    // unprojected figures under a note in English beside a 中文 table)
    const incomes = incomesFrom(p) < last;
    const level = p.baseYear > last && !incomes ? (lang === 'zh' ? '警告' : 'warning') : lang === 'zh' ? '注' : 'note';
    const years = first === last ? String(first) : `${first}–${last}`;
    return {
      notes: [
        lang === 'zh'
          ? `${level}：预测 ${p.id} 自基年 ${p.baseYear} 的次年起增长，而所算年度为 ${years}：${incomes ? `只增长家庭收入（自 ${incomesFrom(p)} 年起，--incomes-year），参数按政策文件原值` : '什么都没有预测（base_year 写错了吗？）'}`
          : `${level}: projection ${p.id} grows from the year after its base_year ${p.baseYear}, and ${first === last ? `the year is ${first}` : `the years are ${first}–${last}`}: ${incomes ? `only the households' incomes are grown, from ${incomesFrom(p)} (--incomes-year); the parameters are the policy's` : 'nothing is projected (a typo in base_year?)'}`,
      ],
      grown: [],
    };
  }
  // (figures a projection does not grow are carried forward as the policy does: the policy's note says so)
  const grown = WATCHED.filter((w) => w.paths.every((path) => growthOf(p.uprate, path)));
  // A base year before the policy's values begin: the households grown from it, decades of growth (a QA trial's 1989
  // halved a three-year budget, said only by rules on the policy's own lines)
  const complete = completeFrom(policy);
  const early =
    complete && p.baseYear < Number(complete.slice(0, 4))
      ? [
          lang === 'zh'
            ? `注：预测 ${p.id} 的基年 ${p.baseYear} 早于 ${policy.file} 的数值起始日（${complete}）：家庭的${p.incomesYear === undefined ? '收入和权重' : '权重'}自 ${p.baseYear} 年起增长 ${first - p.baseYear} 年到 ${first} 年，其间没有公布数值的年份也逐年增长（base_year 写错了吗？它应是公布数值和家庭文件的最后一年）`
            : `note: projection ${p.id}'s base_year ${p.baseYear} is before ${policy.file}'s values begin (${complete}): the households' ${p.incomesYear === undefined ? 'incomes and weights are' : 'weights are'} grown from ${p.baseYear}, ${first - p.baseYear} year${first - p.baseYear === 1 ? '' : 's'} to ${first}, and each year without a published value grown in between (a typo in base_year? it is the last year of published values and of the households file)`,
        ]
      : [];
  const notes = grown.flatMap((w) => {
    const stale = staleStandards(policy, `${p.baseYear}-12-31`, w.paths);
    if (!stale.length) return [];
    const since = Math.min(...stale.map((s) => Number(s.from.slice(0, 4)))) + 1;
    const held = since < p.baseYear ? `${since}–${p.baseYear}` : String(since);
    // (the assumption's range, where the line's rate has one: core/projection.ts heldEntry)
    const ranged = stale.every((x) => heldEntry(policy.params.get(x.path)!, p, growthOf(p.uprate, x.path)!));
    const high = ranged ? growthOf(p.uprate, stale[0]!.path)!.range!.high : undefined;
    // (in Chinese where the table is: a finance clerk's --years ended in four English notes)
    if (lang === 'zh')
      return [
        `注：预测 ${p.id} 自基年 ${p.baseYear} 起增长，但 ${policy.file} 中最新的${w.zh}（${whichZh(stale)}）更早：${held} 年按原值沿用${high ? `（估计区间：从不提高到每年按最高增速 ${ratePct(high)} 提高；--ranges 与 sensitivity 会变动它）` : ''}，然后再增长（请补充公布的数值，或用更早的 base_year）`,
      ];
    return [
      `note: projection ${p.id} grows from base_year ${p.baseYear}, but the newest ${newest(w, stale)} ${policy.file} gives (${which(stale)}) ${stale.length > 1 ? 'are' : 'is'} older: ` +
        `${held} taken as unchanged${high ? ` (an estimate ranged from no raise to a raise at the rate's high, ${ratePct(high)}, each year: --ranges and sensitivity vary it)` : ''}, then grown (add the published values, or an earlier base_year)`,
    ];
  });
  // Values the policy publishes for a projected year are kept, that year not grown (a county budget re-trial: base_year
  // 2024 beside Fuliang's standards of 2025-01-01 took no raise in July 2025, and nothing said so)
  const kept = grown.flatMap((w) => {
    const published = w.paths.flatMap((path) =>
      (policy.params.get(path) ?? [])
        .filter((e) => !e.projected && Number(e.from.slice(0, 4)) > p.baseYear && Number(e.from.slice(0, 4)) <= last)
        .map((e) => ({ path, e })),
    );
    if (!published.length) return [];
    const years = [...new Set(published.map(({ e }) => e.from.slice(0, 4)))].sort();
    return [
      `note: projection ${p.id} keeps the ${w.what}s${'aside' in w ? ` (${w.aside})` : ''} ${policy.file} gives for ${years.join(', ')} (${published.map(({ path, e }) => `${path.split('.').pop()} ${valueToText(e.value, PARAM_BY_PATH.get(path)!)} from ${e.from}`).join(', ')}): ${years.length > 1 ? 'those years are' : 'that year is'} not grown, the next grown from them (a raise within such a year: add its dated value to the policy)`,
    ];
  });
  return { notes: [...early, ...notes, ...kept], grown };
}

/** "dibao standards", "disposable incomes (the rigid-expenditure line)": the figures' name, plural for two. */
const newest = (w: Watched, stale: readonly StaleStandard[]): string =>
  `${w.what}${stale.length > 1 ? 's' : ''}${'aside' in w ? ` (${w.aside})` : ''}`;
const which = (stale: readonly StaleStandard[]): string =>
  stale.map((s) => `${s.path.split('.').pop()} ${s.value} from ${s.from}`).join(', ');

/**
 * The notes of a run over the years `first`–`last`, projected or not: a projection made for another locality, a standard
 * carried forward (to the base year where the projection grows the standards, else to the last year), the
 * projection's own notes, and the parameter rules' findings (simulate --years and sensitivity --projection say the same).
 */
export function yearsNotes(
  policy: Policy,
  projection: Projection | null,
  first: number,
  last: number,
  projected?: Policy,
  lang: 'en' | 'zh' = 'en',
): string[] {
  const grown = projection ? projectionNotes(policy, projection, first, last, lang) : { notes: [], grown: [] };
  // The parameter rules on the projected values (a rate of 100 % a year took the standard past the minimum wage, which a
  // policy's own value may not, unsaid): each finding the policy's own values do not have, as a note
  const own = new Set(checkPolicy(policy).map((v) => v.message));
  // (one note per rule and parameter: the first year it fails, and how many more do)
  const found = new Map<string, { v: Violation; more: number }>();
  for (const v of projection && projected ? checkPolicy(projected) : []) {
    if (own.has(v.message)) continue;
    const key = findingKey(v);
    const seen = found.get(key);
    if (seen) seen.more++;
    else found.set(key, { v, more: 0 });
  }
  const projectedFindings = [...found.values()].map(
    ({ v, more }) =>
      `${ruleNote(v)} — in the values projection ${projection!.id} grew${more ? ` (and ${more} more like it)` : ''}: a rate too high?`,
  );
  return [
    ...(projection && madeForOthers(projection, policy.id)
      ? [
          lang === 'zh'
            ? `注：预测 ${projection.id} 是为 ${projection.localities!.join('、')} 所作，不是 ${policy.id}：其增长率照原样使用`
            : `note: projection ${projection.id} was made for ${projection.localities!.join(', ')}, not ${policy.id}: its rates are applied as they are`,
        ]
      : []),
    ...policyNotes(policy, [`${last}-12-31`], grown.grown, lang, projection ?? undefined),
    ...grown.notes,
    ...projectedFindings,
    ...(projection ? frozenWhileIncomesGrow(policy, projection, lang) : []),
    ...(projection ? steepRates(projection, lang) : []),
  ];
}

/** A yearly rate this steep, up or down, is said: no published series here moves 15 % a year (a percentage typed?). */
const STEEP = D('0.15');

/** The projection's rates of 15 % a year or more, up or down (those of 50 % are refused as percentages: projection-file.ts). */
function steepRates(p: Projection, lang: 'en' | 'zh'): string[] {
  const lines: Array<[string, Dec]> = [
    ...p.uprate.map((g): [string, Dec] => [g.read, g.yearly]),
    // (a projection read from a file has both; one made in code may give neither)
    ...(p.incomes ? [[lang === 'zh' ? '收入' : 'incomes', p.incomes.yearly] as [string, Dec]] : []),
    ...(p.population ? [[lang === 'zh' ? '人口' : 'population', p.population.yearly] as [string, Dec]] : []),
    ...(p.households ?? []).map((g): [string, Dec] => [g.column, g.yearly]),
  ];
  const steep = lines.filter(([, g]) => g.abs().greaterThanOrEqualTo(STEEP));
  if (!steep.length) return [];
  const list = steep.map(([what, g]) => `${what} ${ratePct(g)}`);
  return [
    lang === 'zh'
      ? `注：预测 ${p.id} 的增长率 ${list.join('、')} 每年超过 15%（远高于已公布的任何序列）：是否把百分数写成了小数？每年 1% 写作 0.01`
      : `note: projection ${p.id} grows ${list.join(', ')} a year: 15 % a year or more, beyond any published series here (a percentage typed? 1 % a year is 0.01)`,
  ];
}

/**
 * --incomes-year before base_year grows the incomes over years for which the policy gives no newer dibao standard: its
 * standards held while incomes rise. A provincial re-trial's Nanning (810 from 2022-04-01, none newer) with
 * --incomes-year 2022 lost a fifth of its 2027 dibao caseload; each half had its note, the two together none.
 */
function frozenWhileIncomesGrow(policy: Policy, p: Projection, lang: 'en' | 'zh'): string[] {
  const from = p.incomesYear;
  if (from === undefined || from >= p.baseYear) return [];
  const paths = ['dibao.standard.urban', 'dibao.standard.rural'];
  const newer = (path: string) => (policy.params.get(path) ?? []).some((e) => e.from > `${from}-12-31` && e.from <= `${p.baseYear}-12-31`);
  // (each standard held: Guangzhou's are unified, an urban value newer than the rural would leave the rural held)
  const held = paths.filter((path) => !newer(path));
  if (!held.length) return [];
  // (each as the projection's note names it: which, whichZh)
  const newest = held.flatMap((path) => {
    const e = (policy.params.get(path) ?? []).filter((x) => x.from <= `${p.baseYear}-12-31`).at(-1);
    return e ? [{ path, value: String(e.value), from: e.from, years: 0 }] : [];
  });
  // (in Chinese where the table is: a county clerk's Markdown for the finance bureau had this one in English)
  if (lang === 'zh')
    return [
      `注：--incomes-year ${from} 使家庭收入${p.households?.length ? `（及同一文件的 ${p.households.map((g) => g.column).join('、')}）` : ''}按预测 ${p.id} 的增长率在 ${from}–${p.baseYear} 年间增长，而 ${policy.file} 中没有比 ${from} 年更新的低保标准（${whichZh(newest)}）：标准沿用至 ${p.baseYear} 年后才由预测增长，收入超过标准的家庭会减少——如当地此后调整过标准，请补充`,
    ];
  return [
    `note: --incomes-year ${from} grows the households' incomes${grownAlso(p)} ${from}–${p.baseYear} by projection ${p.id}'s rates, while ${policy.file} gives no dibao standard newer than ${from} (${which(newest)}): held there until the projection grows them after ${p.baseYear}, so caseloads fall as incomes pass them — add the standards the locality set since, if any`,
  ];
}

/** A note's text without its "note: " lead, for outputs that hold notes as data (JSON, a sheet's cell). */
export const noteText = (note: string): string => note.replace(/^note: /, '');

/**
 * The notes for a policy run at these dates: each watched figure carried to the last of them (but those a projection
 * grows, said by projectionNotes); each rule finding once.
 */
export function policyNotes(
  policy: Policy,
  dates: readonly string[],
  grown: readonly Watched[] = [],
  lang: 'en' | 'zh' = 'en',
  projection?: Pick<Projection, 'id' | 'file' | 'uprate' | 'baseYear'>,
): string[] {
  const last = [...dates].sort().at(-1);
  const notes = WATCHED.filter((w) => !grown.includes(w)).flatMap((w) => {
    const stale = last ? staleStandards(policy, last, w.paths) : [];
    if (!stale.length) return [];
    const years = Math.min(...stale.map((s) => s.years));
    // (a projection that grows it, but from after the years run: its base_year is the advice, not a line it has — a
    // base_year in the future told to add the uprate line it held)
    const later = projection && w.paths.every((path) => growthOf(projection.uprate, path)) ? projection : null;
    if (later)
      return [
        lang === 'zh'
          ? `注：${policy.file} 中最新的${w.zh}（${whichZh(stale)}）距 ${last} 已超过 ${years} 年，按原值沿用：预测 ${later.id} 自基年 ${later.baseYear} 之后才增长它（请补充新的数值，或用更早的 base_year）`
          : `note: ${policy.file}: the newest ${newest(w, stale)} it gives (${which(stale)}) ${stale.length > 1 ? 'are' : 'is'} ${years}+ year${years > 1 ? 's' : ''} older than ${last}: carried forward unchanged — projection ${later.id} grows ${stale.length > 1 ? 'them' : 'it'} only after its base_year ${later.baseYear} (add the newer value, or an earlier base_year)`,
      ];
    // (explain --lang zh: a caseworker's text in 中文, its notes too)
    if (lang === 'zh')
      return [
        // (a 科长's wording: "其中最新的…早于 … 3 年以上，沿用不变" read as translated)
        `注：${policy.file} 中最新的${w.zh}（${whichZh(stale)}）距 ${last} 已超过 ${years} 年，按原值沿用（请补充新的数值，或${
          // (as in English: under a projection that does not grow it, the advice is to grow it there)
          projection
            ? `在预测 ${projection.id} 中增长它：在 ${projection.file} 的 uprate 下加一行，如 ${w.paths[0].replace(/[^.]*$/, '')}`
            : '用 simulate --years 加 --projection 预测'
        }）`,
      ];
    return [
      `note: ${policy.file}: the newest ${newest(w, stale)} it gives (${which(stale)}) ${stale.length > 1 ? 'are' : 'is'} ` +
        `${years}+ year${years > 1 ? 's' : ''} older than ${last}: carried forward unchanged (add the newer value, or ${
          // (a run under a projection that does not grow it: the advice to run one was what it already did)
          projection
            ? `grow it in projection ${projection.id}: a line under uprate in ${projection.file}, e.g. ${w.paths[0].replace(/[^.]*$/, '')}`
            : 'simulate --years with a --projection'
        })`,
    ];
  });
  return [...notes, ...checkPolicy(policy).map(ruleNote)];
}

const AREA_ZH: Readonly<Record<string, string>> = { urban: '城市', rural: '农村' };
const whichZh = (stale: readonly StaleStandard[]): string =>
  stale.map((s) => `${AREA_ZH[s.path.split('.').pop()!] ?? s.path} ${s.value}，${s.from} 起`).join('；');

function ruleNote(v: Violation): string {
  return `${v.rule.severity}: ${formatWhere(v.where)}: ${v.message} (${v.rule.id}: ${v.rule.text}; jiuzhu validate lists them)`;
}
