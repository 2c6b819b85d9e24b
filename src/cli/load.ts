// Shared steps of the commands: check a date, load a policy and its rules at that date, read households.
import { counted, type Lang } from '../report/lang.js';
import { isIsoDate, notADay, today } from '../core/dates.js';
import { parseFen } from '../core/money.js';
import type { Policy, Snapshot } from '../core/parameters/tree.js';
import { policyNotes } from '../core/policy-notes.js';
import type { Totals } from '../core/aggregate.js';
import { PROGRAMS, programLabel } from '../core/programs/index.js';
import { householdAlike, priorOffDibaoOf, type Population } from '../core/population.js';
import type { Run } from '../core/simulate.js';
import { rulesAt, type Rules } from '../core/rules.js';
import { InputError, UsageError } from '../errors.js';
import { readHouseholds, simulateFile } from '../engine/households.js';
import { Executor } from '../engine/pool.js';
import { describeSettings, settingsFromEnv } from './settings.js';
import { loadPolicy } from '../io/policy-file.js';
import { loadColumnMapping } from '../io/column-mapping.js';
import type { ReadOptions } from '../io/households-csv.js';
import { applyScenario, oddChanges, type Scenario } from '../core/scenario.js';
import { checkPolicy, findingKey, type Violation } from '../core/sanity.js';
import { projectPolicy, type Projection } from '../core/projection.js';
import { loadScenario } from '../io/scenario-file.js';
import { noteAtEnd, type Ctx } from './context.js';
import { makeProgress, readingLabel } from './progress.js';

/**
 * The day simulated: --date, or today — said on stderr unless quiet (a researcher's trial: a run without --date took
 * the parameters of the day it ran, and only the header said which). `year`: the command also takes --year.
 */
export function simulationDate(
  ctx: Ctx,
  date: string | undefined,
  /** `listing`: the command lists the parameters (params), it simulates nothing (a README trial read "simulating"). */
  tell: { quiet: boolean; year?: boolean; lang?: 'zh' | 'en'; listing?: boolean },
): string {
  if (date === undefined) {
    const day = today(ctx.now());
    if (!tell.quiet) noteAtEnd(ctx, tell.listing ? listingNote(day, tell.lang) : todayNote(day, tell.year ?? false, tell.lang));
    return day;
  }
  if (!isIsoDate(date)) throw new UsageError(`--date must be a date YYYY-MM-DD, got "${date}"${notADay(date)}`);
  return date;
}

const listingNote = (day: string, lang: 'zh' | 'en' = 'en'): string =>
  lang === 'zh'
    ? `注：未给 --date：列出今天 ${day} 有效的参数；另一天请给 --date YYYY-MM-DD`
    : `note: no --date given: the parameters in force today, ${day}; give --date YYYY-MM-DD for another day`;

export const todayNote = (day: string, year: boolean, lang: 'zh' | 'en' = 'en'): string =>
  lang === 'zh'
    ? `注：未给 --date：按今天 ${day} 模拟，用当天有效的参数；另一天请给 --date YYYY-MM-DD${year ? '，预算年度请给 --year YYYY' : ''}`
    : `note: no --date given: simulating today, ${day}, under the parameters in force that day; give --date YYYY-MM-DD for another day${year ? ', or --year YYYY for a budget year' : ''}`;

export interface Loaded {
  readonly snapshot: Snapshot;
  readonly rules: Rules;
}

export async function loadAt(policyFile: string, date: string): Promise<Loaded> {
  return rulesAt(await loadUsablePolicy(policyFile), date);
}

/**
 * A policy to compute with. One that breaks a parameter rule of severity error (core/sanity.ts: the data must be wrong —
 * a standard typed yearly, 130 for 1.3) is refused with every breach at its line (exit 3): an author's trial saw
 * `validate` fail such a file and `simulate` budget 28.9 billion yuan on it with exit 0. Warnings stay notes.
 */
export async function loadUsablePolicy(policyFile: string): Promise<Policy> {
  return usable(await loadPolicy(policyFile));
}

/**
 * The policy a scenario derives, refused when the scenario gives a value in the wrong unit or scale (a rule marked
 * `unit`: 160 for 1.6). Relations between values (rural ≤ urban) a reform may test: sensitivity's ends set a value too.
 */
export function applyUsable(policy: Policy, scenario: Scenario): Policy {
  return usable(applyScenario(policy, scenario), scenario);
}

/**
 * The policy a projection grows to `last`, refused where a grown value is in the wrong unit or scale — a rule marked
 * `unit` the policy's own values keep (a trial's `dibao.standard.: {yearly: 1}`, 1 % typed as 100 %, took the standard
 * past the minimum wage: said as an error, run all the same, exit 0) — at the projection's line, once a rule and
 * parameter. Relations between values (rural ≤ urban) are said, not refused: a projection may grow them apart.
 */
