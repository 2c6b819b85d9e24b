// A projection's estimated rates with a range (core/sensitivity.ts rateAxes): one axis per uprating line, whose ends
// grow every value of the line again at the low and the high rate. A budget analyst's largest assumption — Nanning's
// standards +4 % a year, moving 2027 by ~17 % at +10 % — had been in no tornado and no --ranges.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import { dec, resolve, type Policy } from '../../src/core/parameters/tree.js';
import { projectPolicy } from '../../src/core/projection.js';
import { drawPatches, estimateAxes, patchPolicy, patchText, type Axis } from '../../src/core/sensitivity.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { parseProjection } from '../../src/io/projection-file.js';
import { problemsOfSync } from '../helpers/problems.js';

const FILE = 'scenarios/projections/guangxi-nanning-4pct.yaml';
const TEXT = readFileSync(FILE, 'utf8');
const projected = async (last = 2027) =>
  projectPolicy(await loadPolicy('policies/guangxi-nanning.yaml'), parseProjection(TEXT, FILE), last);
const at = (p: Policy, path: string, d: string) => dec(resolve(p, d), path).toFixed(2);
const rateAxis = (p: Policy, read: string): Axis => estimateAxes(p, { year: 2027 }).find((a) => a.kind === 'rate' && a.path === read)!;

describe('a projection file: an uprating rate’s range', () => {
  it('reads {low, high, basis} beside an estimated rate', () => {
    const g = parseProjection(TEXT, FILE).uprate.find((u) => u.read === 'dibao.standard.')!;
    expect([g.yearly.toFixed(), g.range?.low.toFixed(), g.range?.high.toFixed()]).toEqual(['0.04', '0.02', '0.06']);
    expect(g.range?.basis).toMatch(/^the national averages rose 3\.6–4\.5 % a year/);
  });

  it('refuses a range it would not vary, or one that does not hold its rate, each at its place', () => {
    const line = 'min_wage.monthly: {yearly: 0.03, estimate: "x", range: {low: 0, high: 0.05, basis: "y"}}';
    const swap = (text: string) =>
      problemsOfSync(() => parseProjection(TEXT.replace(/^ {2}min_wage\.monthly: .*$/m, `  ${text}`), 'p.yaml'));
    expect(swap(line)).toEqual([]);
    expect(swap(line.replace('low: 0,', 'low: 0.04,'))).toEqual([
      'p.yaml:13:58: uprate min_wage.monthly: the rate 0.03 is outside its own range 0.04–0.05',
    ]);
    expect(swap(line.replace('low: 0,', 'low: 0.05,'))).toEqual([
      'p.yaml:13:64: uprate min_wage.monthly: low 0.05 must be below high 0.05',
    ]);
    expect(swap(line.replace('low: 0,', 'low: 2,'))[0]).toMatch(/^p\.yaml:13:64: uprate min_wage\.monthly: expected "low": a yearly rate/);
    expect(swap(line.replace(', basis: "y"', ''))[0]).toMatch(/missing "basis": where the band comes from/);
    expect(swap(line.replace('estimate: "x"', 'source: "x"'))).toEqual([
      'p.yaml:13:56: uprate min_wage.monthly: only an estimated rate has a range: a published one ("source") is run as published',
    ]);
    // the households' growth is one figure a run: a range there is refused, not kept unused
    const incomes = problemsOfSync(() =>
      parseProjection(
        TEXT.replace('incomes: {yearly: 0.05,', 'incomes: {yearly: 0.05, range: {low: 0.03, high: 0.07, basis: "z"},'),
        'p.yaml',
      ),
    );
    expect(incomes).toEqual([
      "p.yaml:17:32: incomes: a range is varied for uprate lines only: the households' growth (incomes, population, households) is one figure a run; remove the range, and say in the estimate how far it could be off",
    ]);
  });
});

