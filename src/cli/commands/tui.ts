// jiuzhu tui --policy FILE [--policy FILE…] --households FILE [--scenario FILE…] [--date D | --year YYYY] [--lang zh|en] [--unit yuan|wan|yi]
// A full-screen Ink app, only at a terminal: without one it exits 2 and points to `jiuzhu compare`.
import { incomeDeciles } from '../../core/compare.js';
import { today } from '../../core/dates.js';
import { UsageError } from '../../errors.js';
import { readHouseholds } from '../../engine/households.js';
import { KnobComparer } from '../../engine/knob-comparer.js';
import { rangesFor, ratesParallel, simulateParallel, yearChangesParallel } from '../../engine/parallel.js';
import { parseScenario } from '../../io/scenario-file.js';
import { saveNewScenario } from '../../io/new-file.js';
import { givesNotes, inputFile } from '../../io/files.js';
import { langFromEnv, type Lang } from '../../ui/labels.js';
import { baselineFigures, prepareYear, type TuiData } from '../../ui/model.js';
import { budgetYear, yearRuns } from '../year.js';
import { drawnElsewhereNotes, incomesYearNotes } from '../population-notes.js';
import type { Ctx } from '../context.js';
import type { Population } from '../../core/population.js';
import { shellWord } from '../shell-words.js';
import type { Unit } from '../../report/text-table.js';
import { leaveNow } from '../exit.js';
import {
  allOrEveryProblem,
  emptyNote,
  fewRowsNotes,
  priorNoteOf,
  householdsSource,
  loadRuns,
  loadScenarios,
  simulationDate,
  todayNote,
  withExecutor,
} from '../load.js';
import { firstYearExitNote, oneFileNote, takeUpNote, unchangedRunsNotes } from '../scenario-notes.js';
import type { ScenarioReport } from '../../report/totals.js';
import { policyNotes } from '../../core/policy-notes.js';

export interface TuiOptions {
  readonly policy: readonly string[];
  readonly households: string;
  readonly scenario?: readonly string[];
  readonly date?: string;
  /** A budget year: the views' figures its periods' (compare --year's); traces, cliffs and rates at its last day. */
  readonly year?: string;
  readonly lang?: Lang;
  /** The views' money unit (ui/format.ts screenUnit: its language's where not given). */
  readonly unit?: Unit;
  /** --quiet: the notes are neither counted on the screen nor said as it closes. */
  readonly quiet?: boolean;
}

export interface Terminal {
  readonly stdin: boolean;
  readonly stdout: boolean;
}

