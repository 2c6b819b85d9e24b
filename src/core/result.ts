// A household's result: made empty, copied, and viewed as plain data program by program (explain, case files, tests).
// The engine (engine.ts) fills one per context; this is its shape's one place.
import type { HouseholdResult } from './programs/context.js';
import { PROGRAMS, type ProgramId } from './programs/index.js';
import { DOUBLE_ZERO } from './records.js';
import { PARTS } from './programs/parts.js';

/** A fresh result: every program's fields at zero. */
export function emptyResult(): HouseholdResult {
  const P = PROGRAMS.length;
  return {
    flag: new Uint8Array(P),
    present: new Uint8Array(P),
    presentCount: 0,
    count: new Int32Array(P),
    amount: new Float64Array(P),
    months: new Uint8Array(P),
    tier: new Uint8Array(P),
    annual: new Float64Array(P),
    declined: new Uint8Array(P),
    declinedCount: 0,
    declinedPersons: new Int32Array(P),
    declinedAnnual: new Float64Array(P),
    persons: 0,
    restPersons: 0,
    total: DOUBLE_ZERO, // doubles from the start (records.ts); the engine sets them to 0 before each household
    eligibleTotal: DOUBLE_ZERO,
    partPersons: new Int32Array(PARTS.length),
    partFen: new Float64Array(PARTS.length),
  };
}

/**
 * Whether the household is eligible for the program in the slot: it receives it, or declined it (take-up). The layers
 * follow eligibility (DOMAIN "Take-up"): compare's flows and the marginal rates by layer both place a household so.
 */
export function eligibleFor(r: HouseholdResult, slot: number): boolean {
  if (r.flag[slot] === 1) return true;
  for (let j = 0; j < r.declinedCount; j++) if (r.declined[j] === slot) return true;
  return false;
}

/** A copy of a result that the next evaluation does not overwrite. */
export function copyResult(r: HouseholdResult): HouseholdResult {
  return {
    flag: r.flag.slice(),
    present: r.present.slice(),
    presentCount: r.presentCount,
    count: r.count.slice(),
    amount: r.amount.slice(),
    months: r.months.slice(),
    tier: r.tier.slice(),
    annual: r.annual.slice(),
    declined: r.declined.slice(),
    declinedCount: r.declinedCount,
    declinedPersons: r.declinedPersons.slice(),
    declinedAnnual: r.declinedAnnual.slice(),
    persons: r.persons,
    restPersons: r.restPersons,
    total: r.total,
    eligibleTotal: r.eligibleTotal,
    partPersons: r.partPersons.slice(),
    partFen: r.partFen.slice(),
  };
}

/** One program's part of a result, as plain numbers. */
export interface ProgramResult {
  readonly flag: number;
  readonly persons: number;
  readonly amount: number;
  readonly months: number;
  readonly tier: number;
  readonly annual: number;
  /** 1 when the household is eligible but does not take the program up (DOMAIN "Take-up"); then what it would get: */
  readonly declined: number;
  readonly eligiblePersons: number;
  readonly eligibleAnnual: number;
}

/** A result as plain data, program by program (explain, case files, tests): a copy the next evaluation leaves alone. */
export type ResultView = { readonly [K in ProgramId]: ProgramResult } & {
  readonly persons: number;
  readonly restPersons: number;
  /** The household's year, fen; had it taken up every program it is eligible for. */
  readonly annual: number;
  readonly eligibleAnnual: number;
};

export function viewOf(r: HouseholdResult): ResultView {
  const v: Record<string, unknown> = { persons: r.persons, restPersons: r.restPersons, annual: r.total, eligibleAnnual: r.eligibleTotal };
  const declined = new Set(r.declined.subarray(0, r.declinedCount));
  PROGRAMS.forEach((p, i) => {
    v[p.id] = {
      flag: r.flag[i]!,
      persons: r.count[i]!,
      amount: r.amount[i]!,
      months: r.months[i]!,
      tier: r.tier[i]!,
      annual: r.annual[i]!,
      declined: declined.has(i) ? 1 : 0,
      // Received plus what the groups not taken up would add (all of it for a program not taken up).
      eligiblePersons: r.count[i]! + (declined.has(i) ? r.declinedPersons[i]! : 0),
      eligibleAnnual: r.annual[i]! + (declined.has(i) ? r.declinedAnnual[i]! : 0),
    };
  });
  return v as ResultView;
}
