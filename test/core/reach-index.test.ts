// The reach index (core/reach-index.ts) finds exactly the households the screen reaches — no more, no fewer — over a
// range of a population (generated, the sample, and households one fen under, at and over each line), for the screens
// of a baseline and each shipped scenario; its radix sort orders doubles as a comparator does, ties by index; and
// where doubles cannot order the incomes per member exactly, there is no index.
import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { newContext, quietAll, quietEverywhere } from '../../src/core/engine.js';
import { GENERATED_COLUMNS, generateCsv, settingsAt } from '../../src/core/generate.js';
import { resolve } from '../../src/core/parameters/tree.js';
import type { Summaries } from '../../src/core/programs/screen.js';
import { ascending, markReached, reachIndex } from '../../src/core/reach-index.js';
import { compileRules, rulesAt } from '../../src/core/rules.js';
import { applyScenario } from '../../src/core/scenario.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { loadProfile } from '../../src/io/profile-file.js';
import { loadScenario, parseScenario } from '../../src/io/scenario-file.js';
import { atTheLines } from '../helpers/at-the-lines.js';

const read = (csv: string) => parseHouseholdsFast(Readable.from([csv]), 'h.csv');

describe('the reach index', () => {
  it('marks just the households the screens reach (the baseline’s and a run’s), over the whole population and a range of it', async () => {
    const profile = await loadProfile('policies/profiles/guangxi-nanning.yaml');
    const policy = await loadPolicy(profile.policy);
    const snapshot = resolve(policy, profile.date);
    const g = settingsAt(profile, snapshot, 3000, 11);
    const knobs = [
      'dibao.standard.urban: {scale: 0.9}\n  dibao.standard.rural: {scale: 0.9}',
      'dibao.standard.urban: {scale: 1.2}\n  dibao.standard.rural: {scale: 1.2}',
    ].map((change, i) => parseScenario(`scenario: k${i}\ntitle: {zh: k, en: k}\nreason: test\nchanges:\n  ${change}\n`, `k${i}.yaml`));
    const scenarios = await Promise.all(
      readdirSync('scenarios')
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => loadScenario(`scenarios/${f}`)),
    );
    const base = rulesAt(policy, profile.date).rules;
    const runs = [...scenarios, ...knobs].map((sc) => compileRules(resolve(applyScenario(policy, sc), profile.date)));
    const pops = [
      await read(GENERATED_COLUMNS.join(',') + '\n' + [...generateCsv(g)].join('')),
      await read(readFileSync('policies/samples/households.csv', 'utf8')),
      // households one fen under, at and over each line the runs' steps draw: the prefixes' edges
      await read(atTheLines([base, ...runs])),
    ];
    let reachedSeen = 0;
    let quietSeen = 0;
    for (const pop of pops) {
      const H = pop.householdCount;
      for (const run of runs) {
        const q = quietAll([newContext(pop, base), newContext(pop, run)])!;
        if (q.groups.length !== 1) continue; // (two employment deductions: the index is not used)
        const { sums, screens } = q.groups[0]!;
        for (const [from, to] of [
          [0, H],
          [Math.floor(H / 3), H - 7],
        ] as const) {
          const idx = reachIndex(pop, sums, from, to)!;
          expect(idx).not.toBeNull();
          const count = markReached(idx, pop, sums, screens);
          const marked: number[] = [];
          const want: number[] = [];
          for (let h = from; h < to; h++) {
            if (idx.mark[h - from]) marked.push(h);
            if (!quietEverywhere(q, pop, h)) want.push(h);
          }
          expect(marked).toEqual(want);
          expect(count).toBe(want.length);
          reachedSeen += want.length;
          quietSeen += to - from - want.length;
          idx.mark.fill(0);
        }
      }
    }
    expect(reachedSeen).toBeGreaterThan(0);
    expect(quietSeen).toBeGreaterThan(0);
  });

  it('orders doubles by a radix sort on their bits as a comparator does, ties by index', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = [0, 0, 1e-300, 5e-324, 1, 1, 2 ** 52 + 1, 1e300, Number.MAX_VALUE, 0.5, 0.25];
    for (let i = 0; i < 5000; i++) values.push(next() < 0.3 ? Math.floor(next() * 50) : next() * 10 ** Math.floor(next() * 12));
    // and mostly whole numbers (whose low 32 bits are all 0), with some fractions among them
    const whole = Array.from({ length: 3000 }, () => (next() < 0.9 ? Math.floor(next() * 1e6) : next() * 1e6));
    for (const key of [Float64Array.from(values), Float64Array.from(whole)]) {
      const want = [...key.keys()].sort((a, b) => key[a]! - key[b]! || a - b);
      expect([...ascending(key)]).toEqual(want);
    }
    // keys in a view with an offset, and a list of one and of none
    const shifted = new Float64Array(new Float64Array([9, 3, 2, 3]).buffer, 8, 3);
    expect([...ascending(shifted)]).toEqual([1, 0, 2]);
    expect([...ascending(new Float64Array([4]))]).toEqual([0]);
    // keys that differ in one bit only, at each 16-bit digit's edges
    for (const bit of [0, 15, 16, 31, 32, 47, 48, 62]) {
      const k = new Float64Array(2);
      new BigUint64Array(k.buffer)[0] = 0x3ff0000000000000n | (1n << BigInt(bit)); // 1 and a bit more (bit 62: Infinity, against 0)
      new BigUint64Array(k.buffer)[1] = bit === 62 ? 0n : 0x3ff0000000000000n;
      expect([...ascending(k)], `bit ${bit}`).toEqual([1, 0]);
    }
    expect([...ascending(new Float64Array(0))]).toEqual([]);
  });

  it('is not made where two incomes per member round to one double in the wrong order', async () => {
    // Households of 9 and 10 members (urban, no feature). Incomes 9 × 2^49 + 1 and 10 × 2^49 + 1 per household are
    // 2^49 + 1/9 and 2^49 + 1/10 per member, both rounded to 2^49 + 1/8: tied, and so put in household order, the
    // household of 9 first, though its income per member is the higher. Swapped, the order is right.
    const rows = ['household_id,person_id,age,area'];
    for (const [h, n] of [
      ['A', 9],
      ['B', 10],
    ] as const)
      for (let m = 0; m < n; m++) rows.push(`${h},${h}${m},40,urban`);
    const pop = await read(rows.join('\n') + '\n');
    const sums = (income: number[]): Summaries => ({
      features: new Uint8Array([128, 128]), // read (no feature)
      income: Float64Array.from(income),
      deduction: 0,
    });
    expect(2 ** 49 + 1 / 9).toBe(2 ** 49 + 1 / 10);
    expect(reachIndex(pop, sums([9 * 2 ** 49 + 1, 10 * 2 ** 49 + 1]), 0, 2)).toBeNull();
    const idx = reachIndex(pop, sums([9 * 2 ** 49, 10 * 2 ** 49 + 1]), 0, 2)!;
    expect([...idx.lists[0]!]).toEqual([0, 1]);
  });
});