export function projectUsable(policy: Policy, projection: Projection, last: number): Policy {
  const projected = projectPolicy(policy, projection, last);
  const own = new Set(checkPolicy(policy).map((v) => v.message));
  const found = new Map<string, { v: Violation; more: number }>();
  for (const v of checkPolicy(projected)) {
    if (v.rule.severity !== 'error' || !v.rule.unit || own.has(v.message)) continue;
    const key = findingKey(v);
    const seen = found.get(key);
    if (seen) seen.more++;
    else found.set(key, { v, more: 0 });
  }
  if (!found.size) return projected;
  throw new InputError(
    [...found.values()].map(({ v, more }) => ({
      where: v.where,
      message: `projection ${projection.id} on ${policy.file} grows: ${v.message}${more ? ` (and ${more} more like it)` : ''} (${v.rule.id}: ${v.rule.text})`,
    })),
    'the projection grows a value no policy could have: a rate too high (1 % is 0.01)? fix the projection',
  );
}

function usable(policy: Policy, scenario?: Scenario): Policy {
  const errors = checkPolicy(policy).filter((v) => v.rule.severity === 'error' && (!scenario || v.rule.unit));
  if (!errors.length) return policy;
  throw new InputError(
    errors.map((v) => ({
      where: v.where,
      message: `${scenario ? `scenario ${scenario.id} on ${policy.file}: ` : ''}${v.message} (${v.rule.id}: ${v.rule.text})`,
    })),
    scenario
      ? 'the scenario gives a value no policy could have: fix the scenario'
      : 'a value the parameter rules say must be wrong: fix it (jiuzhu validate --policy FILE lists every finding)',
  );
}

/**
 * A draws' seed, the same for generate and sensitivity: a whole number from 0 to 2^31 − 1 (generate took any number
 * and folded it to 32 bits, so -1 and 4294967295 drew alike, while sensitivity refused 0).
 */
export function seedOption(text: string): number {
  if (!/^\d{1,10}$/.test(text.trim()) || Number(text) > 2 ** 31 - 1)
    throw new UsageError(`--seed must be a whole number from 0 to ${2 ** 31 - 1}, got "${text}"`);
  return Number(text);
}

/** A run: the baseline or one scenario applied to a policy, resolved at the date. */
export interface LoadedRun extends Loaded {
  readonly id: string;
}

/**
 * Like Promise.all, but when several files have problems, all of them are reported, in the order given
 * (Promise.all would give whichever failed first in time, so the message would depend on timing).
 */
export async function allOrEveryProblem<T>(loads: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(loads);
  const failed = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (!failed.length) return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
  if (failed.every((e): e is InputError => e instanceof InputError)) {
    throw new InputError(
      failed.flatMap((e) => e.problems),
      failed.find((e) => e.hint)?.hint,
    );
  }
  throw failed.find((e) => !(e instanceof InputError));
}

export async function loadScenarios(files: readonly string[], ctx?: Ctx, quiet = false): Promise<Scenario[]> {
  const scenarios = await allOrEveryProblem(files.map(loadScenario));
  const seen = new Set<string>();
  for (const [i, sc] of scenarios.entries()) {
    if (seen.has(sc.id)) throw new UsageError(`scenario id "${sc.id}" is given twice (${files[i]})`, 'give each scenario once');
    seen.add(sc.id);
  }
  // what a file gives that is valid but reads like a slip (scale 0.1 for +10 %: an analyst's rural standard became 56.67)
  if (ctx && !quiet) for (const n of scenarios.flatMap(oddChanges)) ctx.stderr.write(`${n}\n`);
  return scenarios;
}

/** The baseline of a policy, then each scenario applied to it (never to each other), all at one date. */
export async function loadRuns(
  policyFile: string,
  scenarios: readonly Scenario[],
  date: string,
  /** Grows the policy to the date's year first (explain --projection), refused as simulate refuses it. */
  projection?: Projection | null,
): Promise<LoadedRun[]> {
  const written = await loadUsablePolicy(policyFile);
  const policy = projection ? projectUsable(written, projection, Number(date.slice(0, 4))) : written;
  return [{ id: 'baseline', policy }, ...scenarios.map((sc) => ({ id: sc.id, policy: applyUsable(policy, sc) }))].map(
    ({ id, policy: p }) => ({ id, ...rulesAt(p, date) }),
  );
}

