// Comparison in one pass: the population is read once and every locality × (baseline + scenarios) is
// evaluated household by household. Besides the totals of each run it gathers, against the locality's
// baseline: winners and losers, person-level flows between layers, urban/rural and income-decile splits.
import { ExactSum, Totals, type PlainTotals } from './aggregate.js';
import { addChange, addGroup, areaSums, changeSums, decileSums, type ChangeSums, type GroupSums } from './changes.js';
import { evaluateHousehold, firstStepsLikeByArea, newContext, quietAll, quietEverywhere } from './engine.js';
import { Unreached } from './unreached.js';
import { eligibleFor } from './result.js';
import { DOUBLE_ZERO } from './records.js';
import { markReached, reachIndex, type ReachIndex } from './reach-index.js';
import type { Ctx } from './programs/context.js';
import { LAYER, LAYER_SLOT, LAYERS } from './layers.js';
import type { Population } from './population.js';
import type { Deciles } from './deciles.js';
import { incomeDeciles } from './deciles.js';
import { sameFirstSteps, type Rules } from './rules.js';

export { LAYERS, type Layer } from './layers.js';

/** The layer a person is in after a run (LAYERS' index): the first three by the person, the rest by the household. */
export function layerOf(c: Ctx, k: number): number {
  const i = k - c.start;
  if (c.tekun[i]) return LAYER.tekun;
  if (c.isDibao) return LAYER.dibao;
  if (c.single[i]) return LAYER.single_person;
  // (eligibility, as tekun and dibao above: a rigid-aid household that declined it was in no layer, a code review)
  for (let l = LAYER.rigid_aid; l < LAYER.none; l++) if (eligibleFor(c.out, LAYER_SLOT[l]!)) return l;
  return LAYER.none;
}

export interface RunResult {
  readonly locality: number;
  readonly scenario: string;
  readonly totals: Totals;
  readonly changes: ChangeSums;
  /** transitions[from][to]: Σ weight over persons in layer `from` under the baseline and `to` under this run. */
  readonly transitions: ExactSum[][];
  /**
   * The same over the losers' persons alone: where a reform's losers went (a policy author's unifying reform had 29
   * losers, unexplained: members included alone whose household now qualifies whole, paid S × n − I).
   */
  readonly loserTransitions: ExactSum[][];
  readonly byArea: readonly [GroupSums, GroupSums];
  readonly byDecile: readonly GroupSums[];
  /** Each household's annual amount (fen), when asked for. */
  readonly annual?: Float64Array;
}

export interface LocalityRuns {
  /** Rules of the baseline first, then of each scenario. */
  readonly runs: ReadonlyArray<{ readonly id: string; readonly rules: Rules }>;
}

export { incomeDeciles, type Deciles } from './deciles.js';
export type { ChangeSums, GroupSums } from './changes.js';

function newResult(locality: number, scenario: string, pop: Population | null, annuals: boolean): RunResult {
  return {
    locality,
    scenario,
    totals: new Totals(),
    changes: changeSums(),
    transitions: LAYERS.map(() => LAYERS.map(() => new ExactSum())),
    loserTransitions: LAYERS.map(() => LAYERS.map(() => new ExactSum())),
    byArea: areaSums(),
    byDecile: decileSums(),
    ...(annuals && pop ? { annual: new Float64Array(pop.householdCount) } : {}),
  };
}

/** Adds household h, just evaluated in c, to a run's result, against the baseline's annual amount and layers. */
function accumulate(
  res: RunResult,
  c: Ctx,
  h: number,
  w: number,
  baseAnnual: number,
  baseEligible: number,
  baseLayers: Uint8Array,
  baseOffset: number,
  decile: number,
): void {
  const { pop, out: r } = c;
  const size = c.end - c.start;
  res.totals.add(w, r);
  if (res.annual) res.annual[h] = r.total;
  addGroup(res.byArea[pop.area[h]!]!, w, size, baseAnnual, r.total);
  addGroup(res.byDecile[decile]!, w, size, baseAnnual, r.total);
  const lost = addChange(res.changes, w, size, baseAnnual, r.total, baseEligible, r.eligibleTotal);
  // Persons by (baseline layer, layer now): a household's members mostly share one pair, so runs of a pair are added at once.
  let from = -1;
  let to = -1;
  let run = 0;
  for (let k = c.start; k < c.end; k++) {
    const f = baseLayers[baseOffset + k - c.start]!;
    const t = layerOf(c, k);
    if (f !== from || t !== to) {
      if (run) addFlow(res, lost, from, to, w, run);
      from = f;
      to = t;
      run = 0;
    }
    run++;
  }
  if (run) addFlow(res, lost, from, to, w, run);
}

