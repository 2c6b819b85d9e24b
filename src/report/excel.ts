// exceljs, loaded when a workbook is written (it takes about a third of a second to load: a command that
// needs no workbook does not pay for it).
import type ExcelJS from 'exceljs';
import { D } from '../core/money.js';
import type { Unit } from './text-table.js';

export async function loadExcel(): Promise<typeof ExcelJS> {
  const mod = await import('exceljs');
  return (mod as unknown as { default?: typeof ExcelJS }).default ?? mod;
}

/** Money in a workbook's unit: the column header's label and number format, and yuan (a decimal string) as a cell. */
export interface MoneyUnit {
  /** For a header: "元", "万元", "亿元". */
  readonly label: string;
  readonly format: string;
  readonly cell: (yuan: string | undefined) => number | null;
}

/**
 * 元, 万元 with two decimals and 亿元 with four, as the tables show them (a finance trial: a bureau's tables show 万元 to
 * two places, the workbook showed four); the cell holds the exact amount all the same (a yuan is 0.0001 万元), so a sum
 * of cells is the table's.
 */
export function moneyUnit(unit: Unit = 'yuan'): MoneyUnit {
  const [label, divisor, format] =
    unit === 'wan' ? ['万元', 10_000, '#,##0.00'] : unit === 'yi' ? ['亿元', 100_000_000, '#,##0.0000'] : ['元', 1, '#,##0.00'];
  return {
    label,
    format,
    // (divided as a decimal, exactly: the cell's double is then the nearest to the exact quotient)
    cell: (yuan) => (yuan === undefined || yuan === '' ? null : D(yuan).dividedBy(divisor).toNumber()),
  };
}
