// A part of a households file as the fast reader writes it: every kept row in file order, in typed arrays
// only (so a worker can hand it over without copying), with the ids as bytes and their hashes. Rows are
// grouped into segments — runs of adjacent rows with the same household id — whose household-level values
// are stored once. Nothing here knows about other parts: assemble.ts joins segments into households across
// parts and checks person_id uniqueness over the whole file, by sorting hashes (no hash table, no strings).
import { i32, typed, u8, type Grow, type Typed } from '../core/grow.js';
import { equalBytes, FNV_START, hashBytes, IdList, mix } from '../core/ids.js';
import type { HouseholdColumns, PersonColumns, Population } from '../core/population.js';

/** The household-level values of a row, in HOUSEHOLD_FIELDS order: area, assets, rigid, onDibao, prior, emergency, weight. */
export type HouseholdValues = [number, number, number, number, number, number, number];

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
  /** Rows, and segments, sorted by id hash (stable): assemble merges these instead of sorting everything again. */
  readonly pidOrder: Int32Array;
  readonly hidOrder: Int32Array;
  /** The hashes in that order (pidHash[pidOrder[k]]), so merging reads memory in sequence. */
  readonly pidSorted: Uint32Array;
  readonly hidSorted: Uint32Array;
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
  /** Room for index i. */
  room(i: number): T {
    if (i >= this.cap) {
      this.cap = Math.max(this.cap * 2, i + 1);
      const bigger = this.make(this.cap);
      for (const k in bigger) bigger[k]!.set(this.cols[k]!);
      this.cols = bigger;
    }
    return this.cols;
  }
}

/** A part's person columns, per row (the evaluated ones in shared memory when asked). */
const rowColumns = (shared: boolean) => (n: number) => ({
  age: typed(Uint8Array, n, shared),
  wage: typed(Float64Array, n, shared),
  other: typed(Float64Array, n, shared),
  disability: typed(Uint8Array, n, shared),
  ill: typed(Uint8Array, n, shared),
  labor: typed(Uint8Array, n, shared),
  selfCare: typed(Uint8Array, n, shared),
  supporter: typed(Uint8Array, n, shared),
  line: new Int32Array(n),
  segment: new Int32Array(n),
  pidHash: new Int32Array(n),
  pidStart: new Int32Array(n + 1),
});

