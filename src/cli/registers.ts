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
// settings' registersBytes (64 MB), each group's years then its own year in passes of their own: the cost is (the years
// before + 1) × the year's evaluation, for the variants that differ only. In a window each is followed through it once
// (windowRegisters): one year's variant goes on from the year before's with the same values.
import type { Totals } from '../core/aggregate.js';
import { carryExits, periodRuns, periodsOf, registerKey } from '../core/budget-year.js';
import type { Policy } from '../core/parameters/tree.js';
import type { Population } from '../core/population.js';
import type { Batch, Variant } from '../core/sensitivity-plan.js';
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
  /** The varied runs' registers, made once and reused group after group (and year after year: a window's). */
  readonly pool: ExitCarry[];
}

/** A year's central policies: the baseline, then each scenario on it (as a sensitivity plan's variants hold theirs). */
export function centralPolicies(baseline: Policy, scenarios: readonly Scenario[]): Policy[] {
  return [baseline, ...scenarios.map((sc) => applyScenario(baseline, sc))];
}

const BYTES_PER_HOUSEHOLD = 11;

/**
 * The totals of `ahead` (runs carried already, evaluated first) and of `runs` (a plan's pass for `year`, by variant), in
 * that order, on the year's population: each variant from its own register where the years before make it another.
 * Those in `known` (a window's, followed through it: windowRegisters) are not run again.
 */
export async function evaluateOnRegisters(
  exec: Executor,
  pop: Population,
  year: number,
  batch: Batch,
  before: Before | null,
  ahead: readonly Run[] = [],
  known?: ReadonlyMap<number, Totals>,
): Promise<Totals[]> {
  const { runs, variants } = batch;
  const keys = before && registerKeys(before.years);
  const central = keys?.(before!.central, before!.years.length);
  const own = keys ? variants.filter((v) => !known?.has(v.at) && keys(v.policies, before!.years.length) !== central) : [];
  // the runs ahead and those of every variant alike with the central (or of none), from the central's register, in one pass
  const apart = new Uint8Array(runs.length);
  for (const v of own) apart.fill(1, v.at, v.at + v.count);
  for (const i of known?.keys() ?? []) apart[i] = 1;
  const shared = runs.flatMap((_, i) => (apart[i] ? [] : [i]));
  const totals: Totals[] = new Array<Totals>(ahead.length + runs.length);
  const first = await simulateParallel(exec, pop, [
    ...ahead,
    ...carryExits(
      shared.map((i) => runs[i]!),
      before?.carried ?? null,
      null,
    ),
  ]);
  first.forEach((t, k) => (totals[k < ahead.length ? k : ahead.length + shared[k - ahead.length]!] = t));
  for (const [i, t] of known ?? []) totals[ahead.length + i] = t;
  if (!own.length) return totals;
  // the others through the years before, then this one, each from the file's register
  const chain = { ...before!, years: [...before!.years, year] };
  const put = (v: Variant) => (t: readonly Totals[]) => t.forEach((x, k) => (totals[ahead.length + v.at + k] = x));
  await follow(
    exec,
    chain,
    pop.householdCount,
    own.map((v) => ({
      policies: v.policies,
      from: chain.years.length - 1,
      members: [{ runs: runs.slice(v.at, v.at + v.count), put: put(v) }],
    })),
  );
  return totals;
}

/**
 * A window's first passes' varied runs that need registers of their own (each year's plan: `batches`, the window's years
 * the last of `chain.years`), each followed through the window once: a variant of one year whose values up to it are
 * another year's variant's, year for year, goes on from that one's register (an estimate at its end is one variant in
 * every year it is in force). Run apart, a 1M-household window 2027–2029 ran 2026 three times and 2027 twice for each
 * (55 s against 20 s without registers of their own). By year, the totals by run index.
 */
