// compare --year: every locality's runs cut into periods, all evaluated in one pass over the households; the year's
// costs and deltas, and who gains and who loses over the year (core/year-changes.ts) — under each locality's reforms,
// and under each locality's rules against the first's. With --projection (one
// locality): the policy and the households grown to the year, its register after the years run first, as simulate
// --year --projection has them — a reform analyst briefing on a projected year had its costs from simulate and its
// gainers from compare at an unprojected date.
import { incomeDeciles, type Deciles } from '../core/compare.js';
import { evaluatePlan, sensitivityPlan, type SensitivityResult } from '../core/sensitivity-plan.js';
import type { Run } from '../core/simulate.js';
import type { Totals } from '../core/aggregate.js';
import type { Scenario } from '../core/scenario.js';
import type { Population } from '../core/population.js';
import type { YearChangeResult } from '../core/year-changes.js';
import { simulateParallel, yearChangesParallel } from '../engine/parallel.js';
import type { Executor } from '../engine/pool.js';
import { UsageError } from '../errors.js';
import { runDetails, type CompareReport } from '../report/compare.js';
import { ranged } from '../report/funding-ranges.js';
import { localitiesLeftOut } from '../report/sensitivity.js';
import type { ScenarioReport } from '../report/totals.js';
import type { Ctx } from './context.js';
import { allOrEveryProblem, fewRowsNotes, loadHouseholds, withExecutor } from './load.js';
import { householdsNotes } from './population-notes.js';
import { firstYearExitNote } from './scenario-notes.js';
import { simulateYear, yearPass, yearRuns, type YearOptions } from './year.js';
import type { YearRowsPass } from './year-rows.js';

/** simulate --year's options (cli/year.ts), with the localities compared. */
export type CompareYearOptions = Omit<YearOptions, 'policy' | 'onBaseline' | 'rows'> & { readonly policy: readonly string[] };

/** The households' years evaluated: each run's changes, and the deciles of the households they were evaluated on. */
interface Evaluated {
  changes: YearChangeResult[];
  /** By year, as changes: a later locality's run's year against the first locality's same run's. */
  across: YearChangeResult[];
  deciles: Deciles;
}

/**
 * Each run's report with its changes over the year (its `g`: the index of its year among all the runs'); a later
 * locality's scenario, also against the first locality's same scenario (`against`, of locality `firstId`).
 */
function withDetails(reports: readonly ScenarioReport[], first: number, made: Evaluated | null, firstId?: string) {
  return reports.map((s, i) => {
    if (!made) return s;
    const across = firstId && i && first ? made.across[first + i] : undefined;
    return {
      ...s,
      details: runDetails(made.changes[first + i]!, made.deciles, 12n),
      ...(across ? { against: { locality: firstId!, details: runDetails(across, made.deciles, 12n) } } : {}),
    };
  });
}

/** The runs' totals and their changes over the year (on the executor's workers where that pays). */
async function evaluated(exec: Executor, pop: Population, runs: readonly Run[], into: { made: Evaluated | null }) {
  const deciles = incomeDeciles(pop);
  const { totals, changes, across } = await yearChangesParallel(exec, pop, runs, deciles);
  into.made = { changes, across, deciles };
  return totals;
}

export async function compareYear(ctx: Ctx, o: CompareYearOptions, scenarios: readonly Scenario[], year: number): Promise<CompareReport> {
  if (o.projection) return compareProjectedYear(ctx, o, scenarios, year);
  const localities = await allOrEveryProblem(o.policy.map((file) => yearRuns(file, scenarios, year)));
  // --ranges: each locality's estimates one at a time over the year, then their joint corners, on the population read
  const plans = o.ranges ? localities.map((runs) => sensitivityPlan(runs[0]!.periods[0]!.snapshot.policy, scenarios, { year })) : null;
  let ranges: SensitivityResult[] | null = null;
  const into: { made: Evaluated | null } = { made: null };
  let periods: readonly Totals[] = [];
  const reports = await yearPass(
    ctx,
    o,
    localities,
    year,
    (flat) =>
      withExecutor(ctx, async (exec) => {
        const pop = await loadHouseholds(ctx, exec, o.households, o.quiet);
        const totals = await evaluated(exec, pop, flat, into);
        if (plans) ranges = await Promise.all(plans.map((plan) => evaluatePlan(plan, (runs) => simulateParallel(exec, pop, runs))));
        return totals;
      }),
    (t) => void (periods = t),
  );
  const rangesOf = (l: number): SensitivityResult | null => (ranges as SensitivityResult[] | null)?.[l] ?? null;
  const firsts = localities.map((_, l) => localities.slice(0, l).reduce((n, runs) => n + runs.length, 0));
  const firstId = localities[0]![0]!.periods[0]!.snapshot.policy.id;
  return {
    unit: o.unit,
    date: String(year),
    year,
    householdsFile: o.households,
    notes: [
      ...(await householdsNotes(o.policy, o.households, o.lang, { year })),
      ...localitiesLeftOut(
        localities.map((runs) => ({ policy: runs[0]!.periods[0]!.snapshot.policy })),
        ranges,
        o.lang,
      ),
      // (as simulate --year says it: the first locality's baseline, each program in the period it has the most)
      ...fewRowsNotes(periods, o.lang),
      // (the first year's gradual exit, a stock at the file's date, as simulate --year says it: of any locality's baseline
      // that pays it — a researcher's Fuliang lost its gradual exit against Nanning's, unexplained)
      ...new Set(
        reports.flatMap((r) => firstYearExitNote({ runs: r.map((s) => ({ id: s.id, years: [s] })), years: [year], ranFirst: [] }, o.lang)),
      ),
    ],
    localities: localities.map((runs, l) => ({
      policyFile: o.policy[l]!,
      policy: runs[0]!.periods[0]!.snapshot.policy,
      scenarios: withDetails(ranged(reports[l]!, rangesOf(l)), firsts[l]!, into.made, firstId),
      // (each locality after the first: its baseline's year against the first's, household by household, as compare at
      // a date has it)
      ...(l && into.made
        ? {
            against: {
              locality: firstId,
              details: runDetails(into.made.across[firsts[l]!]!, into.made.deciles, 12n),
            },
          }
        : {}),
    })),
  };
}

/** compare --year --projection: one locality's year as simulate --year --projection runs it, with its changes. */
async function compareProjectedYear(ctx: Ctx, o: CompareYearOptions, scenarios: readonly Scenario[], year: number): Promise<CompareReport> {
  if (o.policy.length > 1)
    throw new UsageError(
      '--projection grows one locality (its rates are that place’s): compare one --policy with it, or run compare --year for each locality',
    );
  const into: { made: Evaluated | null } = { made: null };
  const rows: YearRowsPass = (pop, runs, _ids, _year, exec) => evaluated(exec, pop, runs, into);
  let periods: readonly Totals[] = [];
  const onBaseline = (t: readonly Totals[]) => void (periods = t);
  const sim = await simulateYear(ctx, { ...o, policy: o.policy[0]!, rows, onBaseline }, scenarios, year);
  return {
    unit: o.unit,
    date: String(year),
    year,
    householdsFile: o.households,
    // (the sample's few households, as simulate --year --projection says it: a review found it said there only)
    notes: [...(sim.notes ?? []), ...fewRowsNotes(periods, o.lang)],
    ...(sim.projection ? { projection: sim.projection } : {}),
    localities: [{ policyFile: o.policy[0]!, policy: sim.policy, scenarios: withDetails(sim.scenarios, 0, into.made) }],
  };
}
