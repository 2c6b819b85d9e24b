// Income deciles of a population: households ranked by per-capita income (exactly: equal fractions tie, and the
// ranking is by cross-multiplication wherever doubles could not tell two fractions apart), each decile a tenth of
// the weighted persons.
import { ExactSum } from './aggregate.js';
import type { Population } from './population.js';

export interface Deciles {
  /** Decile 0..9 of each household by per-capita income, weighted by persons. */
  readonly of: Uint8Array;
  /**
   * The highest per-capita monthly income in each decile, fen, rounded up (every household of the decile is at or
   * below it: 374.73 yuan for 2 persons is 187.37), or -1 for an empty decile.
   */
  readonly upper: readonly number[];
}

/**
 * Deciles of persons ranked by their household's per-capita income (wage + other income, before any
 * deduction, so the same for every locality), weighted. Households of equal per-capita income share a decile, the one
 * the first of them starts in: a decile does not depend on the rows' order (a researcher's shuffled file moved a
 * household on the D2/D3 boundary, tied with another at 1,464.77). The ranking is exact: by cross-multiplication, or
 * (the same order, much quicker) by per-capita income as a double where that is exact.
 */
export function incomeDeciles(pop: Population, opts: { crossMultiply?: boolean } = {}): Deciles {
  const H = pop.householdCount;
  const income = new Float64Array(H);
  const perCapita = new Float64Array(H);
  let maxSize = 1;
  let maxPerCapita = 0;
  for (let h = 0; h < H; h++) {
    let sum = 0;
    for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++) sum += pop.wage[pop.members[k]!]! + pop.other[pop.members[k]!]!;
    const n = pop.offsets[h + 1]! - pop.offsets[h]!;
    income[h] = sum;
    perCapita[h] = sum / n;
    if (n > maxSize) maxSize = n;
    if (perCapita[h]! > maxPerCapita) maxPerCapita = perCapita[h]!;
  }
  const size = (h: number) => pop.offsets[h + 1]! - pop.offsets[h]!;
  // Two different fractions a/n, b/m lie at least 1/(n·m) apart: while that is more than the rounding of the
  // largest (maxPerCapita × 2^-52), their doubles differ and keep their order, and equal fractions give equal doubles.
  const exactAsDouble = maxPerCapita * maxSize * maxSize < 2 ** 50 && !opts.crossMultiply;
  const order = exactAsDouble
    ? orderBy(perCapita)
    : Array.from({ length: H }, (_, h) => h).sort((a, b) => {
        const x = income[a]! * size(b);
        const y = income[b]! * size(a);
        return x < y ? -1 : x > y ? 1 : a - b;
      });
  const tied = exactAsDouble
    ? (a: number, b: number) => perCapita[a] === perCapita[b]
    : (a: number, b: number) => income[a]! * size(b) === income[b]! * size(a);
  // A household's decile is floor(10 × before / total), before = Σ weight × persons of the households ranked strictly
  // ahead (a tie's first household's).
  const sum = new ExactSum();
  for (let h = 0; h < H; h++) sum.addProduct(pop.weight[h]!, size(h));
  const total = sum.value();
  const of = new Uint8Array(H);
  const upper = Array.from({ length: 10 }, () => -1);
  const put = (h: number, d: number) => {
    of[h] = d;
    upper[d] = Math.ceil(income[h]! / size(h)); // (exact: a double of a whole number of fen divided by a few persons)
  };
  if (total <= BigInt(Number.MAX_SAFE_INTEGER)) {
    // Exact in doubles: decile d starts where before ≥ ceil(d × total / 10).
    const starts = Array.from({ length: 11 }, (_, d) =>
      d === 0 || d === 10 || total === 0n ? Infinity : Number((BigInt(d) * total + 9n) / 10n),
    );
    let before = 0;
    let d = 0;
    let prev = -1;
    for (const h of order) {
      if (prev < 0 || !tied(prev, h)) while (d < 9 && before >= starts[d + 1]!) d++;
      put(h, d);
      before += pop.weight[h]! * size(h);
      prev = h;
    }
  } else {
    let before = 0n;
    let d = 0;
    let prev = -1;
    for (const h of order) {
      if (prev < 0 || !tied(prev, h)) d = Math.min(9, Number((10n * before) / total));
      put(h, d);
      before += BigInt(pop.weight[h]!) * BigInt(size(h));
      prev = h;
    }
  }
  return { of, upper };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Indices sorted by key (non-negative doubles, whose bits sort as they do), ties in index order: LSD radix sort, 11 bits a pass. */
function orderBy(key: Float64Array): Int32Array {
  const n = key.length;
  const words = new Uint32Array(key.buffer, key.byteOffset, n * 2);
  let from = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let to = new Int32Array(n);
  const count = new Int32Array(2049);
  for (const word of LITTLE_ENDIAN ? [0, 1] : [1, 0]) {
    for (const shift of [0, 11, 22]) {
      count.fill(0);
      for (let i = 0; i < n; i++) count[((words[2 * i + word]! >>> shift) & 0x7ff) + 1]!++;
      for (let d = 0; d < 2048; d++) count[d + 1]! += count[d]!;
      for (let k = 0; k < n; k++) {
        const i = from[k]!;
        to[count[(words[2 * i + word]! >>> shift) & 0x7ff]!++] = i;
      }
      [from, to] = [to, from];
    }
  }
  return from;
}
