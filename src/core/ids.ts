// Household and person ids without a string per id: the bytes of every id in one arena, found through an
// open-addressing hash table of typed arrays. The fast reader interns ids straight from the file's bytes
// (a Map<string, …> of 2.7M person ids was ~40 % of the parse); a string is made only when one is shown.

/** A generated household's id (jiuzhu generate): G and its number, six digits or more (G000001). */
export const generatedId = (h: number, width: number): string => `G${String(h).padStart(width, '0')}`;
/** Whether an id is one generatedId makes (a budget year's note on generated incomes looks for it: cli/year.ts). */
export const GENERATED_ID = /^G\d{6,}$/;

/** The ids of a population, in index order. */
export interface Ids {
  readonly length: number;
  /** The id at index i, as text. */
  at(i: number): string;
  /** The index of an id, or -1. */
  indexOf(id: string): number;
  /** The id at index i as its UTF-8 bytes (a view: no string made). */
  bytesAt(i: number): Uint8Array;
}

/** Ids made when first asked for (a population read for its totals never asks for its households' ids). */
export class LazyIds implements Ids {
  private made: Ids | null = null;
  constructor(
    readonly length: number,
    private readonly make: () => Ids,
  ) {}
  private get ids(): Ids {
    return (this.made ??= this.make());
  }
  at(i: number): string {
    return this.ids.at(i);
  }
  indexOf(id: string): number {
    return this.ids.indexOf(id);
  }
  bytesAt(i: number): Uint8Array {
    return this.ids.bytesAt(i);
  }
}

export const FNV_START = 0x811c9dc5 | 0;

/** FNV-1a over b[s, e), finished with murmur3's mix so that similar ids spread over all bits; 32-bit. */
export function hashBytes(b: Uint8Array, s: number, e: number): number {
  let h = FNV_START;
  for (let i = s; i < e; i++) h = Math.imul(h ^ b[i]!, 16777619);
  return mix(h);
}

/**
 * A second 32-bit hash of b[s, e), made otherwise than hashBytes (another start, a shift mixed in before each
 * multiply, another multiplier): where the reader keeps no id's bytes (io/part.ts, a part evaluated as it is read),
 * two ids are taken as the same when both hashes agree. Two different ids agree by chance only (about 1 in 2^32 of
 * the pairs whose hashBytes agree), and then the file is read again keeping the bytes: a result is never wrong.
 */
export function checkHash(b: Uint8Array, s: number, e: number): number {
  let h = 0x9e3779b9 ^ (e - s);
  for (let i = s; i < e; i++) h = Math.imul((h ^ (h >>> 15)) + b[i]!, 0x2c1b3c6d);
  return mix(h);
}

/** murmur3's finishing mix. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** a[as, as + n) and b[bs, bs + n) hold the same bytes. */
export function equalBytes(a: Uint8Array, as: number, b: Uint8Array, bs: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[as + i] !== b[bs + i]) return false;
  return true;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class IdTable implements Ids {
  /** The bytes of id i are arena[starts[i], starts[i + 1]). */
  private arena = new Uint8Array(1 << 16);
  private starts: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  /** 0 = empty, else id index + 1. */
  private slots = new Int32Array(1 << 13);
  length = 0;

  /**
   * The index of the id b[s, e) (its hash is h = hashBytes(b, s, e)), adding it at index `length` when new:
   * a result equal to the length before the call means "added".
   */
  intern(b: Uint8Array, s: number, e: number, h: number): number {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const k = this.slots[slot]!;
      if (k === 0) break;
      if (this.hashes[k - 1] === h && this.equals(k - 1, b, s, e)) return k - 1;
      slot = (slot + 1) & mask;
    }
    const i = this.length;
    this.append(b, s, e, h);
    this.slots[slot] = i + 1;
    if (2 * this.length > this.slots.length) this.rehash(this.slots.length * 2);
    return i;
  }

  /** Interns a string id. */
  internString(id: string): number {
    const b = encoder.encode(id);
    return this.intern(b, 0, b.length, hashBytes(b, 0, b.length));
  }

  /** The id at index i equals b[s, e). */
  equals(i: number, b: Uint8Array, s: number, e: number): boolean {
    const a = this.starts[i]!;
    const n = (i + 1 < this.length ? this.starts[i + 1]! : this.used) - a;
    return n === e - s && equalBytes(this.arena, a, b, s, n);
  }

  at(i: number): string {
    return decoder.decode(this.bytesAt(i));
  }

  bytesAt(i: number): Uint8Array {
    if (i < 0 || i >= this.length) throw new RangeError(`no id at ${i}`);
    return this.arena.subarray(this.starts[i]!, i + 1 < this.length ? this.starts[i + 1]! : this.used);
  }

  indexOf(id: string): number {
    const b = encoder.encode(id);
    const h = hashBytes(b, 0, b.length);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const k = this.slots[slot]!;
      if (k === 0) return -1;
      if (this.hashes[k - 1] === h && this.equals(k - 1, b, 0, b.length)) return k - 1;
    }
  }

  /** The ids as strings (tests, small populations). */
  toArray(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  toJSON(): string[] {
    return this.toArray();
  }

  private used = 0;

  private append(b: Uint8Array, s: number, e: number, h: number): void {
    const n = e - s;
    if (this.used + n > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.used + n));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    if (this.length === this.starts.length) {
      this.starts = grow(this.starts);
      this.hashes = grow(this.hashes);
    }
    const arena = this.arena;
    const at = this.used;
    for (let j = 0; j < n; j++) arena[at + j] = b[s + j]!;
    this.starts[this.length] = this.used;
    this.hashes[this.length] = h;
    this.used += n;
    this.length++;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.length; i++) {
      let slot = this.hashes[i]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    }
    this.slots = slots;
  }
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const x = new Int32Array(a.length * 2);
  x.set(a);
  return x;
}

