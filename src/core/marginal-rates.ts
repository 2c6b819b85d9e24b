// Effective marginal rates across a population (悬崖效应 measured, 002): for every household, the rate on `delta` fen
// more a month of its main earner's wage — 1 − (Δearnings + Δcash programs) / Δearnings, in a view of cliff.ts
// (monthly: a month's programs; annual: the year's) — counted in bands, weighted, overall and by the household's layer under the baseline. Integers only: a
// band is decided by comparing twelfths of a fen, so the figures are exact and the same whatever the thread count.
import { ExactSum } from './aggregate.js';
import { cashTwelfths, type View } from './cliff.js';
import { evaluateHousehold, newContext, type HouseholdResult } from './engine.js';
import { populationOf, type HouseholdSpec, type Population } from './population.js';
import { LAYER, LAYER_SLOT, LAYERS } from './layers.js';
import { fastRecord } from './records.js';
import { eligibleFor } from './result.js';
import { FILE_REGISTER } from './programs/context.js';
import type { TakeUpRules } from './programs/take-up.js';
import { stepRules } from './rules.js';
import { dibaoOf } from './year-exit.js';
import type { Run } from './simulate.js';

/**
 * Rate bands, lowest first. 100 % exactly — all of the next yuan lost, as dibao's gap payment takes it back — apart
 * from more than 100 %, a cliff (more lost than earned): one "≥ 100 %" band showed the taper as cliffs, ~20 times the
 * cliffs on a generated Nanning (a researcher's trial).
 */
export const BANDS = ['< 0 %', '0–50 %', '50–80 %', '80–100 %', '100 %', '> 100 %'] as const;
export const AT_LEAST_100 = BANDS.indexOf('100 %');
export const ABOVE_100 = BANDS.indexOf('> 100 %');

/**
 * The band of a rate 1 − gain / (12 × delta), where gain is what the household keeps of 12 × delta (twelfths of a
 * fen): rate < 0 ⇔ gain > 12δ; < 50 % ⇔ 2 × gain > 12δ; < 80 % ⇔ 5 × gain > 12δ; < 100 % ⇔ gain > 0; 100 % ⇔ gain = 0.
 */
export function bandOf(gain: number, delta: number): number {
  const d = 12 * delta;
  return gain > d ? 0 : 2 * gain > d ? 1 : 5 * gain > d ? 2 : gain > 0 ? 3 : gain === 0 ? 4 : 5;
}

/**
 * A household's layer, most protective first (as compare's layers, by household: by eligibility, take-up aside). A
 * household one of whose members alone is on dibao (单人户施保) is single_person, not dibao (an economist's trial: 143
 * such households were read as dibao households, whose rates are another matter).
 */
export const HOUSEHOLD_LAYERS = LAYERS;
const LAYER_SLOTS = LAYER_SLOT.slice(0, LAYER.none);

export function layerOf(r: HouseholdResult): number {
  for (let l = 0; l < LAYER_SLOTS.length; l++) if (eligibleFor(r, LAYER_SLOTS[l]!)) return l;
  return LAYER_SLOTS.length;
}

/** The member whose next yuan is measured: the highest wage (the first of equals); else the first adult (18–59) who can work. */
export function mainEarner(pop: Population, h: number): number {
  let best = -1;
  for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++) {
    const p = pop.members[k]!;
    if (pop.wage[p]! > 0 && (best < 0 || pop.wage[p]! > pop.wage[best]!)) best = p;
  }
  if (best >= 0) return best;
  for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++) {
    const p = pop.members[k]!;
    if (pop.age[p]! >= 18 && pop.age[p]! < 60 && pop.labor[p]! !== 2) return p;
  }
  return -1;
}

/** One run's bands: Σ weight (millionths) per band, overall and by baseline layer; the households at ≥ 100 %. */
export interface RateBands {
  readonly overall: bigint[];
  readonly byLayer: bigint[][];
  /** Households with no one to earn the next yuan (no wage, no adult who can work). */
  noEarner: bigint;
  /** Indices of the first households (in file order) facing ≥ 100 %, at most MAX_IDS; and how many there are. */
  readonly above: number[];
  aboveCount: number;
}
export const MAX_IDS = 100;

const emptyBands = (): RateBands => ({
  overall: BANDS.map(() => 0n),
  byLayer: HOUSEHOLD_LAYERS.map(() => BANDS.map(() => 0n)),
  noEarner: 0n,
  above: [],
  aboveCount: 0,
});

/**
 * Each household's own figures, when asked for (`cliff --households … --per-household`): under each run what it keeps
 * of 12 × delta (fen a year; NaN with no main earner), and its layer under the baseline. Arrays of the whole
 * population, in shared memory when the workers fill them (each its range).
 */
