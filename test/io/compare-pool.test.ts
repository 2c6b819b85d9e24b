// The TUI's comparison pool gives compareWithBaseline's result on one thread, exactly (every sum, every
// household's annual amount), whatever the number of threads.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { baselineCache, compareWithBaseline, incomeDeciles, plainResult, type RunResult } from '../../src/core/compare.js';
import { rulesAt, sameFirstSteps } from '../../src/core/rules.js';
import { ComparePool } from '../../src/io/compare-pool.js';
import { applyScenario } from '../../src/core/scenario.js';
import { loadScenario } from '../../src/io/scenario-file.js';
import { parseHouseholdsFast } from '../../src/io/fast-csv.js';
import { loadPolicy } from '../../src/io/policy-file.js';

const exact = (r: RunResult) =>
  JSON.stringify({ ...plainResult(r), annual: Array.from(r.annual!) }, (_, v) => (typeof v === 'bigint' ? v.toString() : v));

describe('the comparison pool', () => {
  afterEach(() => {
    delete process.env.JIUZHU_PARALLEL_FROM_HOUSEHOLDS;
  });

  it('compares a run with the cached baseline as one thread does, with 2 and 3 threads, again and again (steps 1–2 taken over from the baseline, and not)', async () => {
    const pop = await parseHouseholdsFast(Readable.from([readFileSync('policies/samples/households.csv')]), 'sample.csv');
    const deciles = incomeDeciles(pop);
    const nanning = await loadPolicy('policies/guangxi-nanning.yaml');
    const base = baselineCache(pop, rulesAt(nanning, '2025-06-30').rules);
    const runs = [
      { id: 'gz', rules: rulesAt(await loadPolicy('policies/guangdong-guangzhou.yaml'), '2025-06-30').rules },
      {
        id: 'tekun-1.6x',
        rules: rulesAt(applyScenario(nanning, await loadScenario('scenarios/tekun-basic-1.6x.yaml')), '2025-06-30').rules,
      },
    ];
    expect(runs.map((r) => sameFirstSteps(base.rules, r.rules))).toEqual([false, true]);
    process.env.JIUZHU_PARALLEL_FROM_HOUSEHOLDS = '0';
    for (const run of runs) {
      const one = exact(compareWithBaseline(pop, base, run, deciles, { annuals: true }));
      expect(one).toMatch(/[1-9]/);
      for (const threads of [2, 3]) {
        const pool = ComparePool.open(pop, threads)!;
        try {
          pool.warm(base.rules);
          for (let i = 0; i < 2; i++) expect(exact(await pool.compareWithBaseline(base, run, deciles))).toBe(one);
        } finally {
          pool.close();
        }
      }
    }
  });

  it('is not opened for one thread or a small population', async () => {
    const pop = await parseHouseholdsFast(Readable.from([readFileSync('policies/samples/households.csv')]), 'sample.csv');
    expect(ComparePool.open(pop, 1)).toBeNull();
    expect(ComparePool.open(pop, 2)).toBeNull(); // below PARALLEL_FROM_HOUSEHOLDS
  });
});
