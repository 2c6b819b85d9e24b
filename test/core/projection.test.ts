// Projections: money parameters grown a year at a time from the base year (published values kept), households'
// incomes and weights grown; the file validated like a scenario.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dec, resolve } from '../../src/core/parameters/tree.js';
import { D } from '../../src/core/money.js';
import { populationOf } from '../../src/core/population.js';
import { projectPolicy, projectPopulation } from '../../src/core/projection.js';
import { estimateAxes, patchPolicy } from '../../src/core/sensitivity.js';
import { loadPolicy } from '../../src/io/policy-file.js';
import { parseProjection } from '../../src/io/projection-file.js';
import { problemsOfSync } from '../helpers/problems.js';

const FILE = 'scenarios/projections/guangdong-3.5pct.yaml';
const projection = () => parseProjection(readFileSync(FILE, 'utf8'), FILE);

describe('projectPolicy', () => {
  it('Guangzhou’s standard 1309 (2025) grows 3.5 % a year, rounded to the fen: 1354.82, 1402.24, 1451.32', async () => {
    const p = projectPolicy(await loadPolicy('policies/guangdong-guangzhou.yaml'), projection(), 2028);
    const at = (d: string) => dec(resolve(p, d), 'dibao.standard.urban').toFixed(2);
    // 1309 × 1.035 = 1354.815 → 1354.82; × 1.035 = 1402.2387 → 1402.24; × 1.035 = 1451.3184 → 1451.32
    expect([at('2025-12-31'), at('2026-01-01'), at('2027-06-30'), at('2028-12-31')]).toEqual(['1309.00', '1354.82', '1402.24', '1451.32']);
    const entry = resolve(p, '2027-06-30').values.get('dibao.standard.urban')!.entry!;
    expect(entry.scenario).toBe('guangdong-3.5pct');
    expect(entry.estimate).toMatch(/^guangdong-3\.5pct: source: Guangdong raises/);
  });

  it('keeps a value the policy publishes for a projected year (the disability subsidies of 2026)', async () => {
    const p = projectPolicy(await loadPolicy('policies/guangdong-guangzhou.yaml'), projection(), 2027);
    expect(dec(resolve(p, '2026-06-30'), 'disability.living.monthly').toFixed()).toBe('217'); // published, not 209 × 1.035
    expect(dec(resolve(p, '2027-06-30'), 'disability.living.monthly').toFixed(2)).toBe('224.60'); // 217 × 1.035 = 224.595
  });
});

describe('projectPolicy: a path under two lines', () => {
  // A budget officer's trial: `dibao.standard.` 3 % then `dibao.standard.urban` 5 % grew urban 3 % (the first line's
  // value then counted as published for the year), while the header said +5 %; the other order gave 5 %
  const FILE2 = (first: string, second: string) =>
    readFileSync(FILE, 'utf8')
      .replace('localities: [guangdong-guangzhou]', 'localities: [guangxi-nanning]')
      .replace(/^ {2}dibao\.standard\.: .*$/m, `  ${first}\n  ${second}`);
  const prefix = 'dibao.standard.: {yearly: 0.03, estimate: "3 % a year"}';
  const urban = 'dibao.standard.urban: {yearly: 0.05, estimate: "urban faster"}';
  it('the more specific line wins, whatever the order: urban 810 × 1.05 = 850.50, rural 566.67 × 1.03 = 583.67', async () => {
    const nanning = await loadPolicy('policies/guangxi-nanning.yaml');
    for (const [a, b] of [
      [prefix, urban],
      [urban, prefix],
    ]) {
      const p = projectPolicy(nanning, parseProjection(FILE2(a, b), 'p.yaml'), 2026);
      const at = (path: string) => dec(resolve(p, '2026-06-30'), path).toFixed(2);
      // 810 × 1.05 = 850.5; 566.67 × 1.03 = 583.6701 → 583.67
      expect([at('dibao.standard.urban'), at('dibao.standard.rural')]).toEqual(['850.50', '583.67']);
    }
  });
});

