// `jiuzhu compare`: localities side by side, each scenario against its locality's baseline. The JSON keeps
// simulate's scenario entries (DOMAIN: "localities": [{ "policy", "scenarios": [...] }]) and adds, beside
// them, winners and losers, layer transitions, urban/rural and income-decile breakdowns.
import { namedFile } from './paths.js';
import { runDetails, type RunDetails } from './compare-details.js';
import { summaryTable } from './compare-summary.js';
export { runDetails, type RunDetails } from './compare-details.js';
import chalk from 'chalk';
import { figures, type Figures } from '../core/aggregate.js';
import type { Deciles, RunResult } from '../core/compare.js';
import { noteText } from '../core/policy-notes.js';
import type { Policy, Snapshot } from '../core/parameters/tree.js';
import type { Projection } from '../core/projection.js';
import { projectionJson, projectionLines } from './projection-view.js';
import { fundingOf, LEVELS } from '../core/funding.js';
import { isCash, PROGRAMS, programLabel } from '../core/programs/index.js';
import { estimateNote } from './estimates.js';
import { sideBySide } from './compare-side.js';
import { delta, paint, scenarioJson, fundingDelta, signedIn, signed, yearHeadLines, type ScenarioReport } from './totals.js';
import { TOTALS_CSV_HEADER, totalsCsvRows, yearColumn } from './totals-csv.js';
import { groupCount, groupDigits, inUnit, markdownTable, textTable, UNIT_LABEL, type Align, type Unit } from './text-table.js';
import { runShown, type Lang } from './lang.js';
import { detailLines, flowsTable } from './compare-lines.js';
import { estimateFootnote, roundingMarkdown, roundingWords, runsPartsWords } from './totals-words.js';
import {
  againstTitle,
  compareHouseholdsLine,
  compareRangeWords,
  compareYearWords,
  deltaLegend,
  flowsTitle,
  summaryTitle,
  levelWords,
  markdownHouseholds,
  rangeMethodWords,
  whoPaysWords,
} from './compare-words.js';
import type { EstimateUsed } from './estimates.js';
import { csvField } from './per-household.js';
import { distributionJson, distributionMarkdown, distributionTable, type RateDistribution } from './marginal-rates.js';
import { programsOnEstimates } from './estimates.js';

/**
 * A run's total, its range, and its Δ's against its locality's baseline (JSON gave the Δ's; the table did not): the
 * table's line, or Markdown's bullet.
 */
const rangeLine = (s: ScenarioReport, unit: Unit, markdown: boolean, lang?: Lang) =>
  compareRangeWords(
    s.id,
    { ...s.range!, low: inUnit(s.range!.low, unit), high: inUnit(s.range!.high, unit) },
    s.range!.delta ? { low: signedIn(s.range!.delta.low, unit), high: signedIn(s.range!.delta.high, unit) } : null,
    unit,
    markdown,
    lang,
  );

export interface LocalityReport {
  readonly policyFile: string;
  readonly policy: Policy;
  /** Details (winners and losers, flows, splits) are for one date: absent for a budget year. */
  readonly scenarios: ReadonlyArray<
    ScenarioReport & {
      readonly details?: RunDetails;
      /** Several localities: this scenario here against the same scenario in the first (its id), household by household. */
      readonly against?: { readonly locality: string; readonly details: RunDetails };
    }
  >;
  /** compare --marginal-rates: each run's marginal-rate distribution (report/marginal-rates.ts). */
  readonly marginalRates?: RateDistribution;
  /**
   * Several localities (at a date or over a budget year): this one's baseline against the first's (its id), household
   * by household — winners and losers, areas, deciles; no flows (each locality's layers are its own rules').
   */
  readonly against?: { readonly locality: string; readonly details: RunDetails };
}

export interface CompareReport {
  /** The money unit of the table and Markdown. */
  readonly unit?: Unit;
  /** A date, or (with `year`) a budget year. */
  readonly date: string;
  readonly year?: number;
  readonly householdsFile: string;
  readonly localities: readonly LocalityReport[];
  /** What the run says that its figures would not (cli/scenario-notes.ts compareNotes): a Δ of 0 by construction, … */
  readonly notes?: readonly string[];
  /** The language of the table's and Markdown's sentences (compare-words.ts; the labels are bilingual): en by default. */
  readonly lang?: Lang;
  /**
   * compare --year --projection: what the year was grown by, said as simulate says it (a county clerk's compare Markdown
   * and workbook for the finance bureau never said what 2027 assumed).
   */
  readonly projection?: Projection;
}

