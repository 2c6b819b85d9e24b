// jiuzhu simulate --policy FILE --households FILE [--scenario FILE…] [--date D] [--format table|json|csv|markdown]
//   [--per-household FILE] [--stream]
import { refuseWorkbookNowhere } from '../option-values.js';
import { figures, Totals } from '../../core/aggregate.js';
import type { Population } from '../../core/population.js';
import { simulateRange, type Run } from '../../core/simulate.js';
import { AtomicFile } from '../../io/atomic-file.js';
import { commandStdout, inputsOf, refuseOverwrite } from '../../io/outputs.js';
import { estimatesInForce, programsOnEstimates } from '../../report/estimates.js';
import { PER_HOUSEHOLD_HEADER, perHouseholdRow } from '../../report/per-household.js';
import { totalsJson, totalsMarkdown, totalsTable, type SimulationReport } from '../../report/totals.js';
import { totalsCsv } from '../../report/totals-csv.js';
import type { Ctx } from '../context.js';
import { madeWith } from '../made.js';
import { writeTold, wroteLine } from '../written.js';
import { fileThere } from '../../io/places.js';
import { policyNotes } from '../../core/policy-notes.js';
import {
  householdsSource,
  loadHouseholds,
  emptyNote,
  fewRowsNote,
  priorAboveNote,
  priorNote,
  loadRuns,
  loadScenarios,
  simulateHouseholds,
  simulationDate,
  withExecutor,
} from '../load.js';
import { heardNotes, sayNotes, scenarioNotes, takeUpRangesNote } from '../scenario-notes.js';
import { makeProgress, readingLabel } from '../progress.js';
import { streamHouseholds } from '../../engine/households.js';
import { UsageError } from '../../errors.js';
import { fundingOf } from '../../core/funding.js';
import type { Unit } from '../../report/text-table.js';
import { outputLang, type Lang } from '../../report/lang.js';
import { totalsWorkbook } from '../../report/xlsx.js';
import { budgetYear, incomesYearWithProjection, simulateYear } from '../year.js';
import { householdsNotes } from '../population-notes.js';
import { YearRowsFile } from '../year-rows.js';
import { evaluatePlan, sensitivityPlan, type SensitivityResult } from '../../core/sensitivity-plan.js';
import { ranged } from '../../report/funding-ranges.js';
import { leftOutNotes } from '../../report/sensitivity.js';
import { simulateParallel } from '../../engine/parallel.js';
import { simulateYears, yearSpan } from '../years.js';
import { yearsCsv, yearsJson, yearsMarkdown, yearsTable } from '../../report/years.js';
import { yearsWorkbook } from '../../report/years-xlsx.js';

export type TotalsFormat = 'table' | 'json' | 'csv' | 'markdown' | 'xlsx' | 'html';
type TextFormat = Exclude<TotalsFormat, 'xlsx' | 'html'>;

export interface SimulateOptions {
  readonly policy: string;
  readonly households: string;
  readonly date?: string;
  readonly format: TotalsFormat;
  readonly perHousehold?: string;
  readonly scenario?: readonly string[];
  /** Evaluate households in chunks as they are read (bounded memory; rows sorted by household_id). */
  readonly stream?: boolean;
  /** A budget year instead of a date. */
  readonly year?: string;
  /** The money unit of the table and Markdown. */
  readonly unit?: Unit;
  /** The language of the notes in the table, Markdown and workbook (default from the locale; JSON and CSV: English). */
  readonly lang?: Lang;
  /** Write the totals here instead of standard output. */
  readonly out?: string;
  /** Several budget years, and how they grow. */
  readonly years?: string;
  readonly projection?: string;
  readonly incomesYear?: string;
  /** Also each total's range from the estimates it rests on (the lowest and highest runs: core/sensitivity-plan.ts). */
  readonly ranges?: boolean;
  readonly quiet: boolean;
}

