// Who pays (core/funding.ts), worked by hand at the fen where rounding decides. A finance trial saw the city or county
// pay −0.01 (and "−0.00 万元" at its range's low end) where the central and provincial shares add up to 1: each part
// was rounded half up on its own. Now the central part and the two together are rounded; the provincial part is the
// difference, the city or county's the rest.
import { describe, expect, it } from 'vitest';
import { fundingOf, sumFunding } from '../../src/core/funding.js';
import type { Figures } from '../../src/core/aggregate.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { PROGRAMS } from '../../src/core/programs/index.js';
import { D } from '../../src/core/money.js';
import { DATE, simplePolicy, withParams } from '../helpers/rules.js';

/** Figures whose every program costs nothing but dibao, which costs `dibao` yuan a year. */
const figures = (dibao: string): Figures =>
  ({
    programs: Object.fromEntries(
      PROGRAMS.map((p) => [p.id, { annual_cost: p.id === 'dibao' ? dibao : '0.00', annual_cost_exact: p.id === 'dibao' ? dibao : '0' }]),
    ),
  }) as unknown as Figures;
const snapshot = (central: string, provincial: string) =>
  resolve(withParams(simplePolicy(), { 'funding.assistance.central': central, 'funding.assistance.provincial': provincial }), DATE);

describe('who pays, at the fen', () => {
  it('shares adding up to 1: 0.05 yuan at 0.5 / 0.5 is 0.03 + 0.02 + 0, never 0.03 + 0.03 − 0.01', () => {
    const f = fundingOf([{ figures: figures('0.05'), times: 1, snapshot: snapshot('0.5', '0.5') }]);
    // central 0.025 → 0.03 (half up); both 0.05 → 0.05; provincial 0.05 − 0.03 = 0.02; the rest 0.05 − 0.05 = 0
    expect(f.programs.dibao).toEqual({ central: '0.03', provincial: '0.02', local: '0.00' });
    expect(f.total).toEqual({ central: '0.03', provincial: '0.02', local: '0.00' });
  });

  it('every split adds up to the cost, and no part is below 0, over costs of 0.01 to 10.00 and shares in tenths', () => {
    // (each pair of shares' snapshot made once: resolving a policy per case timed out on a loaded CI machine)
    const pairs: Array<[number, number, ReturnType<typeof snapshot>]> = [];
    for (let c = 0; c <= 10; c++) for (let p = 0; p <= 10 - c; p++) pairs.push([c, p, snapshot(String(c / 10), String(p / 10))]);
    for (let cost = 1; cost <= 1000; cost += 17)
      for (const [c, p, snap] of pairs) {
        const yuan = D(cost).dividedBy(100).toFixed(2);
        const f = fundingOf([{ figures: figures(yuan), times: 1, snapshot: snap }]);
        const s = f.programs.dibao!;
        expect(D(s.central).plus(s.provincial).plus(s.local).toFixed(2)).toBe(yuan);
        for (const v of [s.central, s.provincial, s.local]) expect(D(v).isNegative(), `${yuan} ${c} ${p}`).toBe(false);
      }
  });
});

// A determinism audit: central + provincial + local of the total was 2,046,385,105.42 beside a total of .43 (the
// programs' rounded splits added), and a window of years' split of a program a fen off its window cost (the years'
// rounded splits added). Each is now rounded once, from the exact parts.
describe('the total and a window of years add up to their cost', () => {
  /** Figures where dibao and tekun cost 0.004 yuan each (exact), the rest nothing. */
  const tiny = {
    programs: Object.fromEntries(
      PROGRAMS.map((x) => {
        const v = x.id === 'dibao' || x.id === 'tekun' ? '0.004' : '0';
        return [x.id, { annual_cost: D(v).toFixed(2), annual_cost_exact: v }];
      }),
    ),
  } as unknown as Figures;

  it('the total of two programs of 0.004 each (0.00 each, rounded) is 0.008 → 0.01, all central at 1 / 0', () => {
    const f = fundingOf([{ figures: tiny, times: 1, snapshot: snapshot('1', '0') }]);
    expect([f.programs.dibao, f.programs.tekun]).toEqual([0, 0].map(() => ({ central: '0.00', provincial: '0.00', local: '0.00' })));
    // (the programs' rounded splits added: 0.00; the total cost, 0.008 rounded: 0.01)
    expect(f.total).toEqual({ central: '0.01', provincial: '0.00', local: '0.00' });
  });

  it('a window of two years: dibao 0.004 a year is 0.008 → 0.01 in the window, as its cost is; the total 0.016 → 0.02', () => {
    const year = fundingOf([{ figures: tiny, times: 1, snapshot: snapshot('0.5', '0.5') }]);
    const w = sumFunding([year, year]);
    // central 0.004 → 0.00; both 0.008 → 0.01: provincial 0.01; local 0.01 − 0.01 = 0
    expect(w.programs.dibao).toEqual({ central: '0.00', provincial: '0.01', local: '0.00' });
    // central 2 × 2 × 0.002 = 0.008 → 0.01; both 0.016 → 0.02
    expect(w.total).toEqual({ central: '0.01', provincial: '0.01', local: '0.00' });
  });
});

