// The totals of a simulation, as one view-model that feeds every format: the human table, Markdown,
// the JSON contract (DOMAIN "simulate … --format json") and CSV. Same numbers everywhere.
import chalk from 'chalk';
import type { Figures } from '../core/aggregate.js';
import type { Policy } from '../core/parameters/tree.js';
import { PROGRAMS, programLabel, type ProgramId } from '../core/programs/index.js';
import type { EstimateUsed } from './estimates.js';
import { groupDigits, markdownTable, textTable, type Align } from './text-table.js';

export interface ScenarioReport {
  readonly id: string;
  readonly figures: Figures;
  readonly estimates: readonly EstimateUsed[];
  readonly onEstimates: ReadonlySet<ProgramId>;
}

export interface SimulationReport {
  readonly policy: Policy;
  readonly date: string;
  readonly householdsFile: string;
  readonly scenarios: readonly ScenarioReport[];
}

export function totalsJson(r: SimulationReport): object {
  const base = r.scenarios[0]!.figures;
  return {
    policy: { id: r.policy.id, file: r.policy.file, name: r.policy.name },
    date: r.date,
    households_file: r.householdsFile,
    households: { rows: base.household_rows, weighted: base.households },
    persons: { rows: base.person_rows, weighted: base.persons },
    scenarios: r.scenarios.map((s) => ({
      id: s.id,
      programs: Object.fromEntries(PROGRAMS.map((p) => [p.id, { ...s.figures.programs[p.id], uses_estimate: s.onEstimates.has(p.id) }])),
      total_annual_cost: s.figures.total_annual_cost,
      total_annual_cost_exact: s.figures.total_annual_cost_exact,
      estimates: s.estimates,
    })),
  };
}

const HEADER = ['program 项目', 'households 户', 'persons 人', 'annual cost 年度支出 (yuan)'];
const ALIGN: Align[] = ['left', 'right', 'right', 'right'];

function rows(s: ScenarioReport, mark: (t: string) => string): string[][] {
  const out = PROGRAMS.map((p) => {
    const f = s.figures.programs[p.id];
    const label = `${programLabel(p)}${s.onEstimates.has(p.id) ? ' *' : ''}`;
    return [label, groupDigits(f.households), groupDigits(f.persons), p.kind === 'cash' ? groupDigits(f.annual_cost) : mark('caseload 仅计人数')];
  });
  out.push(['total 合计', '', '', groupDigits(s.figures.total_annual_cost)]);
  return out;
}

export function totalsTable(r: SimulationReport): string {
  const base = r.scenarios[0]!.figures;
  const lines = [
    chalk.bold(`${r.policy.name.zh} ${r.policy.name.en} — ${r.date}`),
    `${r.householdsFile}: ${groupDigits(String(base.household_rows))} households (${groupDigits(base.households)} weighted), ${groupDigits(String(base.person_rows))} persons (${groupDigits(base.persons)} weighted)`,
  ];
  for (const s of r.scenarios) {
    lines.push('', chalk.bold(`scenario ${s.id}`), textTable(HEADER, rows(s, chalk.dim), ALIGN, [PROGRAMS.length]));
    lines.push(...estimateNote(s));
  }
  return lines.join('\n') + '\n';
}

function estimateNote(s: ScenarioReport): string[] {
  if (!s.estimates.length) return [];
  return [
    chalk.yellow(`* rests on estimated parameters (${s.estimates.length} in force): ${s.estimates.map((e) => e.path).join(', ')}`),
    chalk.dim('  see `jiuzhu params --format table` for each estimate\'s basis'),
  ];
}

export function totalsMarkdown(r: SimulationReport): string {
  const base = r.scenarios[0]!.figures;
  const lines = [`### ${r.policy.name.zh} ${r.policy.name.en} — ${r.date}`, '',
    `${base.household_rows} households (${base.households} weighted), ${base.person_rows} persons (${base.persons} weighted), from \`${r.householdsFile}\`.`];
  for (const s of r.scenarios) {
    lines.push('', `#### scenario \`${s.id}\``, '', markdownTable(HEADER, rows(s, (t) => t), ALIGN));
    if (s.estimates.length) lines.push('', `\\* rests on estimated parameters: ${s.estimates.map((e) => `\`${e.path}\``).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

export function totalsCsv(r: SimulationReport): string {
  const out = ['scenario,program,households,persons,annual_cost,uses_estimate'];
  for (const s of r.scenarios) {
    for (const p of PROGRAMS) {
      const f = s.figures.programs[p.id];
      out.push([s.id, p.id, f.households, f.persons, f.annual_cost, s.onEstimates.has(p.id) ? 1 : 0].join(','));
    }
    out.push([s.id, 'total', '', '', s.figures.total_annual_cost, s.onEstimates.size ? 1 : 0].join(','));
  }
  return out.join('\n') + '\n';
}
