// The engine's screen (programs/screen.ts) and the result taken over from a run whose rules decide alike (engine.ts
// takeOverAll) change no result: every household of a generated population, of the sample, and of households built
// at each line a step's reach draws (one fen under, at and over it, with the feature it needs), under each shipped
// policy with every shipped scenario, gets exactly what it gets with every step run; simulate's totals (which count
// the households no run reaches apart) equal the totals of every step run for every household.
import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { figures, Totals } from '../../src/core/aggregate.js';
import { baselineCache, compare, compareWithBaseline, incomeDeciles, plainResult } from '../../src/core/compare.js';
import { evaluateHousehold, newContext, quietAll, quietEverywhere, viewOf } from '../../src/core/engine.js';
import { GENERATED_COLUMNS, generateCsv, settingsAt } from '../../src/core/generate.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { PROGRAMS, STEPS } from '../../src/core/programs/index.js';
import { compileScreen, householdFeatures, quiet, summariesOf, type Reach } from '../../src/core/programs/screen.js';
import type { Population } from '../../src/core/population.js';
import { compileRules, rulesAt } from '../../src/core/rules.js';
import { applyScenario } from '../../src/core/scenario.js';
import { simulate } from '../../src/core/simulate.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { loadProfile } from '../../src/io/profile-file.js';
import { loadScenario, parseScenario } from '../../src/io/scenario-file.js';
import { atTheLines } from '../helpers/at-the-lines.js';

const plain = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
const read = (csv: string) => parseHouseholdsFast(Readable.from([csv]), 'h.csv');

async function generated(locality: string, households: number, seed: number): Promise<Population> {
  const profile = await loadProfile(`policies/profiles/${locality}.yaml`);
  const snapshot = resolve(await loadPolicy(profile.policy), profile.date);
  const s = settingsAt(profile, snapshot, households, seed);
  return read(GENERATED_COLUMNS.join(',') + '\n' + [...generateCsv(s)].join(''));
}

describe.each(['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang'])('the screen changes no result (%s)', (locality) => {
  const runsAt = async (date: string) => {
    const policy = await loadPolicy(`policies/${locality}.yaml`);
    const scenarios = await Promise.all(
      readdirSync('scenarios')
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => loadScenario(`scenarios/${f}`)),
    );
    // and runs that count income at other employment deductions (summaries per deduction, screen.ts),
    // and a run whose steps 1–2 (and whole results, where no member is tekun) are another scenario's, not the baseline's
    const extra = [
      'dibao.employment_deduction: {set: 0}',
      'dibao.employment_deduction: {set: 1000}',
      'dibao.standard.urban: {scale: 1.1}\n  dibao.standard.rural: {scale: 1.1}',
      'dibao.standard.urban: {scale: 1.1}\n  dibao.standard.rural: {scale: 1.1}\n  tekun.basic.multiplier: {set: 1.9}',
    ].map((change, i) => parseScenario(`scenario: d${i}\ntitle: {zh: d, en: d}\nreason: test\nchanges:\n  ${change}\n`, `d${i}.yaml`));
    return [rulesAt(policy, date).rules, ...[...scenarios, ...extra].map((sc) => compileRules(resolve(applyScenario(policy, sc), date)))];
  };

  it.each(['2025-06-30', '2022-01-31'])('every household, every run, at %s', async (date) => {
    const runs = await runsAt(date);
    const pops = [
      await generated(locality, 1500, 5),
      await read(readFileSync('policies/samples/households.csv', 'utf8')),
      await read(atTheLines(runs)),
    ];
    for (const pop of pops) {
      let quietSeen = 0;
      // Every run evaluated with every step, household by household.
      const want = runs.map((rules) => {
        const full = newContext(pop, rules, null, false);
        return Array.from({ length: pop.householdCount }, (_, h) => plain(viewOf(evaluateHousehold(full, h))));
      });
      runs.forEach((rules, i) => {
        const screened = newContext(pop, rules);
        const q = quietAll([screened])!;
        expect(q).not.toBeNull();
        for (let h = 0; h < pop.householdCount; h++) {
          expect(plain(viewOf(evaluateHousehold(screened, h)))).toBe(want[i]![h]);
          if (quietEverywhere(q, pop, h)) {
            quietSeen++;
            expect(viewOf(evaluateHousehold(screened, h)).eligibleAnnual).toBe(0);
          }
        }
      });
      // All runs in one pass: steps 1–2, and whole results, taken over from an earlier run whose rules decide alike.
      simulate(
        pop,
        runs.map((rules, i) => ({ id: `r${i}`, rules })),
        { onHousehold: (h, i, r) => expect(plain(viewOf(r))).toBe(want[i]![h]) },
      );
      // compare (the households no run reaches added at once, unreached.ts) and the TUI's comparison with a cached
      // baseline: every sum as with every step run for every household.
      const deciles = incomeDeciles(pop);
      const runsOf = runs.map((rules, i) => ({ id: `r${i}`, rules }));
      const screenedAll = compare(pop, [{ runs: runsOf }], deciles, { annuals: true })[0]!;
      const fullAll = compare(pop, [{ runs: runsOf }], deciles, { annuals: true, screen: false })[0]!;
      runsOf.forEach((_, i) => expect(plain(plainResult(screenedAll[i]!))).toBe(plain(plainResult(fullAll[i]!))));
      const base = baselineCache(pop, runs[0]!);
      for (const run of runsOf.slice(1)) {
        const a = compareWithBaseline(pop, base, run, deciles, { annuals: true });
        const b = compareWithBaseline(pop, base, run, deciles, { annuals: true, screen: false });
        expect(plain(plainResult(a))).toBe(plain(plainResult(b)));
        expect([...a.annual!]).toEqual([...b.annual!]);
      }
      // Each step's own reach, alone (a reach another step's covers would not show above): where it says the step
      // cannot act, the step's programs are neither received nor declined.
      runs.forEach((rules) => {
        const full = newContext(pop, rules, null, false);
        const sums = summariesOf(pop, 0); // for the features (its income is not read here)
        for (let h = 0; h < pop.householdCount; h++) {
          const v = viewOf(evaluateHousehold(full, h));
          if (full.n !== v.persons) continue; // a tekun member: the screen does not apply
          const f = householdFeatures(pop, sums, h);
          let before = false; // an earlier step entered a program
          for (const [i, step] of STEPS.entries()) {
            if (!step.run) continue;
            const reach = (step.reach as ((r: unknown) => Reach) | undefined)?.(rules.byArea[pop.area[h]!]![i]);
            const mine = PROGRAMS.filter((p) => p.step === step);
            const acted = mine.some((p) => v[p.id].flag || v[p.id].declined);
            const s = reach === undefined ? null : compileScreen([reach]);
            const cannot = reach === 'follows' ? !before : s !== null && quiet(s, f, full.I, full.n);
            if (cannot) expect(acted, `${step.id} acted on household ${h} outside its reach`).toBe(false);
            before ||= acted;
          }
        }
      });
      expect(quietSeen).toBeGreaterThan(0); // the screen did skip households here (else this tests nothing)
      // simulate: the households no run reaches counted apart; steps 1–2 and whole results taken over between runs.
      const all = simulate(
        pop,
        runs.map((rules, i) => ({ id: `r${i}`, rules })),
      );
      runs.forEach((rules, i) => {
        const t = new Totals();
        const c = newContext(pop, rules, null, false);
        for (let h = 0; h < pop.householdCount; h++) t.add(pop.weight[h]!, evaluateHousehold(c, h));
        expect(plain(figures(all[i]!))).toBe(plain(figures(t)));
      });
    }
  });
});
