// A part of a households file as the fast reader writes it: every kept row in file order, in typed arrays
// only (so a worker can hand it over without copying), with the ids as bytes and their hashes (a part evaluated as it
// is read keeps its person and household ids as two hashes only). Rows are grouped into segments — runs of adjacent
// rows with the same household id — whose household-level values are stored once (the columns: part-columns.ts).
// Nothing here knows about other parts: assemble.ts joins segments into households across parts and checks person_id
// uniqueness over the whole file, bucket by bucket of the ids' hashes (grouped below), comparing bytes only where
// hashes agree — or, read with a sink, by each byte range's first and last ids where its ids ascend (id-order.ts).
import { i32, u8, type Grow, type Typed } from '../core/grow.js';
import { checkHash, equalBytes, FNV_START, hashBytes, mix } from '../core/ids.js';
import {
  HOUSEHOLD_COLS,
  HOUSEHOLD_KEYS,
  PERSON_KEYS,
  type HouseholdColumns,
  type HouseholdKey,
  type PersonColumns,
  type PersonKey,
} from '../core/columns.js';
import type { Population } from '../core/population.js';
import { identity, segmentPopulation } from './segments.js';
import { bucketed, groupInPlace } from './id-buckets.js';
import { Ascending, type RangeIds } from './id-order.js';
import { householdDiffers, rowColumns, rowIds, segmentColumns, segmentIds, Table, writeHousehold, writePerson } from './part-columns.js';

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
  /**
   * Whether the part holds its rows' values, lines, segments and first rows. False: they went to a WindowSink as they
   * were read (the part then holds its ids, for the whole-file checks, and those columns are empty).
   */
  readonly values: boolean;
  /** The line the row starts on, counted from the part's first line (1). */
  readonly line: Int32Array;
  readonly segment: Int32Array;
  /**
   * Each row's person id hash (core/ids.ts hashBytes), in row order; in a part without values, grouped by bucket
   * instead (id-buckets.ts groupInPlace: pidBuckets gives the groups, and pidOrder is empty), like pidCheck.
   */
  readonly pidHash: Int32Array;
  /**
   * A second hash of each row's person id (core/ids.ts checkHash), for parts read with a WindowSink; zeros without one
   * (such a part holds its values, and its ids are compared by their bytes).
   */
  readonly pidCheck: Int32Array;
  /**
   * person id of row r: pidBytes[pidStart[r], pidStart[r + 1]); empty when `values` is false (the bytes were not
   * kept: person ids are then compared by both hashes, and a match has the file read again keeping them).
   */
  readonly pidStart: Int32Array;
  readonly pidBytes: Uint8Array;
  // per segment
  readonly segments: number;
  /** As pidHash and pidCheck, of each segment's household id (grouped by bucket in a part without values). */
  readonly hidHash: Int32Array;
  readonly hidCheck: Int32Array;
  /** household id of segment s: hidBytes[hidStart[s], hidStart[s + 1]); empty when `values` is false (as pidBytes). */
  readonly hidStart: Int32Array;
  readonly hidBytes: Uint8Array;
  readonly firstRow: Int32Array;
  readonly odd: readonly OddRow[];
  /**
   * Rows, and segments, grouped by the top bits of their id hash (bucketed: in index order within a bucket), their
   * hashes in that order, and where each bucket starts: assemble finds repeated ids one bucket at a time, every
   * part's bucket together. In a part without values: the order empty, the hashes pidHash and hidHash (grouped).
   */
  readonly pidOrder: Int32Array;
  readonly pidOrdered: Int32Array;
  readonly pidBuckets: Int32Array;
  readonly hidOrder: Int32Array;
  readonly hidOrdered: Int32Array;
  readonly hidBuckets: Int32Array;
  /**
   * Read with a sink: the file's byte ranges the part holds (a reading worker may read several into one part, one
   * after another: engine/worker.ts), each with its first and last person and household id where its ids ascend.
   */
  readonly ranges: readonly RangeIds[];
}

/**
 * Where a part's households go as they are read, a window of them at a time, instead of staying in the part (the
 * reading worker evaluates them: engine/worker.ts). `ready` says whether it takes them yet (asked once per window's
 * worth of rows); once it has said yes, it must take every later window. A window's population is valid during
 * `take` only (its arrays are written again for the next window).
 */
