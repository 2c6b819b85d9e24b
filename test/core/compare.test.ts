// compareWithBaseline (the TUI's fast path: baseline evaluated once, cached) gives exactly compare's result.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { figures } from '../../src/core/aggregate.js';
import { baselineCache, compare, compareWithBaseline, incomeDeciles } from '../../src/core/compare.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { compileRules } from '../../src/core/rules.js';
import { applyScenario } from '../../src/core/scenario.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { loadScenario } from '../../src/io/scenario-file.js';
import { runDetails } from '../../src/report/compare.js';

it.each(['tekun-basic-1.6x', 'unify-rural-urban', 'combined-package'])(
  'a run against the cached baseline equals compare’s (%s)',
  async (id) => {
    const pop = await parseHouseholdsFast(Readable.from([readFileSync('policies/samples/households.csv')]), 'sample.csv');
    const policy = await loadPolicy('policies/guangxi-nanning.yaml');
    const base = { id: 'baseline', rules: compileRules(resolve(policy, '2025-06-30')) };
    const run = { id, rules: compileRules(resolve(applyScenario(policy, await loadScenario(`scenarios/${id}.yaml`)), '2025-06-30')) };
    const deciles = incomeDeciles(pop);
    const [, viaCompare] = compare(pop, [{ runs: [base, run] }], deciles, { annuals: true })[0]!;
    const viaCache = compareWithBaseline(pop, baselineCache(pop, base.rules), run, deciles, { annuals: true });
    expect(JSON.stringify([figures(viaCache.totals), runDetails(viaCache, deciles), Array.from(viaCache.annual!)])).toBe(
      JSON.stringify([figures(viaCompare!.totals), runDetails(viaCompare!, deciles), Array.from(viaCompare!.annual!)]),
    );
  },
);

describe('income deciles', () => {
  const read = (csv: string) => parseHouseholdsFast(Readable.from([csv]), 'd.csv');
  // Households of 1–3 persons whose per-capita incomes tie (300/3 = 200/2 = 100/1) or nearly tie (1/3 yuan vs 0.33),
  // weights from 0.5 to 3: ranks by per-capita income, ties in household order, deciles of weighted persons.
  const rows = (weight: (h: number) => string) => {
    const incomes = [
      ['1.00', '1.00', '1.00'],
      ['2.00', '0'],
      ['1.00'],
      ['0.33'],
      ['0.11', '0.11', '0.11'],
      ['0'],
      ['5.00', '0', '0'],
      ['0.34'],
      ['1.00'],
      ['0.50', '0.50'],
      ['7.00'],
      ['0.01', '0'],
    ];
    return (
      [
        'household_id,person_id,age,area,other_income,weight',
        ...incomes.flatMap((persons, h) => persons.map((income, i) => `H${h},P${h}-${i},40,urban,${income},${weight(h)}`)),
      ].join('\n') + '\n'
    );
  };

  it('ranks as exact cross-multiplication does (sample, and ties and near-ties)', async () => {
    for (const pop of [
      await read(readFileSync('policies/samples/households.csv', 'utf8')),
      await read(rows((h) => String(0.5 + (h % 6) / 2))),
    ]) {
      expect(incomeDeciles(pop)).toEqual(incomeDeciles(pop, { crossMultiply: true }));
    }
  });

  it('gives the same deciles when the weighted total passes 2^53 (counted in BigInt then), and these by hand', async () => {
    const small = incomeDeciles(await read(rows(() => '0.000001'))); // 1 millionth: the decile starts are not whole numbers
    const huge = incomeDeciles(await read(rows(() => '9007199254'))); // the largest whole weight (2^53 − 1 millionths is the limit): the sum passes 2^53
    expect(huge).toEqual(small);
    // 21 persons of equal weight, by per-capita income (persons, persons before): H5 0 (1, 0), H11 0.005 (2, 1), H4 0.11
    // (3, 3), H3 0.33 (1, 6), H7 0.34 (1, 7), H9 0.50 (2, 8), then the ties at 1, which share the decile the first of
    // them starts in: H0, H1, H2, H8 (7 persons, 10 before); H6 1.67 (3, 17), H10 7 (1, 20). Decile = floor(10 × persons
    // before / 21): the ties' floor(100 / 21) = 4 (in household order they had been 4, 6, 7, 7).
    expect(Array.from(small.of)).toEqual([4, 4, 4, 2, 1, 0, 8, 3, 4, 3, 9, 0]);
  });
});
