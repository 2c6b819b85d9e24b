// The totals of a simulation, as one view-model that feeds every format: the human table, Markdown,
// the JSON contract (DOMAIN "simulate … --format json") and CSV. Same numbers everywhere. A scenario's
// entry carries its deltas against the baseline beside the contract keys.
import { bothTitles } from '../core/scenario.js';
import { namedFile } from './paths.js';
import { monthCosts, type MonthCost } from './month-costs.js';
import chalk from 'chalk';
import { noteText } from '../core/policy-notes.js';
import type { Figures, GroupFigures } from '../core/aggregate.js';
import { PART_KEYS } from '../core/programs/parts.js';
import type { Change } from '../core/budget-year.js';
import { D, fixed } from '../core/money.js';
import type { Policy, Snapshot } from '../core/parameters/tree.js';
import { isCash, PROGRAMS, programLabel, type ProgramId } from '../core/programs/index.js';
import { estimateNote, estimatePaths, type EstimateUsed } from './estimates.js';
import { rangeMarkdown, rangeNote } from './sensitivity-rows.js';
import { groupCount, groupDigits, inUnit, markdownTable, textTable, UNIT_LABEL, type Align, type Unit } from './text-table.js';
import { fundingDeltaRange, fundingRangeMethod, type FundingReport } from '../core/funding.js';
import type { Projection } from '../core/projection.js';
import { projectionJson, projectionLines } from './projection-view.js';
import type { Lang } from './lang.js';
import {
  changesWords,
  estimateFootnote,
  householdsLine,
  monthSpan,
  periodsWords,
  partsWords,
  RANGE_METHOD,
  takeUpWords,
  roundingMarkdown,
  roundingWords,
  yearHeadline,
} from './totals-words.js';
import { fundingDelta, fundingLines, signedIn } from './funding-view.js';

export { fundingDelta, signedIn };

/** A budget year: its periods of months that pay alike (each with a month's figures) and what changes inside it. */
export interface YearReport {
  readonly year: number;
  readonly periods: ReadonlyArray<{ readonly from: string; readonly months: readonly number[]; readonly month: Figures }>;
  readonly changes: readonly Change[];
}

export interface ScenarioReport {
  readonly id: string;
  /** A scenario's title (its file's), said beside its id: the id alone read as a slug to a 中文 reader. */
  readonly title?: { readonly zh: string; readonly en: string };
  /** A date's year, or (with `year`) the budget year's. */
  readonly figures: Figures;
  readonly year?: YearReport;
  /** Who pays (the policy's funding shares). */
  readonly funding?: FundingReport;
  readonly estimates: readonly EstimateUsed[];
  readonly onEstimates: ReadonlySet<ProgramId>;
  /** The locality's baseline figures, for a scenario's deltas. */
  readonly baseline?: Figures;
  /** --ranges: how far the total could move with the estimates it rests on (report/sensitivity.ts totalRange). */
  readonly range?: TotalRange;
  /** The parameters in force (a budget year's at its start; its changes in `year`), for the workbook's sheet. */
  readonly parameters?: Snapshot;
}

/** The total's range: the lowest and highest of the runs made (report/sensitivity-rows.ts runRange). */
export interface TotalRange {
  readonly low: string;
  readonly high: string;
  /** Estimates in force, and how many of them move the total. */
  readonly estimates: number;
  readonly moving: number;
  /**
   * Of `estimates`, a projection's growth rates (its lines with a range): the star list under the table names the
   * parameters only, so the words say how many are rates (a county clerk read "54 estimates" beside "50").
   */
  readonly rates: number;
  /** A scenario's Δ against the baseline, its range: the lowest and highest Δ of the runs made (deltaRange). */
  readonly delta?: { readonly low: string; readonly high: string };
}
export { RANGE_METHOD };

export interface SimulationReport {
  /** The money unit of the table and Markdown (JSON and CSV are in yuan). */
  readonly unit?: Unit;
  readonly policy: Policy;
  readonly date: string;
  readonly householdsFile: string;
  readonly scenarios: readonly ScenarioReport[];
  /** What the run says of its policy (core/policy-notes.ts: a standard carried forward, a rule's finding). */
  readonly notes?: readonly string[];
  /** The projection a budget year was grown by (simulate --year --projection): said as --years says it. */
  readonly projection?: Projection;
  /** The language of the table's and Markdown's sentences (totals-words.ts; the labels are bilingual): en by default. */
  readonly lang?: Lang;
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
    value: dp === undefined ? d.toFixed() : fixed(d, dp),
    pct: D(base).isZero() ? null : fixed(d.dividedBy(base).times(100)),
  };
}

