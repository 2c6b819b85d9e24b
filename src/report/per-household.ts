// The per-household CSV of DOMAIN "Machine-readable outputs": one row per household and scenario. Its values derive
// from the program table (programs/index.ts: each program's `columns`); its order is the contract's — the columns of
// the first contract as DOMAIN lists them, then those of any program added since, in the table's order. Money in yuan
// with two decimals (a program's amount as its kind reads it: monthly; the amount kept for gradual_exit; the grant
// for temporary; annual_total the year).
import { fenToYuan as y } from '../core/money.js';
import type { HouseholdResult } from '../core/programs/context.js';
import { columnName, PROGRAMS, SLOT, type Field, type ProgramInfo } from '../core/programs/index.js';

/** One column of a household's result: its name and its value (money in yuan and tiers as text, counts as numbers). */
interface ResultColumn {
  readonly name: string;
  readonly program?: ProgramInfo;
  readonly value: (r: HouseholdResult) => string | number;
}

/** A program field's value: money in yuan (text, two decimals), a tier by name, counts, flags and months as numbers. */
export function fieldValue(p: ProgramInfo, f: Field, r: HouseholdResult): string | number {
  const i = SLOT[p.id];
  switch (f) {
    case 'amount':
      return y(r.amount[i]!);
    case 'tier':
      return p.tiers?.[r.tier[i]!] ?? '';
    case 'persons':
      return r.count[i]!;
    default:
      return r[f][i]!;
  }
}

/**
 * The contract's columns after household_id and scenario, in its order (DOMAIN "Machine-readable outputs"): the first
 * contract's, then eligible_annual_total (take-up). Programs' columns not listed follow, in the table's order.
 */
const CONTRACT = [
  'persons', 'tekun_persons', 'tekun', 'dibao_persons', 'dibao', 'dibao_supplement', 'single_person_persons', 'single_person',
  'rigid_family', 'rigid_aid', 'low_income', 'low_income_persons', 'gradual_exit_months', 'gradual_exit', 'temporary',
  'temporary_tier', 'annual_total', 'eligible_annual_total',
]; // prettier-ignore

const programColumns: ResultColumn[] = PROGRAMS.flatMap((p) =>
  p.columns.map((f) => ({ name: columnName(p, f), program: p, value: (r: HouseholdResult) => fieldValue(p, f, r) })),
);
const householdColumns: ResultColumn[] = [
  { name: 'persons', value: (r) => r.persons },
  { name: 'annual_total', value: (r) => y(r.total) },
  // The year had the household taken up every program it is eligible for (DOMAIN "Take-up").
  { name: 'eligible_annual_total', value: (r) => y(r.eligibleTotal) },
];

/** The columns after household_id and scenario: the contract's, then the columns of programs added since. */
export const RESULT_COLUMNS: readonly ResultColumn[] = [
  ...CONTRACT.map((name) => [...householdColumns, ...programColumns].find((c) => c.name === name)!),
  ...programColumns.filter((c) => !CONTRACT.includes(c.name)),
];

/** The programs in the order the per-household CSV first shows them (explain's result lists them so). */
export const PER_HOUSEHOLD_ORDER: readonly ProgramInfo[] = [...new Set(RESULT_COLUMNS.flatMap((c) => (c.program ? [c.program] : [])))];

export const PER_HOUSEHOLD_COLUMNS: readonly string[] = ['household_id', 'scenario', ...RESULT_COLUMNS.map((c) => c.name)];

export const PER_HOUSEHOLD_HEADER = PER_HOUSEHOLD_COLUMNS.join(',') + '\n';

/** RFC 4180 quoting where needed. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function perHouseholdRow(householdId: string, scenario: string, r: HouseholdResult): string {
  let row = `${csvField(householdId)},${csvField(scenario)}`;
  for (const c of RESULT_COLUMNS) row += `,${c.value(r)}`;
  return row + '\n';
}

/** A household's result as the per-household columns name it (explain's JSON). */
export function resultRecord(r: HouseholdResult): Record<string, string | number> {
  return Object.fromEntries(RESULT_COLUMNS.map((c) => [c.name, c.value(r)]));
}
