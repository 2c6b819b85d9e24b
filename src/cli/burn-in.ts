// The years between a projected population's register and the first budget year reported. A projection grows the
// households from the year their incomes are of (--incomes-year, else its base_year), and their register (on_dibao,
// prior_dibao) is of that year too. Reported from a later year, the households whose grown income is above the line
// by then all left dibao in its January, each with its full gradual exit at its old prior_dibao: a budget trial's 2027
// paid 2,190 万元 of exits (104 a year after), and `--year 2028` alone gave 2028 another 2,187 where the window from
// 2027 gave 104 — one year, two totals. So the years in between are run first, the baseline and each scenario, and not
// reported: who leaves dibao in them, and any exit still paying, is carried into the first year reported (year-exit.ts
// ExitCarry), as a window carries it from one year to the next. A budget year is then the same in any window that
// holds it, and by itself. Without a projection the file's register is taken as the first year's (nothing runs).
import { carryExits, periodRuns, periodsOf, type Period } from '../core/budget-year.js';
import type { Population } from '../core/population.js';
import { incomesFrom, projectPopulation, type Projection } from '../core/projection.js';
import { newExitCarry, type ExitCarry } from '../core/year-exit.js';
import { DateBeforePolicyError } from '../errors.js';
import { simulateParallel } from '../engine/parallel.js';
import type { Executor } from '../engine/pool.js';
import type { Policy } from '../core/parameters/tree.js';
import type { Before } from './registers.js';

/**
 * Each year's population, grown by the projection (as it is without one), in memory reused call after call: what a call
 * gives holds until the next. For the years run before a budget year, each run in one pass (burnIn), and again by a
 * sensitivity's varied runs, group after group (registers.ts): new memory each time took a 1M-household window to
 * 4.4 GB, and kept for every year 1.3 GB.
 */
export function populationsOf(base: Population, projection: Projection | null): (year: number) => Population {
  let last: Population | undefined;
  return (y) => (projection ? (last = projectPopulation(base, projection, y, last)) : base);
}

/**
 * Two sets of each run's register, used in turn year after year (a year reads the one the year before wrote, and writes
 * the other): made once. Made anew each year, a 1M-household window's shared memory outgrew what it used.
 */
export function inTurn(runs: number, households: number): (k: number) => ExitCarry[] {
  const sets: ExitCarry[][] = [];
  return (k) => (sets[k % 2] ??= Array.from({ length: runs }, () => newExitCarry(households)));
}

/** The years run first, not reported: from the one after the register's to the one before `first` (none: empty). */
export function burnInYears(projection: Projection | null, first: number): number[] {
  if (!projection) return [];
  const from = incomesFrom(projection) + 1;
  return Array.from({ length: Math.max(0, first - from) }, (_, i) => from + i);
}

/**
 * Runs the years between the register and `first` (burnInYears) on the population grown to each (`popOf`), and gives
 * each run's exits carried out of the last of them, with what a sensitivity variant needs to run those years itself
 * (registers.ts; `central`: the runs' policies, the baseline then each scenario on it) — null when there is none to run.
 * A year before the policy can be run (a value it lacks then) is left out: the register is taken as of the year before
 * the first that can.
 */
export async function burnIn(
  exec: Executor,
  popOf: (year: number) => Population,
  projection: Projection | null,
  first: number,
  central: readonly Policy[],
  /** The runs' registers, year k's written into turn(k) (the years after these continue the count). */
  turn: (k: number) => ExitCarry[],
): Promise<(Before & { readonly carried: ExitCarry[] }) | null> {
  const years: number[] = [];
  // (each year's runs: the baseline's periods, then each scenario's — their order is the carry's, the runs' `of`)
  const each: Period[][][] = [];
  for (const y of burnInYears(projection, first)) {
    try {
      each.push(central.map((p) => periodsOf(p, y)));
      years.push(y);
    } catch (e) {
      if (!(e instanceof DateBeforePolicyError) || years.length) throw e;
    }
  }
  let carried: ExitCarry[] | null = null;
  for (const [i, y] of years.entries()) {
    const pop = popOf(y);
    const runs = each[i]!;
    const next = turn(i);
    await simulateParallel(
      exec,
      pop,
      carryExits(
        runs.flatMap((periods, k) => periodRuns(periods, `run${k}`, k)),
        carried,
        next,
      ),
    );
    carried = next;
  }
  return carried && { carried, years, popOf, central, pool: [] };
}