const CHUNK = 4096;

export async function simulateCommand(ctx: Ctx, given: SimulateOptions): Promise<void> {
  const o: SimulateOptions = { ...given, lang: outputLang(given.format, given.lang, ctx.env) };
  refuseWorkbookNowhere(o.format, o.out, ctx.stdout.isTTY);
  await refuseOverwrite(
    [
      o.perHousehold ? { flag: '--per-household', path: o.perHousehold, format: 'csv' } : null,
      o.out ? { flag: '--out', path: o.out, format: o.format, chosen: true } : commandStdout('--out FILE for the totals'),
    ],
    inputsOf(o),
  );
  incomesYearWithProjection(o);
  if (o.projection && o.years === undefined && o.year === undefined)
    throw new UsageError(
      '--projection goes with --year or --years: the budget years it grows the policy and households to (e.g. --years 2026-2028)',
    );
  if (o.format === 'html') {
    // (--ranges asks what the page always holds: taken, not refused — a provincial re-trial was told to leave it out)
    if (o.stream || o.perHousehold)
      throw new UsageError('--format html is the report of jiuzhu report (the ranges are in it): without --stream, --per-household');
    // (echarts is loaded only for a report)
    const { htmlYears, reportHtml, writeYearsReport } = await import('./report.js');
    const years = htmlYears(o);
    if (years !== undefined) return writeYearsReport(ctx, { ...o, years }, o.out);
    const html = await reportHtml(ctx, { ...o, policy: [o.policy] });
    if (o.out) await writeTold(ctx, o.quiet, o.out, html, o.lang);
    else ctx.stdout.write(html);
    return;
  }
  if (o.ranges && (o.stream || o.perHousehold || o.format === 'csv'))
    throw new UsageError(
      // (the option in the way named first: with --stream it spoke of the date and the format, which were fine)
      `--ranges does not go with ${o.stream ? '--stream' : o.perHousehold ? '--per-household' : '--format csv'}: it goes with one --date, --year or --years and the table, JSON, Markdown or workbook; for CSV: jiuzhu sensitivity --format csv`,
    );
  if (o.years !== undefined) return simulateYearsCommand(ctx, o);
  if (o.year !== undefined) return simulateYearCommand(ctx, o);
  const date = simulationDate(ctx, o.date, { quiet: o.quiet, year: true });
  // Policy and scenarios are checked before the CSV is read (for totals only, big files start reading meanwhile,
  // and a policy or scenario error still comes first).
  const scenarios = loadScenarios(o.scenario ?? [], ctx, o.quiet);
  const loading = scenarios.then((sc) => loadRuns(o.policy, sc, date));
  const runsOf = (loaded: Awaited<typeof loading>): Run[] => loaded.map((r) => ({ id: r.id, rules: r.rules }));
  // --ranges: the central runs and each estimate's ends in one pass, then the joint corners they point to, on the
  // population read once (core/sensitivity-plan.ts).
  const planning = o.ranges
    ? Promise.all([loading, scenarios]).then(([runs, sc]) => sensitivityPlan(runs[0]!.snapshot.policy, sc, { date }))
    : null;
  let ranges: SensitivityResult | null = null;
  const hadRows = o.perHousehold !== undefined && fileThere(o.perHousehold) !== null;
  const held: { rows: AtomicFile | null } = { rows: null };
  const sums: Totals[] = await withExecutor(ctx, async (exec) => {
    if (planning) {
      const plan = await planning; // (a policy or scenario error before the file is read)
      const pop = await loadHouseholds(ctx, exec, o.households, o.quiet);
      ranges = await evaluatePlan(plan, (runs) => simulateParallel(exec, pop, runs));
      return [...ranges.central];
    }
    if (!o.stream && !o.perHousehold) return simulateHouseholds(ctx, exec, o.households, loading.then(runsOf), o.quiet);
    const runs = runsOf(await loading);
    const done = o.stream
      ? await runStreaming(ctx, o, runs)
      : await run(await loadHouseholds(ctx, exec, o.households, o.quiet), runs, o.perHousehold!);
    held.rows = done.rows;
    return done.totals;
  });
  const totals = sums.map(figures);
  const loaded = await loading;
  const defs = await scenarios;
  const computed: SimulationReport = {
    unit: o.unit,
    policy: loaded[0]!.snapshot.policy,
    date,
    householdsFile: o.households,
    scenarios: ranged(
      loaded.map((r, i) => {
        const estimates = estimatesInForce(r.snapshot);
        return {
          id: r.id,
          title: defs.find((sc) => sc.id === r.id)?.title,
          figures: totals[i]!,
          estimates,
          onEstimates: programsOnEstimates(estimates),
          baseline: i ? totals[0] : undefined,
          funding: fundingOf([{ figures: totals[i]!, times: 1, snapshot: r.snapshot }]),
          parameters: r.snapshot,
        };
      }),
      ranges,
    ),
    notes: [
      ...heardNotes(ctx),
      ...policyNotes(loaded[0]!.snapshot.policy, [date], [], o.lang),
      // (a generated population's incomes of its profile's year at a later date: a special-assistance officer's
      // Guangzhou, incomes of 2021 at 2024-06-30, subsidised 66 % more persons than at 2021, and nothing was said)
      ...(await householdsNotes([o.policy], o.households, o.lang, { year: Number(date.slice(0, 4)), date })),
      ...leftOutNotes(ranges, undefined, o.lang),
      ...takeUpRangesNote(totals[0], ranges, o.lang),
    ],
    lang: o.lang,
  };
  // Every note the run says is in the report too (JSON `notes`: "what the run says on stderr" — a downstream trial's
  // dashboard, reading stdout only, never saw the sample's ±2/√n or the estimates' note).
  // (the table and Markdown mark the programs resting on estimates; the workbook has its Estimates sheet)
  const estimated = computed.scenarios.some((s) => s.estimates.length) && (o.format === 'json' || o.format === 'csv');
  const after = [
    computed.scenarios[0]?.figures.household_rows === 0 ? emptyNote(o.households) : null,
    fewRowsNote(sums[0]!, o.lang),
    // (prior_dibao off dibao: said as the file was read, but by --stream, which holds no population: its passes count it)
    o.stream ? priorNote(sums[0]!.priorOffDibao, o.households) : null,
    priorAboveNote(sums[0]!.priorAboveMost, o.households),
    estimated ? ESTIMATED_NOTE : null,
  ];
  const report = { ...computed, notes: [...(computed.notes ?? []), ...scenarioNotes(computed, '', o.lang), ...present(after)] };
  try {
    await emit(ctx, o, report);
    await held.rows?.commit(); // (the rows in place only now: with the totals, or not at all)
  } catch (e) {
    await held.rows?.abort();
    throw e;
  }
  const told =
    o.perHousehold && !o.quiet
      ? wroteLine(o.perHousehold, hadRows, { en: 'a row per household and run', zh: '每户每次运行一行' }, o.lang)
      : null;
  if (told) ctx.stderr.write(told);
  sayNotes(ctx, o.quiet, report.notes); // (policyNotes: checked once, not twice)
}

