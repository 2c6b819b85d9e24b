// Several budget years, as every output reads them (simulate --years, report --years): the report object, the
// window's figures (the years' costs added), growth rates, and each run's tables as cells — each figure with its exact
// yuan, for the HTML report — which the table, Markdown and HTML render alike.
import { fundingDeltaRange, LEVEL_LABELS, LEVELS, sumFunding, type Level } from '../core/funding.js';
import type { Figures, GroupFigures, ProgramFigures } from '../core/aggregate.js';
import { PART_KEYS } from '../core/programs/parts.js';

type PartKey = (typeof PART_KEYS)[keyof typeof PART_KEYS];
import { D, type Dec } from '../core/money.js';
import type { Policy } from '../core/parameters/tree.js';
import type { Scenario } from '../core/scenario.js';
import { isCash, PROGRAM_BY_ID, PROGRAMS, programLabel } from '../core/programs/index.js';
import type { Projection } from '../core/projection.js';
import { projectionLines } from './projection-view.js';

export { projectionLines };
import { delta, fundingDelta, signedIn, titled, type ScenarioReport, type TotalRange } from './totals.js';
import { groupCount, inUnit, UNIT_LABEL, type Unit } from './text-table.js';
import type { Lang } from './lang.js';
import {
  exitStockWords,
  fundingMethodWords,
  PART_LINES,
  partName,
  partsOf,
  partsWindowWords,
  ranOnWords,
  yearsRangeWords,
  yearsTitleWords,
  type PartLine,
} from './totals-words.js';
import { placeInRange } from './sensitivity-rows.js';

export interface YearsReport {
  readonly unit?: Unit;
  readonly policy: Policy;
  /** The policy the baseline runs under: `policy` projected, where a projection is given (its estimates' ranges). */
  readonly projected?: Policy;
  readonly householdsFile: string;
  readonly years: readonly number[];
  /** What the run says of its policy and projection (core/policy-notes.ts): a standard carried forward, a base year. */
  readonly notes?: readonly string[];
  readonly projection: Projection | null;
  /** The scenarios the runs after the baseline apply, in order (the workbook says what each changes). */
  readonly scenarios?: readonly Scenario[];
  /** Per run (baseline first), its report for each year. */
  readonly runs: ReadonlyArray<{ readonly id: string; readonly years: readonly ScenarioReport[] }>;
  /** The language of the sentences of the table, Markdown and workbook (totals-words.ts): en by default. */
  readonly lang?: Lang;
  /**
   * The years run before the first, not reported (cli/burn-in.ts): between the register's year and the first, whose
   * leavers and exits the first year carries in. Empty: the first year starts from the file's register.
   */
  readonly ranFirst?: readonly number[];
}

/** A share as a percent to one decimal, never "-0.0%" (a fall smaller than 0.05 % is 0.0 %). */
const percent = (x: Dec) =>
  `${x
    .times(100)
    .toFixed(1)
    .replace(/^-(0\.0)$/, '$1')}%`;
/** (b / a) − 1 as a percent, one decimal; '—' from zero. */
const growth = (a: string, b: string) => (D(a).isZero() ? '—' : percent(D(b).dividedBy(a).minus(1)));
/** The yearly rate from a to b over n years (null from zero or over no year): the table's percent, the workbook's cell. */
export const yearlyRate = (a: string, b: string, n: number): Dec | null =>
  D(a).isZero() || n === 0 ? null : D(b).dividedBy(a).pow(D(1).dividedBy(n)).minus(1);
/** The yearly rate over n years, as a percent. */
const yearly = (a: string, b: string, n: number) => {
  const r = yearlyRate(a, b, n);
  return r === null ? '—' : percent(r);
};

/**
 * The first year's gradual exit is chiefly the file's register leaving in January (a stock at the file's date:
 * cli/scenario-notes.ts firstYearExitNote says so), so its change over the window is no trend: marked ‡ where shown.
 * Not where the years before it were run first (`ranFirst`): it then carries in who left in them.
 */
export const firstYearExit = (years: readonly ScenarioReport[], ranFirst: readonly number[] = []): boolean =>
  !ranFirst.length && years[0]?.figures.programs.gradual_exit.households !== '0';
const EXIT_MARK = ' ‡';

