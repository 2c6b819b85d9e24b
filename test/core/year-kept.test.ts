// tui --year's knob: a locality's baseline year kept household by household (core/year-kept.ts), so that a knob's pass
// evaluates the knob's periods alone. The pass on the kept baseline gives what a pass on every run gives: the totals
// (the baseline's and the knob's), the changes (gainers, losers, take-up losers, the program each loser lost most in,
// by area and decile), each household's year — for knobs that raise, cut and end amounts, over all households and a
// range of them.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { yearRunsOf } from '../../src/cli/year.js';
import { loadUsablePolicy } from '../../src/cli/load.js';
import { incomeDeciles } from '../../src/core/compare.js';
import { parseScenario } from '../../src/io/scenario-file.js';
import { plainYearChanges, yearChanges } from '../../src/core/year-changes.js';
import { yearChangesKeeping, type KeptBaseline } from '../../src/core/year-kept.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { yearFlat } from '../../src/ui/year-view.js';
import { SAMPLE } from '../helpers/cli.js';

const knob = (change: string, i: number) =>
  parseScenario(`scenario: k${i}\ntitle: {zh: k, en: k}\nreason: test\nchanges:\n  ${change}\n`, `k${i}.yaml`);

describe('a kept baseline year (tui --year)', async () => {
  const pop = await parseHouseholdsFast(Readable.from([readFileSync(SAMPLE)]), SAMPLE);
  const deciles = incomeDeciles(pop);
  const policy = await loadUsablePolicy('policies/guangxi-nanning.yaml');
  const knobs = [
    'tekun.basic.multiplier: {set: 1.6}', // raises tekun amounts
    'dibao.standard.urban: {scale: 0.9}\n  dibao.standard.rural: {scale: 0.9}', // cuts dibao, ends some
    'dibao.standard.urban: {scale: 0.4}\n  dibao.standard.rural: {scale: 0.4}', // ends most: households nothing reaches now
  ].map(knob);
  const years = await yearRunsOf(policy, knobs, 2024); // (Nanning 2024: three periods, standards raised mid-year)
  const [baseline, ...others] = years;
  const ref = { key: 1, periods: baseline!.periods.length };

  for (const [from, to] of [
    [0, pop.householdCount],
    [97, 412],
  ] as const)
    it(`gives what a pass on every run gives, each knob in turn (households ${from}–${to})`, () => {
      const kept = new Map<number, KeptBaseline>();
      let kinds = 0;
      others.forEach((other, i) => {
        const runs = yearFlat([baseline!, other]);
        const all = [new Float64Array(pop.householdCount), new Float64Array(pop.householdCount)];
        const expected = yearChanges(pop, runs, deciles.of, from, to, all);
        const annual = [new Float64Array(pop.householdCount), new Float64Array(pop.householdCount)];
        const made = yearChangesKeeping(kept, ref, pop, runs, deciles.of, from, to, annual);
        expect(kept.get(ref.key)!.from).toBe(from); // (kept by the first pass; the later ones on it)
        expect(plainYearChanges(made), `knob ${i}`).toEqual(plainYearChanges(expected));
        expect([...annual[0]!]).toEqual([...all[0]!]);
        expect([...annual[1]!]).toEqual([...all[1]!]);
        // (what the knob does here: gainers, losers, exits to nothing)
        const c = made.changes[1]!.changes;
        kinds |= (c.gainers.value() > 0n ? 1 : 0) | (c.losers.value() > 0n ? 2 : 0) | (c.exits.value() > 0n ? 4 : 0);
      });
      expect(kinds).toBe(7);
    });

  it('a later pass takes the kept baseline, not its runs (the baseline is evaluated once)', () => {
    const kept = new Map<number, KeptBaseline>();
    const first = yearChangesKeeping(kept, ref, pop, yearFlat([baseline!, others[0]!]), deciles.of);
    // the same baseline's number given with other first runs: its kept figures are what the pass reports
    const raised = yearFlat([{ ...others[0]!, id: 'baseline' }, others[1]!]);
    const later = yearChangesKeeping(kept, ref, pop, raised, deciles.of);
    expect(later.totals.slice(0, ref.periods).map((t) => t.plain())).toEqual(first.totals.slice(0, ref.periods).map((t) => t.plain()));
    const afresh = yearChanges(pop, raised, deciles.of);
    expect(afresh.totals[0]!.plain()).not.toEqual(first.totals[0]!.plain());
    // another population: the kept one is dropped and the baseline evaluated again
    const other = { ...pop };
    const again = yearChangesKeeping(kept, ref, other, raised, deciles.of);
    expect(again.totals[0]!.plain()).toEqual(afresh.totals[0]!.plain());
    expect([...kept.values()].map((b) => b.pop)).toEqual([other]);
  });
});