export interface WindowSink {
  ready(): boolean;
  take(pop: Population): void;
}

/**
 * Rows per window (then the window ends at the next household): ~2 MB of columns, written and evaluated while they
 * are in the cache, and the same memory written again for the next window. Memory first written costs a page fault
 * per 4 KB, on some virtual machines several microseconds each: on the plain 1M file the parts' values were ~140 MB.
 */
export const WINDOW_ROWS = 1 << 16;

export class PartWriter {
  // Values, line and segment: of the rows and segments from rowBase and segBase on (the window; 0 when none was taken).
  private readonly r: Table<ReturnType<ReturnType<typeof rowColumns>>>;
  private readonly s: Table<ReturnType<ReturnType<typeof segmentColumns>>>;
  // Ids: of every row and segment.
  private readonly ri: Table<ReturnType<typeof rowIds>>;
  private readonly si: Table<ReturnType<typeof segmentIds>>;
  private readonly pidBytes = u8(1 << 16);
  private readonly hidStart = i32();
  private readonly hidBytes = u8(1 << 14);
  /** The current segment's household id (hidBytes stops growing once windows go to the sink). */
  private readonly hid = u8(64);
  private readonly odd: OddRow[] = [];
  /** With a sink: whether the current range's person and household ids come in shortlex order (see RangeIds). */
  private readonly pidOrder = new Ascending();
  private readonly hidOrder = new Ascending();
  /** The byte range being read (beginRange), or -1; the ranges read before it. */
  private range = -1;
  private readonly ranges: RangeIds[] = [];
  rows = 0;
  segments = 0;
  private rowBase = 0;
  private segBase = 0;
  /** The rows at which the sink is next asked whether it is ready. */
  private ask = WINDOW_ROWS;
  private taken = false;
  private offsets: Int32Array = new Int32Array(0);
  private members: Int32Array = new Int32Array(0);

  /**
   * `expectedRows`: room to start with (the fast reader: the rows of the first MB, then expect()); any number works.
   * `shared`: the columns the engine reads (person columns, segment values, first rows) in shared memory, so the
   * reading worker can still evaluate them after handing the part over (engine/read.ts). `sink`: where windows of
   * households go once it is ready (see WindowSink); the part then holds their ids only.
   */
  constructor(
    expectedRows = 1024,
    shared = false,
    private readonly sink?: WindowSink,
  ) {
    const n = Math.max(1024, expectedRows);
    const m = Math.max(1024, n >> 1);
    this.r = new Table(rowColumns(shared), n);
    this.ri = new Table(rowIds, n);
    this.s = new Table(segmentColumns(shared), m);
    this.si = new Table(segmentIds, m);
    this.hidStart.push(0);
  }

  /**
   * A better guess, once some of the input is read: `share` of it (0–1] held the rows and segments so far. Memory
   * first written costs a page fault per 4 KB (on some virtual machines several microseconds each), and each
   * doubling writes the columns again; a file of short rows would double its guess twice. With a sink, the values
   * need room for a window only.
   */
  expect(share: number): void {
    if (share <= 0 || share > 1) return;
    const guess = (n: number) => Math.ceil((n / share) * 1.05) + 1024;
    const rows = guess(this.rows);
    const segments = guess(this.segments);
    this.ri.reserve(rows, this.rows);
    this.si.reserve(segments, this.segments);
    const more = (g: Grow<Typed>, n: number) => g.reserve(guess(n) - g.length);
    // The ids' bytes with a wider margin: ids numbered 1, 2, … grow longer down the file, so the first MB's share
    // underestimates them (the plain 1M file's first part grew its 12.8 MB of person ids to 25.6 MB near its end,
    // copying them into fresh memory: ~46 ms). Room never written costs no memory (its pages are never touched).
    const moreBytes = (g: Grow<Uint8Array>) => g.reserve(Math.ceil((g.length / share) * 1.5) + 1024 - g.length);
    moreBytes(this.pidBytes);
    moreBytes(this.hidBytes);
    more(this.hidStart, this.segments + 1);
    const windowed = (n: number, of: number) =>
      this.sink && this.rows > 0 ? Math.min(n, Math.ceil(((WINDOW_ROWS * 1.25) / this.rows) * of) + 1024) : n;
    this.r.reserve(windowed(rows, this.rows), this.rows - this.rowBase);
    this.s.reserve(windowed(segments, this.segments), this.segments - this.segBase);
  }