/** --describe gives the household itself: the options that turn a households file would do nothing (cliff, explain). */
export function refuseTurnsWithDescribe(ctx: Ctx): void {
  const turns = (['columns', 'encoding', 'sheet'] as const).filter((k) => ctx.households?.[k] !== undefined);
  if (turns.length)
    throw new UsageError(
      `--describe gives the household itself: ${turns.map((k) => `--${k}`).join(', ')} would do nothing (${turns.length > 1 ? 'they turn' : 'it turns'} a households file)`,
      `leave ${turns.length > 1 ? 'them' : 'it'} out`,
    );
}

/** How to read the households file (--encoding, --columns, --sheet), and where its notes go. */
export async function householdsSource(ctx: Ctx, quiet: boolean): Promise<Pick<ReadOptions, 'source' | 'onNote'>> {
  const f = ctx.households ?? {};
  const columns = f.columns === undefined ? undefined : await loadColumnMapping(f.columns);
  const said = new Set<string>(); // (a note said once: a pipe's header is told after its read, which may come twice)
  return {
    source: { encoding: f.encoding, columns, sheet: f.sheet },
    onNote: (note, how) => {
      if (said.has(note)) return;
      if (!quiet) ctx.stderr.write(`${note}\n`);
      said.add(note);
      if (!how) ctx.heard?.push(note);
    },
  };
}

export async function loadHouseholds(ctx: Ctx, exec: Executor, file: string, quiet: boolean): Promise<Population> {
  const source = await householdsSource(ctx, quiet);
  const progress = makeProgress(ctx, readingLabel(file), quiet);
  let pop: Population;
  try {
    pop = await readHouseholds(exec, file, { onProgress: progress?.update, ...source });
  } finally {
    progress?.done();
  }
  const prior = priorNoteOf(pop, file);
  if (prior) source.onNote?.(prior);
  return pop;
}

/** The runs' totals over a households file (read while the runs load, and evaluated together: simulateFile), with a progress bar. */
export async function simulateHouseholds(
  ctx: Ctx,
  exec: Executor,
  file: string,
  runs: Promise<readonly Run[]>,
  quiet: boolean,
): Promise<Totals[]> {
  const source = await householdsSource(ctx, quiet);
  const progress = makeProgress(ctx, readingLabel(file), quiet);
  let totals: Totals[];
  try {
    totals = await simulateFile(exec, file, runs, { onProgress: progress?.update, ...source });
  } finally {
    progress?.done();
  }
  const prior = totals[0] && priorNote(totals[0].priorOffDibao, file);
  if (prior) source.onNote?.(prior);
  return totals;
}

/** Runs `body` with the command's executor (threads as the environment says), closed when it is done. */
export async function withExecutor<T>(ctx: Ctx, body: (exec: Executor) => Promise<T>): Promise<T> {
  const settings = settingsFromEnv(ctx.env);
  if (ctx.debug) ctx.stderr.write(describeSettings(settings, ctx.env) + '\n');
  const exec = new Executor(settings);
  try {
    return await body(exec);
  } finally {
    exec.close();
  }
}

/** A money option in yuan (e.g. 1500 or 1500.50) as fen. */
export function yuanFlag(flag: string, text: string): number {
  const f = parseFen(text);
  if (f === null) throw new UsageError(`${flag} must be an amount in yuan such as 1500 or 1500.50, got "${text}"`);
  return f;
}

/** A money option that must be above 0. */
export function yuanAbove0(flag: string, text: string): number {
  const f = yuanFlag(flag, text);
  if (f <= 0) throw new UsageError(`${flag} must be above 0, got "${text}"`);
  return f;
}

/**
 * A household's index by its id, or a usage error naming the file: with the id that differs only in case or spaces
 * (`g000107` for G000107), else a few of the file's ids.
 */
export function findHousehold(pop: Population, id: string, file: string): number {
  if (id.trim() === '') throw new UsageError(`--household is empty: give a household_id of ${file}`);
  const h = pop.householdIds.indexOf(id);
  if (h >= 0) return h;
  // (full-width letters and digits, as a Chinese input method types them: Ｃ０１ may mean C01; offered, not taken)
  const alike = householdAlike(pop, id);
  const near = alike >= 0 ? pop.householdIds.at(alike) : undefined;
  const some = Array.from({ length: Math.min(3, pop.householdCount) }, (_, i) => pop.householdIds.at(i)).join(', ');
  throw new UsageError(
    `household "${id}" is not in ${file}${near !== undefined ? ` (did you mean "${near}"?)` : ''}`,
    pop.householdCount
      ? `it has ${counted(pop.householdCount.toLocaleString('en'), 'household')}, e.g. ${some}`
      : 'the file has no households',
  );
}

