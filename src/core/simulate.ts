// One pass over a loaded population for a baseline and any number of scenarios: parse once, evaluate many.
import { Totals } from './aggregate.js';
import {
  evaluateHousehold,
  firstStepsLikeByArea,
  newContext,
  quietAll,
  quietEverywhere,
  resultOfLike,
  type HouseholdResult,
  type QuietAll,
} from './engine.js';
import { FILE_REGISTER, type Ctx } from './programs/context.js';
import type { Population } from './population.js';
import type { Rules } from './rules.js';
import { mostDibaoPerPerson, priorAboveMost } from './prior-check.js';
import { addYearExit, periodGroups, quietYearExit, registeredAt, type ExitPaid, type PeriodOf } from './year-exit.js';

export interface Run {
  /** "baseline" or a scenario id. */
  readonly id: string;
  readonly rules: Rules;
  /** A budget year's period (budget-year.ts periodRuns): its gradual exit is counted over the year (year-exit.ts). */
  readonly period?: PeriodOf;
}

export interface SimulateOptions {
  /** Households per partial total (merged exactly); the result does not depend on it. */
  readonly chunkSize?: number;
  /** Called for each household and run, household-major, baseline first. The result object is reused. */
  readonly onHousehold?: (h: number, run: number, r: HouseholdResult) => void;
}

export function simulate(pop: Population, runs: readonly Run[], opts: SimulateOptions = {}): Totals[] {
  const chunk = Math.max(1, opts.chunkSize ?? 65_536);
  const totals = runs.map(() => new Totals());
  for (let from = 0; from < pop.householdCount; from += chunk) {
    const partial = simulateRange(pop, runs, from, Math.min(pop.householdCount, from + chunk), opts.onHousehold);
    partial.forEach((p, i) => totals[i]!.merge(p));
  }
  return totals;
}

/** Partial totals of households [from, to), one per run; merge them in any grouping for the same result. */
export function simulateRange(
  pop: Population,
  runs: readonly Run[],
  from: number,
  to: number,
  onHousehold?: (h: number, run: number, r: HouseholdResult) => void,
  /** A budget year's: after the household's runs, each year's (periodGroups' g) gradual exit as paid (reused object). */
  onYearExit?: (h: number, g: number, paid: ExitPaid) => void,
  /**
   * Given beside onHousehold: a household no run gives anything (the screen: nothing under any run, no exit carried)
   * is not evaluated, and handed here instead of to onHousehold (compare --year: unchanged, its amounts 0).
   */
  onQuiet?: (h: number) => void,
): Totals[] {
  const contexts = runs.map((r) => newContext(pop, r.rules));
  // By run and area (run i, area a at 2i + a): the earlier run it takes steps 1–2 over from, and its context.
  const likeOf = firstStepsLikeByArea(runs.map((r) => r.rules)).flat();
  const like = likeOf.map((j) => (j < 0 ? null : contexts[j]!));
  const partial = runs.map(() => new Totals());
  // Every household is counted once, apart, and added to every run's totals at the end; a household that gets
  // nothing under any run is left at that.
  const q = onHousehold && !onQuiet ? null : quietAll(contexts);
  const everyone = new Totals();
  const periods = runs.map((r) => r.period);
  const year = periodGroups(periods);
  const most = runs.map((r) => mostDibaoPerPerson(r.rules));
  visit(
    pop,
    from,
    to,
    contexts,
    likeOf,
    like,
    partial,
    q,
    everyone,
    onHousehold,
    year && { groups: year, periods, onYearExit },
    onQuiet,
    most,
  );
  for (const p of partial) p.merge(everyone);
  return partial;
}

/**
 * simulateRange's loop over the households, apart from its setup. No variable here is captured by a closure (the
 * setup's arrow functions captured pop and the contexts, which V8 then keeps in a context object rather than in
 * registers).
 */
function visit(
  pop: Population,
  from: number,
  to: number,
  contexts: readonly Ctx[],
  likeOf: readonly number[],
  like: readonly (Ctx | null)[],
  partial: readonly Totals[],
  q: QuietAll | null,
  everyone: Totals,
  onHousehold: ((h: number, run: number, r: HouseholdResult) => void) | undefined,
  year: {
    readonly groups: readonly number[][];
    readonly periods: ReadonlyArray<PeriodOf | undefined>;
    readonly onYearExit: ((h: number, g: number, paid: ExitPaid) => void) | undefined;
  } | null,
  onQuiet: ((h: number) => void) | undefined,
  most: ReadonlyArray<readonly [number, number]>,
): void {
  const results: Array<HouseholdResult | null> = [];
  const paid: ExitPaid | undefined = year?.onYearExit ? { months: 0, fen: 0 } : undefined;
  for (let i = 0; i < contexts.length; i++) results.push(null); // this household's, by run
  for (let h = from; h < to; h++) {
    const w = pop.weight[h]!;
    everyone.addHousehold(w, pop.offsets[h + 1]! - pop.offsets[h]!);
    if (pop.prior[h]! > 0) {
      if (!pop.onDibao[h])
        everyone.priorOffDibao++; // (said: cli/load.ts priorNote)
      // (said: cli/load.ts priorAboveNote; each run under its own rules, as its totals are: a pass of other runs gives a
      // run the same count — tui --year's kept baseline)
      else for (let i = 0; i < most.length; i++) if (priorAboveMost(pop, h, most[i]!)) partial[i]!.priorAboveMost++;
    }
    // (a quiet household in a budget year: off dibao all year, unless an exit carried in from the year before pays, or
    // it was on dibao at that year's end where the file does not register it: quietYearExit)
    if (q && quietEverywhere(q, pop, h) && (!year || quietYearExit(year.groups, year.periods, pop, h))) {
      onQuiet?.(h);
      continue;
    }
    const area = pop.area[h]!;
    for (let i = 0; i < contexts.length; i++) {
      const l = like[2 * i + area] ?? null;
      // (a budget year's: on the register where the run paid it dibao the period before: year-exit.ts registeredAt)
      const s = year ? registeredAt(i, year.periods, results, h) : FILE_REGISTER;
      // A run whose rules decide alike with an earlier one for this household gets that one's result (not copied).
      const r = l && resultOfLike(contexts[i]!, h, l, s) ? results[likeOf[2 * i + area]!]! : evaluateHousehold(contexts[i]!, h, l, s);
      results[i] = r;
      partial[i]!.addPrograms(w, r);
      onHousehold?.(h, i, r);
    }
    // a budget year's gradual exit, over its periods (their totals' own figures of it are not read); in a window of
    // years it also writes each household's exit at the year's end into the runs' carry (year-exit.ts ExitCarry)
    if (year)
      for (let g = 0; g < year.groups.length; g++) {
        addYearExit(year.groups[g]!, year.periods, results, partial, w, h, paid);
        if (paid) year.onYearExit!(h, g, paid);
      }
  }
}
