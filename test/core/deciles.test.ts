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
