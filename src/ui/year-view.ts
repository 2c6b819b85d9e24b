// The TUI over a budget year (tui --year): each locality's baseline and given scenarios cut into periods and evaluated
// once, as compare --year evaluates them (its costs, who pays, who gains and loses over the year); the knob run's year
// evaluated against the baseline's when a knob moves; each household's year in fen, as simulate --year --per-household's
// year_total, for the list. Traces, cliffs and marginal rates stay a date's: the year's last day (data.date).
import type { Deciles } from '../core/compare.js';
import { periodRuns, periodsOf } from '../core/budget-year.js';
import type { Totals } from '../core/aggregate.js';
import type { Policy } from '../core/parameters/tree.js';
import type { Population } from '../core/population.js';
import { applyScenario, type Scenario } from '../core/scenario.js';
import type { Run as SimRun } from '../core/simulate.js';
import { yearChanges, type YearChangeResult } from '../core/year-changes.js';
import { runDetails, type LocalityReport } from '../report/compare.js';
import { yearReport, type YearRun } from '../report/year-report.js';

export type { YearRun };

/** A budget year's period runs evaluated: the totals of each, each year's changes, each household's year written. */
export type YearEvaluate = (
  runs: readonly SimRun[],
  annual: readonly Float64Array[],
) => Promise<{ totals: Totals[]; changes: YearChangeResult[] }>;

export interface YearResults {
  /** Each run's report over the year (the baseline first; the others with its figures and their changes). */
  readonly scenarios: LocalityReport['scenarios'];
  /** Each run's year per household, fen. */
  readonly annual: readonly Float64Array[];
}

/** The runs' period runs: each run's place among the locality's its `of` (the baseline's 0: whose changes the others are). */
export const yearFlat = (runs: readonly YearRun[]): SimRun[] => runs.flatMap((r, k) => periodRuns(r.periods, `${k}/${r.id}`, k));

/** A locality's year runs (its baseline first) evaluated, as compare --year reports them; on this thread without `evaluate`. */
export async function evaluateYear(
  runs: readonly YearRun[],
  year: number,
  pop: Population,
  deciles: Deciles,
  evaluate: YearEvaluate | null,
): Promise<YearResults> {
  if (!evaluate) return evaluateYearHere(runs, year, pop, deciles);
  const annual = runs.map(() => new Float64Array(pop.householdCount));
  return resultsOf(runs, year, deciles, await evaluate(yearFlat(runs), annual), annual);
}

/** evaluateYear on this thread, at once (useViews computes a small population's views so). */
export function evaluateYearHere(runs: readonly YearRun[], year: number, pop: Population, deciles: Deciles): YearResults {
  const annual = runs.map(() => new Float64Array(pop.householdCount));
  return resultsOf(runs, year, deciles, yearChanges(pop, yearFlat(runs), deciles.of, 0, pop.householdCount, annual), annual);
}

function resultsOf(
  runs: readonly YearRun[],
  year: number,
  deciles: Deciles,
  { totals, changes }: { totals: Totals[]; changes: YearChangeResult[] },
  annual: readonly Float64Array[],
): YearResults {
  let at = 0;
  const reports = runs.map((r) => yearReport(r, totals.slice(at, (at += r.periods.length)), year));
  return {
    scenarios: reports.map((s, k) => ({
      ...s,
      ...(k ? { baseline: reports[0]!.figures } : {}),
      details: runDetails(changes[k]!, deciles, 12n),
    })),
    annual,
  };
}

/** The knob scenario's year run on the locality's policy. */
export function knobYearRun(policy: Policy, knobs: Scenario, year: number): YearRun {
  return { id: knobs.id, title: knobs.title, periods: periodsOf(applyScenario(policy, knobs), year) };
}
