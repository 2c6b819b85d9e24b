// simulate --years A-B [--projection FILE]: several budget years, each from the policy (projected, where a projection
// file says how parameters grow) and the households (their incomes and weights grown), every year's periods of every
// run evaluated in one pass over that year's population; the population is read once.
import { emergencyNotes } from './emergency-note.js';
import { drawnElsewhereNotes, incomesYearNotes } from './population-notes.js';
import type { Lang } from '../report/lang.js';
import type { Totals } from '../core/aggregate.js';
import { carryExits, periodRuns, periodsOf } from '../core/budget-year.js';
import { projectPopulation, type Projection } from '../core/projection.js';
import { sensitivityPlan, withCorners } from '../core/sensitivity-plan.js';
import { yearsNotes } from '../core/policy-notes.js';
import type { Scenario } from '../core/scenario.js';
import type { Run } from '../core/simulate.js';
import type { ExitCarry } from '../core/year-exit.js';
import type { Population } from '../core/population.js';
import { UsageError } from '../errors.js';
import { simulateParallel } from '../engine/parallel.js';
import { leftOutNotes } from '../report/sensitivity.js';
import { unrangedRatesNotes } from '../report/projection-view.js';
import type { Unit } from '../report/text-table.js';
import type { YearsReport } from '../report/years-view.js';
import type { Ctx } from './context.js';
import { allOrEveryProblem, applyUsable, projectUsable, loadUsablePolicy, loadHouseholds, withExecutor } from './load.js';
import { firstYearExitNote, heardNotes, takeUpRangesNote, unchangedYearsNotes } from './scenario-notes.js';
import { projectionOption } from './year.js';
import { yearReport, type YearRun } from '../report/year-report.js';
import { ranged } from '../report/funding-ranges.js';
import { burnIn, inTurn, populationsOf } from './burn-in.js';
import { evaluateOnRegisters, windowRegisters, type Before } from './registers.js';
import type { YearRowsPass } from './year-rows.js';

/**
 * "2026-2028" → [2026, 2028] (at most ten years), or a usage error that says what to write. The dash may be any a
 * person types or copies (the tables head the window "2026–2028 合计", with an en dash), or 至 / ~.
 */
export function yearSpan(text: string): [number, number] {
  const bad = (why: string, hint?: string): never => {
    throw new UsageError(`--years ${why}, got "${text}"`, hint);
  };
  // (years written 2026年-2028年 or 2026年度: the numbers alone)
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/(\d)\s*年度?/g, '$1');
  if (/^\d{4}$/.test(t))
    bad(
      'is a span of years such as 2026-2028',
      `for one budget year, month by month: --year ${t} (grown by a --projection: --years ${t}-${t})`,
    );
  const m = /^(\d{2}|\d{4})\s*(?:[-‐‑‒–—~〜]|至|to)\s*(\d{2}|\d{4})$/.exec(t);
  if (!m) return bad('must be a span of at most ten years such as 2026-2028');
  const full = (y: string, like: string) => (y.length === 4 ? y : `${like.length === 4 ? like.slice(0, 2) : '20'}${y}`);
  if (m[1]!.length < 4 || m[2]!.length < 4) bad(`needs both years in full: write ${full(m[1]!, m[2]!)}-${full(m[2]!, m[1]!)}`);
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a < 1990 || b > 2100) bad('must lie between 1990 and 2100');
  if (b < a) bad(`runs backwards: write ${b}-${a}`);
  if (b - a > 9) bad(`is at most ten years (${b - a + 1} asked)`);
  return [a, b];
}

