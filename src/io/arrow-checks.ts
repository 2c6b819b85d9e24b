// The checks an Arrow population file's value columns get (arrow.ts), over a range of households: each row's value in
// its column's range, and a household-level column's value the same on every row of a household, kept once per
// household. Pure loops over shared memory, so that the pool's workers can each take a range (engine/worker.ts): on a
// 1M-household file they were ~0.4 s on one thread, most of it the page faults of the household columns written.
// Values `jiuzhu import` checked are not checked again: import writes each batch's hash of them (valuesHash, ~7 GB/s,
// where the checks ran at ~0.4 GB/s), and a batch whose values hash to it has its household values gathered only.
import { COLUMNS, type ColumnDef } from '../core/columns.js';

/** A value column: its rows (the file's array), and for a household-level one the array of one value per household. */
export interface CheckedColumn {
  /** Its index in COLUMNS. */
  readonly c: number;
  readonly rows: Uint8Array | Float64Array;
  readonly one: Uint8Array | Float64Array | null;
}

/** Households [from, to) of a file whose household h has rows [offsets[h], offsets[h + 1]). */
export interface CheckRange {
  readonly columns: readonly CheckedColumn[];
  readonly offsets: Int32Array;
  readonly from: number;
  readonly to: number;
  /** The population's members (row r is its own member r), written over the range's rows. */
  readonly members: Int32Array;
}

/** By column (as given): the first row out of range, and the first row differing from its household's first; -1: none. */
export interface CheckFound {
  readonly outside: readonly number[];
  readonly differs: readonly number[];
}

/** Checks households [from, to) and writes their household-level values (`one`) and their rows' members. */
export function checkRange(r: CheckRange): CheckFound {
  const [start, end] = [r.offsets[r.from]!, r.offsets[r.to]!];
  for (let i = start; i < end; i++) r.members[i] = i; // (in shared memory: each worker's page faults its own)
  const outside: number[] = [];
  const differs: number[] = [];
  for (const { c, rows, one } of r.columns) {
    const [lo, hi, whole] = limits(COLUMNS[c]!);
    // A loop per array type: one shape each, as the engine's.
    outside.push(rows instanceof Float64Array ? firstOutside(rows, lo, hi, whole, start, end) : firstOutsideBytes(rows, hi, start, end));
    if (!one) differs.push(-1);
    else if (rows instanceof Float64Array) differs.push(onePerHouseholdF64(rows, one as Float64Array, r.offsets, r.from, r.to));
    else differs.push(onePerHouseholdU8(rows, one as Uint8Array, r.offsets, r.from, r.to));
  }
  return { outside, differs };
}

/**
 * As checkRange, for values `jiuzhu import` checked (the file's hash of them says so): their household-level values
 * (each household's first row's) and the members written, nothing found.
 */
export function gatherRange(r: CheckRange): CheckFound {
  const [start, end] = [r.offsets[r.from]!, r.offsets[r.to]!];
  for (let i = start; i < end; i++) r.members[i] = i;
  for (const { rows, one } of r.columns)
    if (one && rows instanceof Float64Array) firstRowsF64(rows, one as Float64Array, r.offsets, r.from, r.to);
    else if (one) firstRowsU8(rows as Uint8Array, one as Uint8Array, r.offsets, r.from, r.to);
  const none = r.columns.map(() => -1);
  return { outside: none, differs: [...none] };
}

function firstRowsF64(a: Float64Array, one: Float64Array, offsets: Int32Array, from: number, to: number): void {
  for (let h = from; h < to; h++) one[h] = a[offsets[h]!]!;
}

function firstRowsU8(a: Uint8Array, one: Uint8Array, offsets: Int32Array, from: number, to: number): void {
  for (let h = from; h < to; h++) one[h] = a[offsets[h]!]!;
}

/**
 * A hash of value columns' bytes, in order (each column's rows, then its length): four FNV-1a lanes over 32-bit words
 * side by side (one lane's multiplications wait on each other; four keep the core busy), 128 bits as 32 hex digits.
 * Any one changed byte changes it (each step of a lane is a bijection of its state); it guards against edits and
 * damage, not against someone forging a file.
 */
