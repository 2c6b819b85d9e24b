// Benefit cliffs (悬崖效应, 002 “分层救助可以有效化解低保捆绑和悬崖效应”), hand-worked on the simple policy: S urban
// 1000, the minor supplement 0.15 × S = 150.00 (002 一), gap payment (000（四）差额), gradual exit 6 months (003 §11);
// special assistance off. An urban adult whose wage varies and a child of 10: n = 2, S × n = 2000.00.
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/money.js';
import { cliffsOf, jumpsOf, marginalRates, sweep, type CliffPoint } from '../../src/core/cliff.js';
import type { HouseholdSpec } from '../../src/core/population.js';
import type { Run } from '../../src/core/simulate.js';
import { fen, rulesOf, simplePolicy, withParams } from '../helpers/rules.js';

const run = (id: string, params: Record<string, string> = {}): Run => ({ id, rules: rulesOf(withParams(simplePolicy(), params)) });
const NO_DEDUCTION = run('no-deduction', { 'dibao.employment_deduction': '0' });
const DEDUCTION = run('deduction-200'); // the fixture's 200 a month per earner (003 §11)

const family = (household: Record<string, unknown> = {}, others: Array<Record<string, unknown>> = []): HouseholdSpec =>
  ({
    id: 'f',
    household: { area: 'urban', ...household },
    persons: [{ id: 'a', age: 35 }, { id: 'c', age: 10 }, ...others],
  }) as unknown as HouseholdSpec;

/** Values from `from` to `to` (yuan) by `step` (yuan), as fen. */
const range = (from: string, to: string, step: string) => {
  const out: number[] = [];
  for (let v = fen(from); v <= fen(to); v += fen(step)) out.push(v);
  return out;
};
const points = (spec: HouseholdSpec, values: number[], r: Run, member = 0): CliffPoint[] => sweep(spec, member, 'wage', values, [r])[0]!;
/** Fen a year in the monthly view → yuan a month, exactly (decimal string). */
const monthly = (x: number) => D(x).dividedBy(1200).toFixed(2);
const yuan = (x: number) => D(x).dividedBy(100).toFixed(2);

describe('a household at the dibao line (000（四）: eligible ⇔ I < S × n)', () => {
  const ps = points(family(), range('1999.98', '2000.02', '0.01'), NO_DEDUCTION);

  it('resources are flat under the line: wage + (S × n − wage) + the supplement 150.00 = 2150.00', () => {
    expect(ps.slice(0, 2).map((p) => monthly(p.monthly.resources))).toEqual(['2150.00', '2150.00']);
    expect(ps[1]!.monthly.programs).toMatchObject({ dibao: 1 * 12, dibao_supplement: 15000 * 12 });
  });

  it('the cliff is at exactly S × n = 2000.00: −150.00 a month, the supplement 150.00 and the last fen of dibao', () => {
    const cliffs = cliffsOf(ps, 'monthly');
    expect(cliffs).toHaveLength(1);
    expect(cliffs[0]!.at).toBe(fen('2000.00'));
    // 2150.00 at 1999.99 → 2000.00 at 2000.00 (I = S × n: not eligible)
    expect(monthly(cliffs[0]!.drop)).toBe('150.00');
    expect(cliffs[0]!.programs.map((x) => [x.id, monthly(x.drop)])).toEqual([
      ['dibao_supplement', '150.00'],
      ['dibao', '0.01'],
    ]);
    // the annual view: 12 × 150.00
    expect(cliffsOf(ps, 'annual')[0]!.drop).toBe(fen('1800.00'));
  });

  it('the marginal rate is 100 % under the line, 1 − (2000.00 − 2150.00) / 0.01 = 15001 at the cliff, 0 above', () => {
    expect(marginalRates(ps, 'monthly').map((r) => r?.toString() ?? null)).toEqual([null, '1', '15001', '0', '0']);
  });
});

