// tui --year: a locality's baseline year kept, household by household, so that a knob's year is evaluated alone
// against it. Each knob move evaluated the baseline's periods again beside the knob's, though the baseline's figures
// never change: 354–393 ms a move on 1M households and 2 workers, 211–254 ms with the baseline kept.
//
// What a run's change over the year reads of the baseline (year-changes.ts add) is the household's year, and — only
// where that is not 0, as only there can the household lose — the year it would have had taking up every program it
// is eligible for (a take-up loser) and its year by program (the program it lost most in). Those are kept for the
// households [from, to) the pass evaluated, with the baseline's own totals and changes, so that a pass on the kept
// baseline gives what a pass on every run gives, exactly (test/core/year-kept.test.ts). A worker keeps its range's.
import { Totals, type PlainTotals } from './aggregate.js';
import { ExactSum } from './exact-sum.js';
import { keyOf } from './keys.js';
import { addChange, addGroup } from './changes.js';
import type { Population } from './population.js';
import { PROGRAMS } from './programs/index.js';
import { simulateRange, type Run } from './simulate.js';
import { emptyYearChanges, sumsOf, yearChanges, yearOf, type YearChangeResult, type YearChanges } from './year-changes.js';
import { periodGroups } from './year-exit.js';
import { twelfthsToFen, YearRows, type HouseholdYear } from './year-rows.js';

/** Which baseline a pass's first runs are (its own number: the same baseline, the same number) and how many periods it has. */
export interface BaselineRef {
  readonly key: number;
  readonly periods: number;
}

/** A baseline's number (`run`: its year run, the same object for every pass on it). */
export const baselineKey = (run: object): number => keyOf(run);

/** By area (urban, rural) then income decile: a group's index (2 + the decile for a decile's). */
const AREAS_DECILES = Array.from({ length: 12 }, (_, k) => k);

/** A baseline's year over households [from, to) of a population. Index i is household from + i. */
export interface KeptBaseline {
  readonly pop: Population;
  readonly from: number;
  readonly to: number;
  readonly periods: number;
  /** Its period runs' totals over the range, and its own changes' sums (year-changes.ts sumsOf): everyone unchanged. */
  readonly totals: readonly PlainTotals[];
  readonly changes: readonly bigint[];
  /** Each household's year, twelfths of a fen; and in whole fen (what the pass writes into its `annual`). */
  readonly year: Float64Array;
  readonly fen: Float64Array;
  /**
   * The range's households and persons (Σ weight, Σ weight × persons) by area then decile: every run's groups count
   * every household once, so a household no run gives anything is counted as what they leave (fillStill).
   */
  readonly everyone: { readonly households: readonly bigint[]; readonly persons: readonly bigint[] };
  /** Where the year is not 0, its index k in `eligible` and `slotAt`; else −1. */
  readonly at: Int32Array;
  /** By k: the year taking up every program it is eligible for (twelfths of a fen). */
  readonly eligible: Float64Array;
  /** By k: its programs with a year, slot[slotAt[k]] … slot[slotAt[k + 1] − 1] (in slot order), and their years. */
  readonly slotAt: Int32Array;
  readonly slot: Uint8Array;
  readonly value: Float64Array;
}

/** Takes a baseline's year household by household, in order, as yearChanges hands it (`keep`). */
export class BaselineKeeper {
  private readonly year: Float64Array;
  private readonly at: Int32Array;
  private readonly eligible: number[] = [];
  private readonly slotAt: number[] = [0];
  private readonly slot: number[] = [];
  private readonly value: number[] = [];

  constructor(
    private readonly from: number,
    private readonly to: number,
  ) {
    this.year = new Float64Array(to - from);
    this.at = new Int32Array(to - from).fill(-1);
  }

  add(h: number, now: number, y: HouseholdYear): void {
    if (now === 0) return;
    const i = h - this.from;
    this.year[i] = now;
    this.at[i] = this.eligible.length;
    this.eligible.push(y.eligibleTwelfths);
    for (let j = 0; j < y.twelfths.length; j++)
      if (y.twelfths[j] !== 0) {
        this.slot.push(j);
        this.value.push(y.twelfths[j]!);
      }
    this.slotAt.push(this.slot.length);
  }

  /** What was kept, with the pass's result for the baseline (its first `periods` runs and its year's changes). */
  done(pop: Population, decileOf: Uint8Array, periods: number, r: YearChanges): KeptBaseline {
    const { from, to } = this;
    const [households, persons] = [AREAS_DECILES.map(() => new ExactSum()), AREAS_DECILES.map(() => new ExactSum())];
    for (let h = from; h < to; h++) {
      const [w, p] = [pop.weight[h]!, pop.offsets[h + 1]! - pop.offsets[h]!];
      households[pop.area[h]!]!.addProduct(w, 1);
      persons[pop.area[h]!]!.addProduct(w, p);
      households[2 + decileOf[h]!]!.addProduct(w, 1);
      persons[2 + decileOf[h]!]!.addProduct(w, p);
    }
    return {
      pop,
      from,
      to,
      periods,
      totals: r.totals.slice(0, periods).map((t) => t.plain()),
      changes: sumsOf(r.changes[0]!).map((x) => x.value()),
      year: this.year,
      fen: this.year.map((t) => twelfthsToFen(t).fen),
      everyone: { households: households.map((x) => x.value()), persons: persons.map((x) => x.value()) },
      at: this.at,
      eligible: Float64Array.from(this.eligible),
      slotAt: Int32Array.from(this.slotAt),
      slot: Uint8Array.from(this.slot),
      value: Float64Array.from(this.value),
    };
  }
}

