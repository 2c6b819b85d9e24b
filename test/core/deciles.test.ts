// The income deciles' upper bounds (core/deciles.ts, compare's JSON `upper_income_per_capita`): each decile's highest
// per-capita income, rounded up to the fen, so that no household of the decile lies above its bound. Worked by hand:
// ten households of two persons, household incomes 374.73, 374.74, … a month: per capita 187.365, 187.37, … .
import { describe, expect, it } from 'vitest';
import { incomeDeciles } from '../../src/core/deciles.js';
import { populationOf } from '../../src/core/population.js';

describe('incomeDeciles: upper bounds', () => {
  it('rounds each decile’s highest per-capita income up to the fen', () => {
    const pop = populationOf(
      Array.from({ length: 10 }, (_, i) => ({
        id: `H${i}`,
        household: { area: 'urban' as const },
        persons: [{ age: 40, wage: 37473 + i }, { age: 40 }], // (fen)
      })),
    );
    const d = incomeDeciles(pop);
    expect([...d.of]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]); // one household (two of twenty persons) a decile
    // 37473 / 2 = 18736.5 → 18737; 37474 / 2 = 18737; 37475 / 2 = 18737.5 → 18738; …
    expect(d.upper).toEqual([18737, 18737, 18738, 18738, 18739, 18739, 18740, 18740, 18741, 18741]);
    for (let h = 0; h < 10; h++) expect(d.upper[d.of[h]!]! * 2).toBeGreaterThanOrEqual(37473 + h);
  });
});

// A researcher's trial: the same households in another row order moved one on the D2/D3 boundary, tied with another
// at 1,464.77 a month per person, and the deciles' counts with it. Households of equal per-capita income now share the
// decile the first of them starts in, whatever the rows' order (by doubles and by cross-multiplication alike).
describe('incomeDeciles: ties', () => {
  const households = (order: number[]) =>
    populationOf(
      order.map((i) => ({
        id: `H${i}`,
        household: { area: 'urban' as const },
        // one person each, 100, 200, 300, 300 (two persons at 600: the same per capita), 500, … 1000 yuan
        persons: i === 3 ? [{ age: 40, wage: 60000 }, { age: 40 }] : [{ age: 40, wage: (i + 1) * 10000 }],
      })),
    );
  const byId = (order: number[], crossMultiply: boolean) => {
    const pop = households(order);
    const d = incomeDeciles(pop, { crossMultiply });
    return Object.fromEntries(order.map((i, h) => [`H${i}`, d.of[h]]));
  };
  it('tied households share a decile in any order', () => {
    const ids = Array.from({ length: 10 }, (_, i) => i);
    for (const crossMultiply of [false, true]) {
      const forward = byId(ids, crossMultiply);
      expect(byId([...ids].reverse(), crossMultiply)).toEqual(forward);
      expect(byId([5, 3, 9, 0, 2, 8, 1, 7, 4, 6], crossMultiply)).toEqual(forward);
      // 11 persons, 1.1 a decile: H0 0, H1 0 (before 1 < 1.1), H2 1 (2 ≥ 1.1 … < 2.2), H3 (two persons) tied with H2
      expect([forward.H2, forward.H3]).toEqual([1, 1]);
    }
  });
});