describe('projectPolicy: the month a raise takes effect', () => {
  // A budget officer's trial: projected raises always fell on 1 January, where Nanning raised its standards on 1 April
  const april = () =>
    parseProjection(
      readFileSync(FILE, 'utf8')
        .replace('localities: [guangdong-guangzhou]', 'localities: [guangxi-nanning]')
        .replace('dibao.standard.: {yearly: 0.035,', 'dibao.standard.: {yearly: 0.035, month: 4,'),
      'p.yaml',
    );
  it('month: 4 raises Nanning’s 810 on 1 April each year: 838.35 from 2026-04-01, 867.69 from 2027-04-01', async () => {
    const p = projectPolicy(await loadPolicy('policies/guangxi-nanning.yaml'), april(), 2027);
    const at = (d: string) => dec(resolve(p, d), 'dibao.standard.urban').toFixed(2);
    // 810 × 1.035 = 838.35; 838.35 × 1.035 = 867.69225 → 867.69
    expect(['2026-03-31', '2026-04-01', '2027-03-31', '2027-04-01'].map(at)).toEqual(['810.00', '838.35', '838.35', '867.69']);
    // (the other lines still on 1 January: the minimum wage)
    expect(resolve(p, '2027-06-30').values.get('min_wage.monthly')!.entry!.from).toBe('2027-01-01');
  });
  it('a month outside 1–12, or on incomes or the population, is told at its place', () => {
    const bad = readFileSync(FILE, 'utf8')
      .replace('dibao.standard.: {yearly: 0.035,', 'dibao.standard.: {yearly: 0.035, month: 13,')
      .replace('incomes: {yearly: 0.05,', 'incomes: {yearly: 0.05, month: 7,');
    expect(problemsOfSync(() => parseProjection(bad, 'p.yaml')).map((x) => x.replace(/^p\.yaml:\d+:\d+: /, ''))).toEqual([
      'uprate dibao.standard.: expected "month": the month each year\'s raise takes effect, 1 to 12 (7: on 1 July)',
      'incomes: "month" is for uprating a parameter: incomes grow by the year',
    ]);
  });
});

