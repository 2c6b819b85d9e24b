// A growable typed array: the builder's and the fast reader's columns grow by doubling, then hand over a view.
// Columns may live in shared memory (SharedArrayBuffer): another thread then reads them without a copy.

export type Typed = Float64Array | Uint8Array | Int32Array;

export interface TypedCtor<T extends Typed> {
  new (length: number): T;
  new (buffer: ArrayBufferLike): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** n zeroed values; in shared memory when `shared`. */
export function typed<T extends Typed>(Ctor: TypedCtor<T>, n: number, shared = false): T {
  return shared ? new Ctor(new SharedArrayBuffer(n * Ctor.BYTES_PER_ELEMENT)) : new Ctor(n);
}

export class Grow<T extends Typed> {
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
  /** The values (a view: the buffer may be longer, and is transferred or shared whole). */
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

export const u8 = (n?: number, shared = false) => new Grow((k) => typed(Uint8Array, k, shared), n);
export const i32 = (n?: number, shared = false) => new Grow((k) => typed(Int32Array, k, shared), n);
