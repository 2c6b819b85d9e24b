// simulate --year: the budget year. Each run (baseline, scenarios) is cut into periods of identical parameters
// (core/budget-year.ts); every period of every run is evaluated in one pass over the households (runs that share
// steps 1–2 share them), and each run's year is put together from its periods.
import { emergencyNotes } from './emergency-note.js';
import { drawnElsewhereNotes, incomesYearNotes } from './population-notes.js';
import { burnIn, inTurn, populationsOf } from './burn-in.js';
import type { Totals } from '../core/aggregate.js';
import { carryExits, periodRuns, periodsOf } from '../core/budget-year.js';
import type { Scenario } from '../core/scenario.js';
import { sensitivityPlan, withCorners, type SensitivityResult } from '../core/sensitivity-plan.js';
import type { Run } from '../core/simulate.js';
import { UsageError } from '../errors.js';
import { policyNotes, yearsNotes } from '../core/policy-notes.js';
import type { Policy } from '../core/parameters/tree.js';
import { incomesFrom, projectPopulation, type Projection } from '../core/projection.js';
import { loadProjection } from '../io/projection-file.js';
import { yearReport, type YearRun } from '../report/year-report.js';
import type { Unit } from '../report/text-table.js';
import type { Lang } from '../report/lang.js';
import { leftOutNotes } from '../report/sensitivity.js';
import { unrangedRatesNotes } from '../report/projection-view.js';
import type { ScenarioReport, SimulationReport } from '../report/totals.js';
import type { Ctx } from './context.js';
import { firstYearExitNote, heardNotes, takeUpRangesNote } from './scenario-notes.js';
import {
  allOrEveryProblem,
  applyUsable,
  projectUsable,
  loadHouseholds,
  loadUsablePolicy,
  simulateHouseholds,
  withExecutor,
} from './load.js';
import { centralPolicies, evaluateOnRegisters } from './registers.js';
import type { YearRowsPass } from './year-rows.js';
import { ranged } from '../report/funding-ranges.js';

/** "2022" → 2022, or a usage error. */
export function budgetYear(text: string, flag = '--year'): number {
  // (2026年, 2026年度 and full-width ２０２６ are years as --years takes them: a 科长's 2025年 was refused)
  const plain = text
    .normalize('NFKC')
    .trim()
    .replace(/^(\d{4})\s*年度?$/, '$1');
  if (!/^\d{4}$/.test(plain)) throw new UsageError(`${flag} must be a calendar year such as 2026, got "${text}"`);
  if (Number(plain) < 1990 || Number(plain) > 2100) throw new UsageError(`${flag} must lie between 1990 and 2100, got "${text}"`);
  return Number(plain);
}

/** --incomes-year is refused without --projection (said before anything is read; never ignored). */
export function incomesYearWithProjection(o: { readonly projection?: string; readonly incomesYear?: string }): void {
  if (o.incomesYear !== undefined && !o.projection)
    throw new UsageError(
      '--incomes-year goes with --projection: the year the households’ incomes are of, grown from it by the projection’s incomes rate',
    );
}

/**
 * --projection FILE, with --incomes-year YYYY: the year the households' incomes are of, where it is not the
 * projection's base_year (a population generated from a profile of 2021 under a projection from 2025 kept its
 * incomes flat 2021–2025 while the standards rose: a provincial trial's Guangzhou 2027 was 25 % high).
 */
export async function projectionOption(
  o: { readonly projection?: string; readonly incomesYear?: string },
  first: number,
  last = first,
): Promise<Projection | null> {
  incomesYearWithProjection(o);
  if (!o.projection) return null;
  const p = await loadProjection(o.projection);
  if (o.incomesYear === undefined) return projecting(p, o.projection, first, last);
  const incomesYear = budgetYear(o.incomesYear, '--incomes-year');
  // (incomes of a later year than the one run would be shrunk, which no projection says how: 2030's with --year 2027
  // ran as the file's, JSON saying "from 2030" — a code review)
  if (incomesYear > first)
    throw new UsageError(
      `--incomes-year ${incomesYear} is after ${first}, the first year run: the households' incomes are of a year at or before the years simulated`,
    );
  return projecting({ ...p, incomesYear }, o.projection, first, last);
}

