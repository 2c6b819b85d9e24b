// The totals of a simulation, as one view-model that feeds every format: the human table, Markdown,
// the JSON contract (DOMAIN "simulate … --format json") and CSV. Same numbers everywhere. A scenario's
// entry carries its deltas against the baseline beside the contract keys.
import chalk from 'chalk';
import type { Figures } from '../core/aggregate.js';
import { D } from '../core/money.js';
import type { Policy } from '../core/parameters/tree.js';
import { isCash, PROGRAMS, programLabel, type ProgramId } from '../core/programs/index.js';
import type { EstimateUsed } from './estimates.js';
import { groupCount, groupDigits, markdownTable, textTable, type Align } from './text-table.js';

export interface ScenarioReport {
  readonly id: string;
  readonly figures: Figures;
  readonly estimates: readonly EstimateUsed[];
  readonly onEstimates: ReadonlySet<ProgramId>;
  /** The locality's baseline figures, for a scenario's deltas. */
  readonly baseline?: Figures;
}

export interface SimulationReport {
  readonly policy: Policy;
  readonly date: string;
  readonly householdsFile: string;
  readonly scenarios: readonly ScenarioReport[];
}

export interface Delta {
  /** Rounded half up to the fen (money) or exact (counts). */
  readonly value: string;
  /** Percent of the baseline, two decimals; null when the baseline is zero. */
  readonly pct: string | null;
}

export function delta(base: string, now: string, dp?: number): Delta {
  const d = D(now).minus(base);
  return {
    value: dp === undefined ? d.toFixed() : d.toFixed(dp),
    pct: D(base).isZero() ? null : d.dividedBy(base).times(100).toFixed(2),
  };
}

export function scenarioJson(s: ScenarioReport): Record<string, unknown> {
  const b = s.baseline;
  const programs = Object.fromEntries(
    PROGRAMS.map((p) => {
      const f = s.figures.programs[p.id];
      const entry: Record<string, unknown> = { ...f, uses_estimate: s.onEstimates.has(p.id) };
      if (b) {
        const base = b.programs[p.id];
        const cost = delta(base.annual_cost_exact, f.annual_cost_exact, 2);
        entry.delta = {
          households: delta(base.households, f.households).value,
          persons: delta(base.persons, f.persons).value,
          annual_cost: cost.value,
          annual_cost_pct: cost.pct,
        };
      }
      return [p.id, entry];
    }),
  );
  const out: Record<string, unknown> = {
    id: s.id,
    programs,
    total_annual_cost: s.figures.total_annual_cost,
    total_annual_cost_exact: s.figures.total_annual_cost_exact,
    eligible_total_annual_cost: s.figures.eligible_total_annual_cost,
  };
  if (b) {
    const t = delta(b.total_annual_cost_exact, s.figures.total_annual_cost_exact, 2);
    out.total_delta = { annual_cost: t.value, annual_cost_pct: t.pct };
  }
  out.estimates = s.estimates;
  return out;
}

export function totalsJson(r: SimulationReport): object {
  const base = r.scenarios[0]!.figures;
  return {
    policy: { id: r.policy.id, file: r.policy.file, name: r.policy.name },
    date: r.date,
    households_file: r.householdsFile,
    households: { rows: base.household_rows, weighted: base.households },
    persons: { rows: base.person_rows, weighted: base.persons },
    scenarios: r.scenarios.map(scenarioJson),
  };
}

/** "+1,234.50" / "−12.00" with the percent, for people. */
export function signed(d: Delta): string {
  const v = D(d.value);
  if (v.isZero()) return '0';
  const text = `${v.isNegative() ? '−' : '+'}${groupDigits(d.value.replace(/^-/, ''))}`;
  return d.pct === null ? `${text} (new)` : `${text} (${v.isNegative() ? '' : '+'}${d.pct}%)`;
}

/** Spending up in red, down in green: the budget's view. */
export function paint(d: Delta, text: string): string {
  const v = D(d.value);
  return v.isZero() ? chalk.dim(text) : v.isPositive() ? chalk.red(text) : chalk.green(text);
}

/** Whether some eligible household does not take a program up: then the eligible figures are shown beside. */
export function takeUpShows(f: Figures): boolean {
  return PROGRAMS.some((p) => f.programs[p.id].eligible_households !== f.programs[p.id].households);
}

function header(s: ScenarioReport): string[] {
  return [
    'program 项目',
    'households 户',
    'persons 人',
    'annual cost 年度支出 (yuan)',
    ...(takeUpShows(s.figures) ? ['if all eligible took up 应保尽保'] : []),
    ...(s.baseline ? ['Δ vs baseline'] : []),
  ];
}

