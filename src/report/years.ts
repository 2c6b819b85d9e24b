// Several budget years (simulate --years, with a projection file or without) as JSON, CSV, a table and Markdown: each
// run's cost per program per year, its growth, what drives it (caseload or cost per person), and who pays each year,
// from the view of years-view.ts (which the workbook and the HTML report read too).
import { namedFile } from './paths.js';
import chalk from 'chalk';
import { noteText } from '../core/policy-notes.js';
import { projectionJson } from './projection-view.js';
import { estimateNote } from './estimates.js';
import { scenarioJson } from './totals.js';
import { TOTALS_CSV_HEADER, totalsCsvRows } from './totals-csv.js';
import { markdownTable, textTable, type Align } from './text-table.js';
import { roundingMarkdown, roundingWords } from './totals-words.js';
import { cellText, projectionLines, ranOn, runName, window, yearsBlocks, yearsTitle, type YearsReport } from './years-view.js';

/**
 * Each run's entry keeps DOMAIN's shape (`programs`, `total_annual_cost`, …: a contract reader of simulate's JSON was
 * given `years` alone) with the window's figures, as a budget year's are its months': costs summed over the years (the
 * medium-term total a budget meeting asks for), counts the average month. Each year's figures under `years`.
 */
export function yearsJson(r: YearsReport): object {
  const base = window(r.runs[0]!.years);
  return {
    policy: { id: r.policy.id, file: r.policy.file, name: r.policy.name },
    households_file: namedFile(r.householdsFile),
    // (as simulate's at a date: the file's rows and what they weigh, the mean of the years as the window's counts are)
    households: { rows: base.figures.household_rows, weighted: base.figures.households },
    persons: { rows: base.figures.person_rows, weighted: base.figures.persons },
    date: `${r.years[0]}-${r.years.at(-1)}`,
    years: r.years,
    projection: projectionJson(r.projection),
    notes: (r.notes ?? []).map(noteText),
    // each run's figures over the window, in DOMAIN's shape: annual_cost and the funding are the years' sum (an
    // auditor's trial read "annual" as one year's), counts a year's mean; each year's own figures are under `years`
    window: {
      years: r.years.length,
      costs: 'summed over the years',
      counts: 'mean of the years',
      ...(r.runs[0]!.years.every((s) => s.range) ? { ranges: "the years' ranges added; estimates and moving: the most of any year" } : {}),
    },
    scenarios: r.runs.map((run, i) => ({
      ...windowJson(scenarioJson(i ? { ...window(run.years), baseline: base.figures } : window(run.years), i ? base.funding : undefined)),
      years: run.years.map((s, k) => {
        const b = r.runs[0]!.years[k]!;
        return { ...scenarioJson(i ? { ...s, baseline: b.figures } : s, i ? b.funding : undefined) };
      }),
    })),
  };
}

/** The window's range says how it is made (it said a year's runs' words: a budget-uncertainty trial). */
function windowJson<T extends { total_annual_cost_range?: object }>(j: T): T {
  if (!j.total_annual_cost_range) return j;
  return { ...j, total_annual_cost_range: { ...j.total_annual_cost_range, method: WINDOW_METHOD } };
}
const WINDOW_METHOD = "the years' ranges added (each year's: the lowest and highest of its runs)";

/**
 * Each year's rows in the columns of simulate's CSV (a scenario's Δ against the baseline's same year, uses_estimate,
 * the eligible figures, who pays), the year first (as compare puts the policy): a trial found the Δ and the eligible
 * columns missing. No window rows: a year column stays a year; the window's sums are in JSON and the workbook.
 */
export function yearsCsv(r: YearsReport): string {
  const base = r.runs[0]!;
  const rows = r.runs.flatMap((run, i) =>
    run.years.flatMap((s, k) => totalsCsvRows(i ? { ...s, baseline: base.years[k]!.figures } : s, `${r.years[k]},`)),
  );
  return [`year,${TOTALS_CSV_HEADER}`, ...rows].join('\n') + '\n';
}

/** A run's tables as text or Markdown, each with its notes under it. */
function tables(r: YearsReport, run: YearsReport['runs'][number], markdown: boolean): string[] {
  return yearsBlocks(r, run).flatMap((b, i) => {
    const align: Align[] = b.header.map((_, k) => (k ? 'right' : 'left'));
    const rows = b.rows.map((row) => row.map(cellText));
    const table = markdown ? markdownTable([...b.header], rows, align) : textTable([...b.header], rows, align, [...b.rule]);
    const notes = markdown ? b.notes.map((n) => n.replace(/^\*/, '\\*')) : b.notes; // (not a bullet)
    return [...(i ? [''] : []), table, ...(b.notes.length && markdown ? [''] : []), ...notes];
  });
}

export function yearsTable(r: YearsReport): string {
  const lines = [
    chalk.bold(`${r.policy.name.zh} ${r.policy.name.en} — ${yearsTitle(r.years, r.lang)} 中期财政规划`),
    chalk.dim(ranOn(r)),
    ...projectionLines(r.projection, r.policy.id, r.lang).map((l) => chalk.dim(l)),
  ];
  for (const run of r.runs) {
    lines.push('', chalk.bold(`scenario ${runName(r, run.id)}`), ...tables(r, run, false));
    lines.push(
      ...estimateNote({ estimates: [...new Map(run.years.flatMap((s) => s.estimates).map((e) => [e.path, e])).values()] }, r.lang),
    );
  }
  lines.push('', chalk.dim(roundingWords(r.lang)));
  return lines.join('\n') + '\n';
}

export function yearsMarkdown(r: YearsReport): string {
  const lines = [
    `### ${r.policy.name.zh} ${r.policy.name.en} — ${yearsTitle(r.years, r.lang)} 中期财政规划`,
    '',
    `${ranOn(r)}`,
    '',
    ...projectionLines(r.projection, r.policy.id, r.lang).map((l) => `> ${l}`),
  ];
  for (const run of r.runs)
    lines.push('', `#### scenario ${runName(r, run.id).replace(run.id, `\`${run.id}\``)}`, '', ...tables(r, run, true));
  const notes = (r.notes ?? []).map((n) => `> ${n.replace(/^note: /, 'Note: ')}`);
  lines.push('', ...notes, ...(notes.length ? [''] : []), roundingMarkdown(r.lang));
  return lines.join('\n') + '\n';
}
