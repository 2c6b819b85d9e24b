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

/** Each fifth's mean of persons ranked by per-capita income ([income, weighted persons] per household). */
export function quintileMeans(households: Array<[number, number]>): number[] {
  households.sort((a, b) => a[0] - b[0]);
  const total = households.reduce((a, [, w]) => a + w, 0);
  const sums = [0, 0, 0, 0, 0];
  let done = 0;
  let q = 0;
  for (const [income, w] of households) {
    // A household on a boundary is split between the fifths by its persons.
    let left = w;
    while (left > 0) {
      const room = q === 4 ? left : ((q + 1) * total) / 5 - done;
      if (room <= 0) {
        q++;
        continue;
      }
      const take = Math.min(left, room);
      sums[q]! += income * take;
      done += take;
      left -= take;
    }
  }
  return sums.map((s) => s / (total / 5));
}
