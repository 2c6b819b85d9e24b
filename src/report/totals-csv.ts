// simulate's totals as CSV: a row per run and program, then its total (a budget year's rows begin with the year).
import { delta, type ScenarioReport, type SimulationReport } from './totals.js';
import { LEVELS } from '../core/funding.js';
import { PROGRAMS } from '../core/programs/index.js';

// (the caseload's Δ last, added after the others: the low-income multiplier's reform moves caseloads at no cost, and the
// CSV alone of the formats could not show it — a cross-format audit)
export const TOTALS_CSV_HEADER =
  'scenario,program,households,persons,annual_cost,uses_estimate,delta_annual_cost,delta_annual_cost_pct,eligible_households,eligible_persons,eligible_annual_cost,funding_central,funding_provincial,funding_local,delta_households,delta_persons';

export function totalsCsvRows(s: ScenarioReport, prefix = ''): string[] {
  const out: string[] = [];
  for (const p of PROGRAMS) {
    const f = s.figures.programs[p.id];
    const b = s.baseline?.programs[p.id];
    const d = b ? delta(b.annual_cost_exact, f.annual_cost_exact, 2) : null;
    out.push(
      prefix +
        [
          s.id,
          p.id,
          f.households,
          f.persons,
          f.annual_cost,
          s.onEstimates.has(p.id) ? 1 : 0,
          d?.value ?? '',
          d?.pct ?? '',
          f.eligible_households,
          f.eligible_persons,
          f.eligible_annual_cost,
          ...LEVELS.map((l) => s.funding?.programs[p.id]?.[l] ?? ''),
          b ? delta(b.households, f.households).value : '',
          b ? delta(b.persons, f.persons).value : '',
        ].join(','),
    );
  }
  const d = s.baseline ? delta(s.baseline.total_annual_cost_exact, s.figures.total_annual_cost_exact, 2) : null;
  out.push(
    prefix +
      [
        s.id,
        'total',
        '',
        '',
        s.figures.total_annual_cost,
        s.onEstimates.size ? 1 : 0,
        d?.value ?? '',
        d?.pct ?? '',
        '',
        '',
        s.figures.eligible_total_annual_cost,
        ...LEVELS.map((l) => s.funding?.total[l] ?? ''),
        '',
        '',
      ].join(','),
  );
  return out;
}

/**
 * A budget year's rows begin with it, as each year's of --years (a downstream trial: the two CSVs had two headers, and
 * --year's did not say which year it covered; an auditor could not tell compare --year's CSV from a date's): the
 * header's first column and each row's first cell, or nothing at a date. `s`: the first run's report.
 */
export function yearColumn(s: ScenarioReport | undefined): { readonly head: string; readonly cell: string } {
  const year = s?.year?.year;
  return year === undefined ? { head: '', cell: '' } : { head: 'year,', cell: `${year},` };
}

export function totalsCsv(r: SimulationReport): string {
  const y = yearColumn(r.scenarios[0]);
  return [`${y.head}${TOTALS_CSV_HEADER}`, ...r.scenarios.flatMap((s) => totalsCsvRows(s, y.cell))].join('\n') + '\n';
}
