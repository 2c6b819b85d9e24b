// jiuzhu check --policy FILE --households FILE [--scenario FILE…] --snapshot FILE [--update] [--tolerance 0.5%]
// Compares totals per program and scenario with a committed snapshot; exit 1 when anything moved beyond the
// tolerance. --update rewrites the snapshot. The snapshot's date is used unless --date is given.
import { somethingAt } from '../../io/places.js';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { figures } from '../../core/aggregate.js';
import { D } from '../../core/money.js';
import { simulate } from '../../core/simulate.js';
import { CheckFailedError, InputError, UsageError } from '../../errors.js';
import { parameterChanges, parametersOf, snapshotOf } from '../../core/snapshot.js';
import { looksLikeJson, readSnapshot, writeSnapshot } from '../../io/snapshot.js';
import { commandStdout, inputsOf, refuseOverwrite } from '../../io/outputs.js';
import { checkJson, checkJunit, checkMarkdown, movements } from '../../report/check.js';
import { AtomicFile } from '../../io/atomic-file.js';
import type { Ctx } from '../context.js';
import { commandLine } from '../shell-words.js';
import { junitOfProblems } from '../junit-problems.js';
import { loadHouseholds, loadRuns, loadScenarios, noteEmpty, simulationDate, withExecutor } from '../load.js';

export interface CheckOptions {
  readonly policy: string;
  readonly households: string;
  readonly scenario?: readonly string[];
  readonly snapshot: string;
  readonly update?: boolean;
  /** Check against a snapshot made from another households file (a nightly job's date-stamped roll). */
  readonly otherHouseholds?: boolean;
  readonly tolerance: string;
  readonly date?: string;
  readonly format: 'markdown' | 'json';
  readonly junit?: string;
  readonly quiet: boolean;
}

/** "0.5%" → 0.005; "0.005" → 0.005. */
export function parseTolerance(t: string): ReturnType<typeof D> {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t.trim());
  if (!m) throw new UsageError(`--tolerance must be a share such as 0.005 or a percent such as 0.5%, got "${t}"`);
  // A bare number of 1 or more is a share of 100 % or more: "5" (and "1") meant 5 % (1 %) far more often than 500 %
  // (100 %); and a tolerance of 100 % or more passes nearly any change, so a CI job would check nothing.
  const share = m[2] ? D(m[1]!).dividedBy(100) : D(m[1]!);
  if (share.greaterThanOrEqualTo(1))
    throw new UsageError(
      `--tolerance ${t} would be ${share.times(100).toFixed()} %: a tolerance is below 100 %`,
      m[2] ? undefined : `write ${m[1]}% for ${m[1]} percent`,
    );
  return share;
}

/**
 * A snapshot is checked against the policy and households it was made from (a miswired job would pass silently). Its
 * paths are relative to the snapshot's own folder, so that a check runs from any folder and in any checkout; a
 * snapshot written before that holds them relative to the folder it was made in, and is read so too.
 */
function sameFiles(old: { readonly policy: string; readonly households: string }, o: CheckOptions, snapshot: string): void {
  for (const [what, was, now] of [
    ['policy', old.policy, o.policy],
    ...(o.otherHouseholds ? [] : ([['households file', old.households, o.households]] as const)),
  ] as const) {
    const [fromSnapshot, fromHere] = [resolve(dirname(resolve(snapshot)), was), resolve(was)];
    if (fromSnapshot !== resolve(now) && fromHere !== resolve(now))
      throw new UsageError(
        // (the file it was made from written as `now` is: a CI trial read ../x/households.csv beside /tmp/x/hh50.csv)
        `the snapshot ${snapshot} was made from the ${what} ${somethingAt(fromSnapshot) ? (isAbsolute(now) ? fromSnapshot : relative('.', fromSnapshot)) : was}, not ${now}`,
        what === 'policy'
          ? 'give the files it was made from, or make it from these with --update'
          : "give the files it was made from, make it from these with --update, or check another roll against it with --other-households (a figure's move is then the roll's as well as the rules')",
      );
  }
}