/** What a policy's dates and parameter rules say to watch at the dates (core/policy-notes.ts), on stderr unless quiet. */
export function notePolicy(ctx: Ctx, quiet: boolean, policy: Policy, dates: readonly string[], lang: 'en' | 'zh' = 'en'): void {
  if (!quiet) for (const n of policyNotes(policy, dates, [], lang)) ctx.stderr.write(`${n}\n`);
}

/** A households file with a header and no household (a county trial: all-zero totals, exit 0, not a word). */
export function noteEmpty(ctx: Ctx, quiet: boolean, householdsFile: string, householdRows: number | undefined): void {
  if (!quiet && householdRows === 0) ctx.stderr.write(`${emptyNote(householdsFile)}\n`);
}

/**
 * A sample's programs that few of its households receive: each figure resting on n of them moves about ±2/√n from the
 * draw alone (an onboarding trial's tekun came out 0.006 to 0.024 per 100 persons over four seeds of 50,000
 * households, its scenario +56 %, and nothing said so). Not said of a register (every weight 1): it is not a sample.
 */
export function fewRowsNote(t: Totals | readonly Totals[], lang: Lang = 'en', fewer = 100): string | null {
  // (a budget year's periods: each program's households in the period it has the most — a finance clerk's --year on the
  // sample said nothing of its 7 single-person households)
  const ts: readonly Totals[] = Array.isArray(t) ? t : [t as Totals];
  const first = ts[0];
  if (!first || ts.some((x) => x.per !== 1) || first.householdRows === 0) return null;
  const weighted = Number(first.all.households.value()) / 1e6; // (millionths)
  if (weighted < 1.5 * first.householdRows) return null;
  const few = PROGRAMS.flatMap((p, i) => {
    const n = Math.max(...ts.map((x) => x.programRows[i]!));
    return n > 0 && n < fewer ? [`${programLabel(p)} (${n}: ±${Math.round(200 / Math.sqrt(n))} %)`] : [];
  });
  if (!few.length) return null;
  // (in the report's notes too: in Chinese on a 中文 workbook's About sheet; the file not named, as the same households
  // read from a GB18030 copy, a workbook or an Arrow file give the same report — the file is beside it, households_file)
  if (lang === 'zh')
    return `注：样本中领取这些项目的家庭很少：${few.join('、')}：以 n 户为据的数字仅因抽样就可能偏离约 ±2/√n（人口更多则偏差更小：generate --households）`;
  return `note: few households of the sample receive ${few.join(', ')}: a figure resting on n households of a sample moves about ±2/√n from the draw alone (a larger population narrows it: generate --households)`;
}

/** fewRowsNote as a list of notes (none or one). */
export function fewRowsNotes(t: Totals | readonly Totals[], lang: Lang = 'en'): string[] {
  const note = fewRowsNote(t, lang);
  return note ? [note] : [];
}

/**
 * Households whose prior_dibao (their monthly dibao now, the base of a gradual exit) no rule reads: not on dibao now
 * (on_dibao 0), so no gradual exit applies (DOMAIN step 7, 003 §11) — a register's stale amount, or an on_dibao left out.
 */
export function priorNote(n: number, householdsFile: string): string | null {
  if (!n) return null;
  return `note: ${n.toLocaleString('en')} household${n > 1 ? 's' : ''} of ${householdsFile} give${n > 1 ? '' : 's'} prior_dibao but ${n > 1 ? 'are' : 'is'} not on dibao now (on_dibao 0): no rule reads it there — a gradual exit (渐退) keeps the dibao of a household on dibao now; give on_dibao 1 where it receives dibao`;
}

/**
 * Households on dibao now whose prior_dibao is above twice what dibao and its supplement pay all their members at no
 * income under the policy (core/prior-check.ts): a year's amount given as a month's, or a household's total — their gradual
 * exit pays it as given.
 */
export function priorAboveNote(n: number, householdsFile: string): string | null {
  if (!n) return null;
  return `note: ${n.toLocaleString('en')} household${n > 1 ? 's' : ''} of ${householdsFile} on dibao now (on_dibao 1) give${n > 1 ? '' : 's'} a prior_dibao more than twice what dibao and its supplement pay all ${n > 1 ? 'their' : 'its'} members at no income (S, or the top band, plus the most a member's categories add, × persons): a year's amount for a month's? Its gradual exit (渐退) keeps prior_dibao as given — check the column (explain --household ID shows one)`;
}

/** priorNote of a loaded population (a stream's passes count it instead: Totals.priorOffDibao). */
export const priorNoteOf = (pop: Population, householdsFile: string): string | null => priorNote(priorOffDibaoOf(pop), householdsFile);

export const emptyNote = (householdsFile: string) => `note: ${householdsFile} holds no household (a header only?): every figure is 0`;
