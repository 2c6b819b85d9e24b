// jiuzhu compare --policy FILE [--policy FILE …] [--scenario FILE …] --households FILE [--date D] [--format …]
// One pass over the data: the file is parsed once and every locality × (baseline + scenarios) is evaluated on it.
import { fileKey } from '../../io/places.js';
import { refuseWorkbookNowhere } from '../option-values.js';
import { incomeDeciles, newAcross, type Deciles, type RunResult } from '../../core/compare.js';
import { compareParallel, ratesParallel, simulateParallel } from '../../engine/parallel.js';
import { evaluatePlan, sensitivityPlan, type SensitivityResult } from '../../core/sensitivity-plan.js';
import { localitiesLeftOut } from '../../report/sensitivity.js';
import { UsageError } from '../../errors.js';
import { inputsOf, refuseOverwrite } from '../../io/outputs.js';
import {
  compareCsv,
  compareJson,
  compareMarkdown,
  compareTable,
  localityReport,
  runDetails,
  type CompareReport,
  type LocalityReport,
} from '../../report/compare.js';
import { estimatesInForce } from '../../report/estimates.js';
import type { Ctx } from '../context.js';
import { madeWith } from '../made.js';
import { writeTold } from '../written.js';
import type { Unit } from '../../report/text-table.js';
import { budgetYear, incomesYearWithProjection } from '../year.js';
import { compareYear } from '../compare-year.js';
import { householdsNotes } from '../population-notes.js';
import { priorsAboveMost } from '../../core/prior-check.js';
import {
  allOrEveryProblem,
  fewRowsNotes,
  loadHouseholds,
  loadRuns,
  loadScenarios,
  priorAboveNote,
  simulationDate,
  withExecutor,
  yuanAbove0,
  type LoadedRun,
} from '../load.js';
import { compareNotes, heardNotes, sayNotes } from '../scenario-notes.js';
import { policyNotes } from '../../core/policy-notes.js';
import type { Policy } from '../../core/parameters/tree.js';
import { rateDistributionOf } from '../../report/marginal-rates.js';
import { ranged } from '../../report/funding-ranges.js';
import { detailsCsv } from '../../report/details-csv.js';
import { outputLang, type Lang } from '../../report/lang.js';

export interface CompareOptions {
  readonly policy: readonly string[];
  readonly scenario?: readonly string[];
  readonly households: string;
  readonly date?: string;
  readonly format: 'table' | 'json' | 'csv' | 'markdown' | 'xlsx' | 'html';
  readonly out?: string;
  /** A budget year instead of a date: the year's costs and deltas, its winners and losers (flows are a date's). */
  readonly year?: string;
  /** With year (one locality): the policy and households grown to it (simulate --year --projection). */
  readonly projection?: string;
  readonly incomesYear?: string;
  readonly unit?: Unit;
  /** Yuan a month more of each main earner: each run's marginal-rate distribution too. */
  readonly marginalRates?: string;
  /** Also each total's range from the estimates it rests on, from the population already read. */
  readonly ranges?: boolean;
  /** The language of the table's and Markdown's sentences (default from the locale; JSON and CSV: English). */
  readonly lang?: Lang;
  /** Also the winners and losers and the area and decile splits as a long CSV (report/details-csv.ts). */
  readonly details?: string;
  readonly quiet: boolean;
}