/** `run` persons of weight w from layer `from` to `to`; a loser's among the losers' too. */
function addFlow(res: RunResult, lost: boolean, from: number, to: number, w: number, run: number): void {
  res.transitions[from]![to]!.addProduct(w, run);
  if (lost) res.loserTransitions[from]![to]!.addProduct(w, run);
}

/**
 * Evaluates every locality's runs over the population (or households [from, to): a partial result, to merge
 * with mergeResult) in one pass. `screen: false`: every step for every household (the screen's test).
 */
export function compare(
  pop: Population,
  localities: readonly LocalityRuns[],
  deciles: Deciles = incomeDeciles(pop),
  opts: {
    annuals?: boolean;
    from?: number;
    to?: number;
    screen?: boolean;
    /**
     * By locality and run: its run against the first locality's same run (its baseline against the first's baseline, a
     * scenario against the same scenario there), household by household (filled for localities 1, 2, …; acrossAdd).
     */
    across?: ReadonlyArray<readonly RunResult[]>;
  } = {},
): RunResult[][] {
  const results = localities.map((l, li) => l.runs.map((run) => newResult(li, run.id, pop, Boolean(opts.annuals))));
  const contexts = localities.map((l) => l.runs.map((r) => newContext(pop, r.rules, null, opts.screen ?? true)));
  // By locality, run and area (run i, area a at 2i + a): the context it takes steps 1–2 over from.
  const like = localities.map((l, li) =>
    firstStepsLikeByArea(l.runs.map((r) => r.rules))
      .flat()
      .map((j) => (j < 0 ? null : contexts[li]![j]!)),
  );
  // Per locality: households none of its runs reaches, counted apart (unreached.ts).
  const quiet = contexts.map((cs) => quietAll(cs));
  const unreached = localities.map(() => new Unreached());
  let baseLayers = new Uint8Array(16);
  const across = opts.across;
  const firstRuns = localities[0]?.runs.length ?? 0;
  const firstAnnual = new Float64Array(firstRuns); // the first locality's runs for h
  const firstEligible = new Float64Array(firstRuns);
  for (let h = opts.from ?? 0; h < (opts.to ?? pop.householdCount); h++) {
    const w = pop.weight[h]!;
    const size = pop.offsets[h + 1]! - pop.offsets[h]!;
    if (baseLayers.length < size) baseLayers = new Uint8Array(size * 2);
    for (let l = 0; l < localities.length; l++) {
      const q = quiet[l];
      if (q && quietEverywhere(q, pop, h)) {
        unreached[l]!.add(pop.area[h]!, deciles.of[h]!, w, size);
        for (const r of results[l]!) if (r.annual) r.annual[h] = 0;
        if (across && l)
          for (let i = 0; i < across[l]!.length; i++)
            acrossAdd(across[l]![i]!, pop, h, w, size, firstAnnual[i]!, firstEligible[i]!, 0, 0, deciles.of[h]!);
        else if (across) {
          firstAnnual.fill(0);
          firstEligible.fill(0);
        }
        continue;
      }
      let baseAnnual = 0;
      let baseEligible = 0;
      for (let i = 0; i < contexts[l]!.length; i++) {
        const c = contexts[l]![i]!;
        evaluateHousehold(c, h, like[l]![2 * i + pop.area[h]!]!);
        if (i === 0) {
          baseAnnual = c.out.total;
          baseEligible = c.out.eligibleTotal;
          for (let k = c.start; k < c.end; k++) baseLayers[k - c.start] = layerOf(c, k);
        }
        if (across && l === 0) {
          firstAnnual[i] = c.out.total;
          firstEligible[i] = c.out.eligibleTotal;
        } else if (across && i < across[l]!.length)
          acrossAdd(across[l]![i]!, pop, h, w, size, firstAnnual[i]!, firstEligible[i]!, c.out.total, c.out.eligibleTotal, deciles.of[h]!);
        accumulate(results[l]![i]!, c, h, w, baseAnnual, baseEligible, baseLayers, 0, deciles.of[h]!);
      }
    }
  }
  results.forEach((runs, l) => runs.forEach((r) => unreached[l]!.into(r)));
  return results;
}