export async function windowRegisters(
  exec: Executor,
  chain: Before,
  households: number,
  batches: readonly Batch[],
): Promise<Array<Map<number, Totals>>> {
  const keys = registerKeys(chain.years);
  const out = batches.map(() => new Map<number, Totals>());
  const first = chain.years.length - batches.length; // (the chain's index of the window's first year)
  const lineages: Lineage[] = [];
  let open = new Map<string, Lineage>(); // (those with a member the year before, by their values up to this year)
  batches.forEach((batch, i) => {
    const t = first + i;
    const central = keys(chain.central, t);
    const next = new Map<string, Lineage>();
    for (const v of batch.variants) {
      const key = keys(v.policies, t);
      if (key === central) continue;
      const member = {
        runs: batch.runs.slice(v.at, v.at + v.count),
        put: (x: readonly Totals[]) => x.forEach((y, k) => out[i]!.set(v.at + k, y)),
      };
      const on = open.get(key);
      open.delete(key);
      const lineage = on ?? { policies: v.policies, from: t, members: [] };
      lineage.members.push(member);
      if (!on) lineages.push(lineage);
      if (i + 1 < batches.length) next.set(keys(v.policies, t + 1), lineage);
    }
    open = next;
  });
  await follow(exec, chain, households, lineages);
  return out;
}

/** A variant followed through years: its policies for the years before its first (`from`), then its runs year by year. */
interface Lineage {
  readonly policies: readonly Policy[];
  /** The chain's index of its first year run as a member. */
  readonly from: number;
  readonly members: Array<{ readonly runs: readonly Run[]; readonly put: (totals: readonly Totals[]) => void }>;
}

/**
 * Each lineage through the chain's years from the file's register, its registers (one a run) rewritten in place year
 * after year, in groups that fit the settings' registersBytes: each year one pass of the group's lineages in it.
 */
async function follow(exec: Executor, chain: Before, households: number, lineages: readonly Lineage[]): Promise<void> {
  for (const group of groups(lineages, households, exec.settings.registersBytes)) {
    let slot = 0;
    const registers = group.map((l) => l.policies.map(() => (chain.pool[slot++] ??= newExitCarry(households))));
    const end = Math.max(...group.map((l) => l.from + l.members.length));
    for (let t = 0; t < end; t++) {
      const y = chain.years[t]!;
      const at: Array<{ lineage: Lineage; count: number }> = [];
      const runs = group.flatMap((l, g) => {
        if (t >= l.from + l.members.length) return [];
        const own =
          t < l.from ? l.policies.flatMap((p, s) => periodRuns(periodsOf(p, y), `register${g}/${s}`, s)) : l.members[t - l.from]!.runs;
        at.push({ lineage: l, count: own.length });
        return carryExits(own, t ? registers[g]! : null, registers[g]!);
      });
      const totals = await simulateParallel(exec, chain.popOf(y), runs);
      let k = 0;
      for (const { lineage, count } of at) {
        if (t >= lineage.from) lineage.members[t - lineage.from]!.put(totals.slice(k, k + count));
        k += count;
      }
    }
  }
}

/** Policies' values, year by year over the first `upto` of `years`, in what decides the register: one string (memoized). */
function registerKeys(years: readonly number[]): (policies: readonly Policy[], upto: number) => string {
  const memo = new WeakMap<Policy, string[]>();
  const of = (p: Policy, t: number) => {
    const ks = memo.get(p) ?? (memo.set(p, []), memo.get(p)!);
    return (ks[t] ??= registerKey(p, years[t]!));
  };
  return (policies, upto) => Array.from({ length: upto }, (_, t) => policies.map((p) => of(p, t)).join('\n')).join('\n\n');
}

/** The lineages in groups whose registers fit in `budget` bytes (one lineage at least). */
function groups(lineages: readonly Lineage[], households: number, budget: number): Lineage[][] {
  const out: Lineage[][] = [];
  let bytes = Infinity;
  for (const l of lineages) {
    const size = l.policies.length * BYTES_PER_HOUSEHOLD * households;
    if (bytes + size > budget) [out[out.length], bytes] = [[], 0];
    out.at(-1)!.push(l);
    bytes += size;
  }
  return out;
}