  /**
   * Rows from here on are the file's byte range `index` (with a sink: a reading worker may read several ranges into
   * one part while its windows go to the sink — continues()). No household goes on from the last range's rows: its
   * rows in this range are a segment of their own (assemble then finds the household in two segments).
   */
  beginRange(index: number): void {
    this.closeRange();
    this.range = index;
    this.hid.length = 0;
  }

  private closeRange(): void {
    if (this.range < 0) return;
    this.ranges.push({ index: this.range, pid: this.pidOrder.ends(), hid: this.hidOrder.ends() });
    this.pidOrder.reset();
    this.hidOrder.reset();
    this.range = -1;
  }

  /**
   * At the end of a range: whether the part may go on with another range — its windows go to the sink (it takes what
   * the part holds now, if it is ready), so the part will hold ids only. Otherwise the part holds its values, which
   * must be one range's, in file order: it ends here.
   */
  continues(): boolean {
    if (this.sink && !this.taken && this.sink.ready()) this.window(false);
    return this.taken;
  }

  /** The household id of the current segment equals b[s, e). */
  private sameHousehold(b: Uint8Array, s: number, e: number): boolean {
    return this.segments > 0 && this.hid.length === e - s && equalBytes(this.hid.data, 0, b, s, e - s);
  }

  /**
   * One kept row: ids as bytes in b, `values` the row's stored values by column number (core/columns.ts: fen,
   * codes, millionths), `line` the line it starts on.
   */
  add(b: Uint8Array, hs: number, he: number, ps: number, pe: number, values: Float64Array, line: number): void {
    if (!this.sameHousehold(b, hs, he)) {
      if (this.rows >= this.ask && this.sink) this.window(false);
      const k = this.segments++;
      if (this.sink) this.hidOrder.next(b, hs, he);
      this.hid.length = 0;
      const ids = this.si.room(k);
      ids.hidHash[k] = copyHashed(this.hid, b, hs, he);
      // With a sink, household ids get a second hash too (as person ids): once it takes windows, their bytes are not
      // kept, and assemble compares both hashes.
      if (this.sink) ids.hidCheck[k] = checkHash(b, hs, he);
      if (!this.taken) {
        copy(this.hidBytes, b, hs, he);
        this.hidStart.push(this.hidBytes.length);
      }
      const w = k - this.segBase;
      const seg = this.s.room(w);
      seg.firstRow[w] = this.rows - this.rowBase;
      writeHousehold(seg, w, values);
    } else if (householdDiffers(this.s.cols, this.segments - 1 - this.segBase, values)) {
      this.odd.push({ row: this.rows, values: HOUSEHOLD_COLS.map((c) => values[c]!) });
    }
    const i = this.rows++;
    const j = i - this.rowBase;
    const r = this.r.room(j);
    writePerson(r, j, values);
    r.line[j] = line;
    r.segment[j] = this.segments - 1 - this.segBase;
    const ids = this.ri.room(i);
    // (only with a sink: a part read without one always keeps its values, and its ids are compared by their bytes)
    if (this.sink) {
      ids.pidCheck[i] = checkHash(b, ps, pe);
      this.pidOrder.next(b, ps, pe);
    }
    // Once windows go to the sink, the part will not hold its values, and its person ids are checked by their hashes:
    // their bytes are not kept (on the plain 1M file, writing them into fresh memory was ~0.1 s per reading worker).
    if (this.taken) ids.pidHash[i] = hashBytes(b, ps, pe);
    else {
      ids.pidHash[i] = copyHashed(this.pidBytes, b, ps, pe);
      ids.pidStart[i + 1] = this.pidBytes.length;
    }
  }

  /**
   * At a household's start (or the end): the window's households go to the sink when it is ready (always, once it
   * has taken one), and the next window starts. `last`: the end of the part (taken however few rows it holds).
   */
  private window(last: boolean): void {
    if (!this.taken && !this.sink!.ready()) {
      this.ask = this.rows + WINDOW_ROWS;
      return;
    }
    this.taken = true;
    const rows = this.rows - this.rowBase;
    const segments = this.segments - this.segBase;
    if (rows > 0) this.sink!.take(this.windowPopulation(rows, segments));
    this.rowBase = this.rows;
    this.segBase = this.segments;
    this.ask = last ? Infinity : this.rows + WINDOW_ROWS;
  }

