// Each sensitivity variant's own register. A budget year after years run before it (burn-in.ts's, from the register's
// year; a window's earlier years) starts from the register they leave: who is on dibao in its January, who is leaving
// with which exit — and a household on it takes dibao up. A variant of the policy (an estimate at an end, a draw, a
// joint corner) whose values in those years differ from the central's in what decides the register (take-up and every
// step behind it: programs/index.ts readsRegister) leaves another register: run from the central's, take_up.dibao at
// its ends moved only the households not on it — 2028's swing −7 / +1,870 万元 where at a date it was −1,352 / +2,068
// (a county policy author's trial). So such a variant runs those years itself, from the file's register, each of its
// runs (the varied baseline, each scenario on it) carrying its own, as the central runs carry theirs; a variant alike
// with the central in those years starts from the central's register, which is its own.
//
// A run's register is 11 bytes a household (year-exit.ts ExitCarry), rewritten in place year after year (a household's
// is read before it is written, by the thread that evaluates it). The variants go in groups whose registers fit the
// settings' registersBytes (64 MB), each group's years then its own year in passes of their own: the cost is (the years before + 1) ×
// the year's evaluation, for the variants that differ only.
import type { Totals } from '../core/aggregate.js';
import { carryExits, periodRuns, periodsOf, registerKey } from '../core/budget-year.js';
import type { Policy } from '../core/parameters/tree.js';
import type { Population } from '../core/population.js';
import type { Variant } from '../core/sensitivity-plan.js';
import { applyScenario, type Scenario } from '../core/scenario.js';
import type { Run } from '../core/simulate.js';
import { newExitCarry, type ExitCarry } from '../core/year-exit.js';
import { simulateParallel } from '../engine/parallel.js';
import type { Executor } from '../engine/pool.js';

/** The years run before a budget year, and the central runs' register they leave. */
export interface Before {
  /** In order: the years run first (burn-in.ts), then a window's earlier years. */
  readonly years: readonly number[];
  /** Each of those years' population (grown by the projection, where there is one). */
  readonly popOf: (year: number) => Population;
  /** The central runs' policies: the baseline, then each scenario on it. */
  readonly central: readonly Policy[];
  /** Their register carried into the year, by run (null: the file's). */
  readonly carried: readonly ExitCarry[] | null;
}

/** A year's central policies: the baseline, then each scenario on it (as a sensitivity plan's variants hold theirs). */
export function centralPolicies(baseline: Policy, scenarios: readonly Scenario[]): Policy[] {
  return [baseline, ...scenarios.map((sc) => applyScenario(baseline, sc))];
}

const BYTES_PER_HOUSEHOLD = 11;

/**
 * The totals of `ahead` (runs carried already, evaluated first) and of `runs` (a plan's pass, by variant), in that order,
 * on the year's population: each variant from its own register where the years before make it another.
 */
export async function evaluateOnRegisters(
  exec: Executor,
  pop: Population,
  runs: readonly Run[],
  variants: readonly Variant[],
  before: Before | null,
  ahead: readonly Run[] = [],
): Promise<Totals[]> {
  const carried = before?.carried ?? null;
  const keyOf = (policies: readonly Policy[]) => before!.years.map((y) => policies.map((p) => registerKey(p, y)).join('\n')).join('\n\n');
  const centralKey = before?.years.length ? keyOf(before.central) : '';
  const own = before?.years.length ? variants.filter((v) => keyOf(v.policies) !== centralKey) : [];
  // the runs ahead and those of every variant alike with the central (or of none), from the central's register, in one pass
  const mine = new Uint8Array(runs.length);
  for (const v of own) mine.fill(1, v.at, v.at + v.count);
  const shared = runs.flatMap((_, i) => (mine[i] ? [] : [i]));
  const totals: Totals[] = new Array<Totals>(ahead.length + runs.length);
  const first = await simulateParallel(exec, pop, [
    ...ahead,
    ...carryExits(
      shared.map((i) => runs[i]!),
      carried,
      null,
    ),
  ]);
  first.forEach((t, k) => (totals[k < ahead.length ? k : ahead.length + shared[k - ahead.length]!] = t));
  const pool: ExitCarry[] = []; // (the registers, made once and reused group after group)
  for (const group of groups(own, pop.householdCount, exec.settings.registersBytes)) {
    let slot = 0;
    const registers = group.map((v) => v.policies.map(() => (pool[slot++] ??= newExitCarry(pop.householdCount))));
    // the years before, from the file's register, each group's runs' registers rewritten in place
    for (const [k, y] of before!.years.entries()) {
      const year = group.flatMap((v, g) =>
        carryExits(
          v.policies.flatMap((p, s) => periodRuns(periodsOf(p, y), `register${g}/${s}`, s)),
          k ? registers[g]! : null,
          registers[g]!,
        ),
      );
      await simulateParallel(exec, before!.popOf(y), year);
    }
    const own = await simulateParallel(
      exec,
      pop,
      group.flatMap((v, g) => carryExits(runs.slice(v.at, v.at + v.count), registers[g]!, null)),
    );
    let k = 0;
    for (const v of group) for (let i = v.at; i < v.at + v.count; i++) totals[ahead.length + i] = own[k++]!;
  }
  return totals;
}

/** The variants in groups whose registers fit in `budget` bytes (one variant at least). */
function groups(variants: readonly Variant[], households: number, budget: number): Variant[][] {
  const out: Variant[][] = [];
  let bytes = Infinity;
  for (const v of variants) {
    const size = v.policies.length * BYTES_PER_HOUSEHOLD * households;
    if (bytes + size > budget) [out[out.length], bytes] = [[], 0];
    out.at(-1)!.push(v);
    bytes += size;
  }
  return out;
}
