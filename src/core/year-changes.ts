// compare --year: who gains and who loses over a budget year. A household's year under each run is what simulate --year
// --per-household gives it (year-rows.ts: each period's months, the gradual exit in the months it is paid), and its
// change is its year against its locality's baseline's year — the measure a finance bureau budgets, where one date's
// winners (compare --date) miss a raise from April or an exit paid from January. A reform analyst's trial had to diff
// the per-household rows with a script of their own to brief leadership on a projected year's gainers.
//
// The flows between layers stay a date's (a household's layer changes inside a year). Sums are exact: amounts in
// twelfths of a fen, as the year's totals add them. Where several localities run, each one's runs' years are also set
// against the first's same runs' (`across`: the same households under one place's rules against another's, over the
// year; under scenarios/full-coverage.yaml, the rules alone).
import { ExactSum, Totals, type PlainTotals } from './aggregate.js';
import { addChange, addGroup, areaSums, changeSums, decileSums, type ChangeSums, type GroupSums } from './changes.js';
import type { Population } from './population.js';
import { simulateRange, type Run } from './simulate.js';
import { twelfthsToFen, YearRows, type HouseholdYear } from './year-rows.js';
import { periodGroups } from './year-exit.js';
import { PROGRAMS } from './programs/index.js';

/** One run's changes over the year against its locality's baseline (the baseline's own: everyone unchanged). */
export interface YearChangeResult {
  readonly changes: ChangeSums;
  readonly byArea: readonly [GroupSums, GroupSums];
  readonly byDecile: readonly GroupSums[];
  /**
   * The losers by the program whose year fell most for them (by slot: Σ weight): a year has no flows between layers,
   * and a finance officer's 2,497 losers of a 10 % raise went unexplained — households whose rigid-expenditure aid
   * stopped as they qualified for dibao (step 4), paid less or declining it.
   */
  readonly losersBy: readonly ExactSum[];
}

/** A household's year, twelfths of a fen: every program's, and had it taken up every program it is eligible for. */
export function yearOf(y: HouseholdYear): number {
  let t = 0;
  for (let j = 0; j < y.twelfths.length; j++) t += y.twelfths[j]!;
  return t;
}

/**
 * Evaluates a budget year's period runs (budget-year.ts periodRuns; each locality's baseline, `of` 0, then its
 * scenarios) over households [from, to), on this thread: the runs' totals and each run's changes over the year (by
 * run, in the order of the runs' years). Partial results of other households add exactly (mergeYearChanges).
 */
export function yearChanges(
  pop: Population,
  runs: readonly Run[],
  decileOf: Uint8Array,
  from = 0,
  to = pop.householdCount,
  /** By year (as `changes`): each household's year in whole fen, as simulate --year --per-household's year_total (the TUI's list). */
  annual: readonly Float64Array[] | null = null,
  /** Given: the first year's households (its baseline's) are handed to it (core/year-kept.ts: kept for a knob's next pass). */
  keep: { add(h: number, now: number, y: HouseholdYear): void } | null = null,
): YearChanges {
  // each year's (run's) first period run, as YearRows groups them
  const firsts = (periodGroups(runs.map((r) => r.period)) ?? []).map((g) => g[0]!);
  // each year's baseline: the latest year at or before it whose runs are a baseline's (of 0)
  const baselineOf = firsts.map((_, k) => k);
  firsts.forEach((i, k) => (baselineOf[k] = (runs[i]!.period!.of ?? 0) === 0 ? k : baselineOf[k - 1]!));
  const changes = firsts.map(emptyYearChanges);
  // By year: a later locality's run against the first locality's same run (its `of`: its place among its locality's
  // runs); the first locality's years, and any run the first has not, stay empty. `pair[g]`: the first's year, or -1.
  const ofYear = firsts.map((i) => runs[i]!.period!.of ?? 0);
  const firstCount = ofYear.findIndex((of, g) => g > 0 && of === 0);
  const own = firstCount < 0 ? ofYear.length : firstCount; // (the first locality's years: 0 … own − 1)
  const pair = ofYear.map((of, g) => (g >= own && of < own ? of : -1));
  const across = firsts.map(emptyYearChanges);
  let [base, baseEligible] = [0, 0];
  let baseSlots = new Float64Array(0); // the baseline's year by program
  const first = new Float64Array(own); // the first locality's years for h, and had it taken up every program
  const firstEligible = new Float64Array(own);
  const firstSlots: Float64Array[] = Array.from({ length: own }, () => new Float64Array(0)); // by program
  const rows = new YearRows(runs, (h, g, y) => {
    const now = yearOf(y);
    if (annual) annual[g]![h] = twelfthsToFen(now).fen;
    if (g === 0) keep?.add(h, now, y);
    if (baselineOf[g] === g) {
      [base, baseEligible] = [now, y.eligibleTwelfths];
      if (baseSlots.length !== y.twelfths.length) baseSlots = new Float64Array(y.twelfths.length);
      baseSlots.set(y.twelfths);
    }
    const w = pop.weight[h]!;
    const persons = pop.offsets[h + 1]! - pop.offsets[h]!;
    add(changes[g]!, pop, h, w, persons, decileOf, base, now, baseEligible, y.eligibleTwelfths, baseSlots, y.twelfths);
    if (g < own) {
      first[g] = now;
      firstEligible[g] = y.eligibleTwelfths;
      if (firstSlots[g]!.length !== y.twelfths.length) firstSlots[g] = new Float64Array(y.twelfths.length);
      firstSlots[g]!.set(y.twelfths);
    } else if (pair[g]! >= 0) {
      const k = pair[g]!;
      add(across[g]!, pop, h, w, persons, decileOf, first[k]!, now, firstEligible[k]!, y.eligibleTwelfths, firstSlots[k]!, y.twelfths);
    }
  });
  // (a household no run gives anything, not evaluated: unchanged under every run, its year 0 — counted once by area and
  // decile, and those counts added to every run's changes at the end: on 1M households, most of them quiet)
  const still = { byArea: areaSums(), byDecile: decileSums() };
  const quiet = (h: number) => {
    const w = pop.weight[h]!;
    const persons = pop.offsets[h + 1]! - pop.offsets[h]!;
    addGroup(still.byArea[pop.area[h]!]!, w, persons, 0, 0);
    addGroup(still.byDecile[decileOf[h]!]!, w, persons, 0, 0);
  };
  const partial = simulateRange(pop, runs, from, to, rows.add, rows.exit, quiet);
  for (const c of [...changes, ...across.filter((_, g) => pair[g]! >= 0)]) addStill(c, still);
  const totals = runs.map(() => new Totals());
  partial.forEach((p, i) => totals[i]!.merge(p));
  return { totals, changes, across };
}