/** A run over the window: costs summed over its years, counts the average month (each year's is its own average). */
export function window(years: readonly ScenarioReport[]): ScenarioReport {
  const n = years.length;
  const mean = (xs: readonly string[]) => {
    const d = xs.reduce((a, x) => a.plus(x), D(0)).dividedBy(n);
    return d.decimalPlaces() > 12 ? D(d.toFixed(6)).toFixed() : d.toFixed();
  };
  const sum = (xs: readonly string[]) => xs.reduce((a, x) => a.plus(x), D(0));
  const sumYuan = (xs: readonly string[]) => sum(xs).toFixed(2);
  const exact = (xs: readonly string[]) => {
    const d = sum(xs);
    return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toFixed();
  };
  // The window's eligible cost: its received cost (rounded from the exact sum) and each year's part not taken up (an
  // auditor's window gave 10,921.29 received and 10,921.30 eligible where every household took up: the years' rounded
  // eligible costs added).
  const eligibleOver = (received: string, years: readonly string[], eligible: readonly string[]) =>
    D(received)
      .plus(eligible.reduce((a, e, k) => a.plus(e).minus(years[k]!), D(0)))
      .toFixed(2);
  // A program's parts (premium groups, tekun's basic and care, temporary tiers) as the program: counts the average month,
  // costs the years' exact costs added.
  const partsOver = <K extends string>(gs: ReadonlyArray<Readonly<Record<K, GroupFigures>>>) =>
    Object.fromEntries(
      (Object.keys(gs[0]!) as K[]).map((g) => {
        const costExact = exact(gs.map((x) => x[g].annual_cost_exact));
        const part: GroupFigures = {
          households: mean(gs.map((x) => x[g].households)),
          persons: mean(gs.map((x) => x[g].persons)),
          annual_cost: D(costExact).toFixed(2),
          annual_cost_exact: costExact,
        };
        return [g, part];
      }),
    ) as Record<K, GroupFigures>;
  const f = years.map((s) => s.figures);
  const programs = Object.fromEntries(
    PROGRAMS.map((p) => {
      const of = (k: Exclude<keyof ProgramFigures, PartKey>) => f.map((x) => x.programs[p.id][k]);
      const key = PART_KEYS[p.id as keyof typeof PART_KEYS] as PartKey | undefined;
      const parts = key ? f.map((x) => x.programs[p.id][key] as Readonly<Record<string, GroupFigures>> | undefined) : [];
      return [
        p.id,
        {
          households: mean(of('households')),
          persons: mean(of('persons')),
          annual_cost: D(exact(of('annual_cost_exact'))).toFixed(2),
          annual_cost_exact: exact(of('annual_cost_exact')),
          eligible_households: mean(of('eligible_households')),
          eligible_persons: mean(of('eligible_persons')),
          eligible_annual_cost: eligibleOver(D(exact(of('annual_cost_exact'))).toFixed(2), of('annual_cost'), of('eligible_annual_cost')),
          ...(key && parts.every((g) => g) ? { [key]: partsOver(parts.map((g) => g!)) } : {}),
        },
      ];
    }),
  ) as unknown as Figures['programs'];
  const totalExact = exact(f.map((x) => x.total_annual_cost_exact));
  const figures: Figures = {
    programs,
    total_annual_cost: D(totalExact).toFixed(2),
    total_annual_cost_exact: totalExact,
    eligible_total_annual_cost: eligibleOver(
      D(totalExact).toFixed(2),
      f.map((x) => x.total_annual_cost),
      f.map((x) => x.eligible_total_annual_cost),
    ),
    households: mean(f.map((x) => x.households)),
    persons: mean(f.map((x) => x.persons)),
    household_rows: f[0]!.household_rows,
    person_rows: f[0]!.person_rows,
  };
  const funding = years.every((s) => s.funding) ? sumFunding(years.map((s) => s.funding!)) : undefined;
  const estimates = [...new Map(years.flatMap((s) => s.estimates).map((e) => [JSON.stringify([e.path, e.value, e.from]), e])).values()];
  // (--ranges: the years' ranges added, as their costs are; the counts, the most of any year)
  const range = years.every((s) => s.range)
    ? {
        low: sumYuan(years.map((s) => s.range!.low)),
        high: sumYuan(years.map((s) => s.range!.high)),
        estimates: Math.max(...years.map((s) => s.range!.estimates)),
        moving: Math.max(...years.map((s) => s.range!.moving)),
        rates: Math.max(...years.map((s) => s.range!.rates)),
        ...(years.every((s) => s.range!.delta)
          ? { delta: { low: sumYuan(years.map((s) => s.range!.delta!.low)), high: sumYuan(years.map((s) => s.range!.delta!.high)) } }
          : {}),
      }
    : undefined;
  return {
    id: years[0]!.id,
    figures,
    estimates,
    onEstimates: new Set(years.flatMap((s) => [...s.onEstimates])),
    ...(funding ? { funding } : {}),
    ...(range ? { range } : {}),
  };
}

