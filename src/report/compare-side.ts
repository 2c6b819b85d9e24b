// compare with several localities: their baselines side by side, each program's cost (a caseload's households) in
// every locality and each one's difference from the first — what a researcher comparing provinces reads first (an
// onboarding trial subtracted Shenzhen's totals from Guangzhou's by hand: each locality's table came in turn).
import type { Figures } from '../core/aggregate.js';
import { isCash, PROGRAMS, programLabel, type ProgramId } from '../core/programs/index.js';
import { delta, signed } from './totals.js';
import { groupCount, inUnit, UNIT_LABEL, type Align, type Unit } from './text-table.js';

export interface Side {
  readonly id: string;
  readonly figures: Figures;
  /** The programs whose baseline rests on an estimate there: their cells marked `*`, as each locality's own table marks them. */
  readonly onEstimates: ReadonlySet<ProgramId>;
}

/** The table's header, rows and alignment; null for one locality. */
export function sideBySide(sides: readonly Side[], unit: Unit): [string[], string[][], Align[]] | null {
  if (sides.length < 2) return null;
  const [first, ...rest] = sides;
  const header = [
    `baseline 基线 (${UNIT_LABEL[unit]}; caseloads 户)`,
    ...sides.map((s) => s.id),
    ...rest.map((s) => `${s.id} − ${first!.id}`),
  ];
  const rows = PROGRAMS.map((p) => {
    const cash = isCash(p);
    // (a cell resting on an estimate is marked: a researcher copying the side-by-side table alone lost the marks that
    // each locality's table gives — Fuliang's whole column rests on estimated standards)
    const cell = (s: Side) => {
      const f = s.figures;
      const text = cash ? inUnit(f.programs[p.id].annual_cost, unit) : `${groupCount(f.programs[p.id].households)} 户`;
      return s.onEstimates.has(p.id) ? `${text} *` : text;
    };
    const diff = (f: Figures) => {
      const [a, b] = [first!.figures.programs[p.id], f.programs[p.id]];
      return cash ? signed(delta(a.annual_cost_exact, b.annual_cost_exact, 2), unit) : `${signed(delta(a.households, b.households, 0))} 户`;
    };
    return [programLabel(p), ...sides.map(cell), ...rest.map((s) => diff(s.figures))];
  });
  rows.push([
    'total 合计',
    ...sides.map((s) => `${inUnit(s.figures.total_annual_cost, unit)}${s.onEstimates.size ? ' *' : ''}`),
    ...rest.map((s) => signed(delta(first!.figures.total_annual_cost_exact, s.figures.total_annual_cost_exact, 2), unit)),
  ]);
  return [header, rows, header.map((_, i): Align => (i ? 'right' : 'left'))];
}
