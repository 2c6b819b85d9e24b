// A budget year's months, each program's cost and the total, that add up to the year to the fen. A month's exact cost
// is its period's year ÷ 12 (a gradual exit's, what the month pays); each month rounded on its own did not add up (an
// auditor's premium, 23.33 a month × 12 = 279.96 of 280; a year's months 100,801.56 of 100,801.52). Each month here is
// the running total rounded less the one before, the last month the year's own figure less the eleven before it.
import { D, type Dec } from '../core/money.js';
import { isCash, PROGRAMS, type ProgramId } from '../core/programs/index.js';
import type { ScenarioReport } from './totals.js';

const CASH = PROGRAMS.filter(isCash).map((p) => p.id);

export interface MonthCost {
  /** 1–12. */
  readonly month: number;
  /** Yuan, two decimals. */
  readonly programs: Readonly<Partial<Record<ProgramId, string>>>;
  readonly total: string;
}

/** The year's months (none for a run at a date). */
export function monthCosts(s: Pick<ScenarioReport, 'figures' | 'year'>): MonthCost[] {
  const y = s.year;
  if (!y) return [];
  const months = y.periods.flatMap((p) => p.months.map((m) => ({ m, f: p.month })));
  /** Each month's share of a figure: exact month costs → running totals rounded, differenced; the last the year's. */
  const spread = (exact: (i: number) => string, year: string): string[] => {
    let [cum, before]: [Dec, Dec] = [D(0), D(0)];
    return months.map((_, i) => {
      cum = cum.plus(exact(i));
      const upTo = i === months.length - 1 ? D(year) : cum.toDecimalPlaces(2);
      const month = upTo.minus(before);
      before = upTo;
      return month.toFixed(2);
    });
  };
  const byProgram = Object.fromEntries(
    CASH.map((id) => [id, spread((i) => months[i]!.f.programs[id].annual_cost_exact, s.figures.programs[id].annual_cost)]),
  ) as Record<ProgramId, string[]>;
  const total = spread((i) => months[i]!.f.total_annual_cost_exact, s.figures.total_annual_cost);
  return months.map(({ m }, i) => ({
    month: m,
    programs: Object.fromEntries(CASH.map((id) => [id, byProgram[id][i]!])),
    total: total[i]!,
  }));
}
