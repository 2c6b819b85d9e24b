// Declarative test cases (OpenFisca style): one household written inline, a date, and the expected values
// per program. Checking a case is pure: evaluate, then compare field by field within a tolerance.
import type { Where } from '../errors.js';
import type { Snapshot } from './parameters/tree.js';
import type { Violation } from './sanity.js';
import type { TraceStep } from './trace.js';
import { fenToYuan } from './money.js';
import type { HouseholdResult } from './programs/context.js';
import { TIERS } from './programs/context.js';
import type { ProgramId } from './programs/index.js';
import type { HouseholdSpec } from './population.js';

export type Field = 'amount' | 'persons' | 'flag' | 'months' | 'tier';
export type Target = ProgramId | 'annual_total';

/** The fields each program can be checked on; the first is what a bare value means. */
export const FIELDS: Record<Target, readonly Field[]> = {
  tekun: ['amount', 'persons', 'flag'],
  dibao: ['amount', 'persons', 'flag'],
  dibao_supplement: ['amount', 'persons'],
  single_person: ['amount', 'persons'],
  rigid_aid: ['amount', 'flag'],
  gradual_exit: ['amount', 'months', 'flag'],
  temporary: ['amount', 'tier'],
  low_income: ['flag', 'persons'],
  rigid_family: ['flag'],
  annual_total: ['amount'],
};

export interface Expectation {
  readonly target: Target;
  readonly field: Field;
  /** Fen for amounts; counts, 0/1 or months as numbers; a tier as text. */
  readonly expected: number | string;
  readonly where: Where;
}

export interface Case {
  readonly name: string;
  readonly clause?: string;
  readonly file: string;
  readonly policy: string;
  readonly scenarios: readonly string[];
  readonly date: string;
  /** Fen either side of an expected amount. */
  readonly tolerance: number;
  readonly household: HouseholdSpec;
  readonly expect: readonly Expectation[];
  readonly where: Where;
}

export interface Mismatch {
  readonly expectation: Expectation;
  readonly actual: number | string;
}

export interface CaseResult {
  readonly case: Case;
  readonly mismatches: readonly Mismatch[];
  /** The steps that decide the failed expectations (empty when the case passed). */
  readonly steps: readonly TraceStep[];
  readonly snapshot: Snapshot;
}

export interface CaseRun {
  readonly results: readonly CaseResult[];
  readonly violations: readonly Violation[];
  readonly policies: readonly string[];
}

export function actual(r: HouseholdResult, target: Target, field: Field): number | string {
  const by: Record<Target, Partial<Record<Field, number | string>>> = {
    tekun: { amount: r.tekun, persons: r.tekunPersons, flag: r.tekunPersons ? 1 : 0 },
    dibao: { amount: r.dibao, persons: r.dibaoPersons, flag: r.dibaoPersons ? 1 : 0 },
    dibao_supplement: { amount: r.dibaoSupplement, persons: r.supplementPersons },
    single_person: { amount: r.single, persons: r.singlePersons },
    rigid_aid: { amount: r.rigidAid, flag: r.rigidAid ? 1 : 0 },
    gradual_exit: { amount: r.gradual, months: r.gradualMonths, flag: r.gradualMonths && r.gradual ? 1 : 0 },
    temporary: { amount: r.temporary, tier: TIERS[r.temporaryTier] },
    low_income: { flag: r.lowIncome, persons: r.lowIncomePersons },
    rigid_family: { flag: r.rigidFamily },
    annual_total: { amount: r.annual },
  };
  return by[target][field]!;
}

export function mismatches(c: Case, r: HouseholdResult): Mismatch[] {
  const out: Mismatch[] = [];
  for (const e of c.expect) {
    const got = actual(r, e.target, e.field);
    const ok = e.field === 'amount' ? Math.abs((got as number) - (e.expected as number)) <= c.tolerance : got === e.expected;
    if (!ok) out.push({ expectation: e, actual: got });
  }
  return out;
}

export function showValue(field: Field, v: number | string): string {
  return field === 'amount' ? fenToYuan(v as number) : field === 'tier' ? (v === '' ? '(none)' : String(v)) : String(v);
}

/** The explain steps to show for a failed expectation: the step that decides it. */
export const TRACE_PROGRAMS: Record<Target, readonly string[]> = {
  tekun: ['tekun'],
  dibao: ['rest', 'dibao'],
  dibao_supplement: ['dibao_supplement'],
  single_person: ['single_person'],
  rigid_aid: ['rigid_aid'],
  rigid_family: ['rigid_aid'],
  gradual_exit: ['gradual_exit'],
  temporary: ['temporary'],
  low_income: ['low_income'],
  annual_total: ['tekun', 'rest', 'dibao', 'dibao_supplement', 'rigid_aid', 'single_person', 'low_income', 'gradual_exit', 'temporary'],
};
