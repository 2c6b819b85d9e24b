// sensitivity --draws: where the total under the central values lies among the draws (report/sensitivity.ts). A
// finance-bureau trial saw the central total below the draws' p5 with nothing to say why: when (nearly) every draw
// costs more, the central values sit toward the cheaper ends of their ranges (take-up 0.25 in 0.2–0.31, for one).
import { describe, expect, it } from 'vitest';
import { centralAmongDraws } from '../../src/report/sensitivity-words.js';

const draws = (below: number, above: number) => [...Array<bigint>(below).fill(50n), ...Array<bigint>(above).fill(150n)];

describe('the central total among the draws', () => {
  it('says what share of the draws cost more, and which ends the central values sit toward at 95 % or 5 % and beyond', () => {
    expect(centralAmongDraws('100.00', 100n, draws(1, 19))).toBe(
      'the total under the central values (100.00): 95 % of the draws cost more: the central values sit toward the cheaper ends of their ranges',
    );
    expect(centralAmongDraws('100.00', 100n, draws(19, 1))).toBe(
      'the total under the central values (100.00): 5 % of the draws cost more: the central values sit toward the dearer ends of their ranges',
    );
    expect(centralAmongDraws('100.00', 100n, draws(5, 5))).toBe('the total under the central values (100.00): 50 % of the draws cost more');
    // a draw equal to the central total does not cost more
    expect(centralAmongDraws('100.00', 100n, [100n, 100n, 150n, 150n])).toBe(
      'the total under the central values (100.00): 50 % of the draws cost more',
    );
  });
});
