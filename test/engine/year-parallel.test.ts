// A budget year's changes on the pool's workers (compare --year, tui --year's knob runs) give what one thread gives:
// the same totals and changes, and each household's year in fen written into the arrays asked for, whoever evaluated it.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { yearRuns } from '../../src/cli/year.js';
import { incomeDeciles } from '../../src/core/compare.js';
import { yearChanges, plainYearChanges } from '../../src/core/year-changes.js';
import { yearChangesParallel } from '../../src/engine/parallel.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { loadScenarios } from '../../src/cli/load.js';
import { yearFlat } from '../../src/ui/year-view.js';
import { busy, withThreads } from '../helpers/exec.js';
import { SAMPLE } from '../helpers/cli.js';

describe('yearChangesParallel', () => {
  it('on 2 workers: the totals, the changes and each household’s year, as one thread has them', async () => {
    const pop = await parseHouseholdsFast(Readable.from([readFileSync(SAMPLE)]), SAMPLE);
    const deciles = incomeDeciles(pop);
    const runs = yearFlat(await yearRuns('policies/guangxi-nanning.yaml', await loadScenarios(['scenarios/tekun-basic-1.6x.yaml']), 2024));
    const here = [new Float64Array(pop.householdCount), new Float64Array(pop.householdCount)];
    const one = yearChanges(pop, runs, deciles.of, 0, pop.householdCount, here);
    const there = [new Float64Array(pop.householdCount), new Float64Array(pop.householdCount)];
    const { result, jobs } = await withThreads(2, (exec) => yearChangesParallel(exec, pop, runs, deciles, there));
    expect(busy(jobs)).toBe(2);
    expect(plainYearChanges(result)).toEqual(plainYearChanges(one));
    expect([...there[0]!]).toEqual([...here[0]!]);
    expect([...there[1]!]).toEqual([...here[1]!]);
    // (the arrays hold years: the tekun households' grow under 1.6 × S, a few hundred households' are not 0)
    expect(here[1]!.filter((v, h) => v > here[0]![h]!).length).toBeGreaterThan(10);
    expect(here[0]!.filter((v) => v > 0).length).toBeGreaterThan(100);
  });

  it('with a baseline to keep (tui --year’s knob): each worker keeps its range’s, a later pass evaluates the other runs alone', async () => {
    const pop = await parseHouseholdsFast(Readable.from([readFileSync(SAMPLE)]), SAMPLE);
    const deciles = incomeDeciles(pop);
    const scenarios = await loadScenarios(['scenarios/tekun-basic-1.6x.yaml', 'scenarios/dibao-standard-plus-10pct.yaml']);
    const [baseline, tekun, dibao] = await yearRuns('policies/guangxi-nanning.yaml', scenarios, 2024);
    const ref = { key: 1e6, periods: baseline!.periods.length };
    const passes = [
      [baseline!, tekun!],
      [baseline!, dibao!],
      // (the same baseline's number with other runs first: a worker's kept baseline is what it reports)
      [{ ...tekun!, id: 'baseline' }, dibao!],
    ];
    const { result } = await withThreads(2, async (exec) => {
      const made = [];
      for (const runs of passes) {
        const there = [new Float64Array(pop.householdCount), new Float64Array(pop.householdCount)];
        made.push({ r: await yearChangesParallel(exec, pop, yearFlat(runs), deciles, there, ref), there });
      }
      return made;
    });
    passes.slice(0, 2).forEach((runs, i) => {
      const here = [new Float64Array(pop.householdCount), new Float64Array(pop.householdCount)];
      const one = yearChanges(pop, yearFlat(runs), deciles.of, 0, pop.householdCount, here);
      expect(plainYearChanges(result[i]!.r)).toEqual(plainYearChanges(one));
      expect([...result[i]!.there[1]!]).toEqual([...here[1]!]);
    });
    expect(plainYearChanges(result[2]!.r)).toEqual(plainYearChanges(result[1]!.r));
  });
});
