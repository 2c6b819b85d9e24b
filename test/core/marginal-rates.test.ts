// Marginal rates across a population (core/marginal-rates.ts), hand-worked on the simple policy without the
// employment deduction: S urban 1000, the minor supplement 150.00, gap payment (000（四）). Each household's main
// earner gets 100.00 more a month; rate = 1 − (100.00 + Δcash) / 100.00.
import { describe, expect, it } from 'vitest';
import {
  ABOVE_100,
  AT_LEAST_100,
  bandOf,
  emptyBands,
  HOUSEHOLD_LAYERS,
  mainEarner,
  mergeBands,
  rateBands,
} from '../../src/core/marginal-rates.js';
import { populationOf, type HouseholdSpec } from '../../src/core/population.js';
import type { Run } from '../../src/core/simulate.js';
import { fen, rulesOf, simplePolicy, withParams } from '../helpers/rules.js';

const runOf = (id: string, params: Record<string, string>): Run => ({
  id,
  rules: rulesOf(withParams(simplePolicy(), { 'dibao.employment_deduction': '0', ...params })),
});
const BASE = runOf('baseline', {});
/** The standard 10 % higher: S = 1100, S × n = 2200 for the family of two. */
const RAISED = runOf('raised', { 'dibao.standard.urban': '1100' });

const W = 1_000_000; // one household, in millionths
const family = (id: string, wage: string, weight = W): HouseholdSpec =>
  ({
    id,
    household: { area: 'urban', weight },
    persons: [
      { id: `${id}a`, age: 35, wage: fen(wage) },
      { id: `${id}c`, age: 10 },
    ],
  }) as HouseholdSpec;
const HOUSEHOLDS = [
  family('phase-out', '1000.00', 2 * W), // dibao 1000.00 → 900.00: keeps nothing, rate 100 %
  family('at-the-line', '1950.00'), // 2150.00 → 2050.00 (dibao and the supplement end): rate 200 %
  family('above', '2150.00', 3 * W), // low-income only (no cash): rate 0 — under RAISED: 2200 > 2150, dibao: rate 100 %+
  family('far-above', '5000.00'), // nothing: rate 0
  {
    id: 'retired',
    household: { area: 'urban', weight: W },
    persons: [{ id: 'r1', age: 66, has_capable_supporter: 1 }],
  } as unknown as HouseholdSpec,
];

describe('the bands are decided in integers', () => {
  it('gain = what is kept of 12 × delta: > 12δ below 0 %, > 6δ under 50 %, > 2.4δ under 80 %, > 0 under 100 %, 0 at 100 %', () => {
    const d = 100;
    expect([1201, 1200, 601, 600, 241, 240, 1, 0, -5].map((g) => bandOf(g, d))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 5]);
  });
  it('the main earner is the highest wage, else the first adult of working age who can work', () => {
    const pop = populationOf(HOUSEHOLDS);
    expect(mainEarner(pop, 0)).toBe(0);
    expect(mainEarner(pop, 4)).toBe(-1); // 66: no labour capacity by age, no wage
  });
});

describe('rateBands', () => {
  const pop = populationOf(HOUSEHOLDS);
  const [base, raised] = rateBands(pop, [BASE, RAISED], fen('100'));

  it('weights the households by band: phase-out (2) at 100 %, at-the-line (1) above it; above (3) and far-above (1) 0–50 %', () => {
    expect(base!.overall).toEqual([0n, 4_000_000n, 0n, 0n, 2_000_000n, 1_000_000n]);
    expect(base!.noEarner).toBe(1_000_000n);
    expect(base!.above).toEqual([0, 1]);
    expect(base!.aboveCount).toBe(2);
  });

  it('the raised standard puts “above” in dibao (2150.00 < 2200.00): 6 of 7 weighted households at ≥ 100 %', () => {
    // above: 2150 + 50 + 150 = 2350 → at 2250.00 out of dibao: 2250 → cliff of 100.00, rate 200 % (> 100 %);
    // at-the-line: 1950 → 2050 < 2200 stays in dibao (250 → 150): rate 100 %, as phase-out's (1000 → 1100 of 2200)
    expect(raised!.overall).toEqual([0n, 1_000_000n, 0n, 0n, 3_000_000n, 3_000_000n]);
    expect(raised!.above).toEqual([0, 1, 2]);
  });

  it('by the baseline layer, the same households under both runs', () => {
    const layers = (b: typeof base) => b!.byLayer.map((xs) => xs.reduce((a, x) => a + x, 0n));
    // dibao: phase-out, at-the-line (3); low-income: above (3); none: far-above (1)
    // (tekun, dibao, single_person, rigid_aid, gradual_exit, low_income, rigid_family, none)
    expect(layers(base)).toEqual([0n, 3_000_000n, 0n, 0n, 0n, 3_000_000n, 0n, 1_000_000n]);
    expect(layers(raised)).toEqual(layers(base));
    const low = HOUSEHOLD_LAYERS.indexOf('low_income');
    expect(raised!.byLayer[low]![ABOVE_100]).toBe(3_000_000n);
    expect(raised!.byLayer[low]![AT_LEAST_100]).toBe(0n);
  });

  // 003 §11 (对已就业的低保对象…在其家庭成员人均收入超过当地低保标准后给予6个月渐退期): a household paid dibao now that earns
  // past the line keeps its dibao for the exit's months, whatever the file's on_dibao (none of these is marked). A
  // generated file marks only households already in their exit, and a gradual-exit reform moved no rate (a trial).
  it('a household paid dibao enters the gradual exit as it earns past the line, with the dibao it is paid', () => {
    const TWELVE = runOf('twelve', { 'dibao.gradual_exit.months': '12' });
    const n = pop.householdCount;
    const each = { gains: [new Float64Array(n), new Float64Array(n)], layers: new Uint8Array(n) };
    const [six, twelve] = rateBands(pop, [BASE, TWELVE], fen('100'), 'annual', 0, n, each);
    // at-the-line: dibao 50.00 and the minor supplement 150.00 a month; at 2050.00 > S × n = 2000.00 out of dibao, its
    // 50.00 kept for the exit's months: 12 × 100.00 + 6 × 50.00 − 12 × 200.00 = −900.00 a year (rate 175 %); over 12
    // months −600.00 (150 %). Without the exit it was −1,200.00 under both.
    expect([each.gains[0]![1], each.gains[1]![1]]).toEqual([-90_000, -60_000]);
    // phase-out stays in dibao (1000.00 → 1100.00 of 2000.00): keeps nothing, under both; above and far-above keep all
    expect([0, 2, 3].map((h) => [each.gains[0]![h], each.gains[1]![h]])).toEqual([
      [0, 0],
      [120_000, 120_000],
      [120_000, 120_000],
    ]);
    expect(six!.overall).toEqual(twelve!.overall); // (both > 100 %: the exit softens the cliff, as the gains say)
  });

  it('any cut into ranges merges to the same bands', () => {
    for (const cut of [1, 2, 3, 4]) {
      const merged = [BASE, RAISED].map(emptyBands);
      for (const [from, to] of [
        [0, cut],
        [cut, pop.householdCount],
      ] as const)
        rateBands(pop, [BASE, RAISED], fen('100'), 'monthly', from, to).forEach((b, i) => mergeBands(merged[i]!, b));
      expect(merged).toEqual([base, raised]);
    }
  });
});
