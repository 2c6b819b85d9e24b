// compare's summary: one row per scenario of a locality — its cost's change, who gains and who loses (households and
// persons), and who pays the change (中央 · 省级 · 市县). A reform analyst built this table from the JSON with a script of
// their own to brief leadership: the Markdown of 8 runs was 48 KB, each scenario's full program table and notes.
import { LEVEL_LABELS, LEVELS } from '../core/funding.js';
import type { LocalityReport } from './compare.js';
import { fundingDelta, signedIn } from './funding-view.js';
import { groupCount, type Align, type Unit } from './text-table.js';
import { delta, signed } from './totals.js';

/**
 * The locality's scenarios, a row each (null where it has none); `titled`: each named by its id and its 中文 title (the
 * Markdown a briefing pastes: a finance officer's leadership read `tekun-basic-1.6x` as a code; the terminal's table keeps
 * to the id, its width).
 */
export function summaryTable(l: LocalityReport, unit: Unit, titled = false): [string[], string[][], Align[]] | null {
  const [base, ...others] = l.scenarios;
  if (!base || !others.length) return null;
  const detailed = others.some((s) => s.details);
  const funded = Boolean(base.funding) && others.every((s) => s.funding);
  // (short heads: the unit is the title's; the whole table fits a terminal)
  const header = [
    'scenario 方案',
    'Δ cost 支出',
    ...(detailed ? ['winners 受益 户·人', 'losers 受损 户·人'] : []),
    ...(funded ? LEVELS.map((lv) => `Δ ${LEVEL_LABELS[lv].split(' ')[0]!}`) : []),
  ];
  const rows = others.map((s) => {
    const c = s.details?.changes;
    const people = (k: 'gainers' | 'losers') => (c ? `${groupCount(c[k]!.households)} · ${groupCount(c[k]!.persons ?? '0')}` : '—');
    const d = funded ? fundingDelta(base.funding!, s.funding!) : null;
    return [
      titled && s.title ? `${s.id} ${s.title.zh}` : s.id,
      signed(delta(base.figures.total_annual_cost_exact, s.figures.total_annual_cost_exact, 2), unit),
      ...(detailed ? [people('gainers'), people('losers')] : []),
      ...(d ? LEVELS.map((lv) => signedIn(d[lv], unit)) : []),
    ];
  });
  return [header, rows, header.map((_, i): Align => (i ? 'right' : 'left'))];
}
