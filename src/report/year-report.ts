// A budget year's report of one run (baseline or scenario), from its periods' totals: the year's figures, who pays,
// its periods' months and the changes of parameters on its first day and inside it — what simulate, compare and the TUI
// give for --year alike.
import { figures, type Totals } from '../core/aggregate.js';
import { changesIn, monthSpans, snapshotChanges, yearTotals, type Change, type Period } from '../core/budget-year.js';
import { fundingOf } from '../core/funding.js';
import { resolve, type Snapshot } from '../core/parameters/tree.js';
import type { Scenario } from '../core/scenario.js';
import { estimatesInForce, programsOnEstimates, type EstimateUsed } from './estimates.js';
import type { ScenarioReport } from './totals.js';

export interface YearRun {
  readonly id: string;
  /** A scenario's title (its file's): said beside its id, as at a date (a 科长 saw the slug alone under --year). */
  readonly title?: Scenario['title'];
  readonly periods: readonly Period[];
}

/**
 * Estimates in force in any period of the year, each value once: a parameter whose estimated value changes inside the
 * year (a projected raise on 1 April) is listed with each (the workbook gave only January's, for 3 months of 12).
 */
function yearEstimates(periods: readonly Period[]): EstimateUsed[] {
  const seen = new Map<string, EstimateUsed>();
  for (const p of periods)
    for (const e of estimatesInForce(p.snapshot)) if (!seen.has(`${e.path} ${e.from}`)) seen.set(`${e.path} ${e.from}`, e);
  return [...seen.values()];
}

/** One run's year: its totals, who pays, its periods' months and the changes inside the year. */
export function yearReport(r: YearRun, own: readonly Totals[], year: number): ScenarioReport {
  const estimates = yearEstimates(r.periods);
  // (the months in spans that pay alike: a gradual exit's months may end inside a period)
  const spans = monthSpans(r.periods, own);
  const months = spans.map((s) => figures(s.month));
  return {
    id: r.id,
    title: r.title,
    figures: figures(yearTotals(r.periods, own)),
    // (each span's month at its year's rate, × its months, ÷ 12 once: exact — a month is x ÷ 12, to 10 decimals)
    funding: fundingOf(
      spans.map((s) => ({ figures: figures(atYearRate(s.month)), times: s.months.length, snapshot: s.snapshot })),
      12,
    ),
    estimates,
    onEstimates: programsOnEstimates(estimates),
    parameters: r.periods[0]!.snapshot,
    year: {
      year,
      periods: spans.map((s, i) => ({ from: s.from, months: s.months, month: months[i]! })),
      changes: [...newYearChanges(r.periods, year), ...changesIn(r.periods)],
    },
  };
}

/** A month's totals (read in twelfths) as a year at its rate: the same sums, read whole. */
function atYearRate(month: Totals): Totals {
  const t = month.times(1);
  t.per = 1;
  return t;
}

/**
 * The changes on a year's first day against the day before (a budget officer's three-year Changes sheet left out
 * tekun 1.3 → 1.6 on 2027-01-01 and the unification on 2028-01-01: only the changes inside a year were listed; and
 * --year listed them not, where --years did — a provincial trial).
 */
function newYearChanges(periods: readonly Period[], year: number): Change[] {
  const first = periods[0]!.snapshot;
  let before: Snapshot;
  try {
    before = resolve(first.policy, `${year - 1}-12-31`);
  } catch {
    return []; // (the policy has no values the day before: nothing changed then)
  }
  return snapshotChanges(before, first, `${year}-01-01`);
}
