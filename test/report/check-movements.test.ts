// What moved between a snapshot and now is compared as numbers: a hand-edited "12794.040" is the same figure as
// "12794.04" (a QA trial's showed a move of +0.00 within the tolerance).
import { describe, expect, it } from 'vitest';
import { movements } from '../../src/report/check.js';
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