describe('the employment deduction moves the cliff by the deduction × the earners (003 §11, DOMAIN inc(p))', () => {
  const cliffAt = (spec: HouseholdSpec, r: Run) => {
    const cliffs = cliffsOf(points(spec, range('1000', '3500', '10'), r), 'monthly');
    expect(cliffs).toHaveLength(1);
    return cliffs[0]!.at;
  };

  it('one earner: from 2000.00 to 2000.00 + 200 = 2200.00', () => {
    expect(cliffAt(family(), NO_DEDUCTION)).toBe(fen('2000.00'));
    expect(cliffAt(family(), DEDUCTION)).toBe(fen('2200.00'));
  });

  it('two earners (a second adult earning 500.00; n = 3, S × n = 3000.00): from 2500.00 to 2500.00 + 2 × 200 = 2900.00', () => {
    const three = family({}, [{ id: 'b', age: 40, wage: fen('500') }]);
    expect(cliffAt(three, NO_DEDUCTION)).toBe(fen('2500.00'));
    expect(cliffAt(three, DEDUCTION)).toBe(fen('2900.00'));
  });

  it('under the deduction the first 200.00 are kept in full (rate 0), the rest taken (rate 1)', () => {
    const rates = marginalRates(points(family(), range('0', '400', '100'), DEDUCTION), 'monthly').map((r) => r?.toString() ?? null);
    expect(rates).toEqual([null, '0', '0', '1', '1']);
  });
});

describe('gradual exit (003 §11): the two views differ', () => {
  // on dibao now with 200.00 a month; beyond the line the household keeps 200.00 for 6 months.
  const ps = points(family({ onDibao: 1, prior: fen('200') }), range('1990', '2010', '10'), NO_DEDUCTION);

  it('monthly view: no cliff — 2000.00 + the kept 200.00 = 2200.00 > 2150.00', () => {
    expect(ps.map((p) => monthly(p.monthly.resources))).toEqual(['2150.00', '2200.00', '2210.00']);
    expect(cliffsOf(ps, 'monthly')).toEqual([]);
  });

  it('annual view: a cliff of 12 × 2150.00 − (12 × 2000.00 + 6 × 200.00) = 600.00 at 2000.00', () => {
    expect(ps.map((p) => yuan(p.annual.resources))).toEqual(['25800.00', '25200.00', '25320.00']);
    expect(cliffsOf(ps, 'annual')).toEqual([
      {
        at: fen('2000.00'),
        drop: fen('600.00'),
        programs: [
          { id: 'dibao_supplement', drop: fen('1800.00') },
          { id: 'dibao', drop: fen('120.00') },
        ],
        // the exit's 6 × 200.00 begins at the same step: −1800 − 120 + 1200 + 12 × 10.00 more wage = −600
        rises: [{ id: 'gradual_exit', gain: fen('1200.00') }],
        step: fen('120.00'), // 12 × 10.00
      },
    ]);
  });
});

// A TUI trial saw resources jump up by ~2,000 a month at a wage of ~580 (dibao 5.97 stopping, rigid-expenditure aid
// 2,430 starting: DOMAIN step 4) under the words "0 cliffs". Hand-made points, resources = wage + programs (fen a
// year in either view: a month × 12).
describe('jumps up: resources rising by more than the income did', () => {
  const pt = (wage: string, programs: Record<string, string>): CliffPoint => {
    const parts = Object.fromEntries(Object.entries(programs).map(([id, v]) => [id, 12 * fen(v)]));
    const resources = 12 * fen(wage) + Object.values(parts).reduce((a, b) => a + b, 0);
    return { value: fen(wage), monthly: { resources, programs: parts }, annual: { resources, programs: parts } };
  };
  const ps = [
    pt('579.90', { dibao: '6.07' }), // 585.97: the gap, flat (rate 100 %)
    pt('580.00', { dibao: '5.97' }), // 585.97
    pt('580.10', { rigid_aid: '2430.00' }), // 3010.10: +2,424.13 for +0.10 of wage
    pt('580.20', { rigid_aid: '2430.00' }), // 3010.20: +0.10, rate 0 — no jump
  ];

  it('finds the step, the program that starts and the one that stops; not a flat step or a rate of 0', () => {
    const jumps = jumpsOf(ps, 'monthly');
    expect(jumps).toHaveLength(1);
    expect(jumps[0]!.at).toBe(fen('580.10'));
    expect(monthly(-jumps[0]!.drop)).toBe('2424.13');
    expect(jumps[0]!.rises.map((x) => [x.id, monthly(x.gain)])).toEqual([['rigid_aid', '2430.00']]);
    expect(jumps[0]!.programs.map((x) => [x.id, monthly(x.drop)])).toEqual([['dibao', '5.97']]);
    // the parts add up: 2430.00 − 5.97 + the wage's 0.10 = 2424.13
    expect(monthly(jumps[0]!.step)).toBe('0.10');
    expect(cliffsOf(ps, 'monthly')).toEqual([]);
    expect(marginalRates(ps, 'monthly').map((r) => r?.toString() ?? null)).toEqual([null, '1', '-24240.3', '0']);
  });
});
