// What the TUI shows, computed without Ink: each locality's comparison of the baseline with the given
// scenarios (computed once) and with the knob scenario (recomputed when a knob moves, from the population
// already in memory), per-household annual amounts for the drill-down, and explain traces.
import { baselineCache, compare, compareWithBaseline, type BaselineCache, type Deciles, type RunResult } from '../core/compare.js';
import { householdCliff, householdSpecOf } from '../core/cliff.js';
import { explainHousehold } from '../core/explain.js';
import { mainMemberOf, rateBands, type RateBands } from '../core/marginal-rates.js';
import type { Policy, Snapshot } from '../core/parameters/tree.js';
import type { Population } from '../core/population.js';
import { rulesAt, type Rules } from '../core/rules.js';
import { applyScenario, type Scenario } from '../core/scenario.js';
import { localityReport, type LocalityReport } from '../report/compare.js';
import { estimatesInForce } from '../report/estimates.js';
import { cliffTable } from '../report/cliff.js';
import { explainText } from '../report/explain.js';
import type { Lang } from '../report/lang.js';
import type { Totals } from '../core/aggregate.js';
import type { ScenarioReport } from '../report/totals.js';
import { evaluatePlan, sensitivityPlan } from '../core/sensitivity-plan.js';
import { simulate, type Run as SimRun } from '../core/simulate.js';
import { totalRange } from '../report/sensitivity-rows.js';
import type { TotalRange } from '../report/totals.js';
import { rateDistributionOf, type RateDistribution } from '../report/marginal-rates.js';
import { programName, runName, t, type RunTitles } from './labels.js';
import type { ProgramInfo } from '../core/programs/index.js';
import type { ScreenUnit } from './format.js';
import { evaluateYear, evaluateYearHere, knobYearRun, type YearEvaluate, type YearResults, type YearRun } from './year-view.js';

export interface Run {
  readonly id: string;
  readonly snapshot: Snapshot;
  readonly rules: Rules;
}

export interface LocalityData {
  readonly file: string;
  readonly policy: Policy;
  readonly baseline: Run;
  readonly scenarios: readonly Run[];
  /** The scenarios the runs come from (the ranges apply them to each estimate's ends). */
  readonly scenarioDefs?: readonly Scenario[];
  /** tui --year: the baseline and the scenarios cut into the year's periods (`baseline` and `scenarios`: at its last day). */
  readonly yearRuns?: readonly YearRun[];
}

/** Compares a run with a cached baseline elsewhere (worker threads: engine/knob-comparer.ts), for a big population. */
export interface KnobComparer {
  compareWithBaseline(base: BaselineCache, run: { readonly id: string; readonly rules: Rules }, deciles: Deciles): Promise<RunResult>;
  /** Gets ready for knob moves against this baseline (in the background, while it is shown). */
  prime(base: BaselineCache, deciles: Deciles): void;
}

export interface TuiData {
  readonly pop: Population;
  readonly deciles: Deciles;
  readonly date: string;
  /** The day the TUI runs (a saved scenario is named and described by it; the simulation's date may be another). */
  readonly today: string;
  readonly householdsFile: string;
  readonly localities: readonly LocalityData[];
  /** When set, the knob run is compared there (localityViewAsync) and the terminal stays responsive meanwhile. */
  readonly comparer?: KnobComparer | null;
  /** A knob scenario's YAML as a Scenario (the text shown and saved is the text applied). */
  readonly parseKnobs: (yaml: string) => Scenario;
  /** Marginal-rate bands of runs over the population elsewhere (worker threads); here, on this thread, when unset. */
  readonly rates?: ((runs: readonly Run[], delta: number) => Promise<RateBands[]>) | null;
  /** Totals of runs over the population elsewhere (worker threads), for the ranges; here when unset. */
  readonly evaluate?: ((runs: readonly SimRun[]) => Promise<Totals[]>) | null;
  /**
   * What the other commands say on stderr (unread columns, standards not in force, a scenario that changes nothing),
   * shown under the help (?), counted beside the views.
   */
  readonly notes?: readonly string[];
  /**
   * tui --year: the budget year the views' figures are of (their periods summed, as compare --year sums them); `date`
   * is its last day, where a trace, a cliff or the marginal rates look.
   */
  readonly year?: number;
  /** A year's runs evaluated elsewhere (worker threads); here when unset. */
  readonly yearEvaluate?: YearEvaluate | null;
}

