// jiuzhu cliff: a household's resources as one member's earnings vary — points, marginal rates, the cliffs and the
// programs behind them, under each run — or (no --household) the marginal rate every household of a file faces on
// its main earner's next yuan, as a weighted distribution by layer.
import { cliffCsv, cliffJson, cliffMarkdown, cliffTable, type RunAbout } from '../../report/cliff.js';
import {
  distributionCsv,
  distributionJson,
  distributionMarkdown,
  distributionTable,
  rateDistributionOf,
} from '../../report/marginal-rates.js';
import {
  defaultSweepTo,
  edgeLine,
  gradualExitNotes,
  householdCliff,
  householdSpecOf,
  rangeProblem,
  type Vary,
  type View,
} from '../../core/cliff.js';
import { populationOf, type Population } from '../../core/population.js';
import { dec } from '../../core/parameters/tree.js';
import { TAKE_UP_GROUPS } from '../../core/parameters/groups.js';
import { mainOrNone, type PerHouseholdRates } from '../../core/marginal-rates.js';
import { typed } from '../../core/grow.js';
import { AtomicFile } from '../../io/atomic-file.js';
import { commandStdout, inputsOf, refuseOverwrite } from '../../io/outputs.js';
import { RATES_PER_HOUSEHOLD_HEADER, ratesRows } from '../../report/rates-per-household.js';
import { writeTold, wroteLine } from '../written.js';
import { fileThere } from '../../io/places.js';
import type { Run } from '../../core/simulate.js';
import { ratesParallel } from '../../engine/parallel.js';
import type { HouseholdSpec } from '../../core/population.js';
import { UsageError } from '../../errors.js';
import { parseHouseholdText } from '../../io/cases-file.js';
import type { Ctx } from '../context.js';
import { sayNotes, unchangedRunsNotes } from '../scenario-notes.js';
import {
  findHousehold,
  loadHouseholds,
  noteEmpty,
  loadRuns,
  loadScenarios,
  notePolicy,
  refuseTurnsWithDescribe,
  simulationDate,
  withExecutor,
  yuanAbove0,
  yuanFlag,
} from '../load.js';
import { estimatesInForce } from '../../report/estimates.js';
import { outputLang, type Lang } from '../../report/lang.js';

export interface CliffOptions {
  readonly policy: string;
  readonly households?: string;
  readonly household?: string;
  readonly describe?: string;
  readonly member?: string;
  readonly vary: 'wage_income' | 'other_income';
  readonly view: View;
  readonly from: string;
  readonly to?: string;
  readonly step: string;
  readonly delta: string;
  /** The whole file: each household's marginal rate under each run, written to this CSV. */
  readonly perHousehold?: string;
  readonly scenario?: readonly string[];
  readonly date?: string;
  readonly format: 'table' | 'json' | 'csv' | 'markdown';
  /** Write to this file (atomically) instead of standard output. */
  readonly out?: string;
  /**
   * The language of the table's, chart's and Markdown's sentences, and of the policy's and scenarios' notes (default
   * from the locale; JSON and CSV: English). The notes of the gradual exit and of take-up stay English.
   */
  readonly lang?: Lang;
  readonly quiet: boolean;
  /** The options given on the command line (not defaults): one the mode does not read is refused, never ignored. */
  readonly given?: ReadonlySet<string>;
}