describe('a rate axis', () => {
  it('one per line with a range, whose grown values are in force: its targets every parameter the line grows', async () => {
    const p = await projected();
    const rates = estimateAxes(p, { year: 2027 }).filter((a) => a.kind === 'rate');
    const shown = rates.map((a) => [a.path, a.targets.map((t) => t.path), patchText(a, null), a.ends.map((e) => patchText(a, e))]);
    expect(shown.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['dibao.standard.', ['dibao.standard.urban', 'dibao.standard.rural'], '0.04', ['0.02', '0.06']],
      [
        'disability.',
        ['disability.living.monthly', 'disability.care.monthly.grade1', 'disability.care.monthly.grade2'],
        '0.02',
        ['0', '0.035'],
      ],
      ['medical.premium', ['medical.premium'], '0', ['0', '0.05']],
      ['min_wage.monthly', ['min_wage.monthly'], '0.03', ['0', '0.05']],
      ['rigid.disposable_income.', ['rigid.disposable_income.urban', 'rigid.disposable_income.rural'], '0.05', ['0.03', '0.065']],
    ]);
    expect(rateAxis(p, 'dibao.standard.').basis).toMatch(
      /; projection guangxi-nanning-4pct's yearly rate for dibao\.standard\., which grows dibao\.standard\.urban, dibao\.standard\.rural \(every value it grew moved with it\)$/,
    );
    // at the base year nothing grown is in force: no rate is an estimate then
    expect(estimateAxes(p, { date: '2025-06-30' }).filter((a) => a.kind === 'rate')).toEqual([]);
  });

  it('its ends grow every value of the line again: 810 at 2 % is 826.20, 842.72; at 6 %, 858.60, 910.12', async () => {
    const p = await projected();
    const axis = rateAxis(p, 'dibao.standard.');
    const [low, high] = axis.ends.map((e) => patchPolicy(p, [{ axis, patch: e }]));
    const both = (q: Policy, path: string) => [at(q, path, '2026-04-01'), at(q, path, '2027-04-01')];
    // central 4 % from 1 April: 810 × 1.04 = 842.40, × 1.04 = 876.096 → 876.10; rural 566.67 → 589.34, 612.91
    expect(both(p, 'dibao.standard.urban')).toEqual(['842.40', '876.10']);
    // 2 %: 810 × 1.02 = 826.20, × 1.02 = 842.724 → 842.72; rural 566.67 × 1.02 = 578.0034 → 578.00, × 1.02 = 589.56
    expect([both(low!, 'dibao.standard.urban'), both(low!, 'dibao.standard.rural')]).toEqual([
      ['826.20', '842.72'],
      ['578.00', '589.56'],
    ]);
    // 6 %: 858.60, 910.116 → 910.12; rural 600.6702 → 600.67, 636.7102 → 636.71
    expect([both(high!, 'dibao.standard.urban'), both(high!, 'dibao.standard.rural')]).toEqual([
      ['858.60', '910.12'],
      ['600.67', '636.71'],
    ]);
    // before the first grown value, and the other lines: as they were
    expect(at(high!, 'dibao.standard.urban', '2026-03-31')).toBe('810.00');
    expect(at(high!, 'min_wage.monthly', '2027-06-30')).toBe(at(p, 'min_wage.monthly', '2027-06-30'));
  });

  it('with the estimate a line grew at once, in either order: 135 at 3.5 % is 139.73, 144.62, its range grown as well', async () => {
    const p = await projected();
    const rate = rateAxis(p, 'disability.');
    const value = estimateAxes(p, { year: 2027 }).find((a) => a.kind === 'value' && a.path === 'disability.living.monthly')!;
    const patches = [
      { axis: rate, patch: rate.ends[1]! },
      { axis: value, patch: value.ends[1]! },
    ];
    // 135 × 1.035 = 139.725 → 139.73; × 1.035 = 144.62055 → 144.62 (central: 122 × 1.02 = 124.44, × 1.02 = 126.9288 → 126.93)
    for (const q of [patchPolicy(p, patches), patchPolicy(p, [...patches].reverse())])
      expect([at(q, 'disability.living.monthly', '2026-06-30'), at(q, 'disability.living.monthly', '2027-06-30')]).toEqual([
        '139.73',
        '144.62',
      ]);
    expect(at(p, 'disability.living.monthly', '2027-06-30')).toBe('126.93');
    // the grown range at 3.5 %: 122 → 126.27 → 130.68945 → 130.69; 135 → 139.73 → 144.62
    const entry = resolve(patchPolicy(p, [patches[0]!]), '2027-06-30').values.get('disability.living.monthly')!.entry!;
    expect([String(entry.range!.low), String(entry.range!.high)]).toEqual(['130.69', '144.62']);
  });

  it('is drawn within its range, two decimals finer than its ends', async () => {
    const axis = rateAxis(await projected(), 'dibao.standard.');
    const rng = new Random(7);
    const values = Array.from({ length: 200 }, () => String((drawPatches([axis], rng)[0]!.patch as { value: unknown }).value));
    expect(values.every((v) => Number(v) >= 0.02 && Number(v) <= 0.06 && /^0\.\d{1,4}$/.test(v))).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(50);
  });
});