const ESTIMATED_NOTE = 'note: the results rest on estimated parameters (see "estimates" in --format json, or jiuzhu params)';

/** simulate --year: the budget year's totals; with --per-household each household's year (cli/year-rows.ts). */
async function simulateYearCommand(ctx: Ctx, o: SimulateOptions): Promise<void> {
  const year = budgetYear(o.year!);
  if (o.stream) throw new UsageError(`--year gives a year's totals; --stream works with one --date`);
  let periods: readonly Totals[] = [];
  const onBaseline = (t: readonly Totals[]) => void (periods = t);
  const scenarios = await loadScenarios(o.scenario ?? [], ctx, o.quiet);
  await withYearRows(ctx, o, async (rows) => {
    const computed = await simulateYear(ctx, { ...o, onBaseline, rows: rows?.pass }, scenarios, year);
    const after = [
      computed.scenarios[0]?.figures.household_rows === 0 ? emptyNote(o.households) : null,
      fewRowsNote(periods, o.lang),
      // (the date's note, of the baseline's first period: the register is the file's there)
      priorAboveNote(periods[0]?.priorAboveMost ?? 0, o.households),
    ];
    const notes = [...(computed.notes ?? []), ...scenarioNotes(computed, '', o.lang), ...present(after), ...(rows?.notes(o.lang) ?? [])];
    const report = { ...computed, notes };
    await emit(ctx, o, report);
    return report.notes;
  });
}