describe('projectPolicy: an estimate’s range', () => {
  // simulate --years --ranges varies a projected year's estimates: a grown value keeps its estimate's range, grown too
  // An auditor's trial: the projected urban and rural standards carried their projection line's place, and the
  // sensitivity runs took them for one YAML node: one axis, at urban's ends (rural 617.66 moved to 728 and 998.40).
  // A budget trial: each grown value was an axis of its own — the rural standard listed twice in 2027's tornado
  // (January's and July's), and a joint corner could put one at its low and the other at its high. Every value grown
  // from one estimate is that estimate: one axis, at the ends of the value it grew from, each grown value grown again.
  const fuliangApril = () =>
    parseProjection(
      readFileSync(FILE, 'utf8')
        .replace('localities: [guangdong-guangzhou]', 'localities: [jiangxi-fuliang]')
        .replace('dibao.standard.: {yearly: 0.035,', 'dibao.standard.: {yearly: 0.04, month: 4,'),
      'p.yaml',
    );
  it('one axis per estimate, urban and rural apart, at the ends of the value grown from: 700–960 and 505–770', async () => {
    const p = projectPolicy(await loadPolicy('policies/jiangxi-fuliang.yaml'), fuliangApril(), 2027);
    const axes = estimateAxes(p, { year: 2027 }).filter((a) => a.path.startsWith('dibao.standard.'));
    expect(
      axes.map((a) => [a.path, a.targets.length, String(a.entry.value), a.ends.map((e) => ('value' in e ? String(e.value) : ''))]),
    ).toEqual([
      ['dibao.standard.urban', 1, '798.1', ['700', '960']],
      ['dibao.standard.rural', 1, '593.9', ['505', '770']],
    ]);
    expect(axes[1]!.basis).toMatch(
      /in force as grown by guangdong-3\.5pct: 617\.66 from 2026-04-01, 642\.37 from 2027-04-01 \(each moved with it\)$/,
    );
  });
  it('moved to its low end, each value grown from it grows again: rural 505 × 1.04 = 525.20, × 1.04 = 546.21', async () => {
    const p = projectPolicy(await loadPolicy('policies/jiangxi-fuliang.yaml'), fuliangApril(), 2027);
    const rural = estimateAxes(p, { year: 2027 }).find((a) => a.path === 'dibao.standard.rural')!;
    const low = patchPolicy(p, [{ axis: rural, patch: rural.ends[0]! }]);
    const at = (policy: typeof p, d: string) => dec(resolve(policy, d), 'dibao.standard.rural').toFixed(2);
    // central: 593.90 × 1.04 = 617.656 → 617.66; × 1.04 = 642.3664 → 642.37. Low: 525.20; 546.208 → 546.21
    expect([at(p, '2027-03-01'), at(p, '2027-04-01')]).toEqual(['617.66', '642.37']);
    expect([at(low, '2027-03-01'), at(low, '2027-04-01')]).toEqual(['525.20', '546.21']);
    expect(dec(resolve(low, '2027-04-01'), 'dibao.standard.urban').toFixed(2)).toBe(
      dec(resolve(p, '2027-04-01'), 'dibao.standard.urban').toFixed(2),
    );
  });

  it('Nanning’s living subsidy 122 (range 122–135) grown 3.5 %: 126.27, range 126.27–139.73; a published value has none', async () => {
    const p = projectPolicy(await loadPolicy('policies/guangxi-nanning.yaml'), projection(), 2026);
    const entry = (path: string) => resolve(p, '2026-06-30').values.get(path)!.entry!;
    // 122 × 1.035 = 126.27; 135 × 1.035 = 139.725 → 139.73 (half up, as the value)
    expect(dec(resolve(p, '2026-06-30'), 'disability.living.monthly').toFixed(2)).toBe('126.27');
    const r = entry('disability.living.monthly').range!;
    expect([String(r.low), String(r.high)]).toEqual(['126.27', '139.73']);
    expect(r.basis).toMatch(/^122 is published from 2023 .*; grown by guangdong-3\.5pct as the value$/);
    expect(entry('dibao.standard.urban').range).toBeUndefined(); // 810 is published: its projection has no range
  });
});

describe('projectPopulation', () => {
  it('grows incomes 5 % a year, half up to the fen, and leaves the base year alone', () => {
    const pop = populationOf([{ id: 'h', household: { area: 'urban' }, persons: [{ age: 40, wage: 100_001, other: 333 }] }]);
    const y2027 = projectPopulation(pop, projection(), 2027);
    // × 1.1025: 100001 → 110251.1025 → 110251; 333 → 367.1325 → 367
    expect([y2027.wage[0], y2027.other[0], y2027.weight[0]]).toEqual([110_251, 367, 1_000_000]);
    expect(projectPopulation(pop, projection(), 2025)).toBe(pop);
  });
  // A population generated from Guangzhou's profile has 2021's incomes; the projection's base_year is 2025
  it('grows incomes from --incomes-year (2021: six years to 2027), the weights still from base_year', () => {
    const pop = populationOf([
      { id: 'h', household: { area: 'urban', weight: 2_000_000 }, persons: [{ age: 40, wage: 100_000, other: 333 }] },
    ]);
    const p = { ...projection(), incomesYear: 2021, population: { yearly: D('0.01'), basis: 'test' } };
    const y2027 = projectPopulation(pop, p, 2027);
    // 1.05⁶ = 1.340095640625 → 1.340095641 (nine decimals): 100000 → 134009.5641 → 134010; 333 → 446.25 → 446.
    // weight 2 × 1.01² = 2.0402 (from 2025: 2 years)
    expect([y2027.wage[0], y2027.other[0], y2027.weight[0]]).toEqual([134_010, 446, 2_040_200]);
    // at base_year, the incomes are still grown from 2021 (four years: × 1.21550625 → 121550.63 → 121551), the weights not
    const y2025 = projectPopulation(pop, p, 2025);
    expect([y2025.wage[0], y2025.weight[0]]).toEqual([121_551, 2_000_000]);
    // incomes of a year after the one run are as in the file
    expect(projectPopulation(pop, { ...p, incomesYear: 2030 }, 2025)).toBe(pop);
  });
});

