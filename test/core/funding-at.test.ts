// Another run's split with a run's shares (core/funding.ts fundingAt): --ranges splits every run made for a total's
// range so (report/funding-ranges.ts), a provincial trial having asked how far a cost's own range moves what the
// province pays. Hand-worked: central 0.5 (an estimate, 0.4–0.6), provincial 0.2 (0.1–0.3), the county the rest.
import { describe, expect, it } from 'vitest';
import type { Figures } from '../../src/core/aggregate.js';
import { fundingAt, fundingOf } from '../../src/core/funding.js';
import { D } from '../../src/core/money.js';
import { resolve } from '../../src/core/parameters/tree.js';
import { PROGRAMS } from '../../src/core/programs/index.js';
import { DATE, simplePolicy, withParams } from '../helpers/rules.js';

/** Figures whose every program costs nothing but dibao, which costs `dibao` yuan. */
const figures = (dibao: string): Figures =>
  ({
    programs: Object.fromEntries(
      PROGRAMS.map((p) => [p.id, { annual_cost: p.id === 'dibao' ? dibao : '0.00', annual_cost_exact: p.id === 'dibao' ? dibao : '0' }]),
    ),
  }) as unknown as Figures;

const shares = (central: string, provincial: string, estimated: boolean) => {
  const policy = withParams(simplePolicy(), { 'funding.assistance.central': central, 'funding.assistance.provincial': provincial });
  if (!estimated) return resolve(policy, DATE);
  const params = new Map(policy.params);
  const [e] = params.get('funding.assistance.central')!;
  params.set('funding.assistance.central', [{ ...e!, estimate: 'test', range: { low: D('0.4'), high: D('0.6'), basis: 'test' } }]);
  return resolve({ ...policy, params }, DATE);
};

describe('fundingAt: another run’s costs split with a run’s shares', () => {
  it('1500.00 of dibao with the shares of a run of 1000.00: as that run’s own split of 1500.00, its range too', () => {
    const s = shares('0.5', '0.2', true);
    const central = fundingOf([{ figures: figures('1000.00'), times: 1, snapshot: s }]);
    const other = fundingAt(central, figures('1500.00'));
    // 1500 × 0.5 = 750.00, × 0.2 = 300.00, the county 450.00; central at 0.4 / 0.6: 600 / 900, the county 600 / 300
    expect(other.total).toEqual({ central: '750.00', provincial: '300.00', local: '450.00' });
    expect([other.range!.low, other.range!.high]).toEqual([
      { central: '600.00', provincial: '300.00', local: '300.00' },
      { central: '900.00', provincial: '300.00', local: '600.00' },
    ]);
    const own = fundingOf([{ figures: figures('1500.00'), times: 1, snapshot: s }]);
    expect([other.total, other.range]).toEqual([own.total, own.range]);
  });

  it('a year whose shares change: a unit of cost split as the run’s year is (its parts weighted by their cost)', () => {
    // January–March 300.00 a month at central 0.5 (900.00), April–December 100.00 at 0.3 (900.00): 1800.00, central
    // 450 + 270 = 720.00, a unit 0.4 of it; provincial 0.2 throughout. Twice the cost: central 1440.00, provincial 720.00
    const parts = [
      { figures: figures('300.00'), times: 3, snapshot: shares('0.5', '0.2', false) },
      { figures: figures('100.00'), times: 9, snapshot: shares('0.3', '0.2', false) },
    ];
    const central = fundingOf(parts);
    expect(central.total).toEqual({ central: '720.00', provincial: '360.00', local: '720.00' });
    expect(fundingAt(central, figures('3600.00')).total).toEqual({ central: '1440.00', provincial: '720.00', local: '1440.00' });
  });

  it('a year whose line cost nothing: a unit split as its months are (3 at 0.5, 9 at 0.3: 0.35)', () => {
    // (1.5 + 2.7) / 12 = 0.35 central, 0.2 provincial: 1200.00 of another run is 420.00 / 240.00 / 540.00
    const central = fundingOf([
      { figures: figures('0'), times: 3, snapshot: shares('0.5', '0.2', false) },
      { figures: figures('0'), times: 9, snapshot: shares('0.3', '0.2', false) },
    ]);
    expect(fundingAt(central, figures('1200.00')).total).toEqual({ central: '420.00', provincial: '240.00', local: '540.00' });
  });
});
