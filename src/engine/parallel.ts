// Evaluation on the pool's workers (simulate's totals, compare's results): the population in shared memory
// (SharedArrayBuffer, no copy per worker), the households cut into one range per worker, the partial sums merged
// exactly (integers), so the result is the same whatever the thread count (test/engine/parallel.test.ts). Small
// populations, and one thread, stay on this thread.
import { Totals, type PlainTotals } from '../core/aggregate.js';
import {
  compare,
  emptyRunResult,
  mergeResult,
  type Deciles,
  type LocalityRuns,
  type PlainRunResult,
  type RunResult,
} from '../core/compare.js';
import type { View } from '../core/cliff.js';
import { emptyBands, mergeBands, rateBands, type PerHouseholdRates, type RateBands } from '../core/marginal-rates.js';
import type { Population } from '../core/population.js';
import { fastRecord } from '../core/records.js';
import { simulate, type Run } from '../core/simulate.js';
import { emptyYearResult, mergeYearChanges, yearChanges, type PlainYearChanges, type YearChanges } from '../core/year-changes.js';
import { keyOf } from '../core/keys.js';
import type { BaselineRef } from '../core/year-kept.js';
import type { Executor } from './pool.js';

/** Totals of every run over the whole population, on the executor's workers when that pays. */
export async function simulateParallel(exec: Executor, pop: Population, runs: readonly Run[]): Promise<Totals[]> {
  const ranges = rangesFor(exec, pop);
  const pool = ranges && exec.pool(); // no pool started for work that stays on this thread
  if (!ranges || !pool) return simulate(pop, runs);
  const shared = sharedPopulation(pop);
  const plain = plainRuns(runs);
  const parts = await Promise.all(
    ranges.map(([from, to], w) => pool.run<PlainTotals[]>(w, { kind: 'simulate', pop: shared, key: popKey(pop), runs: plain, from, to })),
  );
  const totals = runs.map(() => new Totals());
  for (const part of parts) part.forEach((p, i) => totals[i]!.merge(Totals.of(p)));
  return totals;
}

/**
 * compare() over the whole population, on the executor's workers when that pays; the same result, exactly. `across`
 * (core/compare.ts newAcross, where there are several localities): each locality's runs against the first's, filled as
 * compare fills it.
 */
export async function compareParallel(
  exec: Executor,
  pop: Population,
  localities: readonly LocalityRuns[],
  deciles: Deciles,
  across?: ReadonlyArray<readonly RunResult[]>,
): Promise<RunResult[][]> {
  const ranges = rangesFor(exec, pop);
  const pool = ranges && exec.pool(); // no pool started for work that stays on this thread
  if (!ranges || !pool) return compare(pop, localities, deciles, { across });
  const shared = sharedPopulation(pop);
  const plain = localities.map((l) => ({ runs: plainRuns(l.runs) }));
  const decileOf = inShared(deciles.of);
  type Part = { runs: PlainRunResult[][]; across: PlainRunResult[][] | null };
  const parts = await Promise.all(
    ranges.map(([from, to], w) =>
      pool.run<Part>(w, { kind: 'compare', pop: shared, key: popKey(pop), localities: plain, decileOf, from, to, across: Boolean(across) }),
    ),
  );
  const results = localities.map((l, li) => l.runs.map((r) => emptyRunResult(r.id, undefined, li)));
  for (const part of parts) {
    part.runs.forEach((runs, l) => runs.forEach((p, i) => mergeResult(results[l]![i]!, p)));
    if (across) part.across?.forEach((runs, l) => runs.forEach((p, i) => mergeResult(across[l]![i]!, p)));
  }
  return results;
}

/**
 * A budget year's period runs with each run's changes over the year (core/year-changes.ts), on the executor's workers
 * when that pays; the same, exactly.
 */
