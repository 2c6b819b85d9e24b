// The TUI's knob comparer gives compareWithBaseline's result on one thread, exactly (every sum, every household's
// annual amount), whatever the number of threads, primed for the baseline or not — and the work is really done by that
// many workers.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { baselineCache, compareWithBaseline, incomeDeciles, plainResult, type RunResult } from '../../src/core/compare.js';
import { rulesAt, sameFirstSteps } from '../../src/core/rules.js';
import { applyScenario } from '../../src/core/scenario.js';
import { KnobComparer } from '../../src/engine/knob-comparer.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { loadScenario } from '../../src/io/scenario-file.js';
import { busy, executor } from '../helpers/exec.js';

const exact = (r: RunResult) =>
  JSON.stringify({ ...plainResult(r), annual: Array.from(r.annual!) }, (_, v) => (typeof v === 'bigint' ? v.toString() : v));

describe('the knob comparer', () => {
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
    for (const run of runs) {
      const one = exact(compareWithBaseline(pop, base, run, deciles, { annuals: true }));
      expect(one).toMatch(/[1-9]/);
      for (const threads of [2, 3]) {
        const exec = executor(threads);
        try {
          const comparer = KnobComparer.open(exec, pop)!;
          comparer.warm(base.rules);
          // priming (once per baseline, however often asked) leaves the comparisons as they were
          comparer.prime(base, deciles);
          comparer.prime(base, deciles);
          for (let i = 0; i < 2; i++) expect(exact(await comparer.compareWithBaseline(base, run, deciles))).toBe(one);
          // keep, two warm-ups, two primings, two comparisons, and after keep and each comparison the touch of the next
          // one's annual amounts (the last one may be under way): fourteen jobs on every worker.
          await vi.waitFor(() => expect(exec.started!.jobsDone).toEqual(Array.from({ length: threads }, () => 14)));
          expect(busy(exec.started!.jobsDone)).toBe(threads);
        } finally {
          exec.close();
        }
      }
    }
  });

  it('is not opened for one thread or a small population', async () => {
    const pop = await parseHouseholdsFast(Readable.from([readFileSync('policies/samples/households.csv')]), 'sample.csv');
    expect(KnobComparer.open(executor(1), pop)).toBeNull();
    const exec = executor(2, { parallelFromHouseholds: 50_000 });
    expect(KnobComparer.open(exec, pop)).toBeNull(); // 600 households
    expect(exec.started).toBeNull(); // and no workers started for nothing
  });
});