/** A program's parts, each with its change from the baseline's (households, persons, cost to the fen). */
function partDeltas<K extends string>(now: Readonly<Record<K, GroupFigures>>, base: Readonly<Record<K, GroupFigures>>) {
  return Object.fromEntries(
    (Object.keys(now) as K[]).map((g) => {
      const [f, b] = [now[g], base[g]];
      const cost = delta(b.annual_cost_exact, f.annual_cost_exact, 2);
      const d = { households: delta(b.households, f.households).value, persons: delta(b.persons, f.persons).value };
      return [g, { ...f, delta: { ...d, annual_cost: cost.value, annual_cost_pct: cost.pct } }];
    }),
  );
}

/** A run's JSON; `baseFunding`: the baseline's split, for a scenario's change at each level (`funding.delta`). */
export function scenarioJson(s: ScenarioReport, baseFunding?: FundingReport): Record<string, unknown> {
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
        // (a program's parts, each against the baseline's: which group a reform pays for, how much of it is care)
        const key = PART_KEYS[p.id as keyof typeof PART_KEYS];
        const [now, was] = key ? [f[key], base[key]] : [];
        if (key && now && was)
          entry[key] = partDeltas(now as Readonly<Record<string, GroupFigures>>, was as Readonly<Record<string, GroupFigures>>);
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
  if (s.range) out.total_annual_cost_range = { ...s.range, method: RANGE_METHOD };
  out.estimates = s.estimates;
  const dr = s.funding && baseFunding ? fundingDeltaRange(baseFunding, s.funding) : undefined;
  if (s.funding)
    out.funding = {
      ...s.funding.total,
      programs: s.funding.programs,
      // (a scenario's: its change at each level has a range too, range.delta, as total_annual_cost_range.delta)
      ...(s.funding.range
        ? { range: { ...s.funding.range, method: fundingRangeMethod(s.funding.range), ...(dr ? { delta: dr } : {}) } }
        : {}),
      ...(baseFunding ? { delta: fundingDelta(baseFunding, s.funding) } : {}),
    };
  if (s.year) Object.assign(out, yearJson(s.year, monthCosts(s)));
  return out;
}

const monthName = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

/** A budget year beside the contract keys: its periods, each month's cost by program, the changes inside it. */
function yearJson(y: YearReport, months: readonly MonthCost[]): Record<string, unknown> {
  return {
    year: y.year,
    periods: y.periods.map((p) => ({
      from: monthName(y.year, p.months[0]!),
      to: monthName(y.year, p.months.at(-1)!),
      months: p.months.length,
    })),
    // (each month's running total rounded less the one before: they add up to the year, month-costs.ts)
    months: months.map((m) => ({ month: monthName(y.year, m.month), total_cost: m.total, programs: m.programs })),
    changes: y.changes,
  };
}

/** A period's months as words (April–December 2022). */
const periodSpan = (y: YearReport, p: YearReport['periods'][number], lang?: Lang) =>
  monthSpan(monthName(y.year, p.months[0]!), monthName(y.year, p.months.at(-1)!), lang);

/** A budget year's periods and the changes inside it, two lines (compare gives them under each locality). */
export function yearHeadLines(y: YearReport, lang?: Lang): string[] {
  const span = (p: YearReport['periods'][number]) => periodSpan(y, p, lang);
  return [
    periodsWords(
      y.year,
      y.periods.map((p) => ({ span: span(p), months: p.months.length })),
      lang,
    ),
    changesWords(
      y.changes.map((c) => ({ ...c, inScenario: Boolean(c.source?.startsWith('scenario ')) })),
      y.changes.some((c) => c.date === `${y.year}-01-01`),
      y.periods.length,
      lang,
    ),
  ];
}