/**
 * yearChanges for one locality's runs whose first `ref.periods` are its baseline's year: on the baseline kept in
 * `kept` for this population and range, the later runs alone; else every run, the baseline then kept (and what was
 * kept for another population dropped). The same result either way.
 */
export function yearChangesKeeping(
  kept: Map<number, KeptBaseline>,
  ref: BaselineRef,
  pop: Population,
  runs: readonly Run[],
  decileOf: Uint8Array,
  from = 0,
  to = pop.householdCount,
  annual: readonly Float64Array[] | null = null,
): YearChanges {
  const k = kept.get(ref.key);
  if (k && k.pop === pop && k.from === from && k.to === to && k.periods === ref.periods)
    return yearChangesOnKept(pop, k, runs.slice(ref.periods), decileOf, annual);
  if (periodGroups(runs.map((r) => r.period))?.[0]?.length !== ref.periods)
    throw new Error('kept baseline: its periods are not the first year');
  const keeper = new BaselineKeeper(from, to);
  const r = yearChanges(pop, runs, decileOf, from, to, annual, keeper);
  for (const [key, b] of kept) if (b.pop !== pop) kept.delete(key);
  kept.set(ref.key, keeper.done(pop, decileOf, ref.periods, r));
  return r;
}

/** The runs' years (each against the kept baseline), after the baseline's own: yearChanges' result for the baseline's runs and these. */
function yearChangesOnKept(
  pop: Population,
  kept: KeptBaseline,
  runs: readonly Run[],
  decileOf: Uint8Array,
  annual: readonly Float64Array[] | null,
): YearChanges {
  const years = periodGroups(runs.map((r) => r.period))?.length ?? 0;
  const own = emptyYearChanges();
  sumsOf(own).forEach((x, j) => x.merge(ExactSum.of(kept.changes[j]!)));
  const changes = [own, ...Array.from({ length: years }, emptyYearChanges)];
  const rows = new YearRows(runs, (h, g, y) => {
    const now = yearOf(y);
    if (annual) annual[g + 1]![h] = twelfthsToFen(now).fen;
    against(changes[g + 1]!, pop, kept, h, decileOf, now, y.eligibleTwelfths, y.twelfths);
  });
  // (a household no run here gives anything: a loser of all of it where the baseline gave it something; else
  // unchanged at 0, counted at the end: fillStill)
  const nothing = new Float64Array(PROGRAMS.length);
  const quiet = (h: number) => {
    if (kept.year[h - kept.from] !== 0) for (let g = 1; g <= years; g++) against(changes[g]!, pop, kept, h, decileOf, 0, 0, nothing);
  };
  const partial = simulateRange(pop, runs, kept.from, kept.to, rows.add, rows.exit, quiet);
  for (const c of changes.slice(1)) fillStill(c, kept);
  annual?.[0]!.set(kept.fen, kept.from);
  const totals = [...kept.totals.map((t) => Totals.of(t)), ...partial.map(() => new Totals())];
  partial.forEach((p, i) => totals[kept.periods + i]!.merge(p));
  return { totals, changes, across: changes.map(emptyYearChanges) };
}

/** The households c's groups do not count yet (those no run gave anything, as the baseline): unchanged, at 0. */
function fillStill(c: YearChangeResult, kept: KeptBaseline): void {
  [...c.byArea, ...c.byDecile].forEach((g, k) => {
    const still = kept.everyone.households[k]! - g.households.value();
    g.households.merge(ExactSum.of(still));
    g.persons.merge(ExactSum.of(kept.everyone.persons[k]! - g.persons.value()));
    if (k < c.byArea.length) c.changes.unchanged.merge(ExactSum.of(still));
  });
}

/** Household h's year `now` against the kept baseline's into c (as year-changes.ts add). */
function against(
  c: YearChangeResult,
  pop: Population,
  kept: KeptBaseline,
  h: number,
  decileOf: Uint8Array,
  now: number,
  nowEligible: number,
  nowSlots: Float64Array,
): void {
  const [w, persons] = [pop.weight[h]!, pop.offsets[h + 1]! - pop.offsets[h]!];
  const i = h - kept.from;
  const [base, k] = [kept.year[i]!, kept.at[i]!];
  // (a loser's baseline year is not 0: k ≥ 0)
  if (addChange(c.changes, w, persons, base, now, k < 0 ? 0 : kept.eligible[k]!, nowEligible))
    c.losersBy[mostLostKept(kept, k, nowSlots)]!.addProduct(w, 1);
  addGroup(c.byArea[pop.area[h]!]!, w, persons, base, now);
  addGroup(c.byDecile[decileOf[h]!]!, w, persons, base, now);
}

/**
 * year-changes.ts mostLost over the kept programs: the first program whose year fell most. A loser's largest fall is
 * in a program it had in the baseline (one with none cannot fall), so those alone are looked at, in slot order.
 */
function mostLostKept(kept: KeptBaseline, k: number, now: Float64Array): number {
  let [best, by] = [0, -Infinity];
  for (let s = kept.slotAt[k]!; s < kept.slotAt[k + 1]!; s++) {
    const j = kept.slot[s]!;
    if (kept.value[s]! - now[j]! > by) [best, by] = [j, kept.value[s]! - now[j]!];
  }
  return best;
}
