// What moved between a snapshot and now is compared as numbers: a hand-edited "12794.040" is the same figure as
// "12794.04" (a QA trial's showed a move of +0.00 within the tolerance).
import { describe, expect, it } from 'vitest';
import { change, movements } from '../../src/report/check.js';
import type { TotalsSnapshot } from '../../src/core/snapshot.js';

const snapshot = (cost: string, total: string): TotalsSnapshot => ({
  jiuzhu_snapshot: 1,
  policy: 'p.yaml',
  households: 'h.csv',
  date: '2025-06-30',
  scenarios: [{ id: 'baseline', programs: { dibao: { households: '1', persons: '2', annual_cost: cost } }, total_annual_cost: total }],
});

describe('movements', () => {
  it('a figure written with another trailing zero is no move; a fen is', () => {
    expect(movements(snapshot('12794.040', '12794.0400'), snapshot('12794.04', '12794.04'))).toEqual([]);
    expect(movements(snapshot('12794.04', '12794.04'), snapshot('12794.05', '12794.05')).map((m) => [m.program, m.after])).toEqual([
      ['dibao', '12794.05'],
      ['total', '12794.05'],
    ]);
  });
});

// A CI trial's fen on 751 million read "−0.01 (−0.00%)": a move that is not none, said as such
describe('a movement’s change', () => {
  it('a move under 0.005 % reads under 0.01 %; others to two decimals', () => {
    const m = (before: string, after: string) => change({ ...movements(snapshot(before, before), snapshot(after, after))[0]! });
    expect(m('751000000.03', '751000000.02')).toBe('−0.01 (−<0.01%)');
    expect(m('751000000.03', '750802524.83')).toBe('−197,475.20 (−0.03%)');
    expect(m('100.00', '100.01')).toBe('+0.01 (+0.01%)');
  });
});
