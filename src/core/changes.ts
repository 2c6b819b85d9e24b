// What a reform changes for households against their locality's baseline: winners and losers (households, persons,
// amounts), and each group's (urban, rural; income deciles) amounts under both. At one date (compare.ts, an annual
// amount a household) and over a budget year (year-changes.ts, the year's amount, in twelfths of a fen).
import { ExactSum } from './aggregate.js';

export interface GroupSums {
  readonly households: ExactSum;
  readonly persons: ExactSum;
  /** Σ weight × annual amount under the locality's baseline, and under this run. */
  readonly baseline: ExactSum;
  readonly cost: ExactSum;
}

const groupSums = (): GroupSums => ({
  households: new ExactSum(),
  persons: new ExactSum(),
  baseline: new ExactSum(),
  cost: new ExactSum(),
});

export interface ChangeSums {
  /** Households whose annual amount rises, and by how much in all (Σ weight × gain). */
  readonly gainers: ExactSum;
  readonly gain: ExactSum;
  readonly losers: ExactSum;
  readonly loss: ExactSum;
  /** Their persons (Σ weight × persons): a briefing's "who gains" counts people too (a reform analyst's trial). */
  readonly gainerPersons: ExactSum;
  readonly loserPersons: ExactSum;
  readonly unchanged: ExactSum;
  /** Nothing in the baseline, something now; and the reverse. */
  readonly entrants: ExactSum;
  readonly exits: ExactSum;
  /**
   * Losers whose eligible amount (had they taken up every program they are eligible for) does not fall: they lose only
   * through take-up. A reform that makes a household eligible for dibao, whose draw does not take it up, ends the
   * rigid-expenditure aid it received (that aid is for families not eligible for dibao, DOMAIN step 4): a researcher
   * read such households as the reform's losers.
   */
  readonly takeUpLosers: ExactSum;
}

export const changeSums = (): ChangeSums => ({
  gainers: new ExactSum(),
  gain: new ExactSum(),
  losers: new ExactSum(),
  loss: new ExactSum(),
  gainerPersons: new ExactSum(),
  loserPersons: new ExactSum(),
  unchanged: new ExactSum(),
  entrants: new ExactSum(),
  exits: new ExactSum(),
  takeUpLosers: new ExactSum(),
});

/** By area (urban, rural) and by income decile: each group's households, persons and amounts. */
export const areaSums = (): [GroupSums, GroupSums] => [groupSums(), groupSums()];
export const decileSums = (): GroupSums[] => Array.from({ length: 10 }, groupSums);

export function addGroup(g: GroupSums, w: number, persons: number, baseAnnual: number, annual: number): void {
  g.households.addProduct(w, 1);
  g.persons.addProduct(w, persons);
  g.baseline.addProduct(w, baseAnnual);
  g.cost.addProduct(w, annual);
}

/**
 * A household of weight w and `persons` against the baseline: its amount (a date's annual amount, or a budget year's)
 * and the one it would have had taking up every program it is eligible for, under the baseline and now. True where it
 * loses.
 */
export function addChange(
  ch: ChangeSums,
  w: number,
  persons: number,
  base: number,
  now: number,
  baseEligible: number,
  eligible: number,
): boolean {
  if (now > base) {
    ch.gainers.addProduct(w, 1);
    ch.gainerPersons.addProduct(w, persons);
    ch.gain.addProduct(w, now - base);
    if (base === 0) ch.entrants.addProduct(w, 1);
  } else if (now < base) {
    ch.losers.addProduct(w, 1);
    ch.loserPersons.addProduct(w, persons);
    ch.loss.addProduct(w, base - now);
    if (now === 0) ch.exits.addProduct(w, 1);
    if (eligible >= baseEligible) ch.takeUpLosers.addProduct(w, 1);
  } else ch.unchanged.addProduct(w, 1);
  return now < base;
}
