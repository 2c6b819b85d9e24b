// A part of a households file as the fast reader writes it: every kept row in file order, in typed arrays
// only (so a worker can hand it over without copying), with the ids as bytes and their hashes. Rows are
// grouped into segments — runs of adjacent rows with the same household id — whose household-level values
// are stored once. Nothing here knows about other parts: assemble.ts joins segments into households across
// parts and checks person_id uniqueness over the whole file, bucket by bucket of the ids' hashes (bucketed below),
// comparing bytes only where hashes agree (no string per id).
import { i32, typed, u8, type Grow, type Typed } from '../core/grow.js';
import { fastRecord } from '../core/records.js';
import { equalBytes, FNV_START, hashBytes, IdList, mix } from '../core/ids.js';
import {
  COLUMNS,
  HOUSEHOLD_COLS,
  HOUSEHOLD_KEYS,
  PERSON_COLS,
  PERSON_KEYS,
  columnArray,
  type HouseholdColumns,
  type HouseholdKey,
  type PersonColumns,
  type PersonKey,
} from '../core/columns.js';
import { populationFrom, type Population } from '../core/population.js';

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

const writePerson = compileWrite(PERSON_COLS);
const writeHousehold = compileWrite(HOUSEHOLD_COLS);
const householdDiffers = compileDiffers(HOUSEHOLD_COLS);

/** The household-level values of a row, in HOUSEHOLD_COLS order (core/columns.ts). */
export type HouseholdValues = readonly number[];

/** A row whose household-level values differ from its segment's (rare): assemble compares them with the household's. */
export interface OddRow {
  readonly row: number;
  readonly values: HouseholdValues;
}

/** Person columns per row; household columns per segment. */
export interface Part extends PersonColumns, HouseholdColumns {
  readonly rows: number;
  /** The line the row starts on, counted from the part's first line (1). */
  readonly line: Int32Array;
  readonly segment: Int32Array;
  readonly pidHash: Int32Array;
  /** person id of row r: pidBytes[pidStart[r], pidStart[r + 1]) */
  readonly pidStart: Int32Array;
  readonly pidBytes: Uint8Array;
  // per segment
  readonly segments: number;
  readonly hidHash: Int32Array;
  readonly hidStart: Int32Array;
  readonly hidBytes: Uint8Array;
  readonly firstRow: Int32Array;
  readonly odd: readonly OddRow[];
  /**
   * Rows, and segments, grouped by the top bits of their id hash (bucketed: in index order within a bucket), their
   * hashes in that order, and where each bucket starts: assemble finds repeated ids one bucket at a time, every
   * part's bucket together.
   */
  readonly pidOrder: Int32Array;
  readonly pidOrdered: Int32Array;
  readonly pidBuckets: Int32Array;
  readonly hidOrder: Int32Array;
  readonly hidOrdered: Int32Array;
  readonly hidBuckets: Int32Array;
}

/** Columns of one length, grown together by doubling (make(n) gives each column with room for n values). */
class Table<T extends Record<string, Typed>> {
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

/** A part's person columns, per row (the evaluated ones in shared memory when asked), and its bookkeeping. */
const rowColumns = (shared: boolean) => (n: number) =>
  columnsOf<PersonKey, { line: Int32Array; segment: Int32Array; pidHash: Int32Array; pidStart: Int32Array }>(PERSON_COLS, n, shared, {
    line: new Int32Array(n),
    segment: new Int32Array(n),
    pidHash: new Int32Array(n),
    pidStart: new Int32Array(n + 1),
  });

/** A part's household columns, per segment (likewise). */
const segmentColumns = (shared: boolean) => (n: number) =>
  columnsOf<HouseholdKey, { hidHash: Int32Array; firstRow: Int32Array }>(HOUSEHOLD_COLS, n, shared, {
    hidHash: new Int32Array(n),
    firstRow: typed(Int32Array, n, shared),
  });

export class PartWriter {
  private readonly r: Table<ReturnType<ReturnType<typeof rowColumns>>>;
  private readonly s: Table<ReturnType<ReturnType<typeof segmentColumns>>>;
  private readonly pidBytes = u8(1 << 16);
  private readonly hidStart = i32();
  private readonly hidBytes = u8(1 << 14);
  private readonly odd: OddRow[] = [];
  rows = 0;
  segments = 0;

