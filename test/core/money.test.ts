// Exact money: parsing, formatting, rational rounding by the policy's rounding rule, exact comparisons.
import { describe, expect, it } from 'vitest';
import { D, fenToYuan, fixed, mulLess, parseFen, roundFen, roundTimes, toRatio } from '../../src/core/money.js';
import { ExactSum, weightedYuan } from '../../src/core/aggregate.js';
import { inUnit } from '../../src/report/text-table.js';
import { delta } from '../../src/report/totals.js';

describe('money', () => {
  it('parses yuan with at most two decimals into integer fen, and nothing else', () => {
    expect(parseFen('0')).toBe(0);
    expect(parseFen('12.3')).toBe(1230);
    expect(parseFen('12.34')).toBe(1234);
    for (const bad of ['12.345', '-1', '1e3', '', ' 1', '1,000', '.5', 'NaN']) expect(parseFen(bad)).toBeNull();
  });

  it('formats fen as yuan, also past 2^53 as a bigint', () => {
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(123456)).toBe('1234.56');
    expect(fenToYuan(2n ** 60n)).toBe('11529215046068469.76');
  });

  it('rounds p/q fen half up to the fen, up to the yuan, or to the nearest yuan', () => {
    expect(roundFen(1, 2, 'fen')).toBe(1); // 0.005 yuan → 0.01
    expect(roundFen(1, 3, 'fen')).toBe(0);
    expect(roundFen(99999, 1, 'yuan_up')).toBe(100000);
    expect(roundFen(100000, 1, 'yuan_up')).toBe(100000);
    expect(roundFen(99950, 1, 'yuan_nearest')).toBe(100000);
    expect(roundFen(99949, 1, 'yuan_nearest')).toBe(99900);
    expect(roundFen(0, 1, 'yuan_up')).toBe(0);
  });

  it('rounds exactly where the sums it forms pass 2^53 (a review: p ≤ MAX/2, q ≤ MAX/200 let 2p + 100q overflow)', () => {
    // p under MAX / 2, q under MAX / 200; 2p + q = 9,007,999,999,990,991 is odd past 2^53: as a double, …992
    const [P, Q] = [4503499999995496n, 999999999999n];
    const exact = {
      fen: (2n * P + Q) / (2n * Q),
      yuan_up: ((P + 100n * Q - 1n) / (100n * Q)) * 100n,
      yuan_nearest: ((2n * P + 100n * Q) / (200n * Q)) * 100n,
    };
    for (const mode of ['fen', 'yuan_up', 'yuan_nearest'] as const) expect(roundFen(Number(P), Number(Q), mode)).toBe(Number(exact[mode]));
  });

  it('computes round(k × S) exactly: 1.3 × 566.67 = 736.671 → 736.67; 1.6 × 1238 = 1980.8 → 1981 up', () => {
    expect(roundTimes(toRatio(D('1.3')), 56667, 'fen')).toBe(73667);
    expect(roundTimes(toRatio(D('1.6')), 123800, 'yuan_up')).toBe(198100);
    expect(roundTimes(toRatio(D('0.7')), 199000, 'fen')).toBe(139300);
  });

  it('compares products exactly, falling back to BigInt where a product passes 2^53', () => {
    expect(mulLess(3, 5, 4, 4)).toBe(true);
    expect(mulLess(4, 4, 3, 5)).toBe(false);
    const big = 2 ** 52;
    expect(mulLess(big + 1, 3, big, 3)).toBe(false); // (2^52+1)·3 is not exact as a float product
    expect(mulLess(big, 3, big + 1, 3)).toBe(true);
  });

  it('sums weight × amount exactly beyond 2^53 and rounds the total half up to the fen', () => {
    const s = new ExactSum();
    for (let i = 0; i < 1000; i++) s.addProduct(999_999_999, 99_999_999); // each term ~1e17 millionth-fen
    expect(s.value()).toBe(999_999_999n * 99_999_999n * 1000n);
    expect(weightedYuan(150n)).toBe('0.00'); // 150 / 1e8 yuan
    expect(weightedYuan(500_000n)).toBe('0.01'); // 0.005 → 0.01
  });

  it('never writes "-0.00": less than half a fen below zero is no change', () => {
    // (decimal.js kept the sign of a value rounded to zero: a contract audit)
    expect(weightedYuan(-1n)).toBe('0.00');
    expect(weightedYuan(-499_999n)).toBe('0.00');
    expect(weightedYuan(-500_000n)).toBe('-0.01');
    expect(inUnit('-0.004', 'yuan')).toBe('0.00');
    expect(inUnit('-49.99', 'wan')).toBe('0.00');
    expect(inUnit('-4999', 'yi')).toBe('0.0000');
    expect(inUnit('-50', 'wan')).toBe('-0.01');
    expect(delta('1000', '999.99999').pct).toBe('0.00');
    expect(fixed(D('-0.0000000000001'), 10)).toBe('0.0000000000');
    expect(fixed(D('-0.1'), 0)).toBe('0');
    expect(fixed(D('-1.5'), 0)).toBe('-2');
  });
});