export interface LocalityView {
  readonly report: LocalityReport;
  /** Runs after the baseline: the given scenarios, then the knob scenario when a knob moved. */
  readonly runs: readonly Run[];
  /** Annual amount per household, fen: [baseline, ...runs]. */
  readonly annual: readonly Float64Array[];
  /** The scenarios' titles by their ids (the screen names a run by its title in Chinese). */
  readonly titles: RunTitles;
}

/** What a view of one locality's runs is drawn from: the run compared (an index of `view.runs`), in a language and unit. */
export interface RunViewProps {
  readonly view: LocalityView;
  readonly run: number;
  readonly lang: Lang;
  readonly unit: ScreenUnit;
  /** Rows the view may take (at 80×24 the title fell off the top: the frame was taller than the terminal). */
  readonly height: number;
  readonly width: number;
}

export function runOf(policy: Policy, id: string, date: string): Run {
  return { id, ...rulesAt(policy, date) };
}

const cache = new WeakMap<LocalityData, { given: RunResult[]; base: BaselineCache }>();

/** The baseline and the given scenarios, compared once per locality. */
function given(data: TuiData, l: number): { given: RunResult[]; base: BaselineCache } {
  const loc = data.localities[l]!;
  let cached = cache.get(loc);
  if (!cached) {
    cached = {
      given: compare(data.pop, [{ runs: [loc.baseline, ...loc.scenarios] }], data.deciles, { annuals: true })[0]!,
      base: baselineCache(data.pop, loc.baseline.rules),
    };
    cache.set(loc, cached);
  }
  return cached;
}

function viewOf(data: TuiData, l: number, knob: { run: Run; result: RunResult } | null): LocalityView {
  const loc = data.localities[l]!;
  const runs = [...loc.scenarios, ...(knob ? [knob.run] : [])];
  const results = [...given(data, l).given, ...(knob ? [knob.result] : [])];
  const estimates = [loc.baseline, ...runs].map((r) => estimatesInForce(r.snapshot));
  return {
    report: localityReport(loc.file, loc.policy, results, estimates, data.deciles),
    runs,
    annual: results.map((r) => r.annual!),
    titles: new Map((loc.scenarioDefs ?? []).map((d) => [d.id, d.title])),
  };
}

/** The locality's comparison; only the knob run is evaluated again when the knobs change. */
export function localityView(data: TuiData, l: number, knobs: Scenario | null): LocalityView {
  if (data.year !== undefined) return yearViewOf(data, l, knobs && knobYear(data, l, knobs, evaluateYearHere));
  const { base } = given(data, l);
  const run = knobs && runOf(applyScenario(data.localities[l]!.policy, knobs), knobs.id, data.date);
  return viewOf(data, l, run && { run, result: compareWithBaseline(data.pop, base, run, data.deciles, { annuals: true }) });
}

const yearCache = new WeakMap<LocalityData, YearResults>();

/** tui --year: each locality's baseline and given scenarios over the year, evaluated once (on worker threads if given). */
export async function prepareYear(data: TuiData): Promise<void> {
  for (const loc of data.localities)
    if (!yearCache.has(loc))
      yearCache.set(loc, await evaluateYear(loc.yearRuns!, data.year!, data.pop, data.deciles, data.yearEvaluate ?? null));
}

/** Whether the views are made elsewhere (worker threads), the screen kept responsive meanwhile. */
export const viewsElsewhere = (data: TuiData): boolean => Boolean(data.year === undefined ? data.comparer : data.yearEvaluate);