/** Options one mode reads and the other does not: the whole file (no --household/--describe), or one household. */
const WHOLE_FILE_ONLY = ['delta', 'perHousehold'];
const ONE_HOUSEHOLD_ONLY = ['member', 'vary', 'from', 'to', 'step'];
const flag = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`; // (perHousehold → --per-household)

export async function cliffCommand(ctx: Ctx, given: CliffOptions): Promise<void> {
  // (JSON and CSV are contracts: English whatever the locale; a researcher under zh_CN read the cliffs in English)
  const o: CliffOptions = { ...given, lang: outputLang(given.format, given.lang, ctx.env) };
  const cli = o.given ?? new Set<string>();
  const single = Boolean(o.household || o.describe);
  if (o.household && o.describe) throw new UsageError('--household and --describe each name the household to sweep: give one');
  if (o.describe && cli.has('households'))
    throw new UsageError('--describe gives the household itself: leave --households out (or sweep one of the file with --household H)');
  if (o.describe) refuseTurnsWithDescribe(ctx);
  const stray = (single ? WHOLE_FILE_ONLY : ONE_HOUSEHOLD_ONLY).filter((x) => cli.has(x));
  if (stray.length)
    throw new UsageError(
      `${stray.map(flag).join(', ')} ${stray.length > 1 ? 'are' : 'is'} for ${single ? 'the whole file (without --household or --describe)' : 'one household (--household H or --describe)'}`,
    );
  // (before any work: an input is never written over, a folder that is not there is said at once)
  if (o.out && !o.perHousehold) await refuseOverwrite([{ flag: '--out', path: o.out, format: o.format, chosen: true }], inputsOf(o));
  const date = simulationDate(ctx, o.date, { quiet: o.quiet });
  const loaded = await loadRuns(o.policy, await loadScenarios(o.scenario ?? [], ctx, o.quiet), date);
  const runs = loaded.map((r) => ({ id: r.id, rules: r.rules }));
  // Which policy and date: named in every output (three localities' sweeps saved apart could not be told apart).
  const { id, name } = loaded[0]!.snapshot.policy;
  const about: RunAbout = { policy: { id, file: o.policy, name }, date };
  if (!o.household && !o.describe) {
    if (!o.households)
      throw new UsageError('give --households FILE (with --household H for one household, or alone for the whole file), or --describe');
    return population(ctx, o, runs, about, () => {
      notePolicy(ctx, o.quiet, loaded[0]!.snapshot.policy, [date], o.lang);
      sayNotes(ctx, o.quiet, unchangedRunsNotes(loaded, date, '', o.lang));
    });
  }
  let spec: HouseholdSpec;
  if (o.describe) {
    spec = parseHouseholdText(o.describe, '--describe'); // (a person_id given twice is told there, at its place)
  } else {
    if (!o.households) throw new UsageError('--household needs --households FILE');
    const pop = await withExecutor(ctx, (exec) => loadHouseholds(ctx, exec, o.households!, o.quiet));
    const h = findHousehold(pop, o.household!, o.households);
    spec = householdSpecOf(pop, h);
  }
  const ids = spec.persons.map((p, i) => p.id ?? `p${i + 1}`);
  const main = o.member === undefined ? mainOrNone(spec) : 0;
  const member = o.member !== undefined ? ids.indexOf(o.member) : Math.max(0, main);
  if (member < 0) throw new UsageError(`no member "${o.member}" in the household (members: ${ids.join(', ')})`);
  // No one to earn (a researcher's sweep of two pensioners' first member, said nowhere; the whole-file rates leave such
  // households out): whose income moves is said.
  if (main < 0 && !o.quiet)
    ctx.stderr.write(
      `note: ${o.describe ? 'the household described' : `household ${spec.id}`} has no main earner (no wage, no adult 18–59 who can work): ${o.vary} varies for its first member, ${ids[0]}; give --member to choose (members: ${ids.join(', ')})\n`,
    );
  const vary: Vary = o.vary === 'wage_income' ? 'wage' : 'other';
  const described = populationOf([spec]);
  const current = (described[vary] as ArrayLike<number>)[described.members[member]!]!;
  const from = yuanFlag('--from', o.from);
  const step = yuanFlag('--step', o.step);
  // (past the household's highest line under every run: its low-income line, where special assistance ends, or where
  // its rigid expenditure stops being identified)
  const to = o.to === undefined ? defaultSweepTo(current, edgeLine(runs, spec)) : yuanFlag('--to', o.to);
  const problem = rangeProblem(from, to, step);
  // (--to's default named where the range is the problem: not beside --step 0, an economist's trial)
  if (problem)
    throw new UsageError(
      o.to === undefined && !problem.startsWith('--step') ? `${problem} (--to defaults to ${(to / 100).toFixed(2)}: give one)` : problem,
    );
  const cliff = householdCliff(spec, runs, { member, vary, from, to, step });
  // What the policy says to watch (a stale standard, a rule's finding), and what the gradual exit needs of the household
  // (a researcher's gradual-exit reform changed nothing for a household described as not on dibao, unsaid)
  notePolicy(ctx, o.quiet, loaded[0]!.snapshot.policy, [date], o.lang);
  // (a scenario that changes nothing at the date: its sweep is the baseline's, said as simulate says it — an economist
  // read "this reform does not move marginal rates" from a reform dated after the date)
  sayNotes(ctx, o.quiet, unchangedRunsNotes(loaded, date, '', o.lang));
  const who = o.describe ? 'the household described' : `household ${spec.id}`;
  // (a --to off the step's grid: its last step is shorter, and its marginal rate over that step — said, as a researcher
  // found it only in the points, 900 → 1,000 under --step 300)
  const last = (to - from) % step;
  if (!o.quiet && o.to !== undefined && last)
    ctx.stderr.write(
      o.lang === 'zh'
        ? `注：最后一步是 ${(last / 100).toFixed(2)}（${((to - last) / 100).toFixed(2)} → ${(to / 100).toFixed(2)}），短于 --step ${(step / 100).toFixed(2)}：其边际税率是这一步的\n`
        : `note: the last step is ${(last / 100).toFixed(2)} (${((to - last) / 100).toFixed(2)} → ${(to / 100).toFixed(2)}), shorter than --step ${(step / 100).toFixed(2)}: its marginal rate is over that step\n`,
    );
  if (!o.quiet)
    for (const n of gradualExitNotes(
      spec,
      who,
      loaded.map((r) => r.snapshot),
      o.view,
    ))
      ctx.stderr.write(`${n}\n`);
  const estimates = Object.fromEntries(loaded.map((r) => [r.id, estimatesInForce(r.snapshot)]));
  const report = {
    about,
    household: spec.id,
    member: ids[member]!,
    vary: o.vary,
    view: o.view,
    current: cliff.current,
    runs: cliff.runs,
    estimates,
    lang: o.lang,
  };
  const render = {
    table: () => cliffTable(report),
    json: () => JSON.stringify(cliffJson(report), null, 2) + '\n',
    csv: () => cliffCsv(report),
    markdown: () => cliffMarkdown(report),
  };
  await emit(ctx, o, render[o.format]());
}

/** The output, to --out (atomically: whole or not at all) or standard output. */
async function emit(ctx: Ctx, o: CliffOptions, text: string): Promise<void> {
  if (o.out) await writeTold(ctx, o.quiet, o.out, text, o.lang);
  else ctx.stdout.write(text);
}

/** The whole file's rates; `notes`: the policy's (said for one household only: a terminal QA trial), once its options pass. */
async function population(ctx: Ctx, o: CliffOptions, runs: readonly Run[], about: RunAbout, notes: () => void): Promise<void> {
  const delta = yuanAbove0('--delta', o.delta);
  const file = o.perHousehold;
  if (file)
    await refuseOverwrite(
      [
        o.out ? { flag: '--out', path: o.out, format: o.format, chosen: true } : commandStdout(),
        { flag: '--per-household', path: file, format: 'csv' },
      ],
      inputsOf(o),
    );
  notes();
  const had = file !== undefined && fileThere(file) !== null;
  const { pop, bands, each } = await withExecutor(ctx, async (exec) => {
    const pop = await loadHouseholds(ctx, exec, o.households!, o.quiet);
    const H = pop.householdCount;
    const each: PerHouseholdRates | null = file
      ? { gains: runs.map(() => typed(Float64Array, H, true)), layers: typed(Uint8Array, H, true) }
      : null;
    return { pop, bands: await ratesParallel(exec, pop, runs, delta, o.view, each), each };
  });
  if (file && each) {
    const out = await AtomicFile.open(file);
    try {
      await out.write(RATES_PER_HOUSEHOLD_HEADER);
      const ids = runs.map((r) => r.id);
      for (let h = 0; h < pop.householdCount; h += 10_000)
        await out.write(
          ratesRows(pop, each, ids, { policy: about.policy.id, date: about.date }, delta, h, Math.min(pop.householdCount, h + 10_000)),
        );
      await out.commit();
    } catch (e) {
      await out.abort();
      throw e;
    }
    const told = o.quiet
      ? null
      : wroteLine(file, had, { en: 'a marginal rate per household and run', zh: '每户每次运行的边际税率' }, o.lang);
    if (told) ctx.stderr.write(told);
  }
  const exit = exitNote(runs, o.view);
  if (exit && !o.quiet) ctx.stderr.write(`${exit}\n`);
  const takeUp = takeUpNote(runs, pop);
  if (takeUp && !o.quiet) ctx.stderr.write(`${takeUp}\n`);
  const dist = { ...rateDistributionOf(delta, o.view, runs, bands, pop.householdIds), about };
  const render = {
    table: () => distributionTable(dist, o.lang),
    json: () => JSON.stringify(distributionJson(dist), null, 2) + '\n',
    csv: () => distributionCsv(dist),
    markdown: () => distributionMarkdown(dist, o.lang),
  };
  await emit(ctx, o, render[o.format]());
  noteEmpty(ctx, o.quiet, o.households!, pop.householdCount); // (as simulate says it: "0.00 % of the 0 households" alone)
}

/**
 * Rates are of what households receive: where a take-up rate is under 1 and the file draws, a household that does not
 * take a program up neither has it nor loses it as its income rises. A researcher's trial ranked three localities by
 * their shares at ≥ 100 %, and the ranking turned over under full take-up (Guangzhou 1.23 % → 14.22 %, unsaid).
 */
function takeUpNote(runs: readonly Run[], pop: Population): string | null {
  if (!pop.takeUpDraw.some((d) => d > 0)) return null;
  const partial = runs.filter((r) => TAKE_UP_GROUPS.some((g) => dec(r.rules.snapshot, `take_up.${g}`).lessThan(1)));
  return partial.length
    ? `note: the rates are of what households receive: under take-up below 1 (${partial.map((r) => r.id).join(', ')}), a household that does not take a program up neither has it nor loses it as its income rises — rates if every eligible household took up: add --scenario scenarios/full-coverage.yaml`
    : null;
}

/**
 * A run that changes the gradual exit, in the monthly view: a household paid dibao that earns past the line enters its
 * exit (003 §11; marginal-rates.ts), and the month after keeps it in full, however many months it is kept — only the
 * annual view tells exits of other lengths apart (a journalist and a researcher read Δ 0.00 pp for
 * gradual-exit-6-months).
 */
function exitNote(runs: readonly Run[], view: View): string | null {
  const months = (r: Run) => dec(r.rules.snapshot, 'dibao.gradual_exit.months').toFixed();
  const changed = runs.slice(1).filter((r) => months(r) !== months(runs[0]!));
  if (!changed.length || view !== 'monthly') return null;
  return `note: ${changed.map((r) => r.id).join(', ')} change${changed.length > 1 ? '' : 's'} the gradual exit (渐退, dibao.gradual_exit.months ${months(runs[0]!)} → ${changed.map(months).join(', ')}): the monthly view counts a household’s exit in full whatever its months — --view annual tells them apart`;
}