/** People-facing lines on a budget year: its periods, the changes inside it, each period's cost a month. */
function yearLines(y: YearReport, markdown: boolean, unit: Unit, lang?: Lang): string[] {
  const span = (p: YearReport['periods'][number]) => periodSpan(y, p, lang);
  const lines = yearHeadLines(y, lang);
  if (y.periods.length > 1) {
    const header = [`a month 每月 (${UNIT_LABEL[unit]})`, ...y.periods.map(span)];
    const rows = PROGRAMS.filter(isCash).map((p) => [
      programLabel(p),
      ...y.periods.map((q) => inUnit(q.month.programs[p.id].annual_cost, unit)),
    ]);
    rows.push(['total 合计', ...y.periods.map((q) => inUnit(q.month.total_annual_cost, unit))]);
    const align: Align[] = header.map((_, i) => (i ? 'right' : 'left'));
    lines.push(markdown ? '\n' + markdownTable(header, rows, align) : textTable(header, rows, align, [rows.length - 1]));
  }
  return lines;
}

export function totalsJson(r: SimulationReport): object {
  const base = r.scenarios[0]!.figures;
  return {
    policy: { id: r.policy.id, file: r.policy.file, name: r.policy.name },
    date: r.date,
    households_file: namedFile(r.householdsFile),
    households: { rows: base.household_rows, weighted: base.households },
    persons: { rows: base.person_rows, weighted: base.persons },
    scenarios: r.scenarios.map((s, i) => scenarioJson(s, i ? r.scenarios[0]!.funding : undefined)),
    // what stderr says of the policy (a standard carried forward), kept with the figures it qualifies
    notes: (r.notes ?? []).map(noteText),
    ...(r.projection ? { projection: projectionJson(r.projection) } : {}),
  };
}

