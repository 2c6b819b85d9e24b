// Exact money. Parameters are resolved with decimal.js; the per-household hot path works in integer fen
// (safe integers), with BigInt only where a product could pass 2^53. Never binary floating point for money.
import { Decimal } from 'decimal.js';

/** Our own Decimal: 60 significant digits, half-up. Never touch the global Decimal config. */
export const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
export type Dec = InstanceType<typeof D>;

export type Rounding = 'fen' | 'yuan_up' | 'yuan_nearest';

/** Money as text: yuan, at most 13 digits before the point and 2 after (a policy's values, a household's columns). */
export const MONEY_RE = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "123.4" → 12340 fen; null when the text is not money (non-negative, at most two decimals). */
export function parseFen(text: string): number | null {
  const m = MONEY_RE.exec(text);
  if (!m) return null;
  const frac = (m[2] ?? '').padEnd(2, '0');
  return Number(m[1]) * 100 + Number(frac);
}

/**
 * `d` to `places` decimals (half up), never "-0.00": a change of less than half a fen, a share of a rounding, is
 * written as no change (decimal.js keeps the sign of a value rounded to zero: a contract audit's "-0.00").
 */
export function fixed(d: Dec, places = 2): string {
  const s = d.toFixed(places);
  return s.startsWith('-') && /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** 12340 → "123.40". Works for any safe integer or bigint of fen. */
export function fenToYuan(fen: number | bigint): string {
  const neg = fen < 0;
  const abs = (
    typeof fen === 'number' && Number.isSafeInteger(fen) ? String(neg ? -fen : fen) : (neg ? -BigInt(fen) : BigInt(fen)).toString()
  ).padStart(3, '0');
  return `${neg ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** A non-negative decimal as an exact ratio of integers num/den, den a power of ten. */
export interface Ratio {
  readonly num: number;
  readonly den: number;
}

export function toRatio(d: Dec): Ratio {
  const dp = d.decimalPlaces();
  const den = 10 ** dp;
  const num = d.times(den);
  if (!num.isInteger() || !Number.isSafeInteger(num.toNumber()) || den > 1e9) {
    throw new RangeError(`value ${d.toFixed()} is too precise to compute exactly`);
  }
  return { num: num.toNumber(), den };
}

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * Exact a × b < c × d for non-negative safe integers. A product computed as a double is exact when the exact
 * product is at most 2^53 − 1, and at least 2^53 when it is more (rounding is monotonic and 2^53 is a double):
 * so `x <= MAX` tells whether x is the exact product, without a division.
 */
export function mulLess(a: number, b: number, c: number, d: number): boolean {
  const x = a * b;
  const y = c * d;
  if (x <= MAX && y <= MAX) return x < y;
  return BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d);
}

/** Exact a × b ≤ c × d for non-negative safe integers. */
export function mulLessEq(a: number, b: number, c: number, d: number): boolean {
  return !mulLess(c, d, a, b);
}

/**
 * Exact I < ratio × base, or I ≤ it where `atLine`: a line worded 以下 counts itself in (low_income.bound,
 * single_person.bound; 民法典 第一千二百五十九条).
 */
export function underLine(I: number, ratio: Ratio, base: number, atLine: boolean): boolean {
  return atLine ? mulLessEq(I, ratio.den, ratio.num, base) : mulLess(I, ratio.den, ratio.num, base);
}

/** floor(a / b) for a ≥ 0, b > 0 safe integers, corrected for floating-point division error. */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q--;
  while ((q + 1) * b <= a) q++;
  return q;
}

/**
 * Round the non-negative amount p/q fen to whole money by a policy's rounding rule (DOMAIN `rounding`):
 * fen = half up to 0.01; yuan_up = ceiling to a whole yuan; yuan_nearest = half up to a whole yuan.
 */
export function roundFen(p: number, q: number, mode: Rounding): number {
  if (p <= 0) return 0;
  // (bounds under which 2p + 100q, the largest sum below, stays a safe integer: MAX / 2 each let it pass 2^53, a review)
  if (!(p <= MAX / 4 && q <= MAX / 400)) return Number(roundFenBig(BigInt(p), BigInt(q), mode));
  switch (mode) {
    case 'fen':
      return floorDiv(2 * p + q, 2 * q);
    case 'yuan_up':
      return floorDiv(p + 100 * q - 1, 100 * q) * 100;
    case 'yuan_nearest':
      return floorDiv(2 * p + 100 * q, 200 * q) * 100;
  }
}

function roundFenBig(p: bigint, q: bigint, mode: Rounding): bigint {
  switch (mode) {
    case 'fen':
      return (2n * p + q) / (2n * q);
    case 'yuan_up':
      return ((p + 100n * q - 1n) / (100n * q)) * 100n;
    case 'yuan_nearest':
      return ((2n * p + 100n * q) / (200n * q)) * 100n;
  }
}

/** round(ratio × amountFen) by mode: the shape of every "round(k × S)" in DOMAIN. */
export function roundTimes(r: Ratio, amountFen: number, mode: Rounding): number {
  if (amountFen <= MAX / Math.max(1, r.num)) return roundFen(r.num * amountFen, r.den, mode);
  const p = BigInt(r.num) * BigInt(amountFen);
  return Number(roundFenBig(p, BigInt(r.den), mode));
}