  /** The window's segments as households (segments.ts), in arrays kept for the next window. */
  private windowPopulation(rows: number, segments: number): Population {
    if (this.members.length < rows) this.members = identity(Math.max(rows, this.members.length * 2));
    if (this.offsets.length < segments + 1) this.offsets = new Int32Array(Math.max(segments + 1, this.offsets.length * 2));
    const r = this.r.cols;
    const s = this.s.cols;
    return segmentPopulation(rows, segments, s.firstRow, this.offsets, this.members, (key) =>
      key in r ? r[key as PersonKey].subarray(0, rows) : s[key as HouseholdKey].subarray(0, segments),
    );
  }

  /**
   * The part. With a sink that has taken windows, the last one goes to it too, and the part holds the ids only
   * (`values` false: its value columns, lines, segments and first rows are empty).
   */
  done(): Part {
    if (this.sink && (this.taken || this.sink.ready())) this.window(true);
    const values = !this.taken;
    const n = this.rows;
    const m = this.segments;
    const rn = values ? n : 0;
    const sm = values ? m : 0;
    const r = this.r.cols;
    const s = this.s.cols;
    const cut = <K extends string>(t: Record<K, Uint8Array | Float64Array>, keys: readonly K[], len: number) =>
      Object.fromEntries(keys.map((k) => [k, t[k].subarray(0, len)]));
    const [pidHash, pidCheck] = [this.ri.cols.pidHash.subarray(0, n), this.ri.cols.pidCheck.subarray(0, n)];
    const [hidHash, hidCheck] = [this.si.cols.hidHash.subarray(0, m), this.si.cols.hidCheck.subarray(0, m)];
    this.closeRange();
    const ascending = (k: 'pid' | 'hid') => this.ranges.length > 0 && this.ranges.every((r) => r[k] !== null);
    return {
      rows: n,
      values,
      ...(cut(r, PERSON_KEYS, rn) as unknown as PersonColumns),
      line: r.line.subarray(0, rn),
      segment: r.segment.subarray(0, rn),
      pidHash,
      pidCheck,
      pidStart: values ? this.ri.cols.pidStart.subarray(0, n + 1) : new Int32Array(1),
      pidBytes: values ? this.pidBytes.done() : new Uint8Array(0),
      segments: m,
      hidHash,
      hidCheck,
      hidStart: values ? this.hidStart.done() : new Int32Array(1),
      hidBytes: values ? this.hidBytes.done() : new Uint8Array(0),
      firstRow: s.firstRow.subarray(0, sm),
      ...(cut(s, HOUSEHOLD_KEYS, sm) as unknown as HouseholdColumns),
      odd: this.odd,
      ...(values ? grouped('pid', pidHash) : groupedInPlace('pid', pidHash, pidCheck, ascending('pid'))),
      ...(values ? grouped('hid', hidHash) : groupedInPlace('hid', hidHash, hidCheck, ascending('hid'))),
      ranges: this.ranges,
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

type Grouped<K extends string> = Record<`${K}Order` | `${K}Ordered` | `${K}Buckets`, Int32Array>;
function grouped<K extends 'pid' | 'hid'>(k: K, hash: Int32Array): Grouped<K> {
  const [order, ordered, buckets] = bucketed(hash);
  return { [`${k}Order`]: order, [`${k}Ordered`]: ordered, [`${k}Buckets`]: buckets } as Grouped<K>;
}

/**
 * A part without values: its ids' two hashes grouped in place (no order: which row holds an id is never asked); not
 * grouped, and no bounds, when its ids ascend (assemble groups them if it needs them: io/assemble.ts hashPairs).
 */
function groupedInPlace<K extends 'pid' | 'hid'>(k: K, hash: Int32Array, check: Int32Array, ascending: boolean): Grouped<K> {
  const buckets = ascending ? new Int32Array(0) : groupInPlace(hash, check);
  return { [`${k}Order`]: new Int32Array(0), [`${k}Ordered`]: hash, [`${k}Buckets`]: buckets } as Grouped<K>;
}
