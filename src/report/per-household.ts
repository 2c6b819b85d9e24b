// The per-household CSV of DOMAIN "Machine-readable outputs": one row per household and scenario,
// these columns in this order. Money in yuan with two decimals (monthly, except gradual_exit: the monthly
// amount kept; temporary: the one-off grant; annual_total: the year).
import { fenToYuan as y } from '../core/money.js';
import { TIERS, type HouseholdResult } from '../core/programs/context.js';

export const PER_HOUSEHOLD_COLUMNS = [
  'household_id',
  'scenario',
  'persons',
  'tekun_persons',
  'tekun',
  'dibao_persons',
  'dibao',
  'dibao_supplement',
  'single_person_persons',
  'single_person',
  'rigid_family',
  'rigid_aid',
  'low_income',
  'low_income_persons',
  'gradual_exit_months',
  'gradual_exit',
  'temporary',
  'temporary_tier',
  'annual_total',
] as const;

export const PER_HOUSEHOLD_HEADER = PER_HOUSEHOLD_COLUMNS.join(',') + '\n';

/** RFC 4180 quoting where needed. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function perHouseholdRow(householdId: string, scenario: string, r: HouseholdResult): string {
  return (
    `${csvField(householdId)},${csvField(scenario)},${r.persons},${r.tekunPersons},${y(r.tekun)},${r.dibaoPersons},${y(r.dibao)},` +
    `${y(r.dibaoSupplement)},${r.singlePersons},${y(r.single)},${r.rigidFamily},${y(r.rigidAid)},${r.lowIncome},${r.lowIncomePersons},` +
    `${r.gradualMonths},${y(r.gradual)},${y(r.temporary)},${TIERS[r.temporaryTier]},${y(r.annual)}\n`
  );
}