export function localityReport(
  policyFile: string,
  policy: Policy,
  runs: readonly RunResult[],
  estimates: readonly EstimateUsed[][],
  deciles: Deciles,
  snapshots?: readonly Snapshot[],
): LocalityReport {
  const figs: Figures[] = runs.map((r) => figures(r.totals));
  return {
    policyFile,
    policy,
    scenarios: runs.map((r, i) => ({
      id: r.scenario,
      figures: figs[i]!,
      estimates: estimates[i]!,
      onEstimates: programsOnEstimates(estimates[i]!),
      baseline: i ? figs[0] : undefined,
      details: runDetails(r, deciles),
      funding: snapshots ? fundingOf([{ figures: figs[i]!, times: 1, snapshot: snapshots[i]! }]) : undefined,
      parameters: snapshots?.[i],
    })),
  };
}

/** The projection's lines, as simulate gives them (none without one). */
export const projectedLines = (r: CompareReport): string[] =>
  r.projection ? projectionLines(r.projection, r.localities[0]!.policy.id, r.lang) : [];

export function compareJson(r: CompareReport): object {
  const base = r.localities[0]?.scenarios[0]?.figures;
  return {
    date: r.date,
    ...(r.projection ? { projection: projectionJson(r.projection) } : {}),
    households_file: namedFile(r.householdsFile),
    households: base ? { rows: base.household_rows, weighted: base.households } : null,
    persons: base ? { rows: base.person_rows, weighted: base.persons } : null,
    localities: r.localities.map((l) => ({
      policy: l.policyFile,
      id: l.policy.id,
      name: l.policy.name,
      scenarios: l.scenarios.map((s, i) => ({
        ...scenarioJson(s, i ? l.scenarios[0]!.funding : undefined),
        ...(i && s.details
          ? {
              winners_losers: s.details.changes,
              transitions: s.details.transitions,
              loser_transitions: s.details.loserTransitions,
              losers_by_program: s.details.losersBy,
            }
          : {}),
        // (a scenario here against the same scenario in the first locality: under full coverage, the rules alone)
        ...(s.against ? { against_first: againstJson(s.against) } : {}),
        // the baseline's too: its distribution by area and decile (a researcher's first table; its deltas are 0)
        ...(s.details ? { by_area: s.details.byArea, by_decile: s.details.byDecile } : {}),
      })),
      ...(l.marginalRates ? { marginal_rates: distributionJson(l.marginalRates) } : {}),
      // (the same households under this locality's baseline against the first's: who gains and who loses between them)
      ...(l.against ? { against_first: againstJson(l.against) } : {}),
    })),
    notes: (r.notes ?? []).map(noteText),
  };
}

/** A row per locality, run and program; over a budget year each begins with the year, as simulate --year's. */
export function compareCsv(r: CompareReport): string {
  const y = yearColumn(r.localities[0]?.scenarios[0]);
  const rows = r.localities.flatMap((l) => l.scenarios.flatMap((s) => totalsCsvRows(s, `${y.cell}${csvField(l.policyFile)},`)));
  return [`${y.head}policy,${TOTALS_CSV_HEADER}`, ...rows].join('\n') + '\n';
}

/** A budget year's periods and changes for a locality (its baseline's), or none at a date. */
const yearHead = (l: LocalityReport, lang?: Lang): string[] => {
  const y = l.scenarios[0]?.year;
  return y ? yearHeadLines(y, lang) : [];
};

/** A run against the first locality's same run, as JSON (`against_first`). */
const againstJson = (a: { readonly locality: string; readonly details: RunDetails }) => ({
  locality: a.locality,
  winners_losers: a.details.changes,
  by_area: a.details.byArea,
  by_decile: a.details.byDecile,
  // (over a budget year: the losers by the program they lose most in, as a scenario's)
  ...(a.details.losersBy ? { losers_by_program: a.details.losersBy } : {}),
});