/** A cell of a years table: its text, and a money figure's exact yuan (the HTML report carries it for a reader's tools). */
export type YearsCell = string | { readonly text: string; readonly yuan?: string };
/** One table of a run: the costs by program (with the range and Δ rows), what drives them, who pays. */
export interface YearsBlock {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly YearsCell[]>;
  /** Rows a text table draws a rule above. */
  readonly rule: readonly number[];
  /** Lines that say what the table's marks mean, under it. */
  readonly notes: readonly string[];
}
export const cellText = (c: YearsCell): string => (typeof c === 'string' ? c : c.text);

/** A run's tables, cell by cell: every renderer (table, Markdown, HTML) draws these. */
export function yearsBlocks(r: YearsReport, run: YearsReport['runs'][number]): YearsBlock[] {
  const unit = r.unit ?? 'yuan';
  const money = (yuan: string): YearsCell => ({ text: inUnit(yuan, unit), yuan });
  const change = (yuan: string): YearsCell => ({ text: signedIn(yuan, unit), yuan });
  const n = r.years.length - 1;
  const [a, b] = [run.years[0]!, run.years.at(-1)!];
  const cash = PROGRAMS.filter(isCash);
  // the window's cost (the medium-term total a budget meeting asks for: a reform author added the years by hand)
  const win = n ? window(run.years) : null;
  const w = win?.figures ?? null;
  const span = `${r.years[0]}–${r.years.at(-1)} 合计`;
  const header = [`cost 年度支出 (${UNIT_LABEL[unit]})`, ...r.years.map(String), ...(n ? [span, 'growth a year 年均增长'] : [])];
  // (the first year's exit a stock: its growth marked, and said under the table)
  const stock = n > 0 && firstYearExit(run.years, r.ranFirst);
  const mark = (id: string) => (stock && id === 'gradual_exit' ? EXIT_MARK : '');
  const rows: YearsCell[][] = cash.map((p) => [
    `${programLabel(p)}${run.years.some((s) => s.onEstimates.has(p.id)) ? ' *' : ''}`, // (as the one-date table marks it)
    ...run.years.map((s) => money(s.figures.programs[p.id].annual_cost)),
    ...(w
      ? [
          money(w.programs[p.id].annual_cost),
          yearly(a.figures.programs[p.id].annual_cost, b.figures.programs[p.id].annual_cost, n) + mark(p.id),
        ]
      : []),
  ]);
  rows.push([
    'total 合计',
    ...run.years.map((s) => money(s.figures.total_annual_cost)),
    ...(w ? [money(w.total_annual_cost), yearly(a.figures.total_annual_cost, b.figures.total_annual_cost, n)] : []),
  ]);
  const rule = [rows.length - 1]; // (above the total)
  // --ranges: how far each year's total could move with the estimates in force that year, and the window's (added)
  if (run.years.every((s) => s.range)) {
    const range = (x: TotalRange) => `${inUnit(x.low, unit)} – ${inUnit(x.high, unit)}`;
    rows.push(['range 区间 †', ...run.years.map((s) => range(s.range!)), ...(win ? [range(win.range!), ''] : [])]);
  }
  // A scenario's total against the baseline's, each year (as the one-date table's Δ column)
  const base = run === r.runs[0] ? null : r.runs[0]!;
  const baseWin = base && win ? window(base.years) : null;
  if (base)
    rows.push([
      'Δ vs baseline 较基线',
      ...run.years.map((s, k) => change(totalDelta(base.years[k]!, s))),
      ...(win ? [change(totalDelta(baseWin!, win)), ''] : []),
    ]);
  // (--ranges: how far the Δ could move with the estimates, the baseline and the scenario under the same values: a reform priced against an
  // estimated baseline may cost nothing)
  if (base && run.years.every((s) => s.range?.delta)) {
    const range = (x: TotalRange) => `${signedIn(x.delta!.low, unit)} – ${signedIn(x.delta!.high, unit)}`;
    rows.push(['Δ range 区间 †', ...run.years.map((s) => range(s.range!)), ...(win ? [range(win.range!), ''] : [])]);
  }
  const exitLine = stock ? [exitStockWords(programLabel(PROGRAM_BY_ID.get('gradual_exit')!), r.years[0]!, r.lang)] : [];
  const blocks: YearsBlock[] = [{ header, rows, rule, notes: [...rangeLines(run.years, r.projection, r.lang), ...exitLine] }];
  for (const line of PART_LINES) {
    const parts = partsBlock(line, run.years, win, unit, r.lang);
    if (parts) blocks.push(parts);
  }
  if (n) {
    // What drives each program's change from the first year to the last: its caseload (persons, the average month)
    // or what it pays a person.
    const dh = [`${r.years[0]} → ${r.years.at(-1)} 变化`, 'cost 支出', 'persons 人数', 'per person 人均'];
    const drows = cash.flatMap((p) => {
      const [x, y] = [a.figures.programs[p.id], b.figures.programs[p.id]];
      if (D(x.annual_cost).isZero() && D(y.annual_cost).isZero()) return [];
      const per = (f: typeof x) => (D(f.persons).isZero() ? '0' : D(f.annual_cost).dividedBy(f.persons).toFixed(6));
      const m = mark(p.id);
      return [[programLabel(p) + m, growth(x.annual_cost, y.annual_cost), growth(x.persons, y.persons), growth(per(x), per(y))]];
    });
    blocks.push({ header: dh, rows: drows, rule: [], notes: [] });
  }
  const fh = [`who pays 分级负担 (${UNIT_LABEL[unit]})`, ...r.years.map(String), ...(w ? [span] : [])];
  const windowFunding = win?.funding;
  const frows: YearsCell[][] = LEVELS.map((l) => [
    LEVEL_LABELS[l],
    ...run.years.map((s) => (s.funding ? money(s.funding.total[l]) : '—')),
    ...(w ? [windowFunding ? money(windowFunding.total[l]) : '—'] : []),
  ]);
  // a scenario's change at each level, each year and over the window (the province's share of a reform, at a glance)
  if (base)
    frows.push(
      ...LEVELS.map((l) => {
        const at = (b: ScenarioReport | undefined, s: ScenarioReport | undefined) =>
          b?.funding && s?.funding ? change(fundingDelta(b.funding, s.funding)[l]) : '—';
        return [`Δ ${LEVEL_LABELS[l]}`, ...run.years.map((s, k) => at(base.years[k], s)), ...(win ? [at(baseWin!, win)] : [])];
      }),
    );
  // (how far each level could move each year, with the shares that are estimates — and under --ranges the costs'
  // estimates too; the window's, added)
  const ranged = run.years.every((s) => s.funding?.range);
  if (ranged) {
    const range = (f: ScenarioReport['funding'], l: Level) => `${inUnit(f!.range!.low[l], unit)} – ${inUnit(f!.range!.high[l], unit)}`;
    frows.push(
      ...LEVELS.map((l) => [
        `${LEVEL_LABELS[l]} range 区间 *`,
        ...run.years.map((s) => range(s.funding, l)),
        ...(w ? [range(windowFunding, l)] : []),
      ]),
    );
    // a scenario's change at each level, from the same ends (a county's cost of a reform: a budget trial asked for it)
    if (base)
      frows.push(
        ...LEVELS.map((l) => {
          const at = (b: ScenarioReport | undefined, s: ScenarioReport | undefined) => {
            const d = b?.funding && s?.funding ? fundingDeltaRange(b.funding, s.funding) : undefined;
            return d ? `${signedIn(d.low[l], unit)} – ${signedIn(d.high[l], unit)}` : '—';
          };
          return [
            `Δ ${LEVEL_LABELS[l]} range 区间 *`,
            ...run.years.map((s, k) => at(base.years[k], s)),
            ...(win ? [at(baseWin!, win)] : []),
          ];
        }),
      );
  }
  const shares = ranged ? new Set(run.years.flatMap((s) => s.funding!.range!.estimates)) : new Set<string>();
  blocks.push({
    header: fh,
    rows: frows,
    rule: frows.length > LEVELS.length ? [LEVELS.length] : [],
    notes: ranged
      ? [`* ${fundingMethodWords({ estimates: [...shares], costs: run.years.every((s) => s.funding!.range!.costs) }, r.lang)}`]
      : [],
  });
  return blocks;
}

