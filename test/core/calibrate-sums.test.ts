// generate --report's income fifths (core/calibrate-sums.ts quintileMeans): persons ranked by per-capita income, each
// fifth's mean, a household on a boundary split by its persons — hand-worked, and exact where sums pass 2^53.
import { describe, expect, it } from 'vitest';
import { quintileMeans } from '../../src/core/calibrate-sums.js';

const means = (h: Array<[number, number]>) => quintileMeans(h).map((d) => d.toString());

describe('quintileMeans', () => {
  it('five equal households: each its own fifth, in the order of their incomes', () => {
    expect(
      means([
        [500, 1],
        [100, 1],
        [300, 1],
        [200, 1],
        [400, 1],
      ]),
    ).toEqual(['100', '200', '300', '400', '500']);
  });

  it('households split across boundaries by their persons', () => {
    // 2 persons at 100 and 3 at 400: 5 persons, a person a fifth → 100, 100, 400, 400, 400
    expect(
      means([
        [100, 2],
        [400, 3],
      ]),
    ).toEqual(['100', '100', '400', '400', '400']);
    // 1 person at 100 and 1 at 600: a fifth is 0.4 persons; the middle fifth half of each, (0.2 × 100 + 0.2 × 600) / 0.4
    expect(
      means([
        [100, 1],
        [600, 1],
      ]),
    ).toEqual(['100', '100', '350', '600', '600']);
  });

  it('exact where the sums pass 2^53 (200,000 households of 10 persons at 99,999.99 yuan a month)', () => {
    // each fifth: 9,999,999 fen × 5 × 10,000,000 millionths × 40,000 households ≈ 2 × 10^19 in its sum
    const h = Array.from({ length: 200_000 }, (): [number, number] => [9_999_999, 10_000_000]);
    expect(means(h)).toEqual(Array.from({ length: 5 }, () => '9999999'));
  });

  it('no persons: zeros, not NaN', () => {
    expect(means([])).toEqual(['0', '0', '0', '0', '0']);
  });
});
