// A column another tool wrote in other Arrow types than `jiuzhu import` writes, read as import's. pandas (3) and
// pyarrow round trips — read an imported file, change a weight, write it back — give text as LargeUtf8 (64-bit
// offsets) and categories as Dictionary<Int8, LargeUtf8> in the order they met them: each was refused by its type
// name. Now text whose offsets fit 32 bits reads as Utf8, and a code column's dictionary of any integer index and
// either text type reads as Dictionary<Uint8, Utf8> in jiuzhu's code order; a value that is not a code is kept after
// the codes, where the range check tells it at its row. Any other type is reported as it is.
import type { Data, DataType } from 'apache-arrow';
import { COLUMNS, type ColumnDef } from '../core/columns.js';
import { InputError } from '../errors.js';
import { arrowLib } from './arrow-lib.js';
import { arrowName, type ColumnData } from './arrow-population.js';

const { DataType: Types } = arrowLib;

/** The code columns' codes, by their name in the file. */
const CODES = new Map(
  (COLUMNS as readonly ColumnDef[]).flatMap((c) => (c.kind.type === 'code' ? [[arrowName(c), c.kind.codes] as const] : [])),
);

/** A column of `rows` rows as jiuzhu reads it (see above). */
export function columnData(name: string, type: DataType, d: Data, nullCount: number, rows: number, file = ''): ColumnData {
  const plain = { type: String(type), nullCount, values: d.values as Uint8Array | Float64Array, ...firstNull(d, nullCount, rows) };
  if (Types.isLargeUtf8(type)) {
    const offsets = (d.valueOffsets as unknown as BigInt64Array).subarray(0, rows + 1);
    if (offsets[rows]! > 2n ** 31n - 1n) return plain;
    return { ...plain, type: 'Utf8', valueOffsets: Int32Array.from(offsets, Number) };
  }
  if (Types.isUtf8(type))
    return { ...plain, valueOffsets: soundOffsets(file, name, d.valueOffsets as Int32Array, rows, plain.values.length) };
  const codes = CODES.get(name);
  if (!Types.isDictionary(type) || !d.dictionary) return plain;
  const dictionary = d.dictionary.toArray() as unknown[];
  const text = Types.isUtf8(type.dictionary) || Types.isLargeUtf8(type.dictionary);
  if (!codes || !text || !Types.isInt(type.indices)) return { ...plain, dictionary: dictionary as string[] };
  // As import wrote it: read in place.
  if (plain.type === 'Dictionary<Uint8, Utf8>' && dictionary.join('\n') === codes.join('\n')) return { ...plain, dictionary: codes };
  const order = [...codes, ...(dictionary as string[]).filter((v) => !codes.includes(v))];
  if (order.length > 255) return { ...plain, dictionary: dictionary as string[] };
  const to = (dictionary as string[]).map((v) => order.indexOf(v));
  const indices = d.values as ArrayLike<number>;
  const values = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) values[r] = to[indices[r]!] ?? 255; // (a null's index: its null is counted)
  return { type: 'Dictionary<Uint8, Utf8>', nullCount, values, dictionary: order };
}

/**
 * A text column's offsets, each within its bytes and none before the one before (damaged ones made arrays of a negative
 * or huge length: an internal error, a hardening trial's flipped byte).
 */
function soundOffsets(file: string, name: string, offsets: Int32Array, rows: number, bytes: number): Int32Array {
  let ok = offsets.length > rows && offsets[0]! >= 0;
  for (let r = 0; ok && r < rows; r++) ok = offsets[r + 1]! >= offsets[r]!;
  if (ok && offsets[rows]! <= bytes) return offsets;
  throw new InputError([{ where: { file }, message: `not a readable Arrow IPC file: column ${name}'s offsets are damaged` }]);
}

/** The first empty (null) row, from the validity bitmap: a problem is told at its row. */
function firstNull(d: Data, nullCount: number, rows: number): { firstNull?: number } {
  const bits = d.nullBitmap;
  if (!nullCount || !bits?.length) return {};
  for (let r = 0; r < rows; r++) if (!(bits[(d.offset + r) >> 3]! & (1 << ((d.offset + r) & 7)))) return { firstNull: r };
  return {};
}
