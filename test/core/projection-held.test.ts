// A value the policy last gives before a projection's base_year is taken as unchanged up to it: an estimate of its own
// on base_year's 1 January, ranged from no raise to a raise at the line's highest rate in each year without one (a
// finance-bureau trial: Nanning's newest standards are of 2022, held to 2025 with no range, while growing them from
// 2022 moved the 2027 baseline 23 %).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { dec, resolve, type DatedValue } from '../../src/core/parameters/tree.js';
import { heldEntry, projectPolicy, type Growth } from '../../src/core/projection.js';
import { estimateAxes, patchPolicy } from '../../src/core/sensitivity.js';
import { label } from '../../src/report/sensitivity-rows.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { parseProjection } from '../../src/io/projection-file.js';

const FILE = 'scenarios/projections/guangxi-nanning-4pct.yaml';
const text = readFileSync(FILE, 'utf8');
const nanning4 = (edit: (t: string) => string = (t) => t) => parseProjection(edit(text), FILE);
const urban = (p: ReturnType<typeof projectPolicy>) => p.params.get('dibao.standard.urban')!;

describe('heldEntry: Nanning’s 2022 standards held to base_year 2025 (dibao.standard. +4 %, range 2–6 %)', () => {
  it('an estimate on 2025-01-01: 810 as published, ranged 810 – 964.73 (three raises at 6 %), citing where it came from', async () => {
    const p = projectPolicy(await loadPolicy('policies/guangxi-nanning.yaml'), nanning4(), 2027);
    const held = urban(p).find((e) => e.held)!;
    expect(held.from).toBe('2025-01-01');
    expect(held.held).toEqual({ from: '2022-04-01' });
    expect(D(held.value as never).toFixed(2)).toBe('810.00');
    // 810 × 1.06 = 858.60; × 1.06 = 910.116 → 910.12; × 1.06 = 964.7272 → 964.73
    expect([D(held.range!.low as never).toFixed(2), D(held.range!.high as never).toFixed(2)]).toEqual(['810.00', '964.73']);
    expect(held.estimate).toMatch(/^guangxi-nanning-4pct: the value of 2022-04-01 \(nanning-2022\).*no value for 2023–2025/);
    expect(held.range!.basis).toMatch(
      /from no raise in 2023–2025 \(as taken\) to a raise at dibao\.standard\.'s highest rate, \+6%, in each of those 3 years/,
    );
    // the central path is unchanged: 810 in 2025, 810 × 1.04 = 842.40 from 2026-04-01, 876.10 from 2027-04-01 (842.4 × 1.04 = 876.096)
    const at = (d: string) => dec(resolve(p, d), 'dibao.standard.urban').toFixed(2);
    expect([at('2024-06-30'), at('2025-06-30'), at('2026-06-30'), at('2027-06-30')]).toEqual(['810.00', '810.00', '842.40', '876.10']);
    // a value grown from it carries its range grown: 964.73 × 1.04 = 1003.3192 → 1003.32
    const grown = urban(p).find((e) => e.from === '2026-04-01')!;
    expect(grown.grown!.from).toBe('2025-01-01');
    expect(D(grown.range!.high as never).toFixed(2)).toBe('1003.32');
    // (none for Nanning's disability subsidy 122 of 2023: its own range, 122–135, is reasoned for raises up to 2026)
    expect(p.params.get('disability.living.monthly')!.some((e) => e.held)).toBe(false);
    // before base_year the policy's own value is in force, as published
    expect(resolve(p, '2024-06-30').values.get('dibao.standard.urban')!.entry!.source).toBe('nanning-2022');
  });

  it('is one estimate sensitivity varies: 2027’s urban standard at its high end is 964.73 × 1.04 × 1.04 = 1043.45', async () => {
    const p = projectPolicy(await loadPolicy('policies/guangxi-nanning.yaml'), nanning4(), 2027);
    const axes = estimateAxes(p, { year: 2027 }).filter((a) => a.entry.held && a.path === 'dibao.standard.urban');
    expect(axes).toHaveLength(1); // (one axis though two projected values, 2026's and 2027's, are in force in the year)
    const axis = axes[0]!;
    expect(label(axis)).toBe('dibao.standard.urban held from 2022-04-01');
    expect(axis.ends.map((e) => D((e as { value: never }).value).toFixed(2))).toEqual(['810.00', '964.73']);
    const high = patchPolicy(p, [{ axis, patch: axis.ends[1]! }]);
    // 964.73 × 1.04 = 1003.3192 → 1003.32; × 1.04 = 1043.4528 → 1043.45
    expect(dec(resolve(high, '2027-06-30'), 'dibao.standard.urban').toFixed(2)).toBe('1043.45');
    expect(dec(resolve(p, '2027-06-30'), 'dibao.standard.urban').toFixed(2)).toBe('876.10'); // (the central untouched)
  });

  it('none where the line’s rate has no range, or where the value is of base_year', async () => {
    const policy = await loadPolicy('policies/guangxi-nanning.yaml');
    const noRange = nanning4((t) => t.replace(/, range: \{low: 0\.02, high: 0\.06, basis: "[^"]*"\}/, ''));
    expect(noRange.uprate.find((g) => g.read === 'dibao.standard.')!.range).toBeUndefined();
    expect(urban(projectPolicy(policy, noRange, 2027)).some((e) => e.held)).toBe(false);
    const from2022 = nanning4((t) => t.replace('base_year: 2025', 'base_year: 2022'));
    expect(urban(projectPolicy(policy, from2022, 2025)).some((e) => e.held)).toBe(false);
    // (810 × 1.04 = 842.40 from 2023-04-01: grown from the published value itself)
    expect(dec(resolve(projectPolicy(policy, from2022, 2025), '2023-06-30'), 'dibao.standard.urban').toFixed(2)).toBe('842.40');
  });
});

describe('heldEntry: an estimate held, and a year short of a whole one', () => {
  const where = { file: 'p.yaml' };
  const g = (high: string): Growth => ({
    read: 'x.',
    yearly: D('0.03'),
    range: { low: D(0), high: D(high), basis: 'b' },
    basis: 'g',
    where,
  });
  it('an estimate without a range held: 500, two years at 5 %: 500 – 551.25; one with a range of its own: none (its range says it)', () => {
    const history: DatedValue[] = [{ from: '2023-07-01', value: D(500), estimate: 'e', where }];
    const h = heldEntry(history, { id: 'p', baseYear: 2025 }, g('0.05'))!;
    // 500 × 1.05 = 525.00; × 1.05 = 551.25 → 551.25 (2023-07-01 to 2025-12-31: two whole years)
    expect([D(h.range!.low as never).toFixed(2), D(h.range!.high as never).toFixed(2), D(h.value as never).toFixed(2)]).toEqual([
      '500.00',
      '551.25',
      '500.00',
    ]);
    expect(h.estimate).toMatch(/\(estimate: e\)/);
    const ranged: DatedValue[] = [{ ...history[0]!, range: { low: D(450), high: D(550), basis: 'r' } }];
    expect(heldEntry(ranged, { id: 'p', baseYear: 2025 }, g('0.05'))).toBeNull();
  });
  it('a value of the year before base_year held one year (2024-03-01 to 2025-12-31); none for one of 2025-02-01', () => {
    const at = (from: string) => heldEntry([{ from, value: D(100), source: 's', where }], { id: 'p', baseYear: 2025 }, g('0.1'));
    expect(D(at('2024-03-01')!.range!.high as never).toFixed(2)).toBe('110.00');
    expect(at('2024-03-01')!.range!.basis).toMatch(/no raise in 2025 \(as taken\).*in that year/);
    expect(at('2025-02-01')).toBeNull();
  });
});