/**
 * --per-household beside --year or --years: the rows' file written as the years are evaluated, put in place once the
 * totals are written (or removed on any error); then said, and the run's notes after it.
 */
async function withYearRows(ctx: Ctx, o: SimulateOptions, body: (rows: YearRowsFile | null) => Promise<readonly string[]>): Promise<void> {
  const hadRows = o.perHousehold !== undefined && fileThere(o.perHousehold) !== null;
  const rows = o.perHousehold ? new YearRowsFile(o.perHousehold) : null;
  let notes: readonly string[];
  try {
    notes = await body(rows);
    await rows?.commit(); // (the rows in place only now: with the totals, or not at all)
  } catch (e) {
    await rows?.abort();
    throw e;
  }
  const what = { en: "each household's year, a row per run and year", zh: '每户每年，每次运行一行' };
  const told = o.perHousehold && !o.quiet ? wroteLine(o.perHousehold, hadRows, what, o.lang) : null;
  if (told) ctx.stderr.write(told);
  sayNotes(ctx, o.quiet, notes);
}

/** simulate --years: several budget years, projected where a projection file says how. */
async function simulateYearsCommand(ctx: Ctx, o: SimulateOptions): Promise<void> {
  const span = yearSpan(o.years!);
  if (o.stream) throw new UsageError(`--years gives the years' totals; --stream works with one --date`);
  let periods: readonly Totals[] = [];
  const onBaseline = (t: readonly Totals[]) => void (periods = t);
  const scenarios = await loadScenarios(o.scenario ?? [], ctx, o.quiet);
  await withYearRows(ctx, o, async (rows) => {
    const made = await simulateYears(ctx, { ...o, onBaseline, rows: rows?.pass }, scenarios, span);
    const notes = [
      ...(made.notes ?? []),
      ...present([fewRowsNote(periods, o.lang), priorAboveNote(periods[0]?.priorAboveMost ?? 0, o.households)]),
      ...(rows?.notes(o.lang) ?? []),
    ];
    const report = { ...made, notes };
    if (o.format === 'xlsx') await writeTold(ctx, o.quiet, o.out!, await yearsWorkbook(report, await madeWith(ctx, o)), o.lang);
    else {
      const text = {
        json: () => JSON.stringify(yearsJson(report), null, 2) + '\n',
        csv: () => yearsCsv(report),
        markdown: () => yearsMarkdown(report),
        table: () => yearsTable(report),
      }[o.format as TextFormat]();
      if (o.out) await writeTold(ctx, o.quiet, o.out, text, o.lang);
      else ctx.stdout.write(text);
    }
    // (with the workbook too: a trial's xlsx run said nothing of its stale standards, which its About sheet gave)
    return report.notes;
  });
}

const present = (notes: readonly (string | null)[]): string[] => notes.filter((n): n is string => n !== null);

