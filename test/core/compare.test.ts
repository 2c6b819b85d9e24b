// compareWithBaseline (the TUI's fast path: baseline evaluated once, cached) gives exactly compare's result.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { figures } from '../../src/core/aggregate.js';
import { baselineCache, compare, compareWithBaseline, incomeDeciles } from '../../src/core/compare.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { compileRules } from '../../src/core/rules.js';
import { applyScenario } from '../../src/core/scenario.js';
import { parseHouseholdsFast } from '../../src/io/fast-csv.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { loadScenario } from '../../src/io/scenario-file.js';
import { runDetails } from '../../src/report/compare.js';

it.each(['tekun-basic-1.6x', 'unify-rural-urban', 'combined-package'])('a run against the cached baseline equals compare’s (%s)', async (id) => {
  const pop = await parseHouseholdsFast(Readable.from([readFileSync('policies/samples/households.csv')]), 'sample.csv');
  const policy = await loadPolicy('policies/guangxi-nanning.yaml');
  const base = { id: 'baseline', rules: compileRules(resolve(policy, '2025-06-30')) };
  const run = { id, rules: compileRules(resolve(applyScenario(policy, await loadScenario(`scenarios/${id}.yaml`)), '2025-06-30')) };
  const deciles = incomeDeciles(pop);
  const [, viaCompare] = compare(pop, [{ runs: [base, run] }], deciles, { annuals: true })[0]!;
  const viaCache = compareWithBaseline(pop, baselineCache(pop, base.rules), run, deciles, { annuals: true });
  expect(JSON.stringify([figures(viaCache.totals), runDetails(viaCache, deciles), Array.from(viaCache.annual!)]))
    .toBe(JSON.stringify([figures(viaCompare!.totals), runDetails(viaCompare!, deciles), Array.from(viaCompare!.annual!)]));
});