/** The knob run's year against the baseline's (both evaluated: the year's changes are the pass's), as `evaluate` gives it. */
function knobYear<T extends YearResults | Promise<YearResults>>(
  data: TuiData,
  l: number,
  knobs: Scenario,
  evaluate: (runs: readonly YearRun[], year: number, pop: Population, deciles: Deciles) => T,
): { run: Run; results: T } {
  const loc = data.localities[l]!;
  const runs = [loc.yearRuns![0]!, knobYearRun(loc.policy, knobs, data.year!)];
  return { run: runOf(applyScenario(loc.policy, knobs), knobs.id, data.date), results: evaluate(runs, data.year!, data.pop, data.deciles) };
}

/** A locality's given runs over the year, evaluated once (here, at once, unless prepareYear did it elsewhere). */
function yearResults(data: TuiData, l: number): YearResults {
  const loc = data.localities[l]!;
  let g = yearCache.get(loc);
  if (!g) yearCache.set(loc, (g = evaluateYearHere(loc.yearRuns!, data.year!, data.pop, data.deciles)));
  return g;
}

/**
 * What compare says of the figures, from the baseline the views show (evaluated once, cached for them): the first
 * locality's totals (a year: its periods') and, over a year, each locality's baseline report.
 */
export function baselineFigures(data: TuiData): { totals: Totals | readonly Totals[]; years: readonly ScenarioReport[] } {
  if (data.year === undefined) return { totals: given(data, 0).given[0]!.totals, years: [] };
  return { totals: yearResults(data, 0).baseTotals, years: data.localities.map((_, l) => yearResults(data, l).scenarios[0]!) };
}

/** A locality's view over the year: its given runs' (evaluated once), then the knob run's. */
function yearViewOf(data: TuiData, l: number, knob: { run: Run; results: YearResults } | null): LocalityView {
  const loc = data.localities[l]!;
  const g = yearResults(data, l);
  return {
    report: {
      policyFile: loc.file,
      policy: loc.policy,
      scenarios: [...g.scenarios, ...(knob ? knob.results.scenarios.slice(1) : [])],
    },
    runs: [...loc.scenarios, ...(knob ? [knob.run] : [])],
    annual: [...g.annual, ...(knob ? knob.results.annual.slice(1) : [])],
    titles: new Map((loc.scenarioDefs ?? []).map((d) => [d.id, d.title])),
  };
}

/** localityView with the knob run compared by data.comparer (on this thread when there is none). */
export async function localityViewAsync(data: TuiData, l: number, knobs: Scenario | null): Promise<LocalityView> {
  if (data.year !== undefined) {
    const knob =
      knobs &&
      knobYear(data, l, knobs, (runs, year, pop, deciles) =>
        evaluateYear(runs, year, pop, deciles, data.yearEvaluate ?? null, yearCache.get(data.localities[l]!)?.annual[0]),
      );
    return yearViewOf(data, l, knob && { run: knob.run, results: await knob.results });
  }
  if (!data.comparer || !knobs) {
    const view = localityView(data, l, knobs);
    data.comparer?.prime(given(data, l).base, data.deciles); // the workers get ready for this locality's first knob move
    return view;
  }
  const { base } = given(data, l);
  const run = runOf(applyScenario(data.localities[l]!.policy, knobs), knobs.id, data.date);
  return viewOf(data, l, { run, result: await data.comparer.compareWithBaseline(base, run, data.deciles) });
}

export interface HouseholdRow {
  readonly h: number;
  readonly id: string;
  readonly persons: number;
  readonly base: number;
  readonly now: number;
}