/** Ids already known to be distinct, as one arena of bytes: id i is bytes[starts[i], starts[i + 1]). */
export class IdList implements Ids {
  readonly length: number;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly starts: Int32Array,
  ) {
    this.length = starts.length - 1;
  }

  at(i: number): string {
    return decoder.decode(this.bytesAt(i));
  }

  bytesAt(i: number): Uint8Array {
    if (i < 0 || i >= this.length) throw new RangeError(`no id at ${i}`);
    return this.bytes.subarray(this.starts[i]!, this.starts[i + 1]!);
  }

  /** A scan (explain looks up one household; no table is kept for that). */
  indexOf(id: string): number {
    const b = encoder.encode(id);
    const { bytes, starts } = this;
    for (let i = 0; i < this.length; i++) {
      if (starts[i + 1]! - starts[i]! === b.length && equalBytes(bytes, starts[i]!, b, 0, b.length)) return i;
    }
    return -1;
  }

  /** Ids i and j are the same. */
  equal(i: number, j: number): boolean {
    return IdList.equalAcross(this, i, this, j);
  }

  /** Id i of list a is id j of list b. */
  static equalAcross(a: IdList, i: number, b: IdList, j: number): boolean {
    const n = a.starts[i + 1]! - a.starts[i]!;
    return b.starts[j + 1]! - b.starts[j]! === n && equalBytes(a.bytes, a.starts[i]!, b.bytes, b.starts[j]!, n);
  }

  /** The lists one after another, as one list. */
  static concat(lists: readonly IdList[]): IdList {
    const bytes = new Uint8Array(lists.reduce((n, l) => n + l.starts[l.length]! - l.starts[0]!, 0));
    const starts = new Int32Array(lists.reduce((n, l) => n + l.length, 0) + 1);
    let at = 0;
    let i = 0;
    for (const l of lists) {
      const from = l.starts[0]!;
      bytes.set(l.bytes.subarray(from, l.starts[l.length]!), at);
      for (let k = 0; k < l.length; k++) starts[i++] = l.starts[k]! - from + at;
      at += l.starts[l.length]! - from;
    }
    starts[i] = at;
    return new IdList(bytes, starts);
  }

  /** The ids at the given indices, as a list of their own. */
  select(ix: readonly number[]): IdList {
    const { bytes, starts } = this;
    const out = new Int32Array(ix.length + 1);
    for (let k = 0; k < ix.length; k++) out[k + 1] = out[k]! + starts[ix[k]! + 1]! - starts[ix[k]!]!;
    const picked = new Uint8Array(out[ix.length]!);
    let at = 0;
    for (const i of ix) for (let b = starts[i]!; b < starts[i + 1]!; b++) picked[at++] = bytes[b]!;
    return new IdList(picked, out);
  }

  toJSON(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}
