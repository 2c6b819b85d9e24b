// exceljs, loaded when a workbook is written (it takes about a third of a second to load: a command that
// needs no workbook does not pay for it).
import type ExcelJS from 'exceljs';

export async function loadExcel(): Promise<typeof ExcelJS> {
  const mod = await import('exceljs');
  return (mod as unknown as { default?: typeof ExcelJS }).default ?? mod;
}
