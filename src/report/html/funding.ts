// The HTML report's who pays: each level's share of each run's cost, a scenario's change at each level, and where the
// shares are estimates each level's range — as figures (a Guangzhou trial's pack had only a stacked chart without
// labels: the director could not read the province's share of a reform).
import { D } from '../../core/money.js';
import { fundingDeltaRange, fundingRangeMethod, LEVEL_LABELS, LEVELS } from '../../core/funding.js';
import type { LocalityReport } from '../compare.js';
import { inUnit, UNIT_LABEL, type Unit } from '../text-table.js';
import { fundingDelta, signedIn } from '../totals.js';
import { rangeCell, table, type Cell } from './page.js';

export function fundingTable(l: LocalityReport, i: number, unit: Unit): string {
  const [base, ...scs] = l.scenarios;
  if (!l.scenarios.every((s) => s.funding)) return '';
  const header = ['级次 level', ...l.scenarios.map((s) => s.id), ...scs.map((s) => `Δ ${s.id}`)];
  const ranged = l.scenarios.find((s) => s.funding!.range)?.funding!.range;
  const rows = LEVELS.map((lv): Cell[] => [
    LEVEL_LABELS[lv],
    ...l.scenarios.map((s) => ({ text: inUnit(s.funding!.total[lv], unit), yuan: s.funding!.total[lv] })),
    ...scs.map((s) => {
      const d = fundingDelta(base!.funding!, s.funding!)[lv];
      return { text: signedIn(d, unit), yuan: d, cls: `num ${D(d).isNegative() ? 'down' : D(d).isZero() ? '' : 'up'}` };
    }),
  ]);
  if (ranged)
    rows.push(
      ...LEVELS.map((lv): Cell[] => [
        `${LEVEL_LABELS[lv]} 区间 range *`,
        ...l.scenarios.map((s) => {
          const r = s.funding!.range;
          return r ? rangeCell({ low: r.low[lv], high: r.high[lv] }, (v) => inUnit(v, unit)) : '';
        }),
        // (a scenario's change, its range from the same ends: the Δ columns, as the table's Δ range row)
        ...scs.map((s) => {
          const d = fundingDeltaRange(base!.funding!, s.funding!);
          return d ? rangeCell({ low: d.low[lv], high: d.high[lv] }, (v) => signedIn(v, unit)) : '';
        }),
      ]),
    );
  return table(header, rows, {
    id: `funding-${i + 1}`,
    caption: `who pays 分级负担 (${UNIT_LABEL[unit]})${ranged ? `; * ${fundingRangeMethod(ranged)}` : ''}`,
  });
}
