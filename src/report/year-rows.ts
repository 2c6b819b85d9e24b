// simulate --year / --years --per-household: a row per household, run and budget year (core/year-rows.ts). Not DOMAIN's
// per-household CSV, which is a date's (a month's amounts): here each program's months in the year and what they
// cost, in yuan with two decimals, the programs in the order that CSV shows them.
import { fenToYuan } from '../core/money.js';
import { isCash, SLOT } from '../core/programs/index.js';
import { twelfthsToFen, type HouseholdYear } from '../core/year-rows.js';
import { csvField, PER_HOUSEHOLD_ORDER } from './per-household.js';

const columns = PER_HOUSEHOLD_ORDER.flatMap((p) => (isCash(p) ? [`${p.id}_months`, p.id] : [`${p.id}_months`]));

export const YEAR_ROWS_COLUMNS: readonly string[] = [
  'household_id',
  'scenario',
  'year',
  'persons',
  ...columns,
  'year_total',
  'eligible_year_total',
];

export const YEAR_ROWS_HEADER = YEAR_ROWS_COLUMNS.join(',') + '\n';

const slots = PER_HOUSEHOLD_ORDER.map((p) => ({ slot: SLOT[p.id], cash: isCash(p) }));

/** A household's year as a row; `rounded` counts the amounts written to the nearest fen (a share of a fen left out). */
export function yearRow(
  householdId: string,
  scenario: string,
  year: number,
  persons: number,
  y: HouseholdYear,
  rounded: { count: number },
): string {
  const yuan = (twelfths: number) => {
    const { fen, exact } = twelfthsToFen(twelfths);
    if (!exact) rounded.count++;
    return fenToYuan(fen);
  };
  let row = `${csvField(householdId)},${csvField(scenario)},${year},${persons}`;
  let total = 0;
  for (const { slot, cash } of slots) {
    row += `,${y.months[slot]}`;
    if (!cash) continue;
    row += `,${yuan(y.twelfths[slot]!)}`;
    total += y.twelfths[slot]!;
  }
  return `${row},${yuan(total)},${yuan(y.eligibleTwelfths)}\n`;
}