describe('projectPopulation: exact whatever the size of the amount, and into memory it gave before', () => {
  // x × num ÷ 10⁹ half up, num = 1.05ⁿ to nine decimals: the reference in BigInt, as the growth was computed before
  const reference = (x: number, f: string) => {
    const num = BigInt(D(f).times(1e9).toFixed(0));
    return Number((2n * BigInt(x) * num + 1_000_000_000n) / 2_000_000_000n);
  };
  // amounts at the edges: the half (x × num ending in 5 × 10⁸), the split at 2¹⁶, large fen, a bit random
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const wages = [
    1,
    2,
    65535,
    65536,
    65537,
    10_000_000,
    2 ** 31,
    2 ** 38 + 12345,
    2 ** 45,
    9_007_199_254_740,
    1_000_000_000_000,
    ...Array.from({ length: 200 }, () => next() % 5_000_000),
    ...Array.from({ length: 50 }, () => next() * 1000 + (next() % 1000)),
  ];
  const pop = populationOf([{ id: 'h', household: { area: 'urban' }, persons: wages.map((wage) => ({ age: 40, wage, other: wage })) }]);
  it('every amount as the BigInt formula gives it, for one year of growth and ten', () => {
    for (const [year, f] of [
      [2026, '1.05'],
      [2035, '1.628894627'], // 1.05¹⁰ = 1.62889462677744… to nine decimals
    ] as const) {
      const grown = projectPopulation(pop, { ...projection(), incomes: { yearly: D('0.05'), basis: 'test' } }, year);
      expect(Array.from(grown.wage)).toEqual(wages.map((x) => reference(x, f)));
    }
  });
  it('into the memory of a population it gave before: the new year’s amounts, the earlier population left as it was', () => {
    const p = { ...projection(), incomes: { yearly: D('0.05'), basis: 'test' } };
    const first = projectPopulation(pop, p, 2026);
    const again = projectPopulation(pop, p, 2027, first);
    expect(again.wage.buffer).toBe(first.wage.buffer); // (the same memory)
    expect(Array.from(again.wage)).toEqual(wages.map((x) => reference(x, '1.1025')));
    expect(Array.from(pop.wage)).toEqual(wages); // (the file's, never written into)
    expect(projectPopulation(pop, p, 2025, again)).toBe(pop);
  });
});

