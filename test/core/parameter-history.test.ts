// Dated parameters: a value holds from its date until the next (DOMAIN), checked on the shipped policies'
// real changes, and published tables used as oracles.
import { describe, expect, it } from 'vitest';
import { indexInForce } from '../../src/core/dates.js';
import { resolve, valueToJson } from '../../src/core/parameters/tree.js';
import type { LowIncomeRules } from '../../src/core/programs/low-income.js';
import { compileRules, stepRules, tekunRules } from '../../src/core/rules.js';
import { DateBeforePolicyError } from '../../src/errors.js';
import { loadPolicy } from '../../src/io/policy-file.js';

const at = async (file: string, date: string, path: string) => {
  const s = resolve(await loadPolicy(`policies/${file}.yaml`), date);
  const r = s.values.get(path)!;
  return valueToJson(r.value, r.spec);
};

describe('lookup in a history', () => {
  const h = [{ from: '2020-01-01' }, { from: '2021-07-26' }];
  it('finds the value in force on its first day, the day before the next, and the next', () => {
    expect(indexInForce(h, '2019-12-31')).toBe(-1);
    expect(indexInForce(h, '2020-01-01')).toBe(0);
    expect(indexInForce(h, '2021-07-25')).toBe(0);
    expect(indexInForce(h, '2021-07-26')).toBe(1);
    expect(indexInForce(h, '2099-01-01')).toBe(1);
  });
});

describe('Guangxi / Nanning history', () => {
  it('single-person ceiling 2× from 000（四） (2020-11-21), 1.5× from 002 (2021)', async () => {
    expect(await at('guangxi-nanning', '2020-12-31', 'single_person.income_ceiling')).toBe('2');
    expect(await at('guangxi-nanning', '2021-01-01', 'single_person.income_ceiling')).toBe('1.5');
  });
  it('tekun minor age 16 before 000（五）, 18 from 2020-11-21', async () => {
    expect(await at('guangxi-nanning', '2021-01-01', 'tekun.minor_age')).toBe('18');
    const p = await loadPolicy('policies/guangxi-nanning.yaml');
    expect(p.params.get('tekun.minor_age')!.map((e) => [e.from, e.value.toString()])).toEqual([
      ['2014-05-01', '16'],
      ['2020-11-21', '18'],
    ]);
  });
  it('Nanning urban standard 790 until 2022-03-31, 810 from 2022-04-01; rural 5500 → 6800 a year', async () => {
    expect(await at('guangxi-nanning', '2022-03-31', 'dibao.standard.urban')).toBe('790');
    expect(await at('guangxi-nanning', '2022-04-01', 'dibao.standard.urban')).toBe('810');
    expect(await at('guangxi-nanning', '2022-03-31', 'dibao.standard.rural')).toBe('458.33');
    expect(await at('guangxi-nanning', '2022-04-01', 'dibao.standard.rural')).toBe('566.67');
  });
  it('low-income 2× (000（四）), 1.5× (002), 2× again from 001 (2024-10-31)', async () => {
    expect(await at('guangxi-nanning', '2020-12-01', 'low_income.multiplier')).toBe('2');
    expect(await at('guangxi-nanning', '2024-10-30', 'low_income.multiplier')).toBe('1.5');
    expect(await at('guangxi-nanning', '2024-10-31', 'low_income.multiplier')).toBe('2');
  });
  it('Guangxi tier-1 minimum wage 1810 from 2020-03-01, 1990 from 2023-11-01', async () => {
    expect(await at('guangxi-nanning', '2023-10-31', 'min_wage.monthly')).toBe('1810');
    expect(await at('guangxi-nanning', '2023-11-01', 'min_wage.monthly')).toBe('1990');
  });
});

describe('Guangdong / Guangzhou: published standards as oracles (research §1.2)', () => {
  const rules = async (date: string) => compileRules(resolve(await loadPolicy('policies/guangdong-guangzhou.yaml'), date));
  it('tekun basic 1792 in 2021 (1.6 × 1120) and 1981 in 2023 (⌈1.6 × 1238⌉)', async () => {
    expect(tekunRules(await rules('2021-08-01')).basic).toBe(179200);
    expect(tekunRules(await rules('2023-06-01')).basic).toBe(198100);
  });
  it('low-income lines 1680 (2021), 1794 (2022), 1857 (2023) = 1.5 × S', async () => {
    for (const [date, line] of [
      ['2021-08-01', 168000],
      ['2022-06-01', 179400],
      ['2023-06-01', 185700],
    ] as const) {
      const low = stepRules<LowIncomeRules>(await rules(date), 'low_income');
      expect((low.Sref * low.multiplier.num) / low.multiplier.den).toBe(line);
    }
  });
  it('gradual exit 6 months from 003 §11 and minors to 18 from 003 §7', async () => {
    expect(await at('guangdong-guangzhou', '2021-07-25', 'dibao.gradual_exit.months')).toBe('0');
    expect(await at('guangdong-guangzhou', '2021-07-26', 'dibao.gradual_exit.months')).toBe('6');
    expect(await at('guangdong-guangzhou', '2021-07-26', 'tekun.minor_age')).toBe('18');
  });
});

describe('Jiangxi / Fuliang', () => {
  it('tekun basic 1.3 × S (004 §4) and Jiangxi class-3 wage 1610 from 2021-04-01', async () => {
    expect(await at('jiangxi-fuliang', '2022-01-01', 'tekun.basic.multiplier')).toBe('1.3');
    expect(await at('jiangxi-fuliang', '2021-03-31', 'min_wage.monthly')).toBe('1340');
    expect(await at('jiangxi-fuliang', '2021-04-01', 'min_wage.monthly')).toBe('1610');
    // the published wages after it (research fiscal-and-provinces §1c; a fiscal-realism trial found 1610 used to 2025):
    // 1740 in force by 2024-04-01 (its start an estimate), 1950 from 2025-12-01
    expect(await at('jiangxi-fuliang', '2024-03-31', 'min_wage.monthly')).toBe('1610');
    expect(await at('jiangxi-fuliang', '2024-04-01', 'min_wage.monthly')).toBe('1740');
    expect(await at('jiangxi-fuliang', '2025-11-30', 'min_wage.monthly')).toBe('1740');
    expect(await at('jiangxi-fuliang', '2025-12-01', 'min_wage.monthly')).toBe('1950');
    expect(await at('guangdong-guangzhou', '2025-02-28', 'min_wage.monthly')).toBe('2300');
    expect(await at('guangdong-guangzhou', '2025-03-01', 'min_wage.monthly')).toBe('2500');
  });
  it('marks its dibao standards as estimates', async () => {
    const s = resolve(await loadPolicy('policies/jiangxi-fuliang.yaml'), '2025-06-01');
    expect(s.values.get('dibao.standard.urban')!.entry!.estimate).toMatch(/national average/);
  });
});

describe('no value in force', () => {
  it('a date before the policy is complete: one error naming the parameters without a value and the first complete date', async () => {
    const p = await loadPolicy('policies/jiangxi-fuliang.yaml');
    const e = (() => {
      try {
        resolve(p, '2020-06-01');
      } catch (err) {
        return err;
      }
    })() as DateBeforePolicyError;
    expect(e).toBeInstanceOf(DateBeforePolicyError);
    expect([e.from, e.date, e.exitCode]).toEqual(['2021-02-03', '2020-06-01', 2]);
    expect(e.missing).toContain('dibao.standard.urban'); // (its first value starts 2021-01-01)
    expect(e.hint).toBe('give --date 2021-02-03 or later (budget years: --year 2022 or --years 2022-2024, or later)');
  });
});