describe('a level’s range, at the fen', () => {
  // A Guangzhou trial saw the province's range start at "-0.00" (-0.01 yuan) where its share's low end is 0: the ends
  // started from the programs' parts, each rounded alone, and moved by the line's, rounded once.
  it('a share whose low end is 0 gives exactly 0.00 at the low end: dibao 0.05 + tekun 0.05 at 0.5 / 0.25 (0 to 0.5)', () => {
    const policy = withParams(simplePolicy(), { 'funding.assistance.central': '0.5', 'funding.assistance.provincial': '0.25' });
    const p = 'funding.assistance.provincial';
    const [e] = policy.params.get(p)!;
    const ranged = new Map(policy.params).set(p, [{ ...e!, estimate: 'test', range: { low: D(0), high: D('0.5'), basis: 'test' } }]);
    const both = {
      programs: Object.fromEntries(
        PROGRAMS.map((x) => {
          const v = x.id === 'dibao' || x.id === 'tekun' ? '0.05' : '0';
          return [x.id, { annual_cost: D(v).toFixed(2), annual_cost_exact: v }];
        }),
      ),
    } as unknown as Figures;
    const f = fundingOf([{ figures: both, times: 1, snapshot: resolve({ ...policy, params: ranged }, DATE) }]);
    // each program: central 0.025 → 0.03, both 0.0375 → 0.04, provincial 0.01 (0.02 the two); the total, as the line
    // (0.10): central 0.05, both 0.075 → 0.08, provincial 0.03; at the low end 0, at the high end 0.5: both 0.10,
    // provincial 0.05
    expect([f.programs.dibao!.provincial, f.programs.tekun!.provincial, f.total.provincial]).toEqual(['0.01', '0.01', '0.03']);
    expect([f.range!.low.provincial, f.range!.high.provincial]).toEqual(['0.00', '0.05']);
  });
});

// A county budget trial: the tekun reform's change to the county (33.57 万元 at a share of 0.15) had no range, where the
// county's share of basic assistance runs from 0 to 0.35. The change at each level now has one, from the same ends.
describe('a scenario’s change at each level, its range from the shares that are estimates', () => {
  // dibao 1000.00 (baseline) and 2000.00 (scenario) a year; central 0.5 (0.4–0.6), provincial 0.2 (0.1–0.3), both estimates
  const ranged = () => {
    const policy = withParams(simplePolicy(), { 'funding.assistance.central': '0.5', 'funding.assistance.provincial': '0.2' });
    const params = new Map(policy.params);
    for (const [p, low, high] of [
      ['funding.assistance.central', '0.4', '0.6'],
      ['funding.assistance.provincial', '0.1', '0.3'],
    ] as const) {
      const [e] = params.get(p)!;
      params.set(p, [{ ...e!, estimate: 'test', range: { low: D(low), high: D(high), basis: 'test' } }]);
    }
    return resolve({ ...policy, params }, DATE);
  };
  it('Δ 1000.00: central 500 (400–600), provincial 200 (100–300), the county 300 (100–500: each share’s 100 added)', async () => {
    const { fundingDeltaRange } = await import('../../src/core/funding.js');
    const s = ranged();
    const [base, reform] = ['1000.00', '2000.00'].map((c) => fundingOf([{ figures: figures(c), times: 1, snapshot: s }]));
    // central alone at 0.4 / 0.6: central −100 / +100, the county +100 / −100; provincial alone likewise
    expect(fundingDeltaRange(base!, reform!)).toEqual({
      low: { central: '400.00', provincial: '100.00', local: '100.00' },
      high: { central: '600.00', provincial: '300.00', local: '500.00' },
    });
    // over a window of two such years, the years' ends added
    const win = fundingDeltaRange(sumFunding([base!, base!]), sumFunding([reform!, reform!]));
    expect(win).toEqual({
      low: { central: '800.00', provincial: '200.00', local: '200.00' },
      high: { central: '1200.00', provincial: '600.00', local: '1000.00' },
    });
    // a scenario that makes an estimated share its own (scaled, set: no range of its own): no range, rather than the
    // baseline's end moved alone (a reviewer's central × 1.1 "could cut central spending")
    const scaled = resolve(
      withParams(simplePolicy(), { 'funding.assistance.central': '0.55', 'funding.assistance.provincial': '0.2' }),
      DATE,
    );
    const own = fundingOf([{ figures: figures('2000.00'), times: 1, snapshot: scaled }]);
    expect(fundingDeltaRange(base!, own)).toBeUndefined();
    // no share an estimate: no range
    const plain = snapshot('0.5', '0.2');
    const [b0, r0] = ['1000.00', '2000.00'].map((c) => fundingOf([{ figures: figures(c), times: 1, snapshot: plain }]));
    expect(fundingDeltaRange(b0!, r0!)).toBeUndefined();
  });
});
