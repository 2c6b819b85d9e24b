// simulate --year / --years --per-household: a row per household, run and budget year (core/year-rows.ts). Not DOMAIN's
// per-household CSV, which is a date's (a month's amounts): here each program's months in the year and what they
// cost, in yuan with two decimals, the programs in the order that CSV shows them.
import { fenToYuan } from '../core/money.js';
import { isCash, SLOT, type ProgramInfo } from '../core/programs/index.js';
import { twelfthsToFen, type HouseholdYear } from '../core/year-rows.js';
import { csvField, PER_HOUSEHOLD_ORDER } from './per-household.js';

// (a program's persons as the date's CSV has them — a `persons` column in the program table — its person-months)
const counted = (p: ProgramInfo) => p.columns.includes('persons');
const columns = PER_HOUSEHOLD_ORDER.flatMap((p) => [
  `${p.id}_months`,
  ...(counted(p) ? [`${p.id}_person_months`] : []),
  ...(isCash(p) ? [p.id] : []),
]);

export const YEAR_ROWS_COLUMNS: readonly string[] = [
  'household_id',
  'scenario',
  'year',
  'persons',
  ...columns,
  'year_total',
  'eligible_year_total',
  // (last: the household's weight in that year, as the totals weigh it — grown by a projection's population rate; a
  // finance officer weighed the rows by joining the households file, whose weights a projection does not grow)
  'weight',
];

export const YEAR_ROWS_HEADER = YEAR_ROWS_COLUMNS.join(',') + '\n';

const slots = PER_HOUSEHOLD_ORDER.map((p) => ({ id: p.id, slot: SLOT[p.id], cash: isCash(p), counted: counted(p) }));

/**
 * The amounts written to the nearest fen (a grant or premium that changes inside the year: a share of a fen left out):
 * how many, and by column Σ weight × (written − exact), so that a note can say by how much the rows, weighted, differ
 * from the totals.
 */
export class Rounded {
  count = 0;
  /** By column: Σ weight (millionths) × (written − exact) in twelfths of a fen. */
  readonly gap = new Map<string, bigint>();

  /** The fen written for `twelfths`, counted where it is rounded. */
  fen(column: string, twelfths: number, weight: number): number {
    const { fen, exact } = twelfthsToFen(twelfths);
    if (!exact) {
      this.count++;
      this.gap.set(column, (this.gap.get(column) ?? 0n) + BigInt(fen * 12 - twelfths) * BigInt(weight));
    }
    return fen;
  }

  /** Each column's weighted gap in yuan (two decimals), where it is a fen or more. */
  gaps(): Array<[string, string]> {
    const per = 12n * 1_000_000n; // (twelfths, weight millionths)
    return [...this.gap].flatMap(([column, g]) => {
      const fen = (g < 0n ? g - per / 2n : g + per / 2n) / per; // (half away from zero)
      return fen === 0n ? [] : [[column, `${fen > 0n ? '+' : ''}${fenToYuan(fen)}`]];
    });
  }
}

/** A household's year as a row (`weight`: its weight in millionths, written last and for the rounding's tally). */
export function yearRow(
  householdId: string,
  scenario: string,
  year: number,
  persons: number,
  weight: number,
  y: HouseholdYear,
  rounded: Rounded,
): string {
  let row = `${csvField(householdId)},${csvField(scenario)},${year},${persons}`;
  let total = 0;
  for (const { id, slot, cash, counted } of slots) {
    row += `,${y.months[slot]}`;
    if (counted) row += `,${y.personMonths[slot]}`;
    if (!cash) continue;
    row += `,${fenToYuan(rounded.fen(id, y.twelfths[slot]!, weight))}`;
    total += y.twelfths[slot]!;
  }
  const totals = `${fenToYuan(rounded.fen('year_total', total, weight))},${fenToYuan(rounded.fen('eligible_year_total', y.eligibleTwelfths, weight))}`;
  return `${row},${totals},${weightText(weight)}\n`;
}

/** A weight in millionths as the households file writes it: 382.5, 1, 0.000001. */
export function weightText(millionths: number): string {
  const whole = Math.floor(millionths / 1_000_000);
  const part = millionths - whole * 1_000_000;
  return part ? `${whole}.${String(part).padStart(6, '0').replace(/0+$/, '')}` : String(whole);
}
