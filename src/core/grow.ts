// A growable typed array: the builder's and the fast reader's columns grow by doubling, then hand over a view.

export class Grow<T extends Float64Array | Uint8Array | Int32Array> {
  data: T;
  length = 0;
  constructor(
    private readonly make: (n: number) => T,
    n = 1024,
  ) {
    this.data = make(n);
  }
  /** Room for `more` values from `length` on; returns the (possibly new) array. */
  reserve(more: number): T {
    if (this.length + more > this.data.length) {
      const bigger = this.make(Math.max(this.data.length * 2, this.length + more));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    return this.data;
  }
  push(v: number): void {
    this.reserve(1)[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  /** The values (a view: the buffer may be longer, and is transferred whole). */
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

export const f64 = (n?: number) => new Grow((k) => new Float64Array(k), n);
export const u8 = (n?: number) => new Grow((k) => new Uint8Array(k), n);
export const i32 = (n?: number) => new Grow((k) => new Int32Array(k), n);