describe('projectPopulation: the household columns a projection grows at their own rates', () => {
  // guangdong-3.5pct: rigid_expenditure +1.2 %, emergency_need +1 %, financial_assets +5 % a year; prior_dibao never
  const pop = populationOf([
    {
      id: 'h',
      household: { area: 'urban', rigid: 100_001, emergency: 50_000, assets: 1_000_000, prior: 80_000 },
      persons: [{ age: 40, wage: 0 }],
    },
  ]);
  const columns = (q: typeof pop) => [q.rigid[0], q.emergency[0], q.assets[0], q.prior[0]];
  it('grows each from base_year, half up to the fen: 1000.01 × 1.012² = 1024.15; 500 × 1.01² = 510.05; 10000 × 1.05² = 11025', () => {
    // 1.012² = 1.024144: 100001 → 102415.424144 → 102415
    expect(columns(projectPopulation(pop, projection(), 2027))).toEqual([102_415, 51_005, 1_102_500, 80_000]);
    expect(projectPopulation(pop, projection(), 2025)).toBe(pop);
    // without the file's households: as in the file (the incomes still grown)
    const { households: _, ...without } = projection();
    expect(columns(projectPopulation(pop, without, 2027))).toEqual([100_001, 50_000, 1_000_000, 80_000]);
  });
  it('from --incomes-year, as the incomes (the same file’s money): 2021 to 2027, six years', () => {
    // 1.012⁶ = 1.074194873 (nine decimals): 100001 → 107420.5615 → 107421; 1.01⁶ = 1.061520151: 50000 → 53076.0076 →
    // 53076; 1.05⁶ = 1.340095641: 1000000 → 1340095.641 → 1340096
    expect(columns(projectPopulation(pop, { ...projection(), incomesYear: 2021 }, 2027))).toEqual([107_421, 53_076, 1_340_096, 80_000]);
  });
  it('the file names a column that cannot grow here with why, and a misspelt one with the nearest', () => {
    const bad = readFileSync(FILE, 'utf8')
      .replace(
        /^households:\n/m,
        'households:\n  wage_income: {yearly: 0.05, estimate: x}\n  weight: {yearly: 0.01, estimate: x}\n  prior_dibao: {yearly: 0.04, estimate: x}\n  age: {yearly: 0.01, estimate: x}\n  rigid_expenditur: {yearly: 0.01, estimate: x}\n  emergency: {yearly: 0.01, estimate: x}\n',
      )
      .replace('emergency_need: {yearly: 0.01, estimate:', 'emergency_need: {yearly: 0.01, month: 4, estimate:');
    expect(problemsOfSync(() => parseProjection(bad, 'p.yaml')).map((x) => x.replace(/^p\.yaml:\d+:\d+: /, ''))).toEqual([
      'households: "wage_income" grows with `incomes`',
      'households: "weight" grows with `population`',
      'households: "prior_dibao" is the dibao paid at the file’s date: not grown (a household paid dibao in a budget window leaves at what it was paid then)',
      'households: "age" is not an amount in yuan: a projection grows money columns only',
      'households: "rigid_expenditur" is not a household column (did you mean "rigid_expenditure"?)',
      'households: "emergency" is not a household column (did you mean "emergency_need"?)',
      'households emergency_need: "month" is for uprating a parameter: emergency_need grows by the year',
    ]);
    // a 中文 name as the households file reads it is the column; the same column twice, or an empty basis, told once
    const zh = readFileSync(FILE, 'utf8').replace('  financial_assets: {', '  金融资产: {');
    expect(parseProjection(zh, 'p.yaml').households!.map((g) => g.column)).toEqual([
      'rigid_expenditure',
      'emergency_need',
      'financial_assets',
    ]);
    const twice = zh.replace('  rigid_expenditure: {', '  financial_assets: {yearly: 0.05, estimate: ""}\n  rigid_expenditure: {');
    expect(problemsOfSync(() => parseProjection(twice, 'p.yaml')).map((x) => x.replace(/^p\.yaml:\d+:\d+: /, ''))).toEqual([
      'households financial_assets: expected the basis of the estimate (text)',
      'households: "金融资产" is financial_assets, given already: one growth a column',
    ]);
    const notMap = readFileSync(FILE, 'utf8').replace(/^households:\n( {2}.*\n)+/m, 'households: [rigid_expenditure]\n');
    expect(problemsOfSync(() => parseProjection(notMap, 'p.yaml')).map((x) => x.replace(/^p\.yaml:\d+:\d+: /, ''))).toEqual([
      'households: expected a mapping of household columns to {yearly: 0.02, source or estimate}, e.g. rigid_expenditure',
    ]);
  });
});

