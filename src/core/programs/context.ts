// The state of one household's evaluation, shared by the steps in the engine's order: the household, what the steps
// have found so far (R, n, I, assets_ok, …), and the result each program writes into. One object is reused for every
// household on the hot path (no allocation per household).
import type { Population } from '../population.js';
import type { Tracer } from '../trace.js';

/**
 * What a household gets from each program, by the program's slot (its index in the program table, PROGRAMS), in typed
 * arrays. A program is present when the household is counted in it (flag 1): a step enters it before writing its
 * fields, and `present` lists the slots entered, so that the engine's and the totals' loops touch only those (the engine
 * zeroes them before the next household: every field of a program not present is 0). A program's kind
 * (programs/index.ts) says how to read its amount.
 */
export interface HouseholdResult {
  /** 1 when the household is counted in the program (present). */
  readonly flag: Uint8Array;
  /** The slots present, in the order they were entered: present[0 … presentCount). */
  readonly present: Uint8Array;
  presentCount: number;
  /** The persons it covers (as the program counts them). */
  readonly count: Int32Array;
  /** Fen: a month's amount (monthly, kept), the grant (once), the year's (yearly); 0 for a caseload. */
  readonly amount: Float64Array;
  /** Months the amount is kept (kept). */
  readonly months: Uint8Array;
  /** A code of the program's `tiers` (0: none). */
  readonly tier: Uint8Array;
  /** The year's amount, fen (from the kind, once the steps have run). */
  readonly annual: Float64Array;
  persons: number;
  /** |R|: the members who are not tekun. */
  restPersons: number;
  /** The household's year, fen: the sum of the programs' annual amounts. */
  total: number;
  /**
   * Take-up: the programs the household is eligible for but does not take up (not present; their fields above are
   * 0), in order: declined[0 … declinedCount); what each would have given, by slot: persons and year (fen).
   */
  readonly declined: Uint8Array;
  declinedCount: number;
  readonly declinedPersons: Int32Array;
  readonly declinedAnnual: Float64Array;
  /** The household's year had it taken up every program it is eligible for, fen. */
  eligibleTotal: number;
  /**
   * The parts of programs' costs (parts.ts PARTS: the premium subsidy by group, tekun's care, temporary assistance by
   * tier): persons, and their year
   * (fen). Written where the program is entered (zero elsewhere); added to the totals where it is received.
   */
  readonly partPersons: Int32Array;
  readonly partFen: Float64Array;
}

export interface Ctx {
  readonly pop: Population;
  /** Household index, and its members' positions in pop.members [start, end). */
  h: number;
  start: number;
  end: number;
  /** The household's area code (0 urban, 1 rural). */
  area: number;
  /** Step 1: tekun flag per member position (index k − start). */
  tekun: Uint8Array;
  /** Step 5: single-person entrant flag per member position. */
  single: Uint8Array;
  /** Step 2: n = |R|, I = Σ inc over R (fen), assets_ok. */
  n: number;
  I: number;
  assetsOk: boolean;
  /** Step 3: the household is dibao. */
  isDibao: boolean;
  /** Step 4: rigid-expenditure aid is paid. */
  rigidAid: boolean;
  /** Step 5: members included as single-person households. */
  singles: number;
  /**
   * The register as this evaluation reads it (DOMAIN step 7, take-up): on_dibao and prior_dibao from the file; in a
   * budget year, a household paid dibao under the same run in the period before (or the year before's December) is
   * on it, its prior dibao what it was paid then, and one that was not is off it, whatever the file says (simulate.ts,
   * year-exit.ts `registeredAt`).
   */
  registered: boolean;
  /** Fen a month (0 off the register). */
  prior: number;
  /** Take-up: the groups not taken up, as bits (take-up.ts GROUP_BIT); 0 when every group is. */
  declinedGroups: number;
  readonly tr: Tracer | null;
  readonly out: HouseholdResult;
}

/** Makes program `slot` present for the household (once). */
export function enter(out: HouseholdResult, slot: number): void {
  if (out.flag[slot]) return;
  out.flag[slot] = 1;
  out.present[out.presentCount++] = slot;
}

/** inc(p) = max(0, wage_income − employment_deduction) + other_income (DOMAIN notation). */
export function countedIncome(pop: Population, p: number, deduction: number): number {
  const w = pop.wage[p]!;
  return (w > deduction ? w - deduction : 0) + pop.other[p]!;
}

/** severe(p): disability grade 1 or 2 (重度残疾). */
export function isSevere(pop: Population, p: number): boolean {
  const g = pop.disability[p]!;
  return g === 1 || g === 2;
}

/**
 * The register an evaluation reads where no run has left one (engine.ts evaluateHousehold's `seen`): the file's on_dibao
 * and prior_dibao — one date, and a budget year's first period when no year was run before it.
 */
export const FILE_REGISTER = -1;