/** The report to standard output, or (--out) to a file; xlsx only to a file. */
async function emit(ctx: Ctx, o: SimulateOptions, report: SimulationReport): Promise<void> {
  if (o.format === 'xlsx') {
    return writeTold(ctx, o.quiet, o.out!, await totalsWorkbook(report, await madeWith(ctx, o)), o.lang);
  }
  const text = render(report, o.format as TextFormat); // (html: written by the report before, see the command)
  if (o.out) await writeTold(ctx, o.quiet, o.out, text, o.lang);
  else ctx.stdout.write(text);
}

/** The text formats (a workbook, and the HTML page, are written elsewhere: emit, the report command). */
function render(r: SimulationReport, format: TextFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(totalsJson(r), null, 2) + '\n';
    case 'csv':
      return totalsCsv(r);
    case 'markdown':
      return totalsMarkdown(r);
    case 'table':
      return totalsTable(r);
  }
}

/** Evaluates households [from, to) of pop for every run, writing their per-household rows; merges into totals. */
async function evaluateChunk(
  pop: Population,
  runs: readonly Run[],
  from: number,
  to: number,
  totals: Totals[],
  out: AtomicFile | null,
): Promise<void> {
  // Rows joined a few thousand at a time: a row is built of ~30 pieces (a rope), and 65,536 households' ropes kept to the
  // chunk's end outlived the young generation — the garbage collector took half of a 400,000-household --per-household.
  const parts: string[] = [];
  let rows: string[] = [];
  const partial = simulateRange(
    pop,
    runs,
    from,
    to,
    out
      ? (h, i, r) => {
          if (rows.push(perHouseholdRow(pop.householdIds.at(h), runs[i]!.id, r)) < 2048) return;
          parts.push(rows.join(''));
          rows = [];
        }
      : undefined,
  );
  partial.forEach((p, i) => totals[i]!.merge(p));
  parts.push(rows.join(''));
  for (const part of parts) if (out && part) await out.write(part);
}

/**
 * The runs with the per-household rows written as they go, the file not yet in place: the caller commits it after the
 * totals are written (an interrupted run replaced the rows and left the totals of the run before: a QA trial's Ctrl-C).
 */
async function withOutput(
  perHousehold: string | undefined,
  body: (out: AtomicFile | null) => Promise<Totals[]>,
): Promise<{ totals: Totals[]; rows: AtomicFile | null }> {
  const out = perHousehold ? await AtomicFile.open(perHousehold) : null;
  try {
    await out?.write(PER_HOUSEHOLD_HEADER);
    return { totals: await body(out), rows: out };
  } catch (e) {
    await out?.abort();
    throw e;
  }
}

/** Evaluates every run chunk by chunk over a loaded population, writing per-household rows as it goes. */
async function run(pop: Population, runs: readonly Run[], perHousehold: string): Promise<{ totals: Totals[]; rows: AtomicFile | null }> {
  return withOutput(perHousehold, async (out) => {
    const totals = runs.map(() => new Totals());
    for (let from = 0; from < pop.householdCount; from += CHUNK)
      await evaluateChunk(pop, runs, from, Math.min(pop.householdCount, from + CHUNK), totals, out);
    return totals;
  });
}

/** --stream: each chunk of households is evaluated as soon as it is read, then dropped. */
async function runStreaming(ctx: Ctx, o: SimulateOptions, runs: readonly Run[]): Promise<{ totals: Totals[]; rows: AtomicFile | null }> {
  const progress = makeProgress(ctx, readingLabel(o.households), o.quiet);
  try {
    return await withOutput(o.perHousehold, async (out) => {
      const totals = runs.map(() => new Totals());
      await streamHouseholds(
        o.households,
        // (the column mapping, encoding and sheet too: without them --stream read the file as it is)
        { onProgress: progress?.update, ...(await householdsSource(ctx, o.quiet)) },
        {
          households: CHUNK,
          onChunk: (pop) => evaluateChunk(pop, runs, 0, pop.householdCount, totals, out),
        },
      );
      return totals;
    });
  } finally {
    progress?.done();
  }
}
