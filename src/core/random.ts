// The generator's draws: a seeded uniform source (mulberry32) and what is made of it, and the standard normal's
// distribution and quantile functions for setting a two-piece income body's median (core/generate.ts).

export class Random {
  private s: number;
  constructor(seed: number) {
    this.s = seed | 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = Math.imul(this.s ^ (this.s >>> 15), 1 | this.s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
  pick(shares: readonly number[]): number {
    let r = this.next();
    for (let i = 0; i < shares.length; i++) if ((r -= shares[i]!) < 0) return i;
    return shares.length - 1;
  }
  /** A whole number in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** An age from bands [from, to, weight] (each age of a band alike), from one draw as `between` takes. */
  age(bands: readonly (readonly [number, number, number])[]): number {
    let u = this.next() * bands.reduce((t, b) => t + b[2], 0);
    for (const [from, to, w] of bands) {
      if (u < w) return Math.min(to, from + Math.floor((u / w) * (to - from + 1)));
      u -= w;
    }
    return bands.at(-1)![1];
  }
}

/** The standard normal's distribution function (Abramowitz & Stegun 7.1.26: within 1.5e-7), for the body's median. */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The standard normal's quantile of a share in (0, 1), by bisection on normalCdf (once a profile). */
export function normalQuantile(p: number): number {
  let [lo, hi] = [-8, 8];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
