// jiuzhu test [PATH…] [--junit FILE]  — declarative cases + parameter sanity rules; exit 1 on any failure.
// jiuzhu validate --policy FILE…      — load and run the sanity rules only.
import { checkPolicy } from '../../core/sanity.js';
import { CheckFailedError, InputError, UsageError, type Problem } from '../../errors.js';
import { completeFrom, type Policy } from '../../core/parameters/tree.js';
import { commandStdout, refuseOverwrite } from '../../io/outputs.js';
import { AtomicFile } from '../../io/atomic-file.js';
import { junitOfProblems } from '../junit-problems.js';
import { loadPolicy } from '../../io/policy-file.js';
import { casesJunit, casesText, failed, violationLines } from '../../report/cases.js';
import type { Ctx } from '../context.js';
import type { Lang } from '../../report/lang.js';
import { findingZh } from '../errors-zh-files.js';
import { caseFiles, loadAllCases, runCases } from '../run-cases.js';

export async function testCommand(
  ctx: Ctx,
  paths: readonly string[],
  o: { junit?: string; brief?: boolean; quiet?: boolean },
): Promise<void> {
  const searched = paths.length ? paths : ['policies/cases'];
  // (the default folder is relative to where the command runs: a CI trial run from another folder was told only "no such
  // file or directory: policies/cases")
  const files = await caseFiles(searched).catch((e: unknown) => {
    if (paths.length || !(e instanceof UsageError) || e.hint) throw e;
    throw new UsageError(
      e.message,
      `policies/cases is where jiuzhu test looks when given no case files, from the folder it runs in (${process.cwd()}): run it from the project's folder, or name the case files or folders`,
    );
  });
  const loaded = await loadAllCases(files);
  const { cases } = loaded;
  // (no case could be read and no file either — a case file that does not parse, or names no policy: the files'
  // problems, in the JUnit too; a file whose cases could not be read runs below, each case an error by its name)
  if (!cases.length && loaded.errors.length && loaded.errors.every((x) => x.name === undefined))
    await junitOfProblems(
      new InputError(
        loaded.errors.flatMap((x) => x.problems),
        'fix the case files',
      ),
      o.junit,
      files.map((path) => ({ what: 'case file', path })),
      'jiuzhu test',
    );
  // A run that checks nothing must not pass for one that checked everything.
  if (!cases.length && !loaded.errors.length)
    throw new UsageError(
      `no test cases in ${searched.join(', ')}${files.length ? ` (${files.length} file${files.length > 1 ? 's' : ''} read, none with a case)` : ' (no .yaml or .yml file)'}`,
      'give case files or directories of them: jiuzhu test policies/cases',
    );
  await refuseOverwrite(
    // (with the report on standard output: --junit /dev/stdout put the XML among the text, a CI trial; check refuses it)
    [commandStdout(), o.junit ? { flag: '--junit', path: o.junit, format: 'xml' } : null],
    [
      ...files.map((path) => ({ what: 'case file', path })),
      ...cases.flatMap((c) => [{ what: 'policy file', path: c.policy }, ...c.scenarios.map((path) => ({ what: 'scenario file', path }))]),
    ],
  );
  const run = await runCases(files, loaded);
  ctx.stdout.write(casesText(run, o.brief));
  if (!o.quiet) for (const n of run.notes ?? []) ctx.stderr.write(`${n}\n`);
  if (o.junit) {
    const out = await AtomicFile.open(o.junit);
    await out.write(casesJunit(run));
    await out.commit();
  }
  // A case or file that could not run is invalid input (exit 3), told after every other case's result
  if (run.errors.length)
    throw new InputError(
      run.errors.flatMap((x) => x.problems),
      oneHint(run.errors.map((x) => x.hint ?? 'fix the case files or what they name')) +
        (run.results.length ? `; ${run.results.length} other case${run.results.length === 1 ? '' : 's'} ran (above)` : ''),
    );
  if (failed(run)) throw new CheckFailedError('some cases or parameter rules failed (see above)');
}

/** The errors' hint, or one for them all (a CI trial's folder read "fix the case; fix the case files or what they name; …"). */
function oneHint(hints: readonly string[]): string {
  const each = [...new Set(hints)];
  return each.length === 1 ? each[0]! : 'fix the case files and the cases above, and the files they name';
}

/**
 * Each policy loaded and its parameter rules checked, every file told: one that cannot be loaded is said at its turn and
 * its problems after the others (an author's trial: the files after the first such were never checked, nor named).
 */
export async function validateCommand(ctx: Ctx, o: { policy: readonly string[]; lang?: Lang }): Promise<void> {
  const zh = o.lang === 'zh';
  let errors = 0;
  const unread: Problem[] = [];
  for (const file of o.policy) {
    let policy: Policy;
    try {
      policy = await loadPolicy(file);
    } catch (e) {
      if (!(e instanceof InputError || e instanceof UsageError) || o.policy.length === 1) throw e;
      const problems = e instanceof InputError ? e.problems : [{ where: { file }, message: e.message }];
      unread.push(...problems);
      ctx.stdout.write(`${file}: cannot be loaded (${problems.length} problem${problems.length > 1 ? 's' : ''}, on stderr)\n`);
      continue;
    }
    const violations = checkPolicy(policy);
    const own = violations.filter((v) => v.rule.severity === 'error').length;
    errors += own;
    // (the first date it can run at, where it can: an author's minimum wage from 2025 failed only when simulate asked for 2024)
    const from = own ? undefined : completeFrom(policy);
    const runs = from
      ? zh
        ? `；自 ${from} 起可以运行（每个参数自那天起都有取值）`
        : `; it runs from ${from} (every parameter has a value from then)`
      : '';
    const found = zh
      ? violations.length
        ? `${violations.length} 处问题`
        : '有效：每条参数规则都满足'
      : violations.length
        ? `${violations.length} finding${violations.length > 1 ? 's' : ''}`
        : 'valid; every parameter rule holds';
    ctx.stdout.write(`${file}${zh ? '：' : ': '}${found}${runs}\n`);
    if (violations.length) ctx.stdout.write(violationLines(violations, zh ? findingZh : undefined).join('\n') + '\n');
  }
  const ruleErrors = `${errors} parameter rule error${errors > 1 ? 's' : ''}`;
  if (unread.length) throw new InputError(unread, `fix the policy files${errors ? `; and the ${ruleErrors} above` : ''}`);
  if (errors) throw new CheckFailedError(ruleErrors);
}