/**
 * A projection that would grow nothing in the years run is refused: its base_year after them and no incomes to grow (a
 * budget officer's base_year 2052 for 2025 ran the year unprojected, exit 0, its warning hidden by -q and beside the
 * table). A base_year at the last year, or incomes of an earlier year (--incomes-year), grows something: run, noted.
 */
function projecting(p: Projection, file: string, first: number, last: number): Projection {
  if (p.baseYear <= last || incomesFrom(p) < last) return p;
  const years = first === last ? `${first}, the year run` : `${last}, the last year run`;
  throw new UsageError(
    `--projection ${file}: its base_year ${p.baseYear} is after ${years}: it would project nothing (a typo in base_year?)`,
    'base_year is the year of the newest published values it grows from (the bundled projections: 2025); or run without --projection',
  );
}

/** The year's runs: the baseline and each scenario, each cut into periods (all of them checked before any is run). */
export async function yearRuns(policyFile: string, scenarios: readonly Scenario[], year: number): Promise<YearRun[]> {
  return yearRunsOf(await loadUsablePolicy(policyFile), scenarios, year);
}

/** As yearRuns, of a policy read already (a projected one: simulate --year --projection). */
export function yearRunsOf(policy: Policy, scenarios: readonly Scenario[], year: number): Promise<YearRun[]> {
  const runs = [
    { id: 'baseline', title: undefined, policy },
    ...scenarios.map((sc) => ({ id: sc.id, title: sc.title, policy: applyUsable(policy, sc) })),
  ];
  return allOrEveryProblem(runs.map(async ({ id, title, policy: p }) => ({ id, title, periods: periodsOf(p, year) })));
}

/**
 * The year's report for one policy: totals per run, its periods' monthly figures and the parameter changes; with
 * `ranges`, each run's total beside how far its estimates could move it (the sensitivity runs of the year evaluated in
 * the same pass over the households).
 */
export interface YearOptions {
  readonly policy: string;
  readonly households: string;
  readonly quiet: boolean;
  readonly unit?: Unit;
  readonly ranges?: boolean;
  /** Grows the policy and the households to this year, as simulate --years does (the incomes from --incomes-year, if given). */
  readonly projection?: string;
  /** The year the households' incomes are of (with projection; default its base_year). */
  readonly incomesYear?: string;
  /** The language of the table's and Markdown's sentences, and of the notes that have one (en by default). */
  readonly lang?: Lang;
  /** Given the baseline's period totals (for the few-households note). */
  readonly onBaseline?: (periods: readonly Totals[]) => void;
  /** --per-household: evaluates the year's runs (their registers carried in) writing a row per household (year-rows.ts). */
  readonly rows?: YearRowsPass;
}

