// Declarative test cases (OpenFisca style): one household written inline, a date, and the expected values
// per program. Checking a case is pure: evaluate, then compare field by field within a tolerance.
import type { Problem, Where } from '../errors.js';
import type { Snapshot } from './parameters/tree.js';
import type { Violation } from './sanity.js';
import type { TraceStep } from './trace.js';
import { fenToYuan } from './money.js';
import { viewOf, type HouseholdResult } from './engine.js';
import { PROGRAM_BY_ID, PROGRAMS, STEPS, type Field, type ProgramId } from './programs/index.js';
import type { HouseholdSpec } from './population.js';

export type { Field };
/** A program, or the household's year: received (annual_total), or had it taken up all it is eligible for. */
export type Target = ProgramId | 'annual_total' | 'eligible_annual_total';
/** Whether a target is one of the household's years rather than a program. */
export const isTotal = (t: Target): t is 'annual_total' | 'eligible_annual_total' => t === 'annual_total' || t === 'eligible_annual_total';

/** The fields each program can be checked on (the program table's), the first what a bare value means. */
export const FIELDS: Readonly<Record<Target, readonly Field[]>> = {
  ...(Object.fromEntries(PROGRAMS.map((p) => [p.id, p.fields])) as Record<ProgramId, readonly Field[]>),
  annual_total: ['amount'],
  eligible_annual_total: ['amount'],
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
  /** Where the case file names its policy and, when the case takes the file's, its date and scenarios (what to fix). */
  readonly given?: { readonly policy?: Where; readonly date?: Where; readonly scenarios?: Where };
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

/** A case file, or a case, that could not run (its file, its policy or scenario invalid): the others still run. */
export interface CaseError {
  readonly file: string;
  /** The case's name; absent: the whole file. */
  readonly name?: string;
  readonly problems: readonly Problem[];
  /** What to do about it (the problem's own hint), if any. */
  readonly hint?: string;
  /** Not run because it shares its policy, scenarios and date with this case, which could not run (no problems of its own). */
  readonly like?: string;
}

export interface CaseRun {
  readonly results: readonly CaseResult[];
  readonly violations: readonly Violation[];
  readonly policies: readonly string[];
  /** The ids of the policies whose parameter rules were checked (each rule a JUnit testcase, passed or not). */
  readonly ruled: readonly string[];
  readonly errors: readonly CaseError[];
  /** What simulate says of its policy at its date, of each policy at its cases' newest date (a standard carried forward). */
  readonly notes?: readonly string[];
}

export function actual(r: HouseholdResult, target: Target, field: Field): number | string {
  if (target === 'annual_total') return r.total;
  if (target === 'eligible_annual_total') return r.eligibleTotal;
  const x = viewOf(r)[target];
  return field === 'tier' ? (PROGRAM_BY_ID.get(target)!.tiers?.[x.tier] ?? '') : x[field];
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

/** The explain steps to show for a failed expectation: the program's step and the steps whose findings it uses. */
export function traceSteps(target: Target): readonly string[] {
  if (isTotal(target)) return STEPS.map((s) => s.id);
  const step = PROGRAM_BY_ID.get(target)!.step;
  return [...step.uses, step.id];
}