/**
 * Household h under a locality's run against the first locality's same run (the same households under other rules: a
 * researcher comparing provinces had to diff per-household rows by hand for who gains and who loses). Winners and
 * losers, areas and deciles; no flows between layers (each locality's layers are its own rules').
 */
function acrossAdd(
  res: RunResult,
  pop: Population,
  h: number,
  w: number,
  size: number,
  base: number,
  baseEligible: number,
  now: number,
  nowEligible: number,
  decile: number,
): void {
  addGroup(res.byArea[pop.area[h]!]!, w, size, base, now);
  addGroup(res.byDecile[decile]!, w, size, base, now);
  addChange(res.changes, w, size, base, now, baseEligible, nowEligible);
}

/** What a baseline leaves to compare other runs against, as arrays (handed to worker threads as they are). */
export interface BaselineArrays {
  /** Annual amount per household, and had it taken up every program it is eligible for. */
  readonly annual: Float64Array;
  readonly eligible: Float64Array;
  /** Layer code per person, in pop.members order (0: tekun). */
  readonly layers: Uint8Array;
  /** Steps 1–2 per household — n, I, assets_ok — for a run that takes them over (sameFirstSteps). */
  readonly n: Int32Array;
  readonly I: Float64Array;
  readonly assetsOk: Uint8Array;
}

export interface BaselineCache extends BaselineArrays {
  readonly rules: Rules;
}

export function baselineCache(pop: Population, rules: Rules): BaselineCache {
  const H = pop.householdCount;
  const base = {
    annual: new Float64Array(H),
    eligible: new Float64Array(H),
    layers: new Uint8Array(pop.personCount),
    n: new Int32Array(H),
    I: new Float64Array(H),
    assetsOk: new Uint8Array(H),
    rules,
  };
  const c = newContext(pop, rules);
  for (let h = 0; h < H; h++) {
    evaluateHousehold(c, h);
    base.annual[h] = c.out.total;
    base.eligible[h] = c.out.eligibleTotal;
    for (let k = c.start; k < c.end; k++) base.layers[k] = layerOf(c, k);
    base.n[h] = c.n;
    base.I[h] = c.I;
    base.assetsOk[h] = c.assetsOk ? 1 : 0;
  }
  return base;
}

/** One run against a cached baseline: the same result as compare's, evaluating only this run. */
export function compareWithBaseline(
  pop: Population,
  base: BaselineCache,
  run: { readonly id: string; readonly rules: Rules },
  deciles: Deciles,
  opts: { annuals?: boolean; screen?: boolean } = {},
): RunResult {
  const res = newResult(0, run.id, pop, Boolean(opts.annuals));
  const takeOver = sameFirstSteps(base.rules, run.rules);
  compareRange(res, pop, base, base.rules, run.rules, deciles.of, 0, pop.householdCount, takeOver, opts.screen ?? true);
  return res;
}

/**
 * Adds households [from, to) under `rules`, against the cached baseline (compiled from `baseRules`), to res (and to
 * res.annual, when it has one). `takeOver`: the rules have sameFirstSteps as the baseline's, whose steps 1–2 are then
 * taken over.
 */