export interface PerHouseholdRates {
  readonly gains: readonly Float64Array[];
  readonly layers: Uint8Array;
}

/** Households [from, to) under each run: the bands of the rate on `delta` fen more of the main earner's wage. */
export function rateBands(
  pop: Population,
  runs: readonly Run[],
  delta: number,
  view: View = 'monthly',
  from = 0,
  to = pop.householdCount,
  each: PerHouseholdRates | null = null,
): RateBands[] {
  // Cash programs in fen a year, in the view: a month's × 12, or the year's.
  const cash = view === 'monthly' ? cashTwelfths : (r: HouseholdResult) => r.total;
  // The population with each main earner's wage raised by delta (a copy of the wage column; the rest shared).
  const wage = new (pop.wage.constructor as new (a: ArrayLike<number>) => typeof pop.wage)(pop.wage);
  const earner = new Int32Array(to - from);
  for (let h = from; h < to; h++) {
    const m = (earner[h - from] = mainEarner(pop, h));
    if (m >= 0) wage[m] = wage[m]! + delta;
  }
  const keys = Object.keys(pop);
  const plus = fastRecord<Population>(
    keys,
    keys.map((k) => (k === 'wage' ? wage : (pop as unknown as Record<string, unknown>)[k])),
  );
  const before = runs.map((r) => newContext(pop, r.rules));
  // (rigid aid is dibao where rigid.aid_group says so: Nanning's, 000（一）)
  const aidIsDibao = runs.map((r) => stepRules<TakeUpRules>(r.rules, 'take_up').aidAsDibao >= 0);
  const after = runs.map((r) => newContext(plus, r.rules));
  const sums = runs.map(() => ({
    overall: BANDS.map(() => new ExactSum()),
    byLayer: HOUSEHOLD_LAYERS.map(() => BANDS.map(() => new ExactSum())),
    none: new ExactSum(),
  }));
  const out = runs.map(emptyBands);
  for (let h = from; h < to; h++) {
    const w = pop.weight[h]!;
    let layer = 0;
    for (let i = 0; i < runs.length; i++) {
      const r0 = evaluateHousehold(before[i]!, h);
      if (i === 0) {
        layer = layerOf(r0);
        if (each) each.layers[h] = layer;
      }
      if (earner[h - from]! < 0) {
        sums[i]!.none.addProduct(w, 1);
        if (each) each.gains[i]![h] = NaN;
        continue;
      }
      const cash0 = cash(r0);
      // A household paid dibao now is on dibao as it earns more: past the line it enters the gradual exit with the
      // dibao it is paid (003 §11: 对已就业的低保对象…超过当地低保标准后给予6个月渐退期), whatever the file's on_dibao
      // says (a generated file marks only households already in their exit: a gradual-exit reform moved no rate, a
      // researcher's trial). One not paid dibao stays as the file has it.
      const paid = dibaoOf(r0, aidIsDibao[i]!);
      const gain = 12 * delta + cash(evaluateHousehold(after[i]!, h, null, paid > 0 ? paid : FILE_REGISTER)) - cash0;
      if (each) each.gains[i]![h] = gain;
      const b = bandOf(gain, delta);
      sums[i]!.overall[b]!.addProduct(w, 1);
      sums[i]!.byLayer[layer]![b]!.addProduct(w, 1);
      if (b >= AT_LEAST_100) {
        const o = out[i]!;
        o.aboveCount++;
        if (o.above.length < MAX_IDS) o.above.push(h);
      }
    }
  }
  return out.map((o, i) => ({
    ...o,
    overall: sums[i]!.overall.map((s) => s.value()),
    byLayer: sums[i]!.byLayer.map((xs) => xs.map((s) => s.value())),
    noEarner: sums[i]!.none.value(),
  }));
}

/** Adds `b` (a later range of households) into `a`: exact, whatever the cut. */
export function mergeBands(a: RateBands, b: RateBands): void {
  b.overall.forEach((x, i) => (a.overall[i]! += x));
  b.byLayer.forEach((xs, l) => xs.forEach((x, i) => (a.byLayer[l]![i]! += x)));
  a.noEarner += b.noEarner;
  a.aboveCount += b.aboveCount;
  for (const h of b.above) if (a.above.length < MAX_IDS) a.above.push(h);
}

export { emptyBands };

/** The main earner of a described household, as an index into its persons (the first person when there is none). */
export function mainMemberOf(spec: HouseholdSpec): number {
  return Math.max(0, mainOrNone(spec));
}

/** The main earner's index among the household's members, or -1 when it has none (no wage, no adult who can work). */
export function mainOrNone(spec: HouseholdSpec): number {
  const one = populationOf([spec]);
  const p = mainEarner(one, 0);
  return p < 0 ? -1 : one.members.indexOf(p);
}