export async function compareCommand(ctx: Ctx, given: CompareOptions): Promise<void> {
  // (JSON and CSV are contracts: English whatever the locale; a researcher under zh_CN read compare in English)
  const o: CompareOptions = { ...given, lang: outputLang(given.format, given.lang, ctx.env) };
  // The same locality twice compares it with itself (a county trial's slip, run without a word)
  const seen = new Map<string, string>();
  for (const p of o.policy) {
    const key = await fileKey(p);
    if (seen.has(key))
      throw new UsageError(`--policy ${p} is given twice (${seen.get(key)} is the same file): compare needs different localities`);
    seen.set(key, p);
  }
  incomesYearWithProjection(o);
  if (o.projection && o.year === undefined)
    throw new UsageError('--projection goes with --year: the budget year it grows the policy and the households to (e.g. --year 2027)');
  if (o.projection && o.format === 'html')
    throw new UsageError(
      'compare --format html is the report of jiuzhu report: for a projected year, jiuzhu report --year Y --projection P',
    );
  refuseWorkbookNowhere(o.format, o.out, ctx.stdout.isTTY);
  if (o.details !== undefined && o.format === 'html')
    throw new UsageError('--details goes with the other formats: the HTML report (jiuzhu report) has its own tables');
  const details = o.details === undefined ? null : { flag: '--details', path: o.details, format: 'csv' };
  if (o.out || details)
    await refuseOverwrite([o.out ? { flag: '--out', path: o.out, format: o.format, chosen: true } : null, details], inputsOf(o));
  const write = (text: string) => (o.out ? writeTold(ctx, o.quiet, o.out, text, o.lang) : ctx.stdout.write(text));
  const render = async (report: CompareReport) => {
    if (details) await writeTold(ctx, o.quiet, details.path, detailsCsv(report), o.lang);
    if (o.format !== 'xlsx') return write(renderCompare(report, o.format as Exclude<CompareOptions['format'], 'html' | 'xlsx'>));
    const { compareWorkbook } = await import('../../report/compare-xlsx.js'); // exceljs only for a workbook
    const made = await madeWith(ctx, o);
    return writeTold(ctx, o.quiet, o.out!, await compareWorkbook(report, made), o.lang);
  };
  if (o.format === 'html') {
    // (--ranges asks what the page holds: taken, as simulate --format html takes it)
    if (o.marginalRates !== undefined)
      throw new UsageError('--format html is the report of jiuzhu report: it has the marginal rates already (and the ranges)');
    const { reportHtml } = await import('./report.js'); // echarts is loaded only for a report
    await write(await reportHtml(ctx, o));
    return;
  }
  if (o.ranges && o.format === 'csv') throw new UsageError('compare --ranges has no CSV form: use jiuzhu sensitivity --format csv');
  const scenarios = await loadScenarios(o.scenario ?? [], ctx, o.quiet);
  if (o.year !== undefined) {
    const year = budgetYear(o.year); // (as parsed: 2026年 is 2026 — a review found the text itself in a note's date)
    const made = await compareYear(ctx, o, scenarios, year);
    const notes = [
      ...heardNotes(ctx),
      ...localitiesNotes(made.localities, `${year}-12-31`, o.lang),
      ...compareNotes(made, o.lang),
      ...(made.notes ?? []),
    ];
    const report = { ...made, lang: o.lang, notes };
    await render(report);
    sayNotes(ctx, o.quiet, report.notes);
    return;
  }
  const date = simulationDate(ctx, o.date, { quiet: o.quiet, year: true });
  const rateDelta = o.marginalRates === undefined ? null : yuanAbove0('--marginal-rates', o.marginalRates);
  if (rateDelta !== null && o.format === 'csv')
    throw new UsageError('compare --marginal-rates has no CSV form (one row per program): use jiuzhu cliff --households FILE --format csv');
  // Every policy × scenario is checked before the CSV is read.
  const localities = await allOrEveryProblem(o.policy.map((file) => loadRuns(file, scenarios, date)));
  const plans = o.ranges ? localities.map((runs) => sensitivityPlan(runs[0]!.snapshot.policy, scenarios, { date })) : null;
  // (several localities: each one's baseline against the first's, household by household — a researcher's trial diffed
  // three simulate --per-household files by hand for who gains and who loses between provinces)
  // (and each scenario against the same scenario there: under scenarios/full-coverage.yaml, the rules alone — a researcher's
  // baselines differed chiefly by take-up)
  const across = newAcross(localities.map((runs) => ({ runs })));
  const { pop, deciles, results, rates, ranges } = await withExecutor(ctx, async (exec) => {
    const pop = await loadHouseholds(ctx, exec, o.households, o.quiet);
    const deciles = incomeDeciles(pop);
    return {
      pop,
      deciles,
      results: await compareParallel(
        exec,
        pop,
        localities.map((runs) => ({ runs })),
        deciles,
        across,
      ),
      rates: rateDelta === null ? null : await Promise.all(localities.map((runs) => ratesParallel(exec, pop, runs, rateDelta, 'monthly'))),
      // --ranges: each locality's estimates one at a time, then their joint corners, on the population already read
      ranges: plans ? await Promise.all(plans.map((plan) => evaluatePlan(plan, (runs) => simulateParallel(exec, pop, runs)))) : null,
    };
  });
  const firstId = localities[0]![0]!.snapshot.policy.id;
  const made: CompareReport = {
    unit: o.unit,
    date,
    householdsFile: o.households,
    localities: datedLocalities(o.policy, localities, results, deciles).map((loc, l) => ({
      ...withRanges(acrossScenarios(loc, l ? across?.[l] : undefined, firstId, deciles), ranges?.[l] ?? null),
      ...(across && l ? { against: { locality: firstId, details: acrossDetails(across[l]![0]!, deciles) } } : {}),
      ...(rates && rateDelta !== null
        ? { marginalRates: rateDistributionOf(rateDelta, 'monthly', localities[l]!, rates[l]!, pop.householdIds) }
        : {}),
    })),
  };
  const report = {
    ...made,
    lang: o.lang,
    notes: [
      ...heardNotes(ctx),
      ...localitiesNotes(made.localities, date, o.lang),
      ...compareNotes(made, o.lang),
      ...(await householdsNotes(o.policy, o.households, o.lang, { year: Number(date.slice(0, 4)), date })),
      ...localitiesLeftOut(made.localities, ranges, o.lang),
      // (simulate's note on a small sample, of the first locality's baseline as compare --year says it: a researcher's
      // compare on the sample said nothing of its 11 gradual exits)
      ...fewRowsNotes(results[0]![0]!.totals, o.lang),
      // (a prior_dibao far above what the first locality's dibao pays: simulate's note, from the same rule)
      ...[priorAboveNote(priorsAboveMost(pop, localities[0]![0]!.rules), o.households)].filter((n) => n !== null),
    ],
  };
  await render(report);
  sayNotes(ctx, o.quiet, report.notes);
}

