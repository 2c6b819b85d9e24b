// 渐退 gradual exit (DOMAIN step 7) in a budget year. A household on dibao whose income has risen above the line keeps
// its prior dibao for `dibao.gradual_exit.months` months from its exit: one date's year counts those months (prior ×
// months). A year cut into periods (budget-year.ts) evaluates each period as such a date, so a period's year × its
// months / 12 spread the exit over the year and counted it again in every period it was seen in: an auditor's household
// leaving in January, back on dibao from August, was given 900 × 7/12 = 525 where it is paid 3 × 300 = 900.
//
// Here the exit is counted once per household, in the months it is paid: from the first month of the period it leaves
// dibao in, for its months, no further than the year's end, nor than a later period in which it is on dibao again
// (then a later exit starts anew), nor than one in which it has rigid aid (step 7: no exit beside rigid aid; Nanning's
// aid is dibao itself, 000（一）). A household that leaves with no exit (gradual_exit.months 0 then, its assets over the
// limit, rigid aid) gets none in a later period of the year either: it left when it left (an auditor's Guangzhou
// household, off dibao from January, was paid an exit from August, when the policy's exit began). Each period's totals
// hold what each of its months pays (Totals.exitMonths), from which budget-year.ts reads the program's year and its
// months. The exit keeps the dibao the household was paid in the last period it was on dibao, where the year (or the
// window, through the carry) saw it so; else the file's prior_dibao, its dibao at the file's date.
import type { Totals } from './aggregate.js';
import type { Population } from './population.js';
import { FILE_REGISTER, type HouseholdResult } from './programs/context.js';
import { SLOT } from './programs/index.js';

/**
 * A run that is one period of a budget year: its first month (1–12) and how many months it covers. A year's periods
 * are consecutive runs, the first from January (budget-year.ts periodRuns).
 */
export interface PeriodOf {
  readonly first: number;
  readonly months: number;
  /** rigid.aid_group is dibao in the period: rigid aid is dibao (Nanning, 000（一）), and leaving it is leaving dibao. */
  readonly aidIsDibao?: boolean;
  /** Which of the baseline and scenarios (0, 1, …) the run is, or varies (a sensitivity run): whose exits it carries. */
  readonly of?: number;
  /**
   * simulate --years: the households' exits at the end of the year before, carried in (`from`), and at this year's end,
   * carried out to the next (`to`). Read from a year's first period. Without it a year starts from the file's register.
   */
  readonly carry?: { readonly from?: ExitCarry; readonly to?: ExitCarry };
}

/**
 * Each household's gradual exit at a year's end under one run (the baseline, a scenario), for the next year of a window:
 * a provincial trial's three-year monthly plan paid Nanning's exit, 725.8 万元 a month, in January–March of every year,
 * each year starting again from the file's register (on_dibao 1) — the same households leaving again. Carried, a
 * household that left stays left (a new exit only after it is on dibao again), and an exit from October of 6 months
 * pays its last 3 in the next January–March. Shared between threads: each household's entries are written by the
 * thread that evaluates it, and read in the next year's pass.
 */
export interface ExitCarry {
  /** Per household: 0 on dibao at the year's end; 1 + its exit's months still to pay when off it (left, or never on it). */
  readonly state: Uint8Array;
  /**
   * Its exit's monthly amount, fen, and persons (where months are still to pay); on dibao at the year's end, its dibao a
   * month (what an exit next year keeps).
   */
  readonly amount: Float64Array;
  readonly persons: Uint16Array;
}

export function newExitCarry(households: number): ExitCarry {
  return {
    state: new Uint8Array(new SharedArrayBuffer(households)),
    amount: new Float64Array(new SharedArrayBuffer(households * 8)),
    persons: new Uint16Array(new SharedArrayBuffer(households * 2)),
  };
}

export const EXIT = SLOT.gradual_exit;
const DIBAO = SLOT.dibao;
const SINGLE = SLOT.single_person;
const AID = SLOT.rigid_aid;

/** Eligible for a program: in it, or eligible and not taking it up (step 7 reads eligibility, as the one date does). */
function eligible(r: HouseholdResult, slot: number): boolean {
  if (r.flag[slot]) return true;
  for (let j = 0; j < r.declinedCount; j++) if (r.declined[j] === slot) return true;
  return false;
}

/** The runs' years, each its periods' run indexes in month order (a year starts in January); null when none is. */
export function periodGroups(periods: ReadonlyArray<PeriodOf | undefined>): number[][] | null {
  const groups: number[][] = [];
  periods.forEach((p, i) => {
    if (!p) return;
    const last = groups.at(-1);
    const prev = last && periods[last.at(-1)!]!;
    if (p.first > 1 && prev && last.at(-1) === i - 1 && prev.first + prev.months === p.first) last.push(i);
    else if (p.first === 1) groups.push([i]);
    else throw new Error(`run ${i}: a period from month ${p.first} that follows no period of its year`);
  });
  return groups.length ? groups : null;
}

/** A household's gradual exit as paid in a year: its months, and fen over them. */
export interface ExitPaid {
  months: number;
  fen: number;
}

/**
 * Adds one household's gradual exit over a year's periods (`group`: its runs in month order) to those runs' totals, as
 * paid in each period's months. `results[i]`: the household's result under run i; `w`: its weight.
 */