const align = (s: ScenarioReport): Align[] => header(s).map((_, i) => (i ? 'right' : 'left'));

function rows(s: ScenarioReport, color: boolean): string[][] {
  const eligible = takeUpShows(s.figures);
  const out = PROGRAMS.map((p) => {
    const f = s.figures.programs[p.id];
    const label = `${programLabel(p)}${s.onEstimates.has(p.id) ? ' *' : ''}`;
    const cash = isCash(p);
    const row = [label, groupCount(f.households), groupCount(f.persons), cash ? groupDigits(f.annual_cost) : 'caseload 仅计人数'];
    if (eligible) row.push(cash ? groupDigits(f.eligible_annual_cost) : `${groupCount(f.eligible_households)} 户`);
    if (s.baseline) {
      const base = s.baseline.programs[p.id];
      const d = cash ? delta(base.annual_cost_exact, f.annual_cost_exact, 2) : delta(base.households, f.households, 0);
      const text = `${signed(d)}${cash || D(d.value).isZero() ? '' : ' 户'}`;
      row.push(color ? paint(d, text) : text);
    }
    return row;
  });
  const total = ['total 合计', '', '', groupDigits(s.figures.total_annual_cost)];
  if (eligible) total.push(groupDigits(s.figures.eligible_total_annual_cost));
  if (s.baseline) {
    const d = delta(s.baseline.total_annual_cost_exact, s.figures.total_annual_cost_exact, 2);
    total.push(color ? paint(d, signed(d)) : signed(d));
  }
  out.push(total);
  return out;
}

export function totalsTable(r: SimulationReport): string {
  const base = r.scenarios[0]!.figures;
  const lines = [
    chalk.bold(`${r.policy.name.zh} ${r.policy.name.en} — ${r.date}`),
    `${r.householdsFile}: ${groupDigits(String(base.household_rows))} households (${groupCount(base.households)} weighted), ${groupDigits(String(base.person_rows))} persons (${groupCount(base.persons)} weighted)`,
  ];
  for (const s of r.scenarios) {
    lines.push('', chalk.bold(`scenario ${s.id}`), textTable(header(s), rows(s, true), align(s), [PROGRAMS.length]));
    lines.push(...takeUpNote(s), ...estimateNote(s));
  }
  return lines.join('\n') + '\n';
}

/** What the eligible column means, or that there is none to show. */
export function takeUpNote(s: Pick<ScenarioReport, 'figures'>): string[] {
  return [
    chalk.dim(
      takeUpShows(s.figures)
        ? '  households, persons and cost are what is received (take-up); "if all eligible took up": every eligible household'
        : '  every eligible household takes its programs up: received = eligible',
    ),
  ];
}

export function estimateNote(s: Pick<ScenarioReport, 'estimates'>): string[] {
  if (!s.estimates.length) return [];
  return [
    chalk.yellow(`* rests on estimated parameters (${s.estimates.length} in force): ${s.estimates.map((e) => e.path).join(', ')}`),
    chalk.dim("  see `jiuzhu params --format table` for each estimate's basis"),
  ];
}

export function totalsMarkdown(r: SimulationReport): string {
  const base = r.scenarios[0]!.figures;
  const lines = [
    `### ${r.policy.name.zh} ${r.policy.name.en} — ${r.date}`,
    '',
    `${base.household_rows} households (${groupCount(base.households)} weighted), ${base.person_rows} persons (${groupCount(base.persons)} weighted), from \`${r.householdsFile}\`.`,
  ];
  for (const s of r.scenarios) {
    lines.push('', `#### scenario \`${s.id}\``, '', markdownTable(header(s), rows(s, false), align(s)));
    if (s.estimates.length) lines.push('', `\\* rests on estimated parameters: ${s.estimates.map((e) => `\`${e.path}\``).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

export const TOTALS_CSV_HEADER =
  'scenario,program,households,persons,annual_cost,uses_estimate,delta_annual_cost,delta_annual_cost_pct,eligible_households,eligible_persons,eligible_annual_cost';

export function totalsCsvRows(s: ScenarioReport, prefix = ''): string[] {
  const out: string[] = [];
  for (const p of PROGRAMS) {
    const f = s.figures.programs[p.id];
    const d = s.baseline ? delta(s.baseline.programs[p.id].annual_cost_exact, f.annual_cost_exact, 2) : null;
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
      ].join(','),
  );
  return out;
}

export function totalsCsv(r: SimulationReport): string {
  return [TOTALS_CSV_HEADER, ...r.scenarios.flatMap((s) => totalsCsvRows(s))].join('\n') + '\n';
}