export async function simulateYears(
  ctx: Ctx,
  o: {
    readonly policy: string;
    readonly households: string;
    readonly quiet: boolean;
    readonly unit?: Unit;
    readonly projection?: string;
    /** The year the households' incomes are of (with projection; default its base_year). */
    readonly incomesYear?: string;
    /** Each year's range of each run's total: the year's sensitivity runs, evaluated in the same pass as the year. */
    readonly ranges?: boolean;
    /** The language of the sentences of the table, Markdown and workbook, and of the notes that have one. */
    readonly lang?: Lang;
    /** Given the first year's baseline's period totals (for the few-households note). */
    readonly onBaseline?: (periods: readonly Totals[]) => void;
    /** --per-household: evaluates each year's runs writing a row per household (year-rows.ts; no --ranges beside it). */
    readonly rows?: YearRowsPass;
  },
  scenarios: readonly Scenario[],
  [first, last]: [number, number],
): Promise<YearsReport> {
  const projection: Projection | null = await projectionOption(o, first, last);
  const policy = await loadUsablePolicy(o.policy);
  // The baseline projected, then each scenario applied to it (as PolicyEngine applies a reform to uprated
  // parameters): a scale or add from a date multiplies or adds to the projected values from then on; a set, dated
  // values or same_as from a date replace them. Projected after a scenario, the scenario's own value in a year counted
  // as one the policy publishes: a raise from July 2026 left January–June at the unprojected 2025 standard.
  const baseline = projection ? projectUsable(policy, projection, last) : policy;
  const policies = [{ id: 'baseline', policy: baseline }, ...scenarios.map((sc) => ({ id: sc.id, policy: applyUsable(baseline, sc) }))];
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  // Every year of every run cut into periods before any household is read (a missing value is reported first).
  const byYear: YearRun[][] = await allOrEveryProblem(
    years.map(async (y) => policies.map((r) => ({ id: r.id, periods: periodsOf(r.policy, y) }))),
  );
  // --ranges: each year's estimates in force (a projected value keeps the range of the estimate it grew from) at either
  // end, one at a time, under the baseline and every scenario, then their joint corners, as simulate --year --ranges does.
  const plans = o.ranges ? years.map((y) => sensitivityPlan(baseline, scenarios, { year: y })) : null;
  const leftOut: string[] = []; // (each year's ranges' joint corners left out, said)
  const takeUp: string[] = []; // (take-up that cannot move the ranges, said once)
  let ranFirst: readonly number[] = []; // (the years run before the first, not reported)
  const reports = await withExecutor(ctx, async (exec) => {
    const base = await loadHouseholds(ctx, exec, o.households, o.quiet);
    const out = [];
    // Each run's households' gradual exits carried from one year to the next (year-exit.ts ExitCarry): who has left
    // dibao stays left, and an exit from the autumn pays its last months in the next year — from the years between
    // the register's and the first (burn-in.ts), run first.
    const central = policies.map((r) => r.policy);
    const popOf = populationsOf(base, projection); // (the years before's, in memory of their own)
    const turn = inTurn(policies.length, base.householdCount);
    const burned = await burnIn(exec, popOf, projection, first, central, turn);
    ranFirst = burned?.years ?? [];
    const pool = burned?.pool ?? [];
    // (each year's varied runs whose years before make another register, followed through the window once: registers.ts)
    const chain = { years: [...ranFirst, ...years], popOf, central, carried: null, pool };
    const known = plans && (await windowRegisters(exec, chain, base.householdCount, plans));
    let carried: ExitCarry[] | null = burned?.carried ?? null;
    let grown: Population | undefined; // (each year's in the memory of the year before's)
    for (const [i, y] of years.entries()) {
      const pop = projection ? (grown = projectPopulation(base, projection, y, grown)) : base;
      const runs = byYear[i]!;
      const next = y < last ? turn(ranFirst.length + i) : null;
      const flat: Run[] = carryExits(
        runs.flatMap((r, k) => periodRuns(r.periods, r.id, k)),
        carried,
        next,
      );
      const plan = plans?.[i];
      // (the corners' likewise, each from the file's register)
      const before: Before = {
        years: [...ranFirst, ...years.slice(0, i)],
        popOf,
        central,
        carried,
        pool,
      };
      const totals: Totals[] = plan
        ? await evaluateOnRegisters(exec, pop, y, plan, before, flat, known![i])
        : o.rows
          ? await o.rows(
              pop,
              flat,
              runs.map((r) => r.id),
              y,
              exec,
            )
          : await simulateParallel(exec, pop, flat);
      const ranges =
        plan &&
        (await withCorners(plan, plan.fold(totals.slice(flat.length)), (r, v) =>
          evaluateOnRegisters(exec, pop, y, { runs: r, variants: v }, before),
        ));
      carried = next;
      leftOut.push(...leftOutNotes(ranges, { en: ` in ${y}`, zh: `（${y} 年）` }, o.lang));
      let at = 0;
      const reports = runs.map((r) => {
        const own = totals.slice(at, at + r.periods.length);
        if (i === 0 && at === 0) o.onBaseline?.(own);
        at += r.periods.length;
        return yearReport(r, own, y);
      });
      if (i === 0) takeUp.push(...takeUpRangesNote(reports[0]?.figures, ranges ?? null, o.lang));
      out.push(ranged(reports, ranges));
    }
    return out;
  });
  const runs = policies.map((r, i) => ({ id: r.id, years: reports.map((perYear) => perYear[i]!) }));
  return {
    unit: o.unit,
    lang: o.lang,
    notes: [
      ...heardNotes(ctx),
      ...yearsNotes(policy, projection, first, last, baseline, o.lang),
      ...(await incomesYearNotes(o.policy, projection, o.lang, { year: first, last, households: o.households })),
      ...(await emergencyNotes(o.policy, o.households, o.lang, true)),
      ...(await drawnElsewhereNotes([o.policy], o.households, o.lang)),
      ...unchangedYearsNotes({ runs, years }, o.lang),
      ...firstYearExitNote({ runs, years, ranFirst, projection }, o.lang),
      ...(o.ranges ? unrangedRatesNotes(projection, o.lang) : []),
      ...leftOut,
      ...takeUp,
    ],
    policy,
    projected: baseline,
    householdsFile: o.households,
    years,
    projection,
    scenarios,
    runs,
    ranFirst,
  };
}
