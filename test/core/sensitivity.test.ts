// Sensitivity (issue 18), hand-worked on the simple policy (S urban 1000, gap payment 000（四）) with two estimates
// given ranges: the elderly supplement 0.1 in 002 一's 10 %–30 % band, and the urban standard 1000 whose start date is
// unknown between 2024-01-01 and 2024-12-31 (before it, 900). Households (no one tekun: each has a capable supporter):
//   e1 weight 2: one person of 75, no income — dibao 1000 + the elderly supplement 0.1 × 1000 = 100 a month;
//   e2 weight 1: two persons of 80 and 72, no income — dibao 2000 + 2 × 100;
//   w  weight 5: an adult of 40 earning 5000 — nothing.
// The supplement at 0.3 instead of 0.1: 200 more a month per elderly member, 2400 a year; weighted: 2 × 2400 +
// 1 × 2 × 2400 = 9600.00 more. At 2024-06-01 the standard's start-date window straddles the date: at its latest,
// 900 holds — dibao 100 less a month per person and the supplement 0.1 × 100 less: (100 + 10) × 12 × (2 + 2) = 5280.00 less.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core/simulate.js';
import { draws, estimateAxes, percentile } from '../../src/core/sensitivity.js';
import { cost, sensitivityPlan, type SensitivityPlan } from '../../src/core/sensitivity-plan.js';
import { populationOf, type HouseholdSpec } from '../../src/core/population.js';
import { parsePolicy } from '../../src/io/policy-file.js';
import { InputError } from '../../src/errors.js';
import { parseScenario } from '../../src/io/scenario-file.js';
import { runRange, totalRange, yuan } from '../../src/report/sensitivity-rows.js';
import { sensitivityJson } from '../../src/report/sensitivity.js';
import { SIMPLE } from '../helpers/rules.js';

const DATE = '2024-06-01';
const text = readFileSync(SIMPLE, 'utf8')
  .replace(
    'urban: [{from: 2020-01-01, value: 1000, source: test}]',
    `urban:
        - {from: 2020-01-01, value: 900, source: test}
        - {from: 2024-03-01, value: 1000, source: test, estimate: start date not published, range: {from: [2024-01-01, 2024-12-31], basis: the notice's year}}`,
  )
  .replace(
    'elderly: [{from: 2020-01-01, value: 0.1, source: test}]',
    `elderly: [{from: 2020-01-01, value: 0.1, estimate: floor of the band, range: {low: 0.1, high: 0.3, basis: "002 一: 10 %–30 %"}}]`,
  );
const policy = parsePolicy(text, 'sensitive.yaml');
const W = (x: number) => x * 1_000_000;
const old = (age: number) => ({ age, supporter: 1 });
const pop = populationOf([
  { id: 'e1', household: { area: 'urban', weight: W(2) }, persons: [old(75)] },
  { id: 'e2', household: { area: 'urban', weight: W(1) }, persons: [old(80), old(72)] },
  { id: 'w', household: { area: 'urban', weight: W(5) }, persons: [{ age: 40, wage: 500_000 }] },
] as unknown as HouseholdSpec[]);

/** Both passes: the estimates one at a time (and draws), then the joint corners they point to. */
const both = (plan: SensitivityPlan) => {
  const corners = plan.corners(plan.fold(simulate(pop, plan.runs)));
  return corners.fold(simulate(pop, corners.runs));
};
const run = (o: Parameters<typeof sensitivityPlan>[3] = {}) => both(sensitivityPlan(policy, [], { date: DATE }, o));
type Entry = {
  path: string;
  kind: string;
  central: string;
  low: string;
  high: string;
  total_low: string;
  total_high: string;
  swing: string;
};

