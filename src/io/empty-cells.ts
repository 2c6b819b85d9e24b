// Empty cells, said. DOMAIN gives each optional column a default that an empty cell takes (wage_income 0, weight 1);
// a survey extract's empty cell often means "not asked" or "unknown", not "none", and read as 0 it moves every figure
// without a word (a researcher's trial: empty incomes and weights read as 0 and 1, and nothing said). The readers
// count the empty cells of each column (as the file holds them, quoted "" too); the note says how many, and as what.
import { COLUMNS, showValue, type ColumnDef } from '../core/columns.js';
import { InputError } from '../errors.js';

/**
 * Empty cells per column number (COLUMNS' order), as a reader counts them; after them, the first line (of the file, or
 * of a part: sumEmpties shifts it) whose weight is empty, Infinity for none.
 */
export type EmptyCells = Float64Array;

const WEIGHT = COLUMNS.findIndex((c) => c.name === 'weight');
const FIRST_EMPTY_WEIGHT = COLUMNS.length;

export const noEmptyCells = (): EmptyCells => clearEmpties(new Float64Array(COLUMNS.length + 1));

/** The counts back to none (a reader's part handed over). */
export function clearEmpties(e: EmptyCells): EmptyCells {
  e.fill(0);
  e[FIRST_EMPTY_WEIGHT] = Infinity;
  return e;
}

/** One empty cell of column c, on `line`. */
export function emptyCell(empties: EmptyCells, c: number, line: number): void {
  empties[c]!++;
  if (c === WEIGHT && line < empties[FIRST_EMPTY_WEIGHT]!) empties[FIRST_EMPTY_WEIGHT] = line;
}

/** The columns whose empty cells a reader counts in a bit mask (the fast scanner's), so at most 31 of them. */
if (COLUMNS.length > 31) throw new Error('empty-cells: more columns than bits in a mask');

/** Adds a scanner's mask of the columns that were empty in one record (bit c: column c), the record on `line`. */
export function countMask(empties: EmptyCells, mask: number, line: number): void {
  for (let m = mask; m !== 0; m &= m - 1) empties[31 - Math.clz32(m & -m)]!++;
  if (mask & (1 << WEIGHT) && line < empties[FIRST_EMPTY_WEIGHT]!) empties[FIRST_EMPTY_WEIGHT] = line;
}

/** The sum of several readers' counts (a file read in parts: `shifts[i]` lines before part i's first). */
export function sumEmpties(all: readonly EmptyCells[], shifts: readonly number[] = []): EmptyCells {
  const sum = noEmptyCells();
  all.forEach((e, i) => {
    for (let c = 0; c < COLUMNS.length; c++) sum[c]! += e[c]!;
    sum[FIRST_EMPTY_WEIGHT] = Math.min(sum[FIRST_EMPTY_WEIGHT]!, e[FIRST_EMPTY_WEIGHT]! + (shifts[i] ?? 0));
  });
  return sum;
}

/** Whether some rows' weight is empty and others' is not (refuseSomeWeightsEmpty). */
export const someWeightsEmpty = (empties: EmptyCells, rows: number): boolean => empties[WEIGHT]! > 0 && empties[WEIGHT]! < rows;

/**
 * A weight left empty where other rows give one (a researcher's trial: one household's 33.292136 blanked read as 1, a
 * thirty-third of its share, with a note only): refused, at the first such line. Every weight empty is a file without
 * weights, read as DOMAIN's default 1 (and noted).
 */
export function refuseSomeWeightsEmpty(empties: EmptyCells, rows: number, file: string): void {
  if (!someWeightsEmpty(empties, rows)) return;
  const empty = empties[WEIGHT]!;
  const line = empties[FIRST_EMPTY_WEIGHT]!;
  throw new InputError(
    [
      {
        where: { file, ...(Number.isFinite(line) ? { line } : {}) },
        message: `weight is empty on ${count(empty)} row${empty === 1 ? '' : 's'} where the other ${count(rows - empty)} give one: an empty weight would read as 1 (a household that stands for one), whatever the others' rows stand for`,
      },
    ],
    "give every household's weight (write 1 where a household stands for itself; a file without weights leaves the column out)",
  );
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
