// The sums generate --report is made of (core/calibrate.ts): weighted sums of one evaluation pass, and income fifths.
import { ExactSum } from './aggregate.js';
import { D, type Dec } from './money.js';

/** Weighted sums of one evaluation pass, and how many households each has a term of. */
export class Sums {
  private readonly s = new Map<string, ExactSum>();
  private readonly n = new Map<string, number>();
  private readonly last = new Map<string, number>();
  /** The household whose terms are being added. */
  h = -1;
  add(key: string, weight: number, x: number): void {
    if (x === 0) return;
    let e = this.s.get(key);
    if (!e) this.s.set(key, (e = new ExactSum()));
    e.addProduct(weight, x);
    if (this.last.get(key) !== this.h) {
      this.last.set(key, this.h);
      this.n.set(key, (this.n.get(key) ?? 0) + 1);
    }
  }
  get(key: string): Dec {
    return D((this.s.get(key)?.value() ?? 0n).toString());
  }
  households(key: string): number {
    return this.n.get(key) ?? 0;
  }
}

/**
 * Each fifth's mean of persons ranked by per-capita income ([income in fen, weighted persons in millionths] per
 * household), exact: counted in fifths of a millionth, every fifth holds `total` of them (Σ weighted persons), and a
 * household on a boundary is split between the fifths by its persons. Its sums are BigInt (they pass 2^53 at a
 * million households: income × weight in fifths of millionths — a code review).
 */
export function quintileMeans(households: Array<[number, number]>): Dec[] {
  households.sort((a, b) => a[0] - b[0]);
  const total = BigInt(households.reduce((a, [, w]) => a + w, 0));
  if (total === 0n) return [0, 0, 0, 0, 0].map(() => D(0));
  const sums = [0n, 0n, 0n, 0n, 0n];
  let done = 0n; // (in fifths of a millionth)
  let q = 0;
  for (const [income, w] of households) {
    let left = 5n * BigInt(w);
    while (left > 0n) {
      const room = q === 4 ? left : BigInt(q + 1) * total - done;
      if (room <= 0n) {
        q++;
        continue;
      }
      const take = left < room ? left : room;
      sums[q]! += BigInt(income) * take;
      done += take;
      left -= take;
    }
  }
  return sums.map((x) => D(x.toString()).dividedBy(total.toString()));
}