describe('one estimate at a time', () => {
  it('finds the two estimates in force at the date (the window straddles it)', () => {
    expect(estimateAxes(policy, { date: DATE }).map((a) => [a.path, a.kind])).toEqual([
      ['dibao.standard.urban', 'start_date'],
      ['dibao.supplement.elderly', 'value'],
    ]);
    // after the window the start date cannot matter: listed, nothing to vary
    expect(estimateAxes(policy, { date: '2025-06-01' }).find((a) => a.kind === 'start_date')!.ends).toEqual([]);
  });

  it('the supplement 0.1 → 0.3 moves the total by exactly 9600.00; the start date by 5280.00; sorted by swing', () => {
    const json = sensitivityJson({ policy, policyFile: 'p', householdsFile: 'h', result: run() }) as {
      central: Array<{ total: string; range: { low: string; high: string } }>;
      estimates: Entry[];
    };
    // central: e1 2 × 12 × 1100 + e2 1 × 12 × 2200 = 26400 + 26400
    expect(json.central[0]!.total).toBe('52800.00');
    expect(json.estimates.map((e) => [e.path, e.low, e.high, e.total_low, e.total_high, e.swing])).toEqual([
      ['dibao.supplement.elderly', '0.1', '0.3', '52800.00', '62400.00', '9600.00'],
      ['dibao.standard.urban', '2024-01-01', '2024-12-31', '52800.00', '47520.00', '5280.00'],
    ]);
    // the range: the lowest and highest run, 52800 − 5280 … 52800 + 9600 (no corner moves both: the supplement's low end is its value)
    expect(json.central[0]!.range).toMatchObject({ low: '47520.00', high: '62400.00' });
  });

  it('under a scenario (the supplement × 2) the delta has its range: +4800.00 at 0.1, +14400.00 at 0.3', () => {
    const x2 = parseScenario(
      'scenario: x2\ntitle: {zh: 翻倍, en: doubled}\nreason: test\nchanges:\n  dibao.supplement.elderly: {scale: 2}\n',
      'x2.yaml',
    );
    const plan = sensitivityPlan(policy, [x2], { date: DATE });
    const json = sensitivityJson({ policy, policyFile: 'p', householdsFile: 'h', result: both(plan) }) as {
      estimates: Array<Entry & { scenarios: Array<Record<string, string>> }>;
    };
    // 4 elderly members (weighted): 0.1 → 0.2 is 100 a month more each, 1200 × 4; at the high end 0.3 → 0.6, 3600 × 4
    expect(json.estimates[0]!.scenarios[0]).toEqual({
      id: 'x2',
      total_low: '57600.00',
      total_high: '76800.00',
      delta_central: '4800.00',
      delta_low: '4800.00',
      delta_high: '14400.00',
      delta_swing: '9600.00',
    });
  });
});