/** The budget table: programs down, baseline and each scenario (with Δ) across. */
function mainTable(l: LocalityReport, color: boolean, unit: Unit): [string[], string[][], Align[]] {
  const [base, ...others] = l.scenarios;
  // (the unit in the header, where a reader looks for it: it was on the total's row alone, a county officer's trial)
  const header = [`program 项目 (${UNIT_LABEL[unit]}/year; caseloads 户)`, 'baseline 基线', ...others.flatMap((s) => [s.id, 'Δ'])];
  const align: Align[] = header.map((_, i) => (i ? 'right' : 'left'));
  const cell = (s: ScenarioReport, p: (typeof PROGRAMS)[number]) => {
    const f = s.figures.programs[p.id];
    return isCash(p) ? inUnit(f.annual_cost, unit) : `${groupCount(f.households)} 户`;
  };
  const deltaCell = (s: ScenarioReport, p: (typeof PROGRAMS)[number]) => {
    const f = s.figures.programs[p.id];
    const b = s.baseline!.programs[p.id];
    const d = isCash(p) ? delta(b.annual_cost_exact, f.annual_cost_exact, 2) : delta(b.households, f.households, 0);
    const text = isCash(p) ? signed(d, unit) : signed(d);
    return color ? paint(d, text) : text;
  };
  const rows = PROGRAMS.map((p) => [
    `${programLabel(p)}${l.scenarios.some((s) => s.onEstimates.has(p.id)) ? ' *' : ''}`,
    cell(base!, p),
    ...others.flatMap((s) => [cell(s, p), deltaCell(s, p)]),
  ]);
  const totalDelta = (s: ScenarioReport) => {
    const d = delta(s.baseline!.total_annual_cost_exact, s.figures.total_annual_cost_exact, 2);
    return color ? paint(d, signed(d, unit)) : signed(d, unit);
  };
  rows.push([
    `total 合计 (${UNIT_LABEL[unit]}/year)`,
    inUnit(base!.figures.total_annual_cost, unit),
    ...others.flatMap((s) => [inUnit(s.figures.total_annual_cost, unit), totalDelta(s)]),
  ]);
  return [header, rows, align];
}

/** Each locality's baseline, by its policy's id (and its file's name where two give one id: a variant kept its id). */
const sidesOf = (r: CompareReport) =>
  r.localities.flatMap((l) => {
    const twin = r.localities.filter((o) => o.policy.id === l.policy.id).length > 1;
    const id = twin ? `${l.policy.id} (${l.policyFile.split(/[\\/]/).pop()})` : l.policy.id;
    return l.scenarios[0] ? [{ id, figures: l.scenarios[0].figures, onEstimates: l.scenarios[0].onEstimates }] : [];
  });

/** Each run's funding by level (who pays), a scenario's with its Δ against the baseline's. */
const whoPays = (l: LocalityReport, unit: Unit, lang?: Lang): string[] =>
  l.scenarios.flatMap((s) =>
    s.funding
      ? [
          whoPaysWords(
            runShown(s.id, lang),
            LEVELS.map((lv) => `${levelWords(lv, lang)} ${inUnit(s.funding!.total[lv], unit)}`),
            s !== l.scenarios[0] && l.scenarios[0]!.funding
              ? LEVELS.map((lv) => signedIn(fundingDelta(l.scenarios[0]!.funding!, s.funding!)[lv], unit))
              : null,
            unit,
            lang,
          ),
        ]
      : [],
  );

export function compareTable(r: CompareReport): string {
  const out: string[] = [];
  const base = r.localities[0]?.scenarios[0]?.figures;
  if (base)
    out.push(
      compareHouseholdsLine(
        {
          file: r.householdsFile,
          rows: groupDigits(String(base.household_rows)),
          weighted: groupCount(base.households),
          persons: groupDigits(String(base.person_rows)),
          personsWeighted: groupCount(base.persons),
        },
        r.year,
        r.date,
        r.lang,
      ),
    );
  if (r.year) out.push(chalk.dim(compareYearWords(r.lang)));
  out.push(...projectedLines(r).map((l) => chalk.dim(l)));
  const side = sideBySide(sidesOf(r), r.unit ?? 'yuan');
  if (side) out.push('', chalk.bold('localities side by side 地区对比'), textTable(...side, [PROGRAMS.length]));
  for (const l of r.localities) {
    const [header, rows, align] = mainTable(l, true, r.unit ?? 'yuan');
    out.push(
      '',
      chalk.bold(`${l.policy.name.zh} ${l.policy.name.en}`) + chalk.dim(`  (${l.policyFile})`),
      // (a budget year: its periods and the changes inside it, as simulate --year gives them — a researcher's Fuliang
      // against Nanning turned from −3 % at a date to +2.5 % over the year, and the table did not say Nanning's rose in April)
      ...yearHead(l, r.lang).map((x) => chalk.dim(x)),
      textTable(header, rows, align, [PROGRAMS.length]),
    );
    out.push(chalk.dim(deltaLegend(chalk.level > 0, r.lang)));
    out.push(...runsPartsWords(l.scenarios, r.unit ?? 'yuan', r.lang).map((x) => `  ${x}`));
    const summary = summaryTable(l, r.unit ?? 'yuan');
    if (summary)
      out.push(
        chalk.bold(`  ${summaryTitle(r.unit ?? 'yuan', r.lang)}`),
        ...textTable(...summary)
          .split('\n')
          .map((x) => `    ${x}`),
      );
    const unit = r.unit ?? 'yuan';
    for (const s of l.scenarios.slice(1)) {
      const details = detailLines(s.details, true, unit, r.lang);
      if (details.length) out.push(chalk.bold(`  ${s.id}`), ...details);
      if (s.against)
        out.push(
          chalk.bold(`  ${againstTitle(s.against.locality, r.lang, s.id)}`),
          ...detailLines(s.against.details, true, unit, r.lang, true),
        );
    }
    if (l.against)
      out.push(chalk.bold(`  ${againstTitle(l.against.locality, r.lang)}`), ...detailLines(l.against.details, true, unit, r.lang, true));
    out.push(...whoPays(l, unit, r.lang));
    for (const s of l.scenarios) if (s.range) out.push(chalk.yellow(rangeLine(s, unit, false, r.lang)));
    if (l.scenarios.some((s) => s.range)) out.push(chalk.dim(rangeMethodWords(r.lang)));
    const estimates = [...new Map(l.scenarios.flatMap((s) => s.estimates).map((e) => [e.path, e])).values()];
    out.push(...estimateNote({ estimates }, r.lang));
    if (l.marginalRates) out.push('', distributionTable(l.marginalRates, r.lang).trimEnd());
  }
  out.push('', chalk.dim(roundingWords(r.lang)));
  return out.join('\n') + '\n';
}

