// The budget year: each month under the parameters in force on its first day; periods of identical parameters
// evaluated once; the year = Σ a period's year × its months / 12. Simple policy: S urban 1000 (gap dibao).
import { describe, expect, it } from 'vitest';
import { figures, Totals } from '../../src/core/aggregate.js';
import { changesIn, monthSpans, periodRuns, periodsOf, yearTotals } from '../../src/core/budget-year.js';
import { D } from '../../src/core/money.js';
import type { Policy } from '../../src/core/parameters/tree.js';
import { populationOf } from '../../src/core/population.js';
import { rulesAt } from '../../src/core/rules.js';
import { simulate } from '../../src/core/simulate.js';
import { fen, simplePolicy, withDated } from '../helpers/rules.js';

/** The simple policy with S urban raised from 1000 to 1200 on 2024-04-01. */
function raisedOnApril1(): Policy {
  const p = simplePolicy();
  const params = new Map(p.params);
  const first = params.get('dibao.standard.urban')![0]!;
  params.set('dibao.standard.urban', [first, { ...first, from: '2024-04-01', value: D(1200) }]);
  return { ...p, params };
}

// One urban person with 400.00 of income: dibao 600.00 a month at S = 1000, 800.00 at S = 1200.
const pop = populationOf([{ id: 'h', household: { area: 'urban' }, persons: [{ age: 40, other: fen('400') }] }]);

function year(policy: Policy, y: number): { totals: Totals; periods: ReturnType<typeof periodsOf> } {
  const periods = periodsOf(policy, y);
  const totals = simulate(pop, periodRuns(periods, 'y'));
  return { totals: yearTotals(periods, totals), periods };
}

describe('the budget year', () => {
  it('a standard raised on 1 April: 3 × 600.00 + 9 × 800.00 = 9000.00 of dibao', () => {
    const { totals, periods } = year(raisedOnApril1(), 2024);
    expect(periods.map((p) => p.months.length)).toEqual([3, 9]);
    expect(figures(totals).programs.dibao.annual_cost).toBe('9000.00');
    // the average month's caseload: one household all year
    expect(figures(totals).programs.dibao.households).toBe('1');
    // (with the new value's source: the fixture's one, `test`)
    expect(changesIn(periods)).toEqual([
      { path: 'dibao.standard.urban', date: '2024-04-01', before: '1000', after: '1200', source: 'test' },
    ]);
  });

  it('a year with no change is one period, 12 × the one-date run', () => {
    const { totals, periods } = year(raisedOnApril1(), 2023);
    expect(periods).toHaveLength(1);
    const oneDate = figures(simulate(pop, [{ id: 'd', rules: rulesAt(raisedOnApril1(), '2023-06-30').rules }])[0]!);
    expect(figures(totals).programs.dibao.annual_cost).toBe(oneDate.programs.dibao.annual_cost);
    expect(oneDate.programs.dibao.annual_cost).toBe('7200.00');
  });

  it('a month reads as its period’s year ÷ 12', () => {
    const periods = periodsOf(raisedOnApril1(), 2024);
    const spans = monthSpans(periods, simulate(pop, periodRuns(periods, 'y')));
    expect(spans.map((s) => [s.from, figures(s.month).programs.dibao.annual_cost])).toEqual([
      ['2024-01-01', '600.00'],
      ['2024-04-01', '800.00'],
    ]);
  });

  it('a one-off grant counts once in the year, under each period’s rules for its share of the months', () => {
    const withNeed = populationOf([
      { id: 'e', household: { area: 'urban', emergency: fen('1200') }, persons: [{ age: 40, wage: fen('9000') }] },
    ]);
    const periods = periodsOf(raisedOnApril1(), 2024);
    const totals = simulate(withNeed, periodRuns(periods, 'y'));
    expect(figures(yearTotals(periods, totals)).programs.temporary.annual_cost).toBe('1200.00');
  });
});