/** The runs' totals, each year's changes against its locality's baseline, and a later locality's runs' against the first's. */
export interface YearChanges {
  readonly totals: Totals[];
  readonly changes: YearChangeResult[];
  /** By year, as `changes`: a later locality's run's year against the first locality's same run's (the others empty). */
  readonly across: YearChangeResult[];
}

/** A household's year `now` against `base` into c: its change, its area's and decile's, and (a loser) what it lost most. */
function add(
  c: YearChangeResult,
  pop: Population,
  h: number,
  w: number,
  persons: number,
  decileOf: Uint8Array,
  base: number,
  now: number,
  baseEligible: number,
  nowEligible: number,
  baseSlots: Float64Array,
  nowSlots: Float64Array,
): void {
  if (addChange(c.changes, w, persons, base, now, baseEligible, nowEligible)) c.losersBy[mostLost(baseSlots, nowSlots)]!.addProduct(w, 1);
  addGroup(c.byArea[pop.area[h]!]!, w, persons, base, now);
  addGroup(c.byDecile[decileOf[h]!]!, w, persons, base, now);
}

/** Households unchanged at 0 (counted by area and by decile, as addGroup counts them) into a run's changes. */
function addStill(c: YearChangeResult, still: { readonly byArea: readonly GroupSums[]; readonly byDecile: readonly GroupSums[] }): void {
  const into = (g: GroupSums, from: GroupSums) => {
    g.households.merge(from.households);
    g.persons.merge(from.persons);
  };
  for (const g of still.byArea) c.changes.unchanged.merge(g.households);
  still.byArea.forEach((g, a) => into(c.byArea[a]!, g));
  still.byDecile.forEach((g, d) => into(c.byDecile[d]!, g));
}

export const emptyYearChanges = (): YearChangeResult => ({
  changes: changeSums(),
  byArea: areaSums(),
  byDecile: decileSums(),
  losersBy: PROGRAMS.map(() => new ExactSum()),
});

/** The program (slot) whose year fell most from `base` to `now` (the first such; a loser has one). */
function mostLost(base: Float64Array, now: Float64Array): number {
  let [best, by] = [0, -Infinity];
  for (let j = 0; j < base.length; j++) if (base[j]! - now[j]! > by) [best, by] = [j, base[j]! - now[j]!];
  return best;
}

/** Every sum of a run's changes, in a fixed order. */
export const sumsOf = (c: YearChangeResult): ExactSum[] => [
  ...Object.values(c.changes),
  ...c.losersBy,
  ...[...c.byArea, ...c.byDecile].flatMap((g) => [g.households, g.persons, g.baseline, g.cost]),
];

/** A partial result as plain data (bigints) for postMessage. */
export interface PlainYearChanges {
  readonly totals: readonly PlainTotals[];
  readonly sums: ReadonlyArray<readonly bigint[]>;
}

export const plainYearChanges = (r: YearChanges): PlainYearChanges => ({
  totals: r.totals.map((t) => t.plain()),
  sums: [...r.changes, ...r.across].map((c) => sumsOf(c).map((x) => x.value())),
});

/** An empty result for `runs` runs of `years` years, to merge partial ones into. */
export const emptyYearResult = (runs: number, years: number): YearChanges => ({
  totals: Array.from({ length: runs }, () => new Totals()),
  changes: Array.from({ length: years }, emptyYearChanges),
  across: Array.from({ length: years }, emptyYearChanges),
});

/** Adds a partial result (of other households) into `into`, exactly. */
export function mergeYearChanges(into: YearChanges, p: PlainYearChanges): void {
  into.totals.forEach((t, i) => t.merge(Totals.of(p.totals[i]!)));
  [...into.changes, ...into.across].forEach((c, g) => sumsOf(c).forEach((x, k) => x.merge(ExactSum.of(p.sums[g]![k]!))));
}
