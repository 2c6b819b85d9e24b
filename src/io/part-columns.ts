// The columns a part (part.ts) keeps its rows and segments in: typed arrays grown together (Table), made property by
// property in a fixed order, and the compiled stores of a row's values into them.
import { typed, type Typed } from '../core/grow.js';
import { fastRecord } from '../core/records.js';
import { COLUMNS, HOUSEHOLD_COLS, PERSON_COLS, columnArray, type HouseholdKey, type PersonKey } from '../core/columns.js';

type Stores = Readonly<Record<string, Typed>>;

/**
 * The stores of a row's values (by column number) into a table's columns, compiled once from the column table into
 * plain statements (`t.age[i] = values[2]; …`), as if written by hand: a loop over the columns measured 20–30 %
 * slower on the whole parse. The keys are the column table's own identifiers.
 */
function compileWrite(cols: readonly number[]): (t: Stores, i: number, values: Float64Array) => void {
  return new Function('t', 'i', 'values', cols.map((c) => `t.${COLUMNS[c]!.key}[i] = values[${c}];`).join('\n')) as (
    t: Stores,
    i: number,
    values: Float64Array,
  ) => void;
}

/** Whether a table's row i holds other values than `values` in the columns (compiled likewise). */
function compileDiffers(cols: readonly number[]): (t: Stores, i: number, values: Float64Array) => boolean {
  return new Function('t', 'i', 'values', `return ${cols.map((c) => `t.${COLUMNS[c]!.key}[i] !== values[${c}]`).join(' || ')};`) as (
    t: Stores,
    i: number,
    values: Float64Array,
  ) => boolean;
}

export const writePerson = compileWrite(PERSON_COLS);
export const writeHousehold = compileWrite(HOUSEHOLD_COLS);
export const householdDiffers = compileDiffers(HOUSEHOLD_COLS);

/** Columns of one length, grown together by doubling (make(n) gives each column with room for n values). */
export class Table<T extends Record<string, Typed>> {
  cap: number;
  cols: T;
  constructor(
    private readonly make: (n: number) => T,
    n: number,
  ) {
    this.cap = n;
    this.cols = make(n);
  }
  /** Room for index i (indices below i are written). */
  room(i: number): T {
    if (i >= this.cap) this.reserve(Math.max(this.cap * 2, i + 1), i);
    return this.cols;
  }
  /**
   * Room for n values, of which the first `filled` are written (plus one: pidStart is one longer). Only those are
   * copied: copying the rest read the old columns' untouched pages and wrote as many new ones, a page fault per 4 KB
   * each (on the plain 1M file ~0.13 s per reading worker).
   */
  reserve(n: number, filled: number): void {
    if (n <= this.cap) return;
    this.cap = n;
    const bigger = this.make(n);
    for (const k in bigger) {
      const old = this.cols[k]!;
      bigger[k]!.set(old.subarray(0, Math.min(filled + 1, old.length)));
    }
    this.cols = bigger;
  }
}

/**
 * Typed arrays of n values for the given columns (column table keys), then the named extra ones, as one object built
 * property by property in a fixed order: an object made by spreading Object.fromEntries measured 25 % slower to
 * store into on the whole parse.
 */
function columnsOf<K extends string, E extends Record<string, Typed>>(
  cols: readonly number[],
  n: number,
  shared: boolean,
  extra: E,
): Record<K, Uint8Array | Float64Array> & E {
  const keys = [...cols.map((c) => COLUMNS[c]!.key), ...Object.keys(extra)];
  const values = [...cols.map((c) => columnArray(COLUMNS[c]!, n, shared)), ...Object.values(extra)];
  return fastRecord<Record<K, Uint8Array | Float64Array> & E>(keys, values);
}

/** A part's person columns, per row (in shared memory when asked), with each row's line and segment. */
export const rowColumns = (shared: boolean) => (n: number) =>
  columnsOf<PersonKey, { line: Int32Array; segment: Int32Array }>(PERSON_COLS, n, shared, {
    line: new Int32Array(n),
    segment: new Int32Array(n),
  });

/** Each row's person id: its two hashes, and where its bytes start. */
export const rowIds = (n: number) =>
  fastRecord<{ pidHash: Int32Array; pidCheck: Int32Array; pidStart: Int32Array }>(
    ['pidHash', 'pidCheck', 'pidStart'],
    [new Int32Array(n), new Int32Array(n), new Int32Array(n + 1)],
  );

/** A part's household columns, per segment (likewise), with the segment's first row. */
export const segmentColumns = (shared: boolean) => (n: number) =>
  columnsOf<HouseholdKey, { firstRow: Int32Array }>(HOUSEHOLD_COLS, n, shared, { firstRow: typed(Int32Array, n, shared) });

/** Each segment's household id: its two hashes (the second only with a sink, as for person ids). */
export const segmentIds = (n: number) =>
  fastRecord<{ hidHash: Int32Array; hidCheck: Int32Array }>(['hidHash', 'hidCheck'], [new Int32Array(n), new Int32Array(n)]);