export function compareRange(
  res: RunResult,
  pop: Population,
  base: BaselineArrays,
  baseRules: Rules,
  rules: Rules,
  decileOf: Uint8Array,
  from: number,
  to: number,
  takeOver: boolean,
  screen = true,
): void {
  const c = newContext(pop, rules, null, screen);
  const steps = takeOver ? { tekun: new Uint8Array(16), n: 0, I: DOUBLE_ZERO, assetsOk: false } : null;
  // Households neither the baseline nor the run reaches, counted apart (unreached.ts): found by the reach index (the
  // others are then not visited at all; the common case of one employment deduction), else asked household by household.
  const q = quietAll([newContext(pop, baseRules, null, screen), c]);
  const group = q?.groups.length === 1 ? q.groups[0]! : null;
  const idx = group && reachIndex(pop, group.sums, from, to);
  if (idx) markReached(idx, pop, group!.sums, group!.screens);
  if (idx && res.annual) res.annual.fill(0, from, to);
  const unreached = new Unreached();
  const reached = idx ? new Unreached() : null;
  for (let h = from; h < to; h++) {
    if (idx) {
      if (idx.mark[h - from] === 0) continue;
      idx.mark[h - from] = 0;
      reached!.add(pop.area[h]!, decileOf[h]!, pop.weight[h]!, pop.offsets[h + 1]! - pop.offsets[h]!);
    } else if (q && quietEverywhere(q, pop, h)) {
      unreached.add(pop.area[h]!, decileOf[h]!, pop.weight[h]!, pop.offsets[h + 1]! - pop.offsets[h]!);
      if (res.annual) res.annual[h] = 0;
      continue;
    }
    if (steps) {
      const start = pop.offsets[h]!;
      const size = pop.offsets[h + 1]! - start;
      if (steps.tekun.length < size) steps.tekun = new Uint8Array(size * 2);
      for (let i = 0; i < size; i++) steps.tekun[i] = base.layers[start + i] === 0 ? 1 : 0;
      steps.n = base.n[h]!;
      steps.I = base.I[h]!;
      steps.assetsOk = base.assetsOk[h] === 1;
    }
    evaluateHousehold(c, h, steps);
    accumulate(res, c, h, pop.weight[h]!, base.annual[h]!, base.eligible[h]!, base.layers, c.start, decileOf[h]!);
  }
  (idx ? rangeHouseholds(idx, pop, decileOf).without(reached!) : unreached).into(res);
}

const everyHousehold = new WeakMap<ReachIndex, { readonly deciles: Uint8Array; readonly all: Unreached }>();

/**
 * Every household of the index's range, counted as Unreached counts them: once per range and deciles (compared by
 * value: a worker gets the same deciles as a new array with every job).
 */
function rangeHouseholds(idx: ReachIndex, pop: Population, decileOf: Uint8Array): Unreached {
  const { from, to } = idx;
  const had = everyHousehold.get(idx);
  if (had && sameFrom(had.deciles, decileOf, from)) return had.all;
  const all = new Unreached();
  for (let h = from; h < to; h++) all.add(pop.area[h]!, decileOf[h]!, pop.weight[h]!, pop.offsets[h + 1]! - pop.offsets[h]!);
  everyHousehold.set(idx, { deciles: decileOf.slice(from, to), all });
  return all;
}

/** a equals b[from, from + a.length). */
function sameFrom(a: Uint8Array, b: Uint8Array, from: number): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[from + i]) return false;
  return true;
}

/** An empty result, for a worker to fill (compareRange) and hand back as plainResult. */
export function emptyRunResult(scenario: string, annual?: Float64Array, locality = 0): RunResult {
  return { ...newResult(locality, scenario, null, false), ...(annual ? { annual } : {}) };
}

/**
 * compare's `across` for these localities (several: by locality, a result for each run the first locality also has; the
 * first's own stay empty), or undefined for one.
 */
export function newAcross(localities: readonly { readonly runs: readonly unknown[] }[]): RunResult[][] | undefined {
  if (localities.length < 2) return undefined;
  const runs = Math.min(...localities.map((l) => l.runs.length));
  return localities.map((_, l) => Array.from({ length: runs }, () => emptyRunResult('across', undefined, l)));
}

/** A result's sums as plain data (bigints) for postMessage, in a fixed order. */
export interface PlainRunResult {
  readonly totals: PlainTotals;
  readonly sums: readonly bigint[];
}

/** Every sum of a result but the totals, in a fixed order. */
function sumsOf(r: RunResult): ExactSum[] {
  return [
    ...Object.values(r.changes),
    ...r.transitions.flat(),
    ...r.loserTransitions.flat(),
    ...[...r.byArea, ...r.byDecile].flatMap((g) => [g.households, g.persons, g.baseline, g.cost]),
  ];
}

export function plainResult(r: RunResult): PlainRunResult {
  return { totals: r.totals.plain(), sums: sumsOf(r).map((s) => s.value()) };
}

/** Adds a partial result (of other households) into r, exactly. */
export function mergeResult(r: RunResult, p: PlainRunResult): void {
  r.totals.merge(Totals.of(p.totals));
  sumsOf(r).forEach((s, i) => s.merge(ExactSum.of(p.sums[i]!)));
}
