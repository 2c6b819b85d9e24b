// A part of a program's figures in simulate's JSON (by_group, by_part, by_tier: core/programs/parts.ts), and a parts
// sheet of a workbook, as tests read them.
import ExcelJS from 'exceljs';

/** A sheet's rows [from, from + count) of a workbook file, each its cells' values from column A. */
export async function sheetRows(file: string, sheet: string, from: number, count: number): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb
    .getWorksheet(sheet)!
    .getRows(from, count)!
    .map((row) => (row.values as unknown[]).slice(1));
}

export interface Part {
  readonly households: string;
  readonly persons: string;
  readonly annual_cost: string;
  readonly annual_cost_exact: string;
  /** A scenario's: its change from the baseline's. */
  readonly delta?: Record<string, string>;
}
