// The state of one household's evaluation, shared by the program modules in DOMAIN's step order.
// One object is reused for every household on the hot path (no allocation per household).
import type { Population } from '../population.js';
import type { AreaRules, Rules } from '../rules.js';
import type { Tracer } from '../trace.js';

export interface HouseholdResult {
  persons: number;
  tekunPersons: number;
  /** Monthly amounts in fen. */
  tekun: number;
  /** |R| when the household is dibao (step 3), else 0. */
  dibaoPersons: number;
  dibao: number;
  dibaoSupplement: number;
  supplementPersons: number;
  singlePersons: number;
  single: number;
  rigidFamily: number;
  rigidAid: number;
  lowIncome: number;
  lowIncomePersons: number;
  gradualMonths: number;
  /** Monthly amount kept during the gradual exit, fen. */
  gradual: number;
  /** One-off grant, fen. */
  temporary: number;
  /** 0 none, 1 township, 2 county, 3 coordination. */
  temporaryTier: number;
  /** |R|: the members who are not tekun. */
  restPersons: number;
  /** The year, fen. */
  annual: number;
}

export function emptyResult(): HouseholdResult {
  return {
    persons: 0,
    tekunPersons: 0,
    tekun: 0,
    dibaoPersons: 0,
    dibao: 0,
    dibaoSupplement: 0,
    supplementPersons: 0,
    singlePersons: 0,
    single: 0,
    rigidFamily: 0,
    rigidAid: 0,
    lowIncome: 0,
    lowIncomePersons: 0,
    gradualMonths: 0,
    gradual: 0,
    temporary: 0,
    temporaryTier: 0,
    restPersons: 0,
    annual: 0,
  };
}

export const TIERS = ['', 'township', 'county', 'coordination'] as const;

export interface Ctx {
  pop: Population;
  rules: Rules;
  /** Household index, and its members' positions in pop.members [start, end). */
  h: number;
  start: number;
  end: number;
  A: AreaRules;
  /** tekun flag per member position (index k − start). */
  tekun: Uint8Array;
  /** single-person entrant flag per member position (step 5). */
  single: Uint8Array;
  /** Step 2: n = |R|, I = Σ inc over R (fen), assets_ok. */
  n: number;
  I: number;
  assetsOk: boolean;
  isDibao: boolean;
  tr: Tracer | null;
  out: HouseholdResult;
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
