// The HTML report's caseloads: households each program reaches, in every run, with the change against the baseline. A
// finance trial's reform (the low-income line from 2 × S to 1.5 × S: 62 % fewer dibao-edge households) showed nothing
// in the report, whose headline is money and 低保边缘 pays none.
import { D } from '../../core/money.js';
import { PROGRAMS, programLabel } from '../../core/programs/index.js';
import type { LocalityReport } from '../compare.js';
import { groupCount } from '../text-table.js';
import { delta } from '../totals.js';
import { table, type Cell } from './page.js';

export function caseloadTable(l: LocalityReport, i: number): string {
  const [base, ...scs] = l.scenarios;
  const header = ['项目 program', ...l.scenarios.map((s) => s.id), ...scs.map((s) => `Δ ${s.id}`)];
  const rows = PROGRAMS.map((p): Cell[] => [
    programLabel(p),
    ...l.scenarios.map((s) => groupCount(s.figures.programs[p.id].households)),
    ...scs.map((s) => {
      const d = delta(base!.figures.programs[p.id].households, s.figures.programs[p.id].households, 0);
      const n = D(d.value);
      if (n.isZero()) return '0';
      const sign = n.isNegative() ? '−' : '+';
      const pct = d.pct === null ? '' : ` (${sign}${D(d.pct).abs().toFixed(2)}%)`;
      return { text: `${sign}${groupCount(n.abs().toFixed())}${pct}`, cls: `num ${n.isNegative() ? 'down' : 'up'}` };
    }),
  ]);
  return table(header, rows, {
    id: `caseloads-${i + 1}`,
    caption: 'caseloads 受助户数 (households 户, weighted; received, after take-up); Δ against the baseline',
  });
}