export async function yearChangesParallel(
  exec: Executor,
  pop: Population,
  runs: readonly Run[],
  deciles: Deciles,
  /** By year: each household's year in fen, written here (shared arrays: the workers write their ranges). */
  annual: readonly Float64Array[] | null = null,
  /**
   * Given (one locality's runs, its baseline's periods first): each worker keeps the baseline's year for its range, and
   * a later pass with the same baseline evaluates the other runs alone (core/year-kept.ts; tui --year's knob).
   */
  baseline: BaselineRef | null = null,
): Promise<YearChanges> {
  const ranges = rangesFor(exec, pop);
  const pool = ranges && exec.pool(); // no pool started for work that stays on this thread
  if (!ranges || !pool) return yearChanges(pop, runs, deciles.of, 0, pop.householdCount, annual);
  const shared = annual?.map(inShared) ?? null;
  const sharedPop = sharedPopulation(pop);
  const plain = plainRuns(runs);
  const decileOf = inShared(deciles.of);
  const parts = await Promise.all(
    ranges.map(([from, to], w) =>
      pool.run<PlainYearChanges>(w, {
        kind: 'year-changes',
        pop: sharedPop,
        key: popKey(pop),
        runs: plain,
        decileOf,
        from,
        to,
        annual: shared,
        baseline,
      }),
    ),
  );
  const made = emptyYearResult(runs.length, parts[0]!.sums.length / 2); // (sums: the years' changes, then their across)
  for (const part of parts) mergeYearChanges(made, part);
  annual?.forEach((a, g) => a !== shared![g] && a.set(shared![g]!)); // (copied back where the array was not shared)
  return made;
}

/** The marginal-rate bands of every run (core/marginal-rates.ts), on the executor's workers when that pays; the same, exactly. */
export async function ratesParallel(
  exec: Executor,
  pop: Population,
  runs: readonly Run[],
  delta: number,
  view: View,
  each: PerHouseholdRates | null = null,
): Promise<RateBands[]> {
  const ranges = rangesFor(exec, pop);
  const pool = ranges && exec.pool(); // no pool started for work that stays on this thread
  if (!ranges || !pool) return rateBands(pop, runs, delta, view, 0, pop.householdCount, each);
  const shared = sharedPopulation(pop);
  const plain = plainRuns(runs);
  const parts = await Promise.all(
    ranges.map(([from, to], w) =>
      pool.run<RateBands[]>(w, { kind: 'rates', pop: shared, key: popKey(pop), runs: plain, delta, view, from, to, each }),
    ),
  );
  const bands = runs.map(emptyBands);
  for (const part of parts) part.forEach((b, i) => mergeBands(bands[i]!, b));
  return bands;
}

/** One range of households per worker, or null when one thread is quicker (few households, or one thread). */
export function rangesFor(exec: Executor, pop: Population): Array<[number, number]> | null {
  if (exec.threads < 2 || pop.householdCount < exec.settings.parallelFromHouseholds) return null;
  const n = Math.min(exec.threads, pop.householdCount);
  return Array.from({ length: n }, (_, i) => [Math.floor((pop.householdCount * i) / n), Math.floor((pop.householdCount * (i + 1)) / n)]);
}

/** Runs as a worker gets them: the rules without their parameter snapshot (the engine does not read it). */
export function plainRuns(runs: readonly Run[]): Run[] {
  return runs.map((r) => ({
    id: r.id,
    rules: { ...r.rules, snapshot: null },
    ...(r.period ? { period: r.period } : {}),
  })) as unknown as Run[];
}

/**
 * Each population given to the workers, by a number of its own: a worker keeps the last one (and what it has summed of
 * its households: programs/screen.ts summariesOf) for the next job on it — sensitivity's passes, a budget year's knob
 * moves. A projected year's population is a new one, even written over the memory of the year before's, which is not
 * used again (core/projection.ts projectPopulation's `into`): a new number, and summed anew.
 */
export const popKey = (pop: Population): number => keyOf(pop);

/** The population's columns in shared memory (copied once if they are not already), without the ids. */
export function sharedPopulation(pop: Population): Population {
  const keys = Object.keys(pop);
  return fastRecord<Population>(
    keys,
    keys.map((k) => {
      const v = (pop as unknown as Record<string, unknown>)[k];
      return ArrayBuffer.isView(v) ? inShared(v) : k === 'householdIds' || k === 'personIds' ? null : v;
    }),
  );
}

/** A typed array in shared memory: itself, or a copy. */
export function inShared<T extends ArrayBufferView>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const buffer = new SharedArrayBuffer(a.byteLength);
  new Uint8Array(buffer).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)); // bytes, whatever the element type
  return new (a.constructor as new (b: SharedArrayBuffer) => T)(buffer);
}
