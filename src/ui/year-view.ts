// The TUI over a budget year (tui --year): each locality's baseline and given scenarios cut into periods and evaluated
// once, as compare --year evaluates them (its costs, who pays, who gains and loses over the year); the knob run's year
// evaluated alone against the baseline's year when a knob moves (each worker keeps the baseline's year for its range,
// household by household: core/year-kept.ts); each household's year in fen, as simulate --year --per-household's
// year_total, for the list. Traces, cliffs and marginal rates stay a date's: the year's last day (data.date).
import type { Deciles } from '../core/compare.js';
import { periodRuns, periodsOf } from '../core/budget-year.js';
import type { Totals } from '../core/aggregate.js';
import type { Policy } from '../core/parameters/tree.js';
import type { Population } from '../core/population.js';
import { applyScenario, type Scenario } from '../core/scenario.js';
import type { Run as SimRun } from '../core/simulate.js';
import type { YearChangeResult } from '../core/year-changes.js';
import { baselineKey, yearChangesKeeping, type BaselineRef, type KeptBaseline } from '../core/year-kept.js';
import { runDetails, type LocalityReport } from '../report/compare.js';
import { yearReport, type YearRun } from '../report/year-report.js';

export type { YearRun };

/**
 * A budget year's period runs evaluated: the totals of each, each year's changes, each household's year written. The
 * runs are one locality's, its baseline's (`baseline`) first: kept where they are evaluated, for the next pass.
 */
export type YearEvaluate = (
  runs: readonly SimRun[],
  annual: readonly Float64Array[],
  baseline: BaselineRef,
) => Promise<{ totals: Totals[]; changes: YearChangeResult[] }>;

export interface YearResults {
  /** Each run's report over the year (the baseline first; the others with its figures and their changes). */
  readonly scenarios: LocalityReport['scenarios'];
  /** Each run's year per household, fen. */
  readonly annual: readonly Float64Array[];
  /** The baseline's periods' totals (compare --year's notes on the sample's few households are made from them). */
  readonly baseTotals: readonly Totals[];
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
  /** The baseline's year per household, had already (the knob's pass writes the same there: nothing new). */
  baseAnnual?: Float64Array,
): Promise<YearResults> {
  if (!evaluate) return evaluateYearHere(runs, year, pop, deciles);
  // (in shared memory: the workers write theirs in place, not copied each way; 8 MB a run on 1M households)
  const annual = runs.map((_, k) => (k === 0 && baseAnnual) || new Float64Array(new SharedArrayBuffer(8 * pop.householdCount)));
  return resultsOf(runs, year, deciles, await evaluate(yearFlat(runs), annual, baselineOf(runs)), annual);
}

/** The runs' baseline (the first), which the next pass on it takes as kept. */
const baselineOf = (runs: readonly YearRun[]): BaselineRef => ({ key: baselineKey(runs[0]!), periods: runs[0]!.periods.length });

/** The baselines' years kept on this thread (a population too small for the workers), for the knob's next pass. */
const keptHere = new Map<number, KeptBaseline>();

/** evaluateYear on this thread, at once (useViews computes a small population's views so). */
export function evaluateYearHere(runs: readonly YearRun[], year: number, pop: Population, deciles: Deciles): YearResults {
  const annual = runs.map(() => new Float64Array(pop.householdCount));
  const made = yearChangesKeeping(keptHere, baselineOf(runs), pop, yearFlat(runs), deciles.of, 0, pop.householdCount, annual);
  return resultsOf(runs, year, deciles, made, annual);
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
    baseTotals: totals.slice(0, runs[0]!.periods.length),
  };
}

/** The knob scenario's year run on the locality's policy. */
export function knobYearRun(policy: Policy, knobs: Scenario, year: number): YearRun {
  return { id: knobs.id, title: knobs.title, periods: periodsOf(applyScenario(policy, knobs), year) };
}
