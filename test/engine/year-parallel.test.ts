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
});