describe('the projection file', () => {
  it('names an unknown path with the nearest one, a growth without a basis, and a non-money parameter', () => {
    const bad = readFileSync(FILE, 'utf8')
      .replace('dibao.standard.: {yearly: 0.035,', 'dibao.standrd.: {yearly: 0.035,')
      .replace(
        'population: {yearly: 0, estimate: "Guangzhou\'s resident population roughly stable; no change assumed"}',
        'population: {yearly: 0}',
      )
      .replace('medical.premium: {yearly: 0,', 'tekun.basic.multiplier: {yearly: 0,');
    expect(problemsOfSync(() => parseProjection(bad, 'p.yaml')).map((x) => x.replace(/^p\.yaml:\d+:\d+: /, ''))).toEqual([
      'uprate: "dibao.standrd." names no money parameter (uprating applies to amounts in yuan); did you mean "dibao.standard."?',
      'uprate: "tekun.basic.multiplier" names no money parameter (uprating applies to amounts in yuan)',
      'population: needs a "source" or, where nothing is published, an "estimate" with its basis',
    ]);
  });
  it('a growth given both a source and an estimate is refused at the estimate (the estimate was dropped unsaid)', () => {
    const both = readFileSync(FILE, 'utf8').replace(
      'population: {yearly: 0, estimate:',
      'population: {yearly: 0, source: "a yearbook", estimate:',
    );
    expect(problemsOfSync(() => parseProjection(both, 'p.yaml')).map((x) => x.replace(/^p\.yaml:\d+:\d+: /, ''))).toEqual([
      'population: give "source" (a published rate) or "estimate" (its basis), not both',
    ]);
  });
  it('a growth written as a percentage says what it is as a share (a reform author wrote yearly: 5)', () => {
    const bad = readFileSync(FILE, 'utf8')
      .replace('dibao.standard.: {yearly: 0.035,', 'dibao.standard.: {yearly: 3.5,')
      .replace('min_wage.monthly: {yearly: 0.05,', 'min_wage.monthly: {yearly: 5%,');
    expect(problemsOfSync(() => parseProjection(bad, 'p.yaml')).map((x) => x.replace(/^p\.yaml:\d+:\d+: /, ''))).toEqual([
      'uprate dibao.standard.: expected "yearly": a growth a year above -0.5 and below 0.5 with at most six decimals, e.g. 0.035 (a percentage? 3.5 % a year is 0.035; half or more a year is no projection rate: give the policy its dated values)',
      'uprate min_wage.monthly: expected "yearly": a growth a year above -0.5 and below 0.5 with at most six decimals, e.g. 0.035 (a percentage? 5 % a year is 0.05; half or more a year is no projection rate: give the policy its dated values)',
    ]);
  });
  it('half or more a year, up or down, is refused as a percentage: a trial’s −0.5 % and 1 % halved and doubled unsaid', () => {
    // (a fall of 100 % a year, yearly: -1, had left a standard of 0 without a word: an auditor's trial)
    const bad = readFileSync(FILE, 'utf8')
      .replace('dibao.standard.: {yearly: 0.035,', 'dibao.standard.: {yearly: -1,')
      .replace('incomes: {yearly: 0.05,', 'incomes: {yearly: 1,')
      .replace('population: {yearly: 0,', 'population: {yearly: -0.5,');
    expect(problemsOfSync(() => parseProjection(bad, 'p.yaml')).map((x) => x.replace(/^p\.yaml:\d+:\d+: /, ''))).toEqual([
      'uprate dibao.standard.: expected "yearly": a growth a year above -0.5 and below 0.5 with at most six decimals, e.g. 0.035 (a percentage? -1 % a year is -0.01; half or more a year is no projection rate: give the policy its dated values)',
      'incomes: expected "yearly": a growth a year above -0.5 and below 0.5 with at most six decimals, e.g. 0.035 (a percentage? 1 % a year is 0.01; half or more a year is no projection rate: give the policy its dated values)',
      'population: expected "yearly": a growth a year above -0.5 and below 0.5 with at most six decimals, e.g. 0.035 (a percentage? -0.5 % a year is -0.005; half or more a year is no projection rate: give the policy its dated values)',
    ]);
    // just inside the band: run (a steep rate is said when it runs: core/policy-notes.ts)
    expect(() => parseProjection(readFileSync(FILE, 'utf8').replace('{yearly: 0.035,', '{yearly: -0.49,'), 'p.yaml')).not.toThrow();
    expect(() => parseProjection(readFileSync(FILE, 'utf8').replace('{yearly: 0.035,', '{yearly: 0.499999,'), 'p.yaml')).not.toThrow();
  });
  it('reads the localities it was made for, a list of policy ids', () => {
    expect(projection().localities).toEqual(['guangdong-guangzhou']);
    const bad = readFileSync(FILE, 'utf8').replace('localities: [guangdong-guangzhou]', 'localities: guangdong-guangzhou');
    expect(problemsOfSync(() => parseProjection(bad, 'p.yaml')).map((x) => x.replace(/^p\.yaml:\d+:\d+: /, ''))).toEqual([
      'localities: expected a list of the policy ids the rates were made for, e.g. [guangdong-guangzhou]',
    ]);
  });
});