/** A locality's run against the first's as details: no flows between layers (each locality's layers are its own rules'). */
const acrossDetails = (a: RunResult, deciles: Deciles) =>
  runDetails({ changes: a.changes, byArea: a.byArea, byDecile: a.byDecile }, deciles);

/** A locality's scenarios, each with its run against the first locality's same scenario (`against`), where given. */
function acrossScenarios<L extends { readonly scenarios: readonly object[] }>(
  loc: L,
  across: readonly RunResult[] | undefined,
  first: string,
  deciles: Deciles,
): L {
  if (!across) return loc;
  const scenarios = loc.scenarios.map((s, i) =>
    i && across[i] ? { ...s, against: { locality: first, details: acrossDetails(across[i], deciles) } } : s,
  );
  return { ...loc, scenarios };
}

/**
 * Each locality's policy notes (its stale standards) at the date: in the report's notes, as simulate's are (a downstream
 * trial's compare JSON held 4 of the 7 notes said on stderr: these were said after the report and not carried by it).
 */
const localitiesNotes = (localities: readonly { readonly policy: Policy }[], date: string, lang?: Lang): string[] => [
  ...new Set(localities.flatMap((l) => policyNotes(l.policy, [date], [], lang))),
  ...sameIds(
    localities.map((l) => l.policy),
    lang,
  ),
];

/**
 * Policies of one id (a variant copied from a bundled file, its id kept): said, and told apart by their files in the
 * side-by-side table (a policy author's trial read `guangxi-nanning − guangxi-nanning`, with no note).
 */
function sameIds(policies: readonly Policy[], lang?: Lang): string[] {
  const ids = [...new Set(policies.map((p) => p.id))].filter((id) => policies.filter((p) => p.id === id).length > 1);
  return ids.map((id) => {
    const files = policies.filter((p) => p.id === id).map((p) => p.file);
    return lang === 'zh'
      ? `注：${files.join('、')} 的政策 id 同为 ${id}：对比表按文件区分（如为变体，可改其 policy: id，或写成方案 --scenario）`
      : `note: ${files.join(', ')} give one policy id, ${id}: the side-by-side table tells them apart by file (a variant? give it its own policy: id, or write it as a --scenario)`;
  });
}

/** Each locality's report at one date, from its runs and their compared results. */
export function datedLocalities(
  files: readonly string[],
  localities: ReadonlyArray<readonly LoadedRun[]>,
  results: readonly RunResult[][],
  deciles: Deciles,
): LocalityReport[] {
  return localities.map((runs, l) =>
    localityReport(
      files[l]!,
      runs[0]!.snapshot.policy,
      results[l]!,
      runs.map((r) => estimatesInForce(r.snapshot)),
      deciles,
      runs.map((r) => r.snapshot),
    ),
  );
}

/** The locality's runs, each with its total's range when --ranges asked for it. */
function withRanges(l: LocalityReport, ranges: SensitivityResult | null): LocalityReport {
  return ranges ? { ...l, scenarios: ranged(l.scenarios, ranges) } : l;
}

function renderCompare(report: CompareReport, format: Exclude<CompareOptions['format'], 'html' | 'xlsx'>): string {
  const render = {
    json: () => JSON.stringify(compareJson(report), null, 2) + '\n',
    csv: () => compareCsv(report),
    markdown: () => compareMarkdown(report),
    table: () => compareTable(report),
  };
  return render[format]();
}