  /**
   * `expectedRows`: room to start with (the fast reader: the rows of the first MB, then expect()); any number works. `shared`: the columns
   * the engine reads (person columns, segment values, first rows) in shared memory, so the reading worker can
   * still evaluate them after handing the part over (parallel-read.ts).
   */
  constructor(expectedRows = 1024, shared = false) {
    const n = Math.max(1024, expectedRows);
    this.r = new Table(rowColumns(shared), n);
    this.s = new Table(segmentColumns(shared), Math.max(1024, n >> 1));
    this.hidStart.push(0);
  }

  /**
   * A better guess, once some of the input is read: `share` of it (0–1] held the rows and segments so far. Memory
   * first written costs a page fault per 4 KB (on some virtual machines several microseconds each), and each
   * doubling writes the columns again; a file of short rows would double its guess twice.
   */
  expect(share: number): void {
    if (share <= 0 || share > 1) return;
    const guess = (n: number) => Math.ceil((n / share) * 1.05) + 1024;
    this.r.reserve(guess(this.rows), this.rows);
    this.s.reserve(guess(this.segments), this.segments);
  }

  /** The household id of the current segment equals b[s, e). */
  private sameHousehold(b: Uint8Array, s: number, e: number): boolean {
    if (this.segments === 0) return false;
    const a = this.hidStart.data[this.segments - 1]!;
    return this.hidBytes.length - a === e - s && equalBytes(this.hidBytes.data, a, b, s, e - s);
  }

  /**
   * One kept row: ids as bytes in b, `values` the row's stored values by column number (core/columns.ts: fen,
   * codes, millionths), `line` the line it starts on.
   */
  add(b: Uint8Array, hs: number, he: number, ps: number, pe: number, values: Float64Array, line: number): void {
    const i = this.rows++;
    if (!this.sameHousehold(b, hs, he)) {
      const k = this.segments++;
      copy(this.hidBytes, b, hs, he);
      this.hidStart.push(this.hidBytes.length);
      const seg = this.s.room(k);
      seg.hidHash[k] = hashBytes(b, hs, he);
      seg.firstRow[k] = i;
      writeHousehold(seg, k, values);
    } else if (householdDiffers(this.s.cols, this.segments - 1, values)) {
      this.odd.push({ row: i, values: HOUSEHOLD_COLS.map((c) => values[c]!) });
    }
    const r = this.r.room(i);
    writePerson(r, i, values);
    r.line[i] = line;
    r.segment[i] = this.segments - 1;
    r.pidHash[i] = copyHashed(this.pidBytes, b, ps, pe);
    r.pidStart[i + 1] = this.pidBytes.length;
  }

