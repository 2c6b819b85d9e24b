// Empty cells, said. DOMAIN gives each optional column a default that an empty cell takes (wage_income 0, weight 1);
// a survey extract's empty cell often means "not asked" or "unknown", not "none", and read as 0 it moves every figure
// without a word (a researcher's trial: empty incomes and weights read as 0 and 1, and nothing said). The readers
// count the empty cells of each column (as the file holds them, quoted "" too); the note says how many, and as what.
import { COLUMNS, showValue, type ColumnDef } from '../core/columns.js';

/** Empty cells per column number (COLUMNS' order), as a reader counts them. */
export type EmptyCells = Float64Array;

export const noEmptyCells = (): EmptyCells => new Float64Array(COLUMNS.length);

/** The columns whose empty cells a reader counts in a bit mask (the fast scanner's), so at most 31 of them. */
if (COLUMNS.length > 31) throw new Error('empty-cells: more columns than bits in a mask');

/** Adds a scanner's mask of the columns that were empty in one record (bit c: column c). */
export function countMask(empties: EmptyCells, mask: number): void {
  for (let m = mask; m !== 0; m &= m - 1) empties[31 - Math.clz32(m & -m)]!++;
}

/** The sum of several readers' counts (a file read in parts). */
export function sumEmpties(all: readonly EmptyCells[]): EmptyCells {
  const sum = noEmptyCells();
  for (const e of all) for (let c = 0; c < sum.length; c++) sum[c]! += e[c]!;
  return sum;
}

/** The note for a file's empty cells, or null when it has none. */
export function emptyCellsNote(empties: EmptyCells, file: string): string | null {
  const columns = (COLUMNS as readonly ColumnDef[]).flatMap((c, i) => (empties[i]! > 0 && c.default !== undefined ? [i] : []));
  if (!columns.length) return null;
  const said = columns.map((i) => `${COLUMNS[i]!.name} ${count(empties[i]!)} (as ${defaultText(COLUMNS[i]!)})`);
  const total = columns.reduce((a, i) => a + empties[i]!, 0);
  return (
    `note: ${file}: ${count(total)} empty cell${total === 1 ? '' : 's'} read as the column's default: ${said.join(', ')}` +
    ' — an empty cell is read as none, not unknown (fill in what is known, or leave the household out)'
  );
}

/** Says the note (ReadOptions.onNote), when there is one. */
export function noteEmptyCells(empties: EmptyCells, file: string, opts: { readonly onNote?: (note: string) => void }): void {
  const note = opts.onNote && emptyCellsNote(empties, file);
  if (note) opts.onNote!(note);
}

const count = (n: number) => n.toLocaleString('en');

/** A column's default as a file would write it (showValue; whole yuan without their fen: "0", not "0.00"). */
export const defaultText = (c: ColumnDef) => showValue(c, c.default!).replace(/\.00$/, '');