/** A part's household columns, per segment (likewise). */
const segmentColumns = (shared: boolean) => (n: number) => ({
  hidHash: new Int32Array(n),
  firstRow: typed(Int32Array, n, shared),
  area: typed(Uint8Array, n, shared),
  assets: typed(Float64Array, n, shared),
  rigid: typed(Float64Array, n, shared),
  onDibao: typed(Uint8Array, n, shared),
  prior: typed(Float64Array, n, shared),
  emergency: typed(Float64Array, n, shared),
  weight: typed(Float64Array, n, shared),
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
   * `expectedRows`: a guess (from the file size) that saves regrowing; any number works. `shared`: the columns
   * the engine reads (person columns, segment values, first rows) in shared memory, so the reading worker can
   * still evaluate them after handing the part over (parallel-read.ts).
   */
  constructor(expectedRows = 1024, shared = false) {
    const n = Math.max(1024, expectedRows);
    this.r = new Table(rowColumns(shared), n);
    this.s = new Table(segmentColumns(shared), Math.max(1024, n >> 1));
    this.hidStart.push(0);
  }

  /** The household id of the current segment equals b[s, e). */
  private sameHousehold(b: Uint8Array, s: number, e: number): boolean {
    if (this.segments === 0) return false;
    const a = this.hidStart.data[this.segments - 1]!;
    return this.hidBytes.length - a === e - s && equalBytes(this.hidBytes.data, a, b, s, e - s);
  }

  /** One kept row: ids as bytes in b, values as numbers (codes for area and capacities). */
  add(
    b: Uint8Array,
    hs: number,
    he: number,
    ps: number,
    pe: number,
    age: number,
    wage: number,
    other: number,
    disability: number,
    ill: number,
    labor: number,
    selfCare: number,
    supporter: number,
    area: number,
    assets: number,
    rigid: number,
    onDibao: number,
    prior: number,
    emergency: number,
    weight: number,
    line: number,
  ): void {
    const i = this.rows++;
    if (!this.sameHousehold(b, hs, he)) {
      const k = this.segments++;
      copy(this.hidBytes, b, hs, he);
      this.hidStart.push(this.hidBytes.length);
      const seg = this.s.room(k);
      seg.hidHash[k] = hashBytes(b, hs, he);
      seg.firstRow[k] = i;
      seg.area[k] = area;
      seg.assets[k] = assets;
      seg.rigid[k] = rigid;
      seg.onDibao[k] = onDibao;
      seg.prior[k] = prior;
      seg.emergency[k] = emergency;
      seg.weight[k] = weight;
    } else {
      const k = this.segments - 1;
      const seg = this.s.cols;
      if (
        seg.area[k] !== area ||
        seg.assets[k] !== assets ||
        seg.rigid[k] !== rigid ||
        seg.onDibao[k] !== onDibao ||
        seg.prior[k] !== prior ||
        seg.emergency[k] !== emergency ||
        seg.weight[k] !== weight
      ) {
        this.odd.push({ row: i, values: [area, assets, rigid, onDibao, prior, emergency, weight] });
      }
    }
    const r = this.r.room(i);
    r.age[i] = age;
    r.wage[i] = wage;
    r.other[i] = other;
    r.disability[i] = disability;
    r.ill[i] = ill;
    r.labor[i] = labor;
    r.selfCare[i] = selfCare;
    r.supporter[i] = supporter;
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
    return {
      rows: n,
      age: r.age.subarray(0, n),
      wage: r.wage.subarray(0, n),
      other: r.other.subarray(0, n),
      disability: r.disability.subarray(0, n),
      ill: r.ill.subarray(0, n),
      labor: r.labor.subarray(0, n),
      selfCare: r.selfCare.subarray(0, n),
      supporter: r.supporter.subarray(0, n),
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
      area: s.area.subarray(0, m),
      assets: s.assets.subarray(0, m),
      rigid: s.rigid.subarray(0, m),
      onDibao: s.onDibao.subarray(0, m),
      prior: s.prior.subarray(0, m),
      emergency: s.emergency.subarray(0, m),
      weight: s.weight.subarray(0, m),
      odd: this.odd,
      ...sorted('pid', r.pidHash.subarray(0, n)),
      ...sorted('hid', s.hidHash.subarray(0, m)),
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
  return {
    householdCount: p.segments,
    personCount: p.rows,
    householdIds: NO_IDS,
    personIds: NO_IDS,
    offsets,
    members,
    age: p.age,
    wage: p.wage,
    other: p.other,
    disability: p.disability,
    ill: p.ill,
    labor: p.labor,
    selfCare: p.selfCare,
    supporter: p.supporter,
    area: p.area,
    assets: p.assets,
    rigid: p.rigid,
    onDibao: p.onDibao,
    prior: p.prior,
    emergency: p.emergency,
    weight: p.weight,
  };
}

/** No ids (the engine does not read them). */
const NO_IDS = new IdList(new Uint8Array(0), new Int32Array(1));

function sorted<K extends 'pid' | 'hid'>(k: K, hash: Int32Array): Record<`${K}Order`, Int32Array> & Record<`${K}Sorted`, Uint32Array> {
  const [order, keys] = radixOrder(hash);
  return { [`${k}Order`]: order, [`${k}Sorted`]: keys } as Record<`${K}Order`, Int32Array> & Record<`${K}Sorted`, Uint32Array>;
}

/**
 * Indices 0…n-1 sorted by hash (as unsigned), stably, and the hashes in that order: least-significant-digit
 * radix sort, three 11-bit passes (2048 buckets stay in cache; 16-bit digits measured slower), moving each key
 * with its index so every pass reads in sequence.
 */
export function radixOrder(hash: Int32Array): [Int32Array, Uint32Array] {
  const n = hash.length;
  let keys = Uint32Array.from(hash);
  let keysTo = new Uint32Array(n);
  let from = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let to = new Int32Array(n);
  for (const shift of [0, 11, 22]) {
    const count = new Int32Array(2049);
    for (let i = 0; i < n; i++) count[((keys[i]! >>> shift) & 0x7ff) + 1]!++;
    for (let d = 0; d < 2048; d++) count[d + 1]! += count[d]!;
    for (let k = 0; k < n; k++) {
      const key = keys[k]!;
      const at = count[(key >>> shift) & 0x7ff]!++;
      keysTo[at] = key;
      to[at] = from[k]!;
    }
    [from, to] = [to, from];
    [keys, keysTo] = [keysTo, keys];
  }
  return [from, keys];
}