  done(): Part {
    const r = this.r.cols;
    const n = this.rows;
    const s = this.s.cols;
    const m = this.segments;
    const cut = <K extends string>(t: Record<K, Uint8Array | Float64Array>, keys: readonly K[], len: number) =>
      Object.fromEntries(keys.map((k) => [k, t[k].subarray(0, len)]));
    return {
      rows: n,
      ...(cut(r, PERSON_KEYS, n) as unknown as PersonColumns),
      line: r.line.subarray(0, n),
      segment: r.segment.subarray(0, n),
      pidHash: r.pidHash.subarray(0, n),
      pidStart: r.pidStart.subarray(0, n + 1),
      pidBytes: this.pidBytes.done(),
      segments: m,
      hidHash: s.hidHash.subarray(0, m),
      hidStart: this.hidStart.done(),
      hidBytes: this.hidBytes.done(),
      firstRow: s.firstRow.subarray(0, m),
      ...(cut(s, HOUSEHOLD_KEYS, m) as unknown as HouseholdColumns),
      odd: this.odd,
      ...grouped('pid', r.pidHash.subarray(0, n)),
      ...grouped('hid', s.hidHash.subarray(0, m)),
    };
  }
}

function copy(to: Grow<Uint8Array>, b: Uint8Array, s: number, e: number): void {
  const data = to.reserve(e - s);
  let at = to.length;
  for (let i = s; i < e; i++) data[at++] = b[i]!;
  to.length = at;
}

/** copy(), and hashBytes(b, s, e) computed in the same loop. */
function copyHashed(to: Grow<Uint8Array>, b: Uint8Array, s: number, e: number): number {
  const data = to.reserve(e - s);
  let at = to.length;
  let h = FNV_START;
  for (let i = s; i < e; i++) {
    const x = b[i]!;
    data[at++] = x;
    h = Math.imul(h ^ x, 16777619);
  }
  to.length = at;
  return mix(h);
}

/** The buffers of a part, for postMessage's transfer list (shared ones are shared, not transferred). */
export function partBuffers(p: Part): ArrayBuffer[] {
  return [
    ...new Set(
      Object.values(p)
        .filter((v): v is Uint8Array => ArrayBuffer.isView(v))
        .map((v) => v.buffer),
    ),
  ].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

/**
 * A part whose households are its segments (each run of adjacent rows with one id), as a Population without
 * ids: what a reading worker evaluates before the whole file is assembled. It is the file's population
 * exactly when no household has rows in two segments (assemble.ts tells).
 */
export function segmentsAsHouseholds(p: Part): Population {
  const offsets = new Int32Array(p.segments + 1);
  offsets.set(p.firstRow);
  offsets[p.segments] = p.rows;
  const members = new Int32Array(p.rows);
  for (let r = 0; r < p.rows; r++) members[r] = r;
  return populationFrom({
    householdCount: p.segments,
    personCount: p.rows,
    householdIds: NO_IDS,
    personIds: NO_IDS,
    offsets,
    members,
    column: (key) => p[key as PersonKey | HouseholdKey],
  });
}

/** No ids (the engine does not read them). */
const NO_IDS = new IdList(new Uint8Array(0), new Int32Array(1));

type Grouped<K extends string> = Record<`${K}Order` | `${K}Ordered` | `${K}Buckets`, Int32Array>;
function grouped<K extends 'pid' | 'hid'>(k: K, hash: Int32Array): Grouped<K> {
  const [order, ordered, buckets] = bucketed(hash);
  return { [`${k}Order`]: order, [`${k}Ordered`]: ordered, [`${k}Buckets`]: buckets } as Grouped<K>;
}

/** The bits of a hash that pick its bucket (the top ones: the low ones pick a slot in assemble's table). */
export const BUCKET_BITS = 8;

/**
 * Indices 0…n-1 grouped by the top BUCKET_BITS bits of their hash, in index order within a group (one counting pass,
 * one pass placing them); the hashes in that order (assemble reads them in a row, not one cache miss per id:
 * its checks on the plain 1M file ~0.6 → ~0.2 s); and where each group starts (2^BUCKET_BITS + 1 bounds).
 */
export function bucketed(hash: Int32Array): [Int32Array, Int32Array, Int32Array] {
  const n = hash.length;
  const shift = 32 - BUCKET_BITS;
  const bounds = new Int32Array((1 << BUCKET_BITS) + 1);
  for (let i = 0; i < n; i++) bounds[(hash[i]! >>> shift) + 1]!++;
  for (let b = 0; b < 1 << BUCKET_BITS; b++) bounds[b + 1]! += bounds[b]!;
  const at = bounds.slice(0, -1);
  const order = new Int32Array(n);
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = hash[i]!;
    const k = at[h >>> shift]!++;
    order[k] = i;
    hashes[k] = h;
  }
  return [order, hashes, bounds];
}