export function valuesHash(columns: readonly (Uint8Array | Float64Array)[]): string {
  const s = Int32Array.of(0x811c9dc5, 0x050c5d1f, 0x1000193, 0x6c62272e);
  for (const c of columns) lanes(s, new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
  return [...s].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

const FNV_PRIME = 16777619;

/** The four lanes `s` over the bytes (a function of its own, the lanes in locals: see arrow.ts fnvWords). */
function lanes(s: Int32Array, given: Uint8Array): void {
  const a = given.byteOffset & 3 ? given.slice() : given; // Int32 words need an aligned start
  const w = new Int32Array(a.buffer, a.byteOffset, a.byteLength >> 2);
  let [h0, h1, h2, h3] = [s[0]!, s[1]!, s[2]!, s[3]!];
  const whole = w.length & ~3;
  for (let i = 0; i < whole; i += 4) {
    h0 = Math.imul(h0 ^ w[i]!, FNV_PRIME);
    h1 = Math.imul(h1 ^ w[i + 1]!, FNV_PRIME);
    h2 = Math.imul(h2 ^ w[i + 2]!, FNV_PRIME);
    h3 = Math.imul(h3 ^ w[i + 3]!, FNV_PRIME);
  }
  for (let i = whole; i < w.length; i++) h0 = Math.imul(h0 ^ w[i]!, FNV_PRIME);
  for (let i = w.length << 2; i < a.byteLength; i++) h1 = Math.imul(h1 ^ a[i]!, FNV_PRIME);
  [s[0], s[1], s[2], s[3]] = [h0, h1, Math.imul(h2 ^ a.byteLength, FNV_PRIME), h3];
}

/** The earliest of several ranges' findings (-1: none in any). */
export function earliest(found: readonly CheckFound[], columns: number): CheckFound {
  const first = (key: keyof CheckFound, i: number) =>
    found.reduce((a, f) => (f[key][i]! >= 0 && (a < 0 || f[key][i]! < a) ? f[key][i]! : a), -1);
  return {
    outside: Array.from({ length: columns }, (_, i) => first('outside', i)),
    differs: Array.from({ length: columns }, (_, i) => first('differs', i)),
  };
}

/** The smallest and largest stored value a column allows, and whether it must be whole (as parseCell gives them). */
export function limits(c: ColumnDef): [number, number, boolean] {
  const k = c.kind;
  switch (k.type) {
    case 'integer':
      return [0, k.max, false];
    case 'code':
      return [0, k.codes.length - 1, false];
    case 'money':
      return [0, 1e15 - 1, true];
    case 'millionths':
      return [k.min, k.max, true];
    default:
      return [0, Infinity, false];
  }
}

function firstOutside(a: Float64Array, lo: number, hi: number, whole: boolean, start: number, end: number): number {
  for (let r = start; r < end; r++) {
    const v = a[r]!;
    if (!(v >= lo && v <= hi) || (whole && Math.floor(v) !== v)) return r;
  }
  return -1;
}

function firstOutsideBytes(a: Uint8Array, hi: number, start: number, end: number): number {
  for (let r = start; r < end; r++) if (a[r]! > hi) return r;
  return -1;
}

/**
 * Each household's first row's value into `one`; the first row whose value differs from it, or -1. Written out once per
 * array type (as firstOutside): one generic loop over both types would see two array shapes and run slower.
 */
function onePerHouseholdF64(a: Float64Array, one: Float64Array, offsets: Int32Array, from: number, to: number): number {
  let differs = -1;
  for (let h = from; h < to; h++) {
    const first = offsets[h]!;
    const v = a[first]!;
    one[h] = v;
    for (let r = first + 1, end = offsets[h + 1]!; differs < 0 && r < end; r++) if (a[r] !== v) differs = r;
  }
  return differs;
}

function onePerHouseholdU8(a: Uint8Array, one: Uint8Array, offsets: Int32Array, from: number, to: number): number {
  let differs = -1;
  for (let h = from; h < to; h++) {
    const first = offsets[h]!;
    const v = a[first]!;
    one[h] = v;
    for (let r = first + 1, end = offsets[h + 1]!; differs < 0 && r < end; r++) if (a[r] !== v) differs = r;
  }
  return differs;
}