// DOMAIN step 7 (000（四）渐退): a household on dibao whose income has risen above the line keeps its prior dibao for
// gradual_exit.months months (the simple policy: 6) from the month it leaves — counted once, in the months it is paid
// (an auditor's household was given 900 × 7/12 = 525 where it is paid 3 × 300 = 900). One urban worker, on dibao with
// prior_dibao 300.00, earning 1300.00: I = 1300 − the deduction 200 = 1100.00.
describe('the budget year’s gradual exit', () => {
  const leaver = (wage: string) =>
    populationOf([{ id: 'x', household: { area: 'urban', onDibao: 1, prior: fen('300') }, persons: [{ age: 40, wage: fen(wage) }] }]);
  const run = (policy: Policy, y: number, wage: string) => {
    const periods = periodsOf(policy, y);
    const totals = simulate(leaver(wage), periodRuns(periods, 'y'));
    const spans = monthSpans(periods, totals).map((s) => [s.from, s.months.length, figures(s.month).programs]);
    return { year: figures(yearTotals(periods, totals)).programs, spans };
  };

  it('a year without changes: January to June at 300.00, 1800.00 in all; the average month 6/12 of a household', () => {
    // 1100.00 ≥ S 1000: out of dibao from January, 300.00 kept for 6 months
    const { year, spans } = run(raisedOnApril1(), 2023, '1300');
    expect([year.gradual_exit.annual_cost, year.gradual_exit.households, year.gradual_exit.persons]).toEqual(['1800.00', '0.5', '0.5']);
    expect(spans.map(([from, n, p]) => [from, n, (p as typeof year).gradual_exit.annual_cost])).toEqual([
      ['2023-01-01', 6, '300.00'],
      ['2023-07-01', 6, '0.00'],
    ]);
  });

  it('back on dibao when S rises on 1 April: kept January to March only (900.00), then dibao 9 × 100.00', () => {
    // 1100.00 ≥ 1000 until March (exit); from April 1100.00 < S 1200: dibao 100.00 a month — the exit ends there
    const { year, spans } = run(raisedOnApril1(), 2024, '1300');
    expect([year.gradual_exit.annual_cost, year.dibao.annual_cost]).toEqual(['900.00', '900.00']);
    expect(
      spans.map(([from, n, p]) => [from, n, (p as typeof year).gradual_exit.annual_cost, (p as typeof year).dibao.annual_cost]),
    ).toEqual([
      ['2024-01-01', 3, '300.00', '0.00'],
      ['2024-04-01', 9, '0.00', '100.00'],
    ]);
  });

  it('leaving when S falls on 1 April: kept from April for 6 months at the dibao it was paid (600.00), not from January', () => {
    // S 1200 until March (1100.00 < 1200: dibao 100.00 a month), 1000 from April: out, its dibao before it left, 100.00,
    // kept April to September (the file's prior_dibao 300.00 is what it was paid at the file's date, not in March)
    const p = raisedOnApril1();
    const params = new Map(p.params);
    const [a, b] = params.get('dibao.standard.urban')!;
    params.set('dibao.standard.urban', [
      { ...a!, value: D(1200) },
      { ...b!, value: D(1000) },
    ]);
    const { year, spans } = run({ ...p, params }, 2024, '1300');
    expect([year.gradual_exit.annual_cost, year.dibao.annual_cost]).toEqual(['600.00', '300.00']);
    expect(spans.map(([from, n, q]) => [from, n, (q as typeof year).gradual_exit.annual_cost])).toEqual([
      ['2024-01-01', 3, '0.00'],
      ['2024-04-01', 6, '100.00'],
      ['2024-10-01', 3, '0.00'],
    ]);
  });
});