export function compareMarkdown(r: CompareReport): string {
  const out = [`### jiuzhu compare — ${r.date}`, '', markdownHouseholds(r.householdsFile, r.lang)];
  if (r.year) out.push('', compareYearWords(r.lang).trim());
  const projected = projectedLines(r);
  if (projected.length) out.push('', ...projected.map((l) => `> ${l}`));
  const side = sideBySide(sidesOf(r), r.unit ?? 'yuan');
  if (side) out.push('', '#### localities side by side 地区对比', '', markdownTable(...side));
  for (const l of r.localities) {
    const [header, rows, align] = mainTable(l, false, r.unit ?? 'yuan');
    out.push('', `#### ${l.policy.name.zh} ${l.policy.name.en} (\`${l.policyFile}\`)`, '');
    const head = yearHead(l, r.lang);
    if (head.length) out.push(...head.map((x) => `- ${x}`), '');
    // (the briefing's table first: each scenario's change, winners, losers and who pays it, a row each)
    const summary = summaryTable(l, r.unit ?? 'yuan', true);
    if (summary) out.push(`**${summaryTitle(r.unit ?? 'yuan', r.lang)}**`, '', markdownTable(...summary), '');
    out.push(markdownTable(header, rows, align), '');
    const parts = runsPartsWords(l.scenarios, r.unit ?? 'yuan', r.lang);
    if (parts.length) out.push(...parts.map((x) => `- ${x}`), '');
    for (const s of l.scenarios.slice(1)) {
      // The detail lines as bullets; the flows' table (indented in the text) as a Markdown table under its bullet.
      const flows = s.details && flowsTable(s.details, false, r.lang, true);
      out.push(`**${s.id}**`, '');
      for (const x of detailLines(s.details, false, r.unit ?? 'yuan', r.lang).filter((x) => !x.startsWith('    '))) {
        out.push(`- ${x.trim()}`);
        if (flows && x.trim() === flowsTitle(r.lang)) out.push('', markdownTable(...flows), '');
      }
      out.push('');
      if (s.against)
        out.push(
          `**${againstTitle(s.against.locality, r.lang, s.id)}**`,
          '',
          ...detailLines(s.against.details, false, r.unit ?? 'yuan', r.lang, true).map((x) => `- ${x.trim()}`),
          '',
        );
    }
    if (l.against)
      out.push(
        `**${againstTitle(l.against.locality, r.lang)}**`,
        '',
        ...detailLines(l.against.details, false, r.unit ?? 'yuan', r.lang, true).map((x) => `- ${x.trim()}`),
        '',
      );
    // who pays (a reform analyst pasted compare's Markdown into a briefing: the table's funding lines were not in it)
    out.push(...whoPays(l, r.unit ?? 'yuan', r.lang).map((x) => `- ${x.trim()}`), '');
    const estimates = [...new Set(l.scenarios.flatMap((s) => s.estimates.map((e) => e.path)))];
    for (const s of l.scenarios) if (s.range) out.push(`- ${rangeLine(s, r.unit ?? 'yuan', true, r.lang)}`);
    if (estimates.length) out.push(estimateFootnote(estimates, r.lang));
    if (l.marginalRates) out.push('', distributionMarkdown(l.marginalRates, r.lang));
  }
  const notes = (r.notes ?? []).map((n) => `> ${n.replace(/^note: /, 'Note: ')}`);
  out.push('', ...notes, ...(notes.length ? [''] : []), roundingMarkdown(r.lang));
  return out.join('\n') + '\n';
}