export async function tuiCommand(
  ctx: Ctx,
  o: TuiOptions,
  terminal: Terminal = { stdin: Boolean(process.stdin.isTTY), stdout: Boolean(process.stdout.isTTY) },
): Promise<void> {
  // (`-` is read as /dev/stdin: its help said "- reads a CSV from standard input", then it asked for a terminal there)
  if (o.households === '/dev/stdin')
    throw new UsageError(
      'tui reads its keys from standard input, so it cannot read the households from it (--households -)',
      `give the file by name (--households FILE); for piped households, \`${compareCommand({ ...o, households: '-' }, ctx)}\``,
    );
  if (!terminal.stdin || !terminal.stdout) {
    throw new UsageError(
      'tui needs an interactive terminal (stdin and stdout)',
      `for piped or CI output, run the same comparison with \`${compareCommand(o, ctx)}\``,
    );
  }
  // (it drew with cursor moves all the same: escape codes in an Emacs shell or a log — a terminal QA trial)
  if (ctx.env.TERM === 'dumb')
    throw new UsageError(
      'tui redraws its screen by moving the cursor, which this terminal cannot (TERM=dumb)',
      `in a terminal that can (TERM=xterm-256color, say), or run the same comparison with \`${compareCommand(o, ctx)}\``,
    );
  // (a missing file or a directory said before the screen is drawn: it came under a frozen loading screen, a trial found)
  await inputFile(o.households, 'households file');
  const year = o.year === undefined ? undefined : budgetYear(o.year);
  // (today said among the screen's notes below)
  const date = year === undefined ? simulationDate(ctx, o.date, { quiet: true }) : `${year}-12-31`;
  const scenarios = await loadScenarios(o.scenario ?? [], ctx, o.quiet);
  const localities = await allOrEveryProblem(o.policy.map((file) => loadRuns(file, scenarios, date))); // errors before the screen opens
  const periods = year === undefined ? null : await allOrEveryProblem(o.policy.map((file) => yearRuns(file, scenarios, year)));
  // What the other commands say on stderr, for the screen (it showed none: a QA trial) and said as it closes: the
  // policies' and scenarios' now, the households file's as it is read.
  // (in the screen's language: a caseworker's 中文 screen showed them in English, as simulate and explain did not)
  const lang = o.lang ?? langFromEnv(ctx.env);
  const notes = localities.flatMap((runs) => {
    const policy = runs[0]!.snapshot.policy;
    return [...policyNotes(policy, [date], [], lang), ...unchangedRunsNotes(runs, date, localities.length > 1 ? policy.id : '', lang)];
  });
  if (o.date === undefined && year === undefined) notes.unshift(todayNote(date, false, lang));
  // (compare's: the localities side by side are one file under each one's rules — a finance analyst's TUI said nothing)
  if (localities.length > 1) notes.push(oneFileNote(lang));
  // (a generated population's incomes of an earlier year, not grown to the budget year: as simulate --year says it —
  // of the file, once: the profile that drew it, whichever locality; and where it runs under another's rules, so said)
  if (year !== undefined) notes.push(...(await incomesYearNotes(o.policy[0]!, null, lang, { year, households: o.households })));
  notes.push(...(await drawnElsewhereNotes(o.policy, o.households, lang)));
  const fileNote = (n: string) => void (notes.includes(n) || notes.push(n));
  const { mountTui } = await import('../../ui/mount.js');
  // io/'s notes too (a changed Arrow file), kept from the screen they were drawn over (a QA trial's FIFO note stood
  // above the app); a wait's, which the loading screen shows, dropped
  const toStderr = givesNotes((text, passing) => passing || fileNote(text.replace(/\n$/, '')));
  let said = false;
  try {
    await withExecutor(ctx, (exec) =>
      mountTui({
        file: o.households,
        lang,
        unit: o.unit,
        load: async (onProgress): Promise<TuiData> => {
          const source = await householdsSource(ctx, true);
          const pop = await readHouseholds(exec, o.households, { onProgress, ...source, onNote: fileNote });
          if (pop.householdCount === 0) fileNote(emptyNote(o.households));
          const prior = priorNoteOf(pop, o.households);
          if (prior) fileNote(prior);
          // (compare's too: take-up differing between the localities, where some household's draw leaves it out)
          const take = takeUpNote(
            localities.map((runs) => ({ id: runs[0]!.snapshot.policy.id, runs: runs.map((r) => ({ id: r.id, parameters: r.snapshot })) })),
            (rate) => highestDraw(pop) >= Math.round(rate * 1_000_000),
            lang,
          );
          if (take) fileNote(take);
          // A big population: knob changes are compared on worker threads that keep it (the terminal stays responsive).
          // (over a year, the knob run's year is evaluated on the workers beside the baseline's: no baseline kept there)
          const comparer = year === undefined ? KnobComparer.open(exec, pop) : null;
          comparer?.warm(localities[0]![0]!.rules);
          const deciles = incomeDeciles(pop);
          const data: TuiData = {
            pop,
            deciles,
            date,
            ...(year === undefined
              ? {}
              : {
                  year,
                  yearEvaluate:
                    rangesFor(exec, pop) && ((runs, annual, baseline) => yearChangesParallel(exec, pop, runs, deciles, annual, baseline)),
                }),
            today: today(ctx.now()),
            householdsFile: o.households,
            comparer,
            rates: (runs, delta) => ratesParallel(exec, pop, runs, delta, 'monthly'),
            evaluate: (runs) => simulateParallel(exec, pop, runs),
            parseKnobs: (yaml) => parseScenario(yaml, 'tui-knobs.yaml'),
            localities: localities.map((runs, l) => ({
              file: o.policy[l]!,
              policy: runs[0]!.snapshot.policy,
              baseline: runs[0]!,
              scenarios: runs.slice(1),
              scenarioDefs: scenarios,
              ...(periods ? { yearRuns: periods[l]! } : {}),
            })),
            notes: o.quiet ? [] : notes,
          };
          if (year !== undefined) await prepareYear(data);
          for (const n of figuresNotes(data, lang)) fileNote(n);
          return data;
        },
        save: (yaml) => saveNewScenario('scenarios', `tui-${today(ctx.now()).replace(/-/g, '')}`, yaml),
        // (q while the file is read: the notes said before the process ends — a trial's q a second in lost them)
        leaveReading: (code) => {
          sayNotes();
          leaveNow(code);
        },
      }),
    );
  } finally {
    sayNotes();
  }
  /** The notes on stderr as the screen closes, once; on a new line (the screen's last line ends without one). */
  function sayNotes(): void {
    givesNotes(toStderr);
    if (o.quiet || said) return;
    said = true;
    if (notes.length && ctx.stderr.isTTY) ctx.stderr.write('\n');
    for (const n of notes) ctx.stderr.write(`${n}\n`);
  }
}

/**
 * compare's notes on the baseline's figures, which the screen shows (a finance analyst's sample said nothing of the
 * few households behind its tekun): the sample's few households of a program (±2/√n); over a year, the first gradual
 * exit's January stock, of any locality's baseline that pays it. The baseline is evaluated once, for the views too.
 */
function figuresNotes(data: TuiData, lang: Lang): string[] {
  const { totals, years } = baselineFigures(data);
  const firstExit = (report: ScenarioReport) =>
    firstYearExitNote({ runs: [{ id: report.id, years: [report] }], years: [data.year!], ranFirst: [] }, lang);
  return [...fewRowsNotes(totals, lang), ...new Set(years.flatMap(firstExit))];
}

/** The population's highest take-up draw (millionths; 0 where the file gives none: everyone takes up). */
function highestDraw(pop: Population): number {
  let most = 0;
  for (let h = 0; h < pop.householdCount; h++) most = Math.max(most, pop.takeUpDraw[h]!);
  return most;
}

/** The compare command that gives what the TUI shows, with every option given (the hint dropped --date and --scenario). */
function compareCommand(o: TuiOptions, ctx: Ctx): string {
  const q = shellWord;
  // (the screen's unit: 万元 in 中文 where none is given — compare's table is in yuan by default, a finance analyst's trial)
  const unit = o.unit ?? ((o.lang ?? langFromEnv(ctx.env)) === 'zh' ? 'wan' : undefined);
  return [
    'jiuzhu compare',
    ...o.policy.map((p) => `--policy ${q(p)}`),
    ...(o.scenario ?? []).map((s) => `--scenario ${q(s)}`),
    `--households ${q(o.households)}`,
    ...(o.date ? [`--date ${q(o.date)}`] : []),
    ...(o.year ? [`--year ${q(o.year)}`] : []),
    ...(unit ? [`--unit ${unit}`] : []),
  ].join(' ');
}