// DOMAIN step 7 over a year, as a rules auditor read it (README "Budgets": the exit runs from the first month of the
// period a household leaves dibao in): a household that leaves with no exit gets none later in the year, and an exit
// is not paid beside rigid aid. The simple policy, S urban 1000; one urban worker on dibao, prior_dibao 300.00.
describe('the budget year’s gradual exit: when it leaves, and not beside rigid aid', () => {
  const run = (policy: Policy, household: Record<string, unknown>, wage: string) => {
    const pop = populationOf([
      { id: 'x', household: { area: 'urban', onDibao: 1, prior: fen('300'), ...household }, persons: [{ age: 40, wage: fen(wage) }] },
    ]);
    const periods = periodsOf(policy, 2024);
    return figures(yearTotals(periods, simulate(pop, periodRuns(periods, 'y')))).programs;
  };

  it('off dibao from January while the policy had no exit (months 0 until April): none from April either', () => {
    // I = 1300 − 200 = 1100.00 ≥ S 1000 all year: it left in January, when gradual_exit.months was 0 (the old reading
    // started a 6-month exit in April: 1800.00)
    const p = withDated(simplePolicy(), 'dibao.gradual_exit.months', [
      ['2020-01-01', 0],
      ['2024-04-01', 6],
    ]);
    const year = run(p, {}, '1300');
    expect([year.gradual_exit.annual_cost, year.dibao.annual_cost]).toEqual(['0.00', '0.00']);
  });

  it('off dibao from January through its assets (over 24 × S until S rises in April): no exit from April', () => {
    // assets 25,000.00 > 24 × 1000 until March (out of dibao, no exit: 003 §11 is for leaving through income);
    // from April 25,000.00 ≤ 24 × 1200 but I = 1500 − 200 = 1300.00 ≥ 1200: still out, having left in January
    const year = run(raisedOnApril1(), { assets: fen('25000') }, '1500');
    expect([year.gradual_exit.annual_cost, year.dibao.annual_cost]).toEqual(['0.00', '0.00']);
  });

  // A code review: where rigid aid is dibao (rigid.aid_group dibao, Nanning's 000（一）), a household paid it Jan–Jun
  // that loses it in July leaves dibao then, and its exit starts then; where the aid is its own program, it left dibao
  // in January (with no exit: it had rigid aid) and gets none in July.
  it('leaving rigid aid that is dibao starts the exit then (July: 6 × the 650.00 it was paid); aid of its own program does not', () => {
    // I = 1300 − 200 = 1100.00 ≥ S 1000; A − E = 13,200 − 9,000 = 4,200 < 12,000: aid min(1000, 7,800 / 12) = 650.00
    const withAid = (group: string) => {
      const p = simplePolicy();
      const params = new Map(p.params);
      const first = params.get('rigid.aid')![0]!;
      params.set('rigid.aid', [
        { ...first, from: '2020-01-01', value: true },
        { ...first, from: '2024-07-01', value: false },
      ]);
      params.set('rigid.aid_group', [{ ...first, from: '2020-01-01', value: group }]);
      return { ...p, params };
    };
    const dibao = run(withAid('dibao'), { rigid: fen('9000') }, '1300');
    expect([dibao.rigid_aid.annual_cost, dibao.gradual_exit.annual_cost]).toEqual(['3900.00', '3900.00']);
    const own = run(withAid('rigid'), { rigid: fen('9000') }, '1300');
    expect([own.rigid_aid.annual_cost, own.gradual_exit.annual_cost]).toEqual(['3900.00', '0.00']);
  });

  it('an exit from January ends where rigid aid begins (S 1000 → 1050 on 1 April): 900.00 of exit, then 9 × 8.33 of aid', () => {
    // I = 1100.00, A = 12 × 1100 = 13,200, E = 700: A − E = 12,500. Until March 12 × S = 12,000 ≤ 12,500: no aid, the
    // exit 300.00 a month. From April 12 × 1050 = 12,600 > 12,500: aid round((12,600 − 12,500) / 12) = 8.33 a month
    // (001（一）), and step 7 gives no exit beside it: 3 × 300.00 = 900.00 (it was paid to June: 1800.00)
    const p = withDated(simplePolicy(), 'dibao.standard.urban', [
      ['2020-01-01', 1000],
      ['2024-04-01', 1050],
    ]);
    const year = run(p, { rigid: fen('700') }, '1300');
    expect([year.gradual_exit.annual_cost, year.rigid_aid.annual_cost, year.dibao.annual_cost]).toEqual(['900.00', '74.97', '0.00']);
  });
});