describe('draws', () => {
  it('the same seed gives the same draws; the percentiles lie within the range', () => {
    const axes = estimateAxes(policy, { date: DATE });
    expect(JSON.stringify(draws(axes, 20, 7))).toBe(JSON.stringify(draws(axes, 20, 7)));
    expect(JSON.stringify(draws(axes, 20, 7))).not.toBe(JSON.stringify(draws(axes, 20, 8)));
    const r = run({ draws: 40, seed: 3 });
    const range = runRange(r);
    const totals = r.draws!.totals.map((t) => t[0]!.programs.reduce((a, p) => a + p.cost.value(), 0n));
    for (const p of [5, 50, 95]) {
      const v = percentile(totals, p);
      expect(v >= range.low && v <= range.high).toBe(true);
    }
    expect(new Set(totals.map(String)).size).toBeGreaterThan(5);
  });

  it('rejects an estimate without a range, and a value outside its own range, with the line', () => {
    const bare = text.replace(', range: {low: 0.1, high: 0.3, basis: "002 一: 10 %–30 %"}', '');
    const error = (() => {
      try {
        parsePolicy(bare, 'bare.yaml');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InputError);
    const problem = (error as InputError).problems[0]!;
    expect(problem.message).toMatch(/an estimate needs its range/);
    expect(problem.where?.line).toBe(23); // the elderly supplement's entry (2 lines added above it)
    const outside = text.replace('low: 0.1, high: 0.3', 'low: 0.15, high: 0.3');
    expect(() => parsePolicy(outside, 'o.yaml')).toThrow(/outside its own range 0\.15–0\.3/);
  });
});

// The joint corners (core/sensitivity-plan.ts cornerPatches), hand-worked: the urban standard S 1000 given a value range
// 900–1200 and the elderly supplement e 0.1 in 0.1–0.3. Every cost is 12 × S × (1 + e) × 4 weighted elderly members
// = 48 × S × (1 + e); a scenario setting e to 0.3 costs 48 × S × 1.3, its Δ 48 × S × (0.3 − e).
describe('the joint corners', () => {
  const joint = parsePolicy(
    readFileSync(SIMPLE, 'utf8')
      .replace(
        'urban: [{from: 2020-01-01, value: 1000, source: test}]',
        'urban: [{from: 2020-01-01, value: 1000, source: test, estimate: between two notices, range: {low: 900, high: 1200, basis: test}}]',
      )
      .replace(
        'elderly: [{from: 2020-01-01, value: 0.1, source: test}]',
        'elderly: [{from: 2020-01-01, value: 0.1, estimate: floor of the band, range: {low: 0.1, high: 0.3, basis: test}}]',
      ),
    'joint.yaml',
  );
  const to03 = parseScenario(
    'scenario: to03\ntitle: {zh: 三成, en: thirty}\nreason: test\nchanges:\n  dibao.supplement.elderly: {set: 0.3}\n',
    'to03.yaml',
  );
  const plan = sensitivityPlan(joint, [to03], { date: DATE });
  const first = plan.fold(simulate(pop, plan.runs));
  const second = plan.corners(first);
  const result = second.fold(simulate(pop, second.runs));

  it('runs every estimate at once where two of them lowered (raised) a figure alone: two corners, each in both runs', () => {
    expect(estimateAxes(joint, { date: DATE }).map((a) => [a.path, a.kind])).toEqual([
      ['dibao.standard.urban', 'value'],
      ['dibao.supplement.elderly', 'value'],
    ]);
    // the baseline's high (S 1200, e 0.3) and the Δ's low (S 900, e 0.3); every other figure moves with one estimate
    expect(second.runs).toHaveLength(4);
    expect(result.corners.map((c) => c.map((t) => yuan(cost(t), t)))).toEqual([
      ['74880.00', '74880.00'], // 48 × 1200 × 1.3
      ['56160.00', '56160.00'], // 48 × 900 × 1.3
    ]);
  });

  it('gives the lowest and highest run: the baseline 47520.00 – 74880.00 (added, the high was 72960.00)', () => {
    // alone: S 900 47520, S 1200 63360, e 0.3 62400; added: 52800 + 10560 + 9600 = 72960; run jointly: 74880
    expect(totalRange(result, 0, null)).toMatchObject({ low: '47520.00', high: '74880.00' });
    expect(totalRange(result, 1, null)).toMatchObject({ low: '56160.00', high: '74880.00' });
  });

  it('a reform that only adds money costs at least 0: the Δ 0 – 11520.00 (added, its low was −960.00)', () => {
    // Δ alone: central 9600, e 0.3 → 0, S 900 → 8640, S 1200 → 11520; added: 9600 − 9600 − 960 = −960
    expect(totalRange(result, 1, null).delta).toEqual({ low: '0.00', high: '11520.00' });
  });
});

// A budget officer's Fuliang reform "could save money": its Δ's low end paired urban 700 with rural 770, both estimates at
// their ends — a pair the policy's rule rural ≤ urban refuses (jiuzhu validate). Unifying rural with urban raises the rural
// standard wherever rural ≤ urban holds: its Δ is never below 0 in a state the policy can be in.
describe('the runs of a sensitivity analysis keep the policy’s relations', () => {
  it('leaves out a joint corner or a draw whose values put rural above urban, and says so', async () => {
    const { loadPolicy } = await import('../../src/io/policy-file.js');
    const { loadScenario } = await import('../../src/io/scenario-file.js');
    const { parseHouseholdsFast } = await import('../../src/io/fast-read.js');
    const { Readable } = await import('node:stream');
    const { deltaRange } = await import('../../src/report/sensitivity-rows.js');
    const fuliang = await loadPolicy('policies/jiangxi-fuliang.yaml');
    const unify = await loadScenario('scenarios/unify-rural-urban.yaml');
    const sample = await parseHouseholdsFast(Readable.from([readFileSync('policies/samples/households.csv', 'utf8')]), 's.csv');
    const plan = sensitivityPlan(fuliang, [unify], { date: '2025-06-30' }, { draws: 40, seed: 3 });
    const first = plan.fold(simulate(sample, plan.runs));
    const second = plan.corners(first);
    const r = second.fold(simulate(sample, second.runs));
    expect(deltaRange(r, 1).low).toBeGreaterThanOrEqual(0n);
    expect(r.refused?.rules).toContain('rural-at-most-urban');
    expect(r.refused!.corners + r.refused!.draws).toBeGreaterThan(0);
    for (const totals of r.draws!.totals) expect(cost(totals[1]!) - cost(totals[0]!)).toBeGreaterThanOrEqual(0n);
    expect(r.draws!.n).toBe(40 - r.refused!.draws);
  });
});

// A Fuliang budget trial: the 2028 baseline's low end moved when the tekun 1.6× reform was run beside it, and a Δ's
// high end moved 4-fold on a generated Guangzhou. A range reads the runs made for its own figure only (the joint corners
// of its total, and for a Δ of the two totals and the Δ), so it is the same whatever other scenarios run beside it.
describe('a range does not move with the scenarios run beside it', () => {
  it('Fuliang on the sample: the baseline’s and each scenario’s range and Δ, alone and with three others', async () => {
    const { loadPolicy } = await import('../../src/io/policy-file.js');
    const { loadScenario } = await import('../../src/io/scenario-file.js');
    const { parseHouseholdsFast } = await import('../../src/io/fast-read.js');
    const { Readable } = await import('node:stream');
    const fuliang = await loadPolicy('policies/jiangxi-fuliang.yaml');
    const ids = ['full-coverage', 'low-income-2x', 'dibao-standard-plus-10pct', 'edge-premium-50pct'];
    const scenarios = await Promise.all(ids.map((id) => loadScenario(`scenarios/${id}.yaml`)));
    const sample = await parseHouseholdsFast(Readable.from([readFileSync('policies/samples/households.csv', 'utf8')]), 's.csv');
    const ranges = (scs: typeof scenarios) => {
      const plan = sensitivityPlan(fuliang, scs, { date: '2025-06-30' });
      const second = plan.corners(plan.fold(simulate(sample, plan.runs)));
      const r = second.fold(simulate(sample, second.runs));
      return scs.map((_, i) => [totalRange(r, 0, null), totalRange(r, i + 1, null)]);
    };
    // a scenario's range reads the baseline's corners too (always run beside it): its ends hold every total there (a
    // reviewer: the +10 % standard's low end rose above a run made, 1,233,882,593.85 → 1,234,089,532.91)
    {
      const plan = sensitivityPlan(fuliang, [scenarios[2]!], { date: '2025-06-30' });
      const second = plan.corners(plan.fold(simulate(sample, plan.runs)));
      const r = second.fold(simulate(sample, second.runs));
      const atBaseline = r.corners.filter((_, k) => r.cornerFor[k]!.totals.includes(0)).map((t) => cost(t[1]!));
      expect(atBaseline.length).toBeGreaterThan(0);
      const { low, high } = runRange(r, 1);
      for (const c of atBaseline) expect(low <= c && c <= high).toBe(true);
    }
    const together = ranges(scenarios);
    scenarios.forEach((sc, i) => {
      const [baseline, alone] = ranges([sc])[0]!;
      expect({ id: sc.id, baseline: together[i]![0], range: together[i]![1] }).toEqual({ id: sc.id, baseline, range: alone });
    });
  });
});