export function addYearExit(
  group: readonly number[],
  periods: ReadonlyArray<PeriodOf | undefined>,
  results: ReadonlyArray<HouseholdResult | null>,
  partial: readonly Totals[],
  w: number,
  h: number,
  /** Given: the household's exit as paid in this year, written here (year-rows.ts: a row per household). */
  paid?: ExitPaid,
): void {
  if (paid) paid.months = paid.fen = 0;
  let left = false; // off dibao since a period of this year (or the year before): it left then, with its exit or none
  let [from, to, amount, persons] = [0, 0, 0, 0]; // the exit's months [from, to), its monthly amount and persons
  // its dibao a month in the last period it was seen on dibao (0: not seen; the file's prior_dibao stands for it)
  let last = 0;
  const carry = periods[group[0]!]!.carry;
  const had = carry?.from?.state[h] ?? 0;
  if (had > 0) {
    left = true;
    if (had > 1) [from, to, amount, persons] = [1, had, carry!.from!.amount[h]!, carry!.from!.persons[h]!];
  } else last = carry?.from?.amount[h] ?? 0;
  for (const i of group) {
    const r = results[i]!;
    const { first, months, aidIsDibao } = periods[i]!;
    // (rigid aid where it is dibao is dibao: leaving it mid-year starts the exit, as at one date — a code review)
    if (r.flag[DIBAO] || r.flag[SINGLE] || (aidIsDibao && eligible(r, AID))) {
      // on dibao again (its income under the line, or a member included alone): the exit, if any, ends here
      left = false;
      to = Math.min(to, first);
      last = dibaoOf(r, aidIsDibao);
      continue;
    }
    // rigid aid from here: the exit, if any, ends (not paid beside it)
    if (eligible(r, AID)) to = Math.min(to, first);
    if (!left) {
      left = true;
      // (its prior dibao: what it was paid before it left, where this window saw it; else the file's, prior_dibao — an
      // exit from January paid the 2022 file's 300.00 to a household on dibao at 26.30 until December: a budget trial)
      if (r.flag[EXIT]) [from, to, amount, persons] = [first, first + r.months[EXIT]!, last || r.amount[EXIT]!, r.count[EXIT]!];
    }
    const [a, b] = [Math.max(from, first), Math.min(to, first + months)];
    if (a < b) {
      partial[i]!.addExitMonths(w, persons, amount, a, b);
      if (paid) [paid.months, paid.fen] = [paid.months + b - a, paid.fen + amount * (b - a)];
    }
  }
  const out = carry?.to;
  if (out) carryOut(out, h, left, to, left ? amount : last, persons);
}

/**
 * The register run i reads for household h (engine.ts evaluateHousehold's `seen`): the dibao a month h was paid under
 * the run in the period before — the year's previous period, or December of the year before (carried) — which puts it
 * on the register with that prior dibao, so that it leaves with its exit as one the file registers does (DOMAIN step
 * 7 reads on_dibao: a household the file does not register, on dibao in 2023 and out in January 2024, had been given
 * none); 0 where it was not on dibao then, off the register whatever the file says (a household the file registers
 * that left in January stayed on it all year, so that it kept dibao by take-up when eligible again, where explain of
 * the date, reading the register the year leaves, had it apply anew: an auditor's edge); FILE_REGISTER (the file's
 * on_dibao and prior_dibao) only in a year's first period with no year run before it. Once off dibao, it is off the
 * register again, within a year as from one year to the next (a code review found it kept on within a year only).
 */
export function registeredAt(
  i: number,
  periods: ReadonlyArray<PeriodOf | undefined>,
  results: ReadonlyArray<HouseholdResult | null>,
  h: number,
): number {
  const p = periods[i];
  if (!p) return FILE_REGISTER;
  if (p.first === 1) {
    const from = p.carry?.from;
    return from ? onDibaoAtEnd(from, h) : FILE_REGISTER;
  }
  // (the period before, in the same year: periodGroups)
  return dibaoOf(results[i - 1]!, periods[i - 1]!.aidIsDibao);
}

/** The dibao a month household h was paid at the end of the year a carry is from, if it was on dibao then; else 0. */
function onDibaoAtEnd(from: ExitCarry, h: number): number {
  return from.state[h] === 0 ? from.amount[h]! : 0;
}

/** The dibao a household on dibao is paid a month: as a household, its members included alone, rigid aid that is dibao. */
export function dibaoOf(r: HouseholdResult, aidIsDibao: boolean | undefined): number {
  let x = 0;
  if (r.flag[DIBAO]) x += r.amount[DIBAO]!;
  if (r.flag[SINGLE]) x += r.amount[SINGLE]!;
  if (aidIsDibao && r.flag[AID]) x += r.amount[AID]!;
  return x;
}

/**
 * A household's exit at the year's end: off dibao or not, and the months past December still to pay (to > 13), with
 * their amount; on dibao, its dibao a month (`amount`: the prior dibao of an exit next year).
 */
function carryOut(out: ExitCarry, h: number, left: boolean, to: number, amount: number, persons: number): void {
  const rest = left ? Math.max(0, to - 13) : 0;
  out.state[h] = left ? 1 + Math.min(rest, 254) : 0;
  out.amount[h] = !left || rest > 0 ? amount : 0;
  out.persons[h] = rest > 0 ? persons : 0;
}

/**
 * A household no run gives anything in any period (simulate.ts skips it, on the file's register `pop`): off dibao all
 * year, so left where it was registered (written for the next year). False where an exit carried in still pays, or a
 * run's register has it on dibao where the file does not: then it is evaluated.
 */
export function quietYearExit(
  groups: readonly number[][],
  periods: ReadonlyArray<PeriodOf | undefined>,
  pop: Population,
  h: number,
): boolean {
  for (const g of groups) {
    const from = periods[g[0]!]!.carry?.from;
    // (on a run's register and not the file's: the screen read the file's, and an exit may be its)
    if (from && (from.state[h]! > 1 || (!pop.onDibao[h] && onDibaoAtEnd(from, h) > 0))) return false;
  }
  for (const g of groups) {
    const out = periods[g[0]!]!.carry?.to;
    if (out) carryOut(out, h, true, 0, 0, 0);
  }
  return true;
}