/**
 * A program's parts (the premium subsidy by the persons' group, tekun's basic living and care), each year and over the
 * window: what each costs, then its persons (the window's: the average month). None where no year pays anyone.
 */
function partsBlock(
  line: PartLine,
  years: readonly ScenarioReport[],
  win: ScenarioReport | null,
  unit: Unit,
  lang?: Lang,
): YearsBlock | null {
  const of = (s: ScenarioReport) => partsOf(s.figures, line)!;
  const ids = Object.keys(line.names);
  if (!years.every((s) => partsOf(s.figures, line)) || !years.some((s) => ids.some((g) => of(s)[g]!.persons !== '0'))) return null;
  const n = years.length - 1;
  const runs = [...years, ...(win ? [win] : [])];
  const header = [
    `${line.title.en} (${UNIT_LABEL[unit]})`,
    ...years.map((s) => String(s.year!.year)),
    ...(win ? [`${years[0]!.year!.year}–${years.at(-1)!.year!.year} 合计`, 'growth a year 年均增长'] : []),
  ];
  const label = (g: string) => partName(line, g).join(' ');
  const grows = (g: string, k: 'annual_cost' | 'persons') => (win ? [yearly(of(years[0]!)[g]![k], of(years.at(-1)!)[g]![k], n)] : []);
  const costs = ids.map((g): YearsCell[] => [
    label(g),
    ...runs.map((s): YearsCell => ({ text: inUnit(of(s)[g]!.annual_cost, unit), yuan: of(s)[g]!.annual_cost })),
    ...grows(g, 'annual_cost'),
  ]);
  const persons = ids.map((g): YearsCell[] => [
    `${label(g)} ${line.persons.en} ${line.persons.zh}`,
    ...runs.map((s) => groupCount(of(s)[g]!.persons)),
    ...grows(g, 'persons'),
  ]);
  return {
    header,
    rows: [...costs, ...persons],
    rule: [costs.length],
    notes: win ? [partsWindowWords(header[runs.length]!, line, lang)] : [],
  };
}

