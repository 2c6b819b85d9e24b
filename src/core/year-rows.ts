// A household's budget year, program by program, under each run (baseline, scenarios): what simulate --year
// --per-household writes, a row per household and run. Made as the year's totals are (budget-year.ts): each period's
// one-date year (12 × a month; a grant or a premium once) counts for its months, × months ÷ 12; the gradual exit the
// months it is paid in the year (year-exit.ts). Summed in twelfths of a fen, exact: a month's amount × its months is
// whole fen; a grant or premium that differs between periods may give a share of a fen, rounded only where written.
import type { HouseholdResult } from './programs/context.js';
import { PROGRAMS } from './programs/index.js';
import type { Run } from './simulate.js';
import { EXIT, periodGroups, type ExitPaid } from './year-exit.js';

const N = PROGRAMS.length;

/** One household's year under one run: by program slot, months in the program and the year in twelfths of a fen. */
export interface HouseholdYear {
  readonly months: Uint8Array;
  /** Persons × months in the program (Σ weight × it ÷ 12 is the totals' persons, the average month's). */
  readonly personMonths: Float64Array;
  readonly twelfths: Float64Array;
  /** The year had the household taken up every program it is eligible for, in twelfths of a fen. */
  eligibleTwelfths: number;
}

/**
 * Puts together each household's year from its period runs' results (simulate.ts simulateRange: `add` as onHousehold,
 * `exit` as onYearExit), handing each run's year to `done` once its gradual exit is known. `runs`: a budget year's
 * period runs (budget-year.ts periodRuns), the baseline's and each scenario's in turn.
 */
export class YearRows {
  /** By period run: its year (the group periodGroups gives it) and its months. */
  private readonly groupOf: Int32Array;
  private readonly monthsOf: Uint8Array;
  private readonly years: HouseholdYear[];

  constructor(
    runs: readonly Run[],
    private readonly done: (h: number, g: number, year: HouseholdYear) => void,
  ) {
    const groups = periodGroups(runs.map((r) => r.period)) ?? [];
    if (groups.flat().length !== runs.length) throw new Error('year rows: every run must be a period of a budget year');
    this.groupOf = new Int32Array(runs.length);
    this.monthsOf = Uint8Array.from(runs, (r) => r.period!.months);
    groups.forEach((g, k) => g.forEach((i) => (this.groupOf[i] = k)));
    this.years = groups.map(() => ({
      months: new Uint8Array(N),
      personMonths: new Float64Array(N),
      twelfths: new Float64Array(N),
      eligibleTwelfths: 0,
    }));
  }

  /** Run i's result for the household: each program it receives counts its period's months. */
  readonly add = (_h: number, i: number, r: HouseholdResult): void => {
    const y = this.years[this.groupOf[i]!]!;
    const months = this.monthsOf[i]!;
    for (let j = 0; j < r.presentCount; j++) {
      const slot = r.present[j]!;
      if (slot === EXIT) continue; // (the year's exit is what its months pay: `exit`)
      y.months[slot] += months;
      y.personMonths[slot] += r.count[slot]! * months;
      y.twelfths[slot] += r.annual[slot]! * months;
    }
    y.eligibleTwelfths += (r.eligibleTotal - (r.flag[EXIT] ? r.annual[EXIT]! : 0)) * months;
  };

  /** The household's gradual exit in year g as paid: its year is complete; handed on, then cleared for the next. */
  readonly exit = (h: number, g: number, paid: ExitPaid): void => {
    const y = this.years[g]!;
    y.months[EXIT] = paid.months;
    y.twelfths[EXIT] = 12 * paid.fen;
    y.eligibleTwelfths += 12 * paid.fen;
    this.done(h, g, y);
    y.months.fill(0);
    y.personMonths.fill(0);
    y.twelfths.fill(0);
    y.eligibleTwelfths = 0;
  };
}

/** Twelfths of a fen as whole fen, half up (amounts are never negative); `exact` whether nothing was rounded. */
export function twelfthsToFen(twelfths: number): { readonly fen: number; readonly exact: boolean } {
  return { fen: Math.floor((twelfths + 6) / 12), exact: twelfths % 12 === 0 };
}