/** "+1,234.50" / "−12.00" with the percent, for people. */
export function signed(d: Delta, unit?: Unit): string {
  const v = D(d.value);
  if (v.isZero()) return '0';
  const abs = d.value.replace(/^-/, '');
  const text = `${v.isNegative() ? '−' : '+'}${unit ? inUnit(abs, unit) : groupDigits(abs)}`;
  // (the percent signed as the amount: "−57.46 (−0.06%)", not "(-0.06%)")
  return d.pct === null ? `${text} (new)` : `${text} (${v.isNegative() ? '−' : '+'}${d.pct.replace(/^-/, '')}%)`;
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

function header(s: ScenarioReport, unit: Unit): string[] {
  return [
    'program 项目',
    'households 户',
    'persons 人',
    `${s.year ? `cost ${s.year.year} 年度支出` : 'annual cost 年度支出'} (${UNIT_LABEL[unit]})`,
    // (its unit said, as the cost's: a finance trial read the column without one; caseloads there say 户)
    ...(takeUpShows(s.figures) ? [`if all eligible took up 应保尽保 (${UNIT_LABEL[unit]})`] : []),
    ...(s.baseline ? ['Δ vs baseline 较基线'] : []),
  ];
}

const align = (s: ScenarioReport): Align[] => header(s, 'yuan').map((_, i) => (i ? 'right' : 'left'));

function rows(s: ScenarioReport, color: boolean, unit: Unit): string[][] {
  const eligible = takeUpShows(s.figures);
  const out = PROGRAMS.map((p) => {
    const f = s.figures.programs[p.id];
    const label = `${programLabel(p)}${s.onEstimates.has(p.id) ? ' *' : ''}`;
    const cash = isCash(p);
    const row = [label, groupCount(f.households), groupCount(f.persons), cash ? inUnit(f.annual_cost, unit) : CASELOAD];
    // (a caseload in the money columns says its unit in both languages: `163,631 户` alone read as Chinese-only)
    if (eligible) row.push(cash ? inUnit(f.eligible_annual_cost, unit) : `${groupCount(f.eligible_households)} ${HOUSEHOLDS}`);
    if (s.baseline) {
      const base = s.baseline.programs[p.id];
      const d = cash ? delta(base.annual_cost_exact, f.annual_cost_exact, 2) : delta(base.households, f.households, 0);
      const text = `${cash ? signed(d, unit) : signed(d)}${cash || D(d.value).isZero() ? '' : ` ${HOUSEHOLDS}`}`;
      row.push(color ? paint(d, text) : text);
    }
    return row;
  });
  const total = ['total 合计', '', '', inUnit(s.figures.total_annual_cost, unit)];
  if (eligible) total.push(inUnit(s.figures.eligible_total_annual_cost, unit));
  if (s.baseline) {
    const d = delta(s.baseline.total_annual_cost_exact, s.figures.total_annual_cost_exact, 2);
    total.push(color ? paint(d, signed(d, unit)) : signed(d, unit));
  }
  out.push(total);
  return out;
}

export function totalsTable(r: SimulationReport): string {
  const lines = [
    chalk.bold(`${r.policy.name.zh} ${r.policy.name.en} — ${r.scenarios[0]?.year ? yearHeadline(r.date, r.lang) : r.date}`),
    householdsLine(counts(r), false, r.lang),
    ...(r.projection ? projectionLines(r.projection, r.policy.id, r.lang).map((l) => chalk.dim(l)) : []),
  ];
  for (const s of r.scenarios) {
    const unit = r.unit ?? 'yuan';
    lines.push(
      '',
      chalk.bold(`scenario ${s.id}${titled(s)}`),
      textTable(header(s, unit), rows(s, true, unit), align(s), [PROGRAMS.length]),
    );
    lines.push(
      ...partsWords(s.figures, unit, r.lang, s.baseline),
      ...takeUpNote(s, r.lang),
      ...rangeNote(s, unit, r.lang),
      ...estimateNote(s, r.lang),
    );
    if (s.year) lines.push(...yearLines(s.year, false, unit, r.lang).map((l) => chalk.dim(l)));
    if (s.funding) lines.push(...fundingLines(s.funding, false, unit, s === r.scenarios[0] ? undefined : r.scenarios[0]!.funding, r.lang));
  }
  lines.push('', chalk.dim(roundingWords(r.lang)));
  return lines.join('\n') + '\n';
}

const CASELOAD = 'caseload, no cost 仅计对象，不计支出';
const HOUSEHOLDS = 'households 户';
/** " — 其标题 its title" after a run's id: a scenario's file's title, the baseline's own (the id alone read as a slug). */
export const titled = (s: Pick<ScenarioReport, 'id' | 'title'>) =>
  s.title ? ` — ${bothTitles(s.title)}` : s.id === 'baseline' ? ' — 基线（现行政策） the rules in force' : '';

/** What the eligible column means, or why there is none (beside an estimated take-up rate it read as a contradiction). */
export const takeUpNote = (s: Pick<ScenarioReport, 'figures'>, lang?: Lang): string[] => [
  chalk.dim(takeUpWords(takeUpShows(s.figures), lang)),
];

/** The file's households and persons, rows and weighted, grouped for people. */
const counts = (r: SimulationReport) => {
  const base = r.scenarios[0]!.figures;
  return {
    file: r.householdsFile,
    rows: groupDigits(String(base.household_rows)),
    weighted: groupCount(base.households),
    persons: groupDigits(String(base.person_rows)),
    personsWeighted: groupCount(base.persons),
  };
};

export function totalsMarkdown(r: SimulationReport): string {
  const lines = [
    `### ${r.policy.name.zh} ${r.policy.name.en} — ${r.scenarios[0]?.year ? yearHeadline(r.date, r.lang) : r.date}`,
    '',
    householdsLine(counts(r), true, r.lang),
    ...(r.projection ? ['', ...projectionLines(r.projection, r.policy.id, r.lang).map((l) => `> ${l}`)] : []),
  ];
  for (const s of r.scenarios) {
    const unit = r.unit ?? 'yuan';
    lines.push('', `#### scenario \`${s.id}\`${titled(s)}`, '', markdownTable(header(s, unit), rows(s, false, unit), align(s)));
    lines.push(...partsWords(s.figures, unit, r.lang, s.baseline).flatMap((l) => ['', l.trim()]));
    if (s.year) lines.push('', ...yearLines(s.year, true, unit, r.lang));
    if (s.funding)
      lines.push('', ...fundingLines(s.funding, true, unit, s === r.scenarios[0] ? undefined : r.scenarios[0]!.funding, r.lang));
    lines.push(...rangeMarkdown(s, unit, r.lang));
    if (s.estimates.length) lines.push('', estimateFootnote(estimatePaths(s.estimates), r.lang));
  }
  const notes = (r.notes ?? []).map((n) => `> ${n.replace(/^note: /, 'Note: ')}`); // (a rule's warning: as it is)
  lines.push('', ...notes, ...(notes.length ? [''] : []), roundingMarkdown(r.lang));
  return lines.join('\n') + '\n';
}