/** What the range row is, under the table: how many estimates move each year's total, and how it is made. */
function rangeLines(years: readonly ScenarioReport[], projection: Projection | null, lang?: Lang): string[] {
  if (!years.every((s) => s.range)) return [];
  const moving = years.map((s) => ({
    year: s.year!.year,
    moving: s.range!.moving,
    estimates: s.range!.estimates,
    rates: s.range!.rates,
    // (where each year's total lies in its range, as under a year's table: a budget trial's central sat near the low end)
    at: placeInRange(s.range!, s.figures.total_annual_cost),
  }));
  return yearsRangeWords(
    moving,
    years.every((s) => s.range!.delta),
    projection?.file ?? null,
    lang,
  );
}

/** A run's total less the baseline's, in yuan to the fen (of the exact sums, as the one-date Δ). */
export const totalDelta = (base: ScenarioReport, s: ScenarioReport) =>
  delta(base.figures.total_annual_cost_exact, s.figures.total_annual_cost_exact, 2).value;
/** A yearly growth as a signed percent: +3.5%, −1%, 0%. */
/** "budget years 2027–2029", or for one "budget year 2027" (it read "2027–2027"). */
export { yearsTitleWords as yearsTitle };

/** What the years ran on (a trial's two tables, one on the sample and one on its own file, read alike). */
export const ranOn = (r: YearsReport) => ranOnWords(r.policy.file, r.householdsFile, r.lang);
/** A run's name: its id, and a scenario's title beside it. */
export const runName = (r: YearsReport, id: string) => {
  const sc = r.scenarios?.find((x) => x.id === id);
  return `${id}${titled({ id, title: sc?.title })}`;
};
