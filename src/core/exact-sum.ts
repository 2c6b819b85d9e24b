// An exact sum of products of safe integers (weight in millionths × fen): a safe-integer fast path that spills into a
// BigInt before it could pass 2^53. Merging is associative and exact, so totals do not depend on chunking or threads.
import { DOUBLE_ZERO } from './records.js';

/** The largest safe integer: a sum kept as a double stays at or below it. */
export const MAX = Number.MAX_SAFE_INTEGER;

export class ExactSum {
  private small = DOUBLE_ZERO; // a double from the start (records.ts)
  private big = 0n;
  /** Adds a × b, non-negative safe integers. */
  addProduct(a: number, b: number): void {
    const x = a * b;
    if (x === 0) return;
    if (x <= MAX) {
      // x is the exact product (see mulLess in money.ts)
      if (this.small > MAX - x) {
        this.big += BigInt(this.small);
        this.small = 0;
      }
      this.small += x;
    } else {
      this.big += BigInt(a) * BigInt(b);
    }
  }
  merge(other: ExactSum): void {
    this.big += other.value();
  }
  /** Multiplies the sum by a whole number, exactly. */
  scale(k: number): void {
    this.big = this.value() * BigInt(k);
    this.small = 0;
  }
  /** As a BigInt (for handing over between threads; `ExactSum.of` reads it back). */
  static of(v: bigint): ExactSum {
    const s = new ExactSum();
    s.big = v;
    return s;
  }
  value(): bigint {
    return this.big + BigInt(this.small);
  }
}