/** Households for the drill-down, by filter, largest change first (ties by file order). */
export function households(
  view: LocalityView,
  pop: Population,
  run: number,
  filter: 'changed' | 'losers' | 'gainers' | 'all',
  /** A household found by its id (state.ts pinned): listed first, whether the filter takes it or not. */
  pin: number | null = null,
  limit = LISTED,
): HouseholdList {
  const list = filtered(view, pop, run, filter, limit);
  if (pin === null || pin < 0 || pin >= pop.householdCount) return list;
  const at = list.rows.findIndex((r) => r.h === pin);
  const pinned = at >= 0 ? list.rows[at]! : rowOf(view, pop, run, pin);
  return { ...list, rows: [pinned, ...list.rows.filter((r) => r.h !== pin)], outside: at >= 0 ? 0 : 1 };
}

/** Household h's row under the run. */
function rowOf(view: LocalityView, pop: Population, run: number, h: number): HouseholdRow {
  const base = view.annual[0]!;
  const now = view.annual[run + 1] ?? base;
  return { h, id: pop.householdIds.at(h), persons: pop.offsets[h + 1]! - pop.offsets[h]!, base: base[h]!, now: now[h]! };
}

function filtered(
  view: LocalityView,
  pop: Population,
  run: number,
  filter: 'changed' | 'losers' | 'gainers' | 'all',
  limit: number,
): HouseholdList {
  const base = view.annual[0]!;
  const now = view.annual[run + 1] ?? base;
  const out: HouseholdRow[] = [];
  const row = (h: number): HouseholdRow => rowOf(view, pop, run, h);
  // every household, in the file's order: the first `limit` (a trial found the list stopped at 500, unsaid how many more)
  // (Σ weight, millionths: whole numbers, exact as a double up to 9 × 10⁹ weighted households)
  let weighted = 0;
  if (filter === 'all') {
    for (let h = 0; h < Math.min(limit, pop.householdCount); h++) out.push(row(h));
    for (let h = 0; h < pop.householdCount; h++) weighted += pop.weight[h]!;
    return { rows: out, total: pop.householdCount, weighted: weighted / 1e6 };
  }
  for (let h = 0; h < pop.householdCount; h++) {
    const d = now[h]! - base[h]!;
    if (filter === 'changed' ? d !== 0 : filter === 'losers' ? d < 0 : d > 0) {
      out.push(row(h));
      weighted += pop.weight[h]!;
    }
  }
  out.sort((a, b) => Math.abs(b.now - b.base) - Math.abs(a.now - a.base) || a.h - b.h);
  return { rows: out.slice(0, limit), total: out.length, weighted: weighted / 1e6 };
}

/** A list's rows, and how many households the filter takes in all. */
export interface HouseholdList {
  readonly rows: HouseholdRow[];
  readonly total: number;
  /**
   * The households they stand for (Σ weight): the overview's counts are these, the list's the file's rows — "losers —
   * 59" beside the overview's "lose 1,964", neither said which, a TUI trial.
   */
  readonly weighted: number;
  /** Rows listed that the filter does not take: a household found by its id (1), first. */
  readonly outside?: number;
}

/** How many households a list shows at most (the largest changes first; all: the file's first). */
export const LISTED = 10_000;

/** The explain trace of household h under a run (the baseline when there is none), as lines, in the screen's language. */
export function traceLines(
  data: TuiData,
  l: number,
  view: LocalityView,
  run: number,
  h: number,
  lang: Lang = 'en',
  knobs: Scenario | null = null,
): string[] {
  const loc = data.localities[l]!;
  const r = view.runs[run] ?? loc.baseline;
  // Under a run, as `explain --scenario` gives it: which scenario, and what the baseline gives the household beside what
  // the run gives (a trial's household losing 42,776 a year: the trace showed the run alone, and not what it had lost)
  const scenario = view.runs[run] ? (r.id === knobs?.id ? knobs : (loc.scenarioDefs?.find((d) => d.id === r.id) ?? null)) : null;
  const under = scenario ? { scenario, baseline: explainHousehold(data.pop, h, loc.baseline.rules).result } : undefined;
  return [
    ...yearEndLine(data, lang),
    ...explainText(explainHousehold(data.pop, h, r.rules), data.pop, r.snapshot, { lang, under })
      .trimEnd()
      .split('\n'),
  ];
}