/** A path as the snapshot keeps it: from the snapshot's folder, with forward slashes (the same on every system). */
const fromSnapshot = (snapshot: string, path: string) =>
  relative(dirname(resolve(snapshot)), resolve(path))
    .split(sep)
    .join('/');

export async function checkCommand(ctx: Ctx, o: CheckOptions): Promise<void> {
  try {
    await check(ctx, o);
  } catch (e) {
    // (an invalid policy, households file or snapshot: the JUnit says why nothing was checked)
    if (o.junit && !o.update) await junitOfProblems(e, o.junit, [...inputsOf(o), { what: 'snapshot', path: o.snapshot }], 'jiuzhu check');
    throw e;
  }
}

async function check(ctx: Ctx, o: CheckOptions): Promise<void> {
  const tolerance = parseTolerance(o.tolerance);
  if (o.update && o.junit)
    throw new UsageError(
      '--junit reports a check; --update accepts the changes without checking',
      'run the check without --update to write the JUnit',
    );
  // (--other-households checks another roll against the snapshot; --update with it made the snapshot from that roll: a
  // CI trial's accepted change pointed the committed snapshot at a file outside the repository)
  if (o.update && o.otherHouseholds)
    throw new UsageError(
      `--update makes the snapshot from the files given, so its households file would become ${o.households}; --other-households checks another roll against it without that`,
      'to accept a change of the rules, run --update with the households file the snapshot was made from, without --other-households',
    );
  if (o.update) await refuseOverwrite([{ flag: '--snapshot', path: o.snapshot, format: 'json' }], inputsOf(o));
  if (o.junit)
    // (with the report on standard output: --junit /dev/stdout put XML after the JSON, a terminal QA trial)
    await refuseOverwrite(
      [commandStdout(), { flag: '--junit', path: o.junit, format: 'xml' }],
      [...inputsOf(o), { what: 'snapshot', path: o.snapshot }],
    );
  // --update replaces a snapshot it cannot read (the error's hint says to recreate it so); a check stops at it.
  let replaced = false;
  const old = await readSnapshot(o.snapshot).catch((e: unknown) => {
    if (!o.update || !(e instanceof InputError)) throw e;
    // (a file that is no snapshot at all — not JSON: an Arrow population, a CSV — is not replaced: a trial's --snapshot
    // h.arrow --update wrote over a population and said "Created")
    if (e.problems[0]?.message.startsWith('is ') || !looksLikeJson(o.snapshot))
      throw new InputError(e.problems, `it is not a snapshot (JSON), so --update does not replace it: give --snapshot another name`);
    if (!o.quiet) ctx.stderr.write(`note: the snapshot ${o.snapshot} could not be read (${e.problems[0]?.message}): it is made anew\n`);
    replaced = true;
    return null;
  });
  if (!old && !o.update) throw new UsageError(`there is no snapshot ${o.snapshot} yet`, 'run again with --update to create it');
  if (old && !o.update) sameFiles(old, o, o.snapshot);
  const date = old && !o.date ? old.date : simulationDate(ctx, o.date, { quiet: o.quiet });
  const runs = await loadRuns(o.policy, await loadScenarios(o.scenario ?? [], ctx, o.quiet), date);
  const pop = await withExecutor(ctx, (exec) => loadHouseholds(ctx, exec, o.households, o.quiet));
  const totals = simulate(
    pop,
    runs.map((r) => ({ id: r.id, rules: r.rules })),
  );
  const now = snapshotOf(
    fromSnapshot(o.snapshot, o.policy),
    fromSnapshot(o.snapshot, o.households),
    date,
    runs.map((r, i) => ({
      id: r.id,
      figures: figures(totals[i]!),
      parameters: parametersOf(r.snapshot.policy, i === 0 ? undefined : r.id),
    })),
  );
  const all = old ? movements(old, now) : [];
  const changed = old ? parameterChanges(old, now, date) : [];
  const moved = all.filter((m) => m.relative.greaterThan(tolerance));
  const within = all.filter((m) => !m.relative.greaterThan(tolerance));
  const about = {
    policy: o.policy,
    households: o.households,
    snapshot: o.snapshot,
    date,
    snapshotDate: old?.date ?? null,
    tolerance,
    updated: !!o.update,
  };
  const wrote = o.update ? await writeSnapshot(o.snapshot, now) : false;
  noteEmpty(ctx, o.quiet, o.households, pop.householdCount); // (a snapshot of a header only: every figure 0, said)
  if (o.format === 'json') ctx.stdout.write(checkJson(about, moved, within, changed));
  else {
    // (a --date other than the snapshot's compares two dates: said in the title)
    const other = old && old.date !== date ? ` (the snapshot is at ${old.date})` : '';
    const title = `jiuzhu check — \`${o.policy}\` on \`${o.households}\` at ${date}${other}, against \`${o.snapshot}\` (tolerance ${tolerance.times(100).toFixed()}%)`;
    if (o.update)
      ctx.stdout.write(
        old
          ? checkMarkdown(title, all, [], changed) +
              (wrote ? `\nUpdated ${o.snapshot}.\n` : `\n${o.snapshot} unchanged: it already holds these figures and parameters.\n`)
          : `${replaced ? 'Replaced' : 'Created'} ${o.snapshot} (${now.scenarios.length} scenario${now.scenarios.length > 1 ? 's' : ''}, ${date}).\n`,
      );
    else ctx.stdout.write(checkMarkdown(title, moved, within, changed));
  }
  if (o.update) return;
  if (o.junit) {
    const ids = [...new Set([...old!.scenarios.map((s) => s.id), ...now.scenarios.map((s) => s.id)])];
    const out = await AtomicFile.open(o.junit);
    await out.write(checkJunit(about, ids, moved, within, changed));
    await out.commit();
  }
  if (old && !old.parameters && !o.quiet)
    ctx.stderr.write(
      `note: the snapshot ${o.snapshot} keeps no parameter values (made by an earlier jiuzhu): a change dated after ${old.date} moves none of its figures and goes unseen; make it anew with --update to keep them\n`,
    );
  const unseen = changed.filter((c) => c.when !== 'in force').length;
  const failed = [
    ...(moved.length ? [`${moved.length} figure${moved.length > 1 ? 's' : ''} moved beyond the tolerance`] : []),
    ...(changed.length
      ? [
          `${changed.length} parameter value${changed.length > 1 ? 's' : ''} changed${unseen ? ` (${unseen} where no figure at ${date} can show ${unseen > 1 ? 'them' : 'it'})` : ''}`,
        ]
      : []),
  ];
  // (the whole command to accept it, as a snapshot tool gives it: "accept it with --update" left a CI log's reader to
  // rebuild the line — a CI trial)
  // (another roll: accepted on the snapshot's own households file — its figures are what the snapshot holds)
  const own = o.otherHouseholds && old ? relative('.', resolve(dirname(resolve(o.snapshot)), old.households)) : null;
  const again = commandLine([...withHouseholds(withoutJunit(ctx.argv ?? []), own), '--update']);
  if (failed.length)
    throw new CheckFailedError(
      `${failed.join(' and ')}; if that is intended, accept it${own ? ' on the households file the snapshot was made from' : ''} with\n  ${again}`,
    );
}

/** The arguments with the households file `own` for the one given and no --other-households (`own` null: as they are). */
function withHouseholds(argv: readonly string[], own: string | null): string[] {
  if (own === null) return [...argv];
  return argv
    .map((a, i) => (argv[i - 1] === '--households' ? own : a.startsWith('--households=') ? `--households=${own}` : a))
    .filter((a) => a !== '--other-households');
}

/** The arguments without --junit and its file (a JUnit reports a check; --update checks nothing). */
function withoutJunit(argv: readonly string[]): string[] {
  return argv.filter((a, i) => !(a === '--junit' || a.startsWith('--junit=') || argv[i - 1] === '--junit'));
}