export async function simulateYear(ctx: Ctx, o: YearOptions, scenarios: readonly Scenario[], year: number): Promise<SimulationReport> {
  const projection = await projectionOption(o, year);
  const written = await loadUsablePolicy(o.policy);
  // (projected as simulate --years projects it, the scenarios applied to the projected values: the same year's figures)
  const policy = projection ? projectUsable(written, projection, year) : written;
  const runs = await yearRunsOf(policy, scenarios, year);
  const plan = o.ranges ? sensitivityPlan(policy, scenarios, { year }) : null;
  let ranges: SensitivityResult | null = null;
  let ranFirst: readonly number[] = [];
  const evaluate =
    plan || projection || o.rows
      ? (flat: readonly Run[]) =>
          withExecutor(ctx, async (exec) => {
            // the year's periods and the estimates' ends in one pass, then the joint corners, on the population read once
            const base = await loadHouseholds(ctx, exec, o.households, o.quiet);
            const pop = projection ? projectPopulation(base, projection, year) : base;
            const popOf = populationsOf(base, projection); // (the years before's, in memory of their own)
            // (the years between the register's and this one run first, as simulate --years runs them: burn-in.ts)
            // (each variant that makes those years another register runs them itself: registers.ts)
            const central = centralPolicies(policy, scenarios);
            const turn = inTurn(central.length, base.householdCount);
            const burned = await burnIn(exec, popOf, projection, year, central, turn);
            ranFirst = burned?.years ?? [];
            const ahead = carryExits(flat, burned?.carried ?? null, null);
            // (the rows' pass, then the estimates' runs and corners in passes of their own: compare --year --projection
            // --ranges; simulate refuses --ranges beside --per-household)
            if (o.rows) {
              const rowed = await o.rows(
                pop,
                ahead,
                runs.map((r) => r.id),
                year,
                exec,
              );
              if (plan)
                ranges = await withCorners(plan, plan.fold(await evaluateOnRegisters(exec, pop, year, plan, burned)), (r, v) =>
                  evaluateOnRegisters(exec, pop, year, { runs: r, variants: v }, burned),
                );
              return rowed;
            }
            const totals = await evaluateOnRegisters(exec, pop, year, plan ?? { runs: [], variants: [] }, burned, ahead);
            if (plan)
              ranges = await withCorners(plan, plan.fold(totals.slice(flat.length)), (r, v) =>
                evaluateOnRegisters(exec, pop, year, { runs: r, variants: v }, burned),
              );
            return totals.slice(0, flat.length);
          })
      : undefined;
  const [reports] = await yearPass(ctx, o, [runs], year, evaluate, o.onBaseline);
  return {
    unit: o.unit,
    policy,
    date: String(year),
    householdsFile: o.households,
    scenarios: ranged(reports!, ranges),
    // (said where it grows the year: a base year at or after it projects nothing, and a note says so)
    ...(projection && (projection.baseYear < year || incomesFrom(projection) < year) ? { projection } : {}),
    lang: o.lang,
    notes: [
      ...heardNotes(ctx),
      ...(projection ? yearsNotes(written, projection, year, year, policy, o.lang) : policyNotes(policy, [`${year}-12-31`], [], o.lang)),
      ...(await incomesYearNotes(o.policy, projection, o.lang, { year, households: o.households })),
      ...(await emergencyNotes(o.policy, o.households, o.lang)),
      ...(await drawnElsewhereNotes([o.policy], o.households, o.lang)),
      ...firstYearExitNote({ runs: reports!.map((s) => ({ id: s.id, years: [s] })), years: [year], ranFirst, projection }, o.lang),
      ...(o.ranges ? unrangedRatesNotes(projection, o.lang) : []),
      ...takeUpRangesNote(reports![0]?.figures, ranges, o.lang),
      ...leftOutNotes(ranges, undefined, o.lang),
    ],
  };
}

/**
 * Every period of every run of every locality, evaluated in one pass over the households; each run's year put
 * together from its periods. Per locality, its runs' reports: the baseline first, then the scenarios with deltas.
 */
export async function yearPass(
  ctx: Ctx,
  o: { readonly households: string; readonly quiet: boolean },
  localities: ReadonlyArray<readonly YearRun[]>,
  year: number,
  /** Evaluates the runs on a population already read (the file is read here otherwise). */
  evaluate?: (runs: readonly Run[]) => Promise<Totals[]>,
  /** Given the first locality's baseline's period totals. */
  onBaseline?: (periods: readonly Totals[]) => void,
): Promise<ScenarioReport[][]> {
  // (each run's `of`, its place among its locality's runs: whose exits it carries, where a carry is given)
  const flat: Run[] = localities.flatMap((runs, l) => runs.flatMap((r, k) => periodRuns(r.periods, `${l}/${r.id}`, k)));
  const totals: Totals[] = evaluate
    ? await evaluate(flat)
    : await withExecutor(ctx, (exec) => simulateHouseholds(ctx, exec, o.households, Promise.resolve(flat), o.quiet));
  let at = 0;
  return localities.map((runs) => {
    const reports = runs.map((r) => {
      const own = totals.slice(at, at + r.periods.length);
      if (at === 0) onBaseline?.(own);
      at += r.periods.length;
      return yearReport(r, own, year);
    });
    return reports.map((s, i) => (i ? { ...s, baseline: reports[0]!.figures } : s));
  });
}