/** Over a budget year: the date a trace or a cliff is of, said above it (the list beside it gives the year's figure). */
const yearEndLine = (data: TuiData, lang: Lang): string[] =>
  data.year === undefined ? [] : [t(lang, 'atYearEnd').replace('{d}', data.date)];

/** Runs the baseline and the run compared (none when there is no run to compare). */
const pair = (data: TuiData, l: number, view: LocalityView, run: number): Run[] => {
  const r = view.runs[run];
  return [data.localities[l]!.baseline, ...(r ? [r] : [])];
};

/** Household h's cliff (`jiuzhu cliff --household`): its main earner's wage 0 → 3,000 yuan (or past it) by 10, as lines. */
export function cliffLines(data: TuiData, l: number, view: LocalityView, run: number, h: number, lang: Lang = 'en'): string[] {
  const spec = householdSpecOf(data.pop, h);
  const member = mainMemberOf(spec);
  const c = householdCliff(spec, pair(data, l, view, run), { member, vary: 'wage' });
  const report = {
    household: spec.id,
    member: spec.persons[member]?.id ?? '',
    vary: 'wage_income',
    view: 'monthly',
    current: c.current,
    runs: c.runs,
    lang,
    names: { run: (id: string) => runName(lang, id, view.titles), program: (p: ProgramInfo) => programName(p, lang) },
  } as const;
  return [...yearEndLine(data, lang), ...cliffTable(report, 7).trimEnd().split('\n')];
}

/** The TUI's marginal rates: on 100 yuan more a month of each main earner, the monthly view (as `jiuzhu cliff`'s default). */
export const TUI_RATE_DELTA = 10_000;
const rateCache = new WeakMap<Run, Map<number, Promise<RateDistribution>>>();

/** The population's marginal-rate distribution under the baseline and the run compared, computed once per run. */
export function rateDistribution(data: TuiData, l: number, view: LocalityView, run: number): Promise<RateDistribution> {
  const runs = pair(data, l, view, run);
  const key = runs.at(-1)!;
  const byLocality = rateCache.get(key) ?? new Map<number, Promise<RateDistribution>>();
  rateCache.set(key, byLocality);
  let d = byLocality.get(l);
  if (!d) {
    const bands = data.rates ? data.rates(runs, TUI_RATE_DELTA) : Promise.resolve(rateBands(data.pop, runs, TUI_RATE_DELTA, 'monthly'));
    d = bands.then((b) => rateDistributionOf(TUI_RATE_DELTA, 'monthly', runs, b, data.pop.householdIds));
    byLocality.set(l, d);
  }
  return d;
}

const rangeCache = new WeakMap<object, Map<number, Promise<TotalRange[]>>>();

/**
 * The range of the baseline's total and the compared run's (issue 18; report/sensitivity-rows.ts runRange), computed
 * once per run: the given scenario's, or the knobs'.
 */
export function totalRanges(data: TuiData, l: number, view: LocalityView, run: number, knobs: Scenario | null): Promise<TotalRange[]> {
  const loc = data.localities[l]!;
  const r = view.runs[run];
  const scenario = r ? (r.id === knobs?.id ? knobs : (loc.scenarioDefs?.[run] ?? null)) : null;
  const key: object = r ?? loc.baseline;
  const byLocality = rangeCache.get(key) ?? new Map<number, Promise<TotalRange[]>>();
  rangeCache.set(key, byLocality);
  let ranges = byLocality.get(l);
  if (!ranges) {
    const plan = sensitivityPlan(
      loc.policy,
      scenario ? [scenario] : [],
      data.year === undefined ? { date: data.date } : { year: data.year },
    );
    const evaluate = (runs: readonly SimRun[]) => (data.evaluate ? data.evaluate(runs) : Promise.resolve(simulate(data.pop, runs)));
    ranges = evaluatePlan(plan, evaluate).then((result) => result.runIds.map((_, i) => totalRange(result, i, null)));
    byLocality.set(l, ranges);
  }
  return ranges;
}
