// The budget year: each month under the parameters in force on its first day; periods of identical parameters
// evaluated once; the year = Σ a period's year × its months / 12. Simple policy: S urban 1000 (gap dibao).
import { describe, expect, it } from 'vitest';
import { figures, Totals } from '../../src/core/aggregate.js';
import { changesIn, monthTotals, periodsOf, yearTotals } from '../../src/core/budget-year.js';
import { D } from '../../src/core/money.js';
import type { Policy } from '../../src/core/parameters/tree.js';
import { populationOf } from '../../src/core/population.js';
import { rulesAt } from '../../src/core/rules.js';
import { simulate } from '../../src/core/simulate.js';
import { fen, simplePolicy } from '../helpers/rules.js';

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
  const totals = simulate(
    pop,
    periods.map((p, i) => ({ id: String(i), rules: p.rules })),
  );
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
    const totals = simulate(
      pop,
      periods.map((p, i) => ({ id: String(i), rules: p.rules })),
    );
    expect(totals.map((t) => figures(monthTotals(t)).programs.dibao.annual_cost)).toEqual(['600.00', '800.00']);
  });

  it('a one-off grant counts once in the year, under each period’s rules for its share of the months', () => {
    const withNeed = populationOf([
      { id: 'e', household: { area: 'urban', emergency: fen('1200') }, persons: [{ age: 40, wage: fen('9000') }] },
    ]);
    const periods = periodsOf(raisedOnApril1(), 2024);
    const totals = simulate(
      withNeed,
      periods.map((p, i) => ({ id: String(i), rules: p.rules })),
    );
    expect(figures(yearTotals(periods, totals)).programs.temporary.annual_cost).toBe('1200.00');
  });
});
