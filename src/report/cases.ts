// Results of `jiuzhu test`: each case with ✓/✗, failures with expected against actual and the explain trace
// of the step that decides them; parameter-rule violations; a summary line; and JUnit XML for CI.
import chalk from 'chalk';
import { showValue, type CaseResult, type CaseRun } from '../core/cases.js';
import { RULES, type Violation } from '../core/sanity.js';
import { formatProblem, formatWhere, type Problem } from '../errors.js';
import { stepLines } from './explain.js';
import { stripAnsi } from './text-table.js';

/** The cases' results; `brief`: each failure as its expected and got lines, without the trace of the steps (a CI log). */
export function casesText(run: CaseRun, brief = false): string {
  const out: string[] = [];
  let file = '';
  for (const r of run.results) {
    if (r.case.file !== file) {
      file = r.case.file;
      out.push(chalk.bold(file));
    }
    const clause = r.case.clause ? chalk.dim(`  (${r.case.clause})`) : '';
    if (!r.mismatches.length) {
      out.push(`  ${chalk.green('✓')} ${r.case.name}${clause}`);
      continue;
    }
    out.push(`  ${chalk.red('✗')} ${r.case.name}${clause}  ${chalk.dim(`${formatWhere(r.case.where)} · ${r.case.date}`)}`);
    for (const m of r.mismatches) {
      const e = m.expectation;
      const tol = e.field === 'amount' && r.case.tolerance ? ` (tolerance ${showValue('amount', r.case.tolerance)})` : '';
      out.push(
        `      ${e.target}.${e.field}: expected ${chalk.green(showValue(e.field, e.expected))}, got ${chalk.red(showValue(e.field, m.actual))}${tol}  ${chalk.dim(formatWhere(e.where))}`,
      );
    }
    if (brief) continue;
    for (const st of r.steps) out.push('', ...stepLines(st, r.snapshot, '      '));
    out.push('');
  }
  // (a case or file that could not run: named here, its problems on stderr)
  if (run.errors.length)
    out.push(
      '',
      chalk.bold('could not run (the problems are on stderr)'),
      ...run.errors.map(
        (x) =>
          `  ${chalk.red('!')} ${x.name ?? 'the case file'}  ${chalk.dim(x.like !== undefined ? `${x.file} · as "${x.like}"` : x.file)}`,
      ),
    );
  if (run.violations.length) out.push('', chalk.bold('parameter rules'), ...violationLines(run.violations));
  out.push('', summary(run));
  return out.join('\n') + '\n';
}

/** Each finding on a line; `zh`: in 中文, its message as that says it (validate --lang zh: a county officer's trial). */
export function violationLines(vs: readonly Violation[], zh?: (message: string) => string): string[] {
  const severity = (v: Violation) =>
    v.rule.severity === 'error' ? chalk.red(zh ? '错误' : 'error') : chalk.yellow(zh ? '警告' : 'warning');
  return vs.map(
    (v) =>
      // the place first, as every other problem is told (an editor or grep goes to file:line:col)
      `  ${formatWhere(v.where)}: ${severity(v)} ${v.rule.id}${zh ? '：' : ': '}${zh ? zh(v.message) : v.message}  ${chalk.dim(`— ${zh ? v.rule.zh : v.rule.text}`)}`,
  );
}

export function summary(run: CaseRun): string {
  const failed = run.results.filter((r) => r.mismatches.length).length;
  const errors = run.violations.filter((v) => v.rule.severity === 'error').length;
  const warnings = run.violations.length - errors;
  const notRun = run.errors.length ? `, ${run.errors.length} could not run` : '';
  return `cases: ${run.results.length - failed} passed, ${failed} failed${notRun} · parameter rules on ${run.policies.length} ${run.policies.length === 1 ? 'policy' : 'policies'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

export function failed(run: CaseRun): boolean {
  return run.results.some((r) => r.mismatches.length) || run.violations.some((v) => v.rule.severity === 'error');
}

/**
 * Text as XML 1.0 allows it: markup escaped, and the characters XML cannot hold at all (control characters other than
 * tab and line ends, lone surrogates) shown as U+XXXX — a case named with a BEL made the JUnit file unreadable.
 */
/* eslint-disable no-control-regex -- the characters it replaces */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */
/** Text as XML holds it: markup escaped, characters it cannot hold written U+XXXX. */
export const xml = (s: string) =>
  s
    .replace(NOT_XML, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** A JUnit suite: its testcases' XML, and how many of them failed and could not run. */
export interface Suite {
  readonly name: string;
  readonly cases: readonly string[];
  readonly failures: number;
  readonly errors: number;
}

/**
 * A JUnit document: each suite with its tests, failures and errors, and the root with their sums (a downstream trial:
 * CI parsers that read the root's counts found none, and `errors` only where there were some).
 */
export function junitDocument(name: string, suites: readonly Suite[]): string {
  const sum = (of: (s: Suite) => number) => suites.reduce((n, s) => n + of(s), 0);
  const counts = (tests: number, failures: number, errors: number) => `tests="${tests}" failures="${failures}" errors="${errors}"`;
  const body = suites.map(
    (s) => `  <testsuite name="${xml(s.name)}" ${counts(s.cases.length, s.failures, s.errors)}>\n${s.cases.join('\n')}\n  </testsuite>`,
  );
  const root = counts(
    sum((s) => s.cases.length),
    sum((s) => s.failures),
    sum((s) => s.errors),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(name)}" ${root}>\n${body.join('\n')}\n</testsuites>\n`;
}

/**
 * The JUnit of a run that could not start: each problem of an invalid case, policy or scenario file as an error
 * (a CI job that publishes the JUnit shows why, not an empty report).
 */
export function problemsJunit(problems: readonly Problem[], suites = 'jiuzhu test'): string {
  const cases = problems.map((p) => {
    const file = p.where?.file ?? 'jiuzhu';
    return `    <testcase classname="${xml(file)}" name="${xml(formatProblem(p))}">\n      <error message="${xml(p.message)}">${xml(formatProblem(p))}</error>\n    </testcase>`;
  });
  return junitDocument(suites, [{ name: 'invalid input', cases, failures: 0, errors: problems.length }]);
}

export function casesJunit(run: CaseRun): string {
  const byFile = new Map<string, CaseResult[]>();
  for (const r of run.results) byFile.set(r.case.file, [...(byFile.get(r.case.file) ?? []), r]);
  for (const x of run.errors) if (!byFile.has(x.file)) byFile.set(x.file, []);
  const suites: Suite[] = [...byFile].map(([file, rs]) => {
    // a case (or the file) that could not run: an error, with its problems
    const errored = run.errors
      .filter((x) => x.file === file)
      .map((x) => {
        const said =
          x.like !== undefined ? `not run: its policy, scenarios and date are those of case "${x.like}", which could not run` : null;
        const text = said ?? x.problems.map(formatProblem).join('\n');
        return `    <testcase classname="${xml(file)}" name="${xml(x.name ?? 'the case file')}">\n      <error message="${xml(said ?? x.problems[0]?.message ?? 'could not run')}">${xml(text)}</error>\n    </testcase>`;
      });
    const cases = rs.map((r) => {
      const name = `${r.case.name}${r.case.clause ? ` (${r.case.clause})` : ''}`;
      if (!r.mismatches.length) return `    <testcase classname="${xml(file)}" name="${xml(name)}"/>`;
      const message = r.mismatches
        .map(
          (m) =>
            `${m.expectation.target}.${m.expectation.field}: expected ${showValue(m.expectation.field, m.expectation.expected)}, got ${showValue(m.expectation.field, m.actual)}`,
        )
        .join('; ');
      const trace = stripAnsi(r.steps.flatMap((st) => stepLines(st, r.snapshot)).join('\n'));
      return `    <testcase classname="${xml(file)}" name="${xml(name)}">\n      <failure message="${xml(message)}">${xml(trace)}</failure>\n    </testcase>`;
    });
    const failures = rs.filter((r) => r.mismatches.length).length;
    return { name: file, cases: [...cases, ...errored], failures, errors: errored.length };
  });
  // Every rule of every policy checked, a testcase each (passed, or one per finding, named apart by its line): a CI
  // trial's five findings of one rule were five testcases of one name, and the suite came and went with them.
  const every = new Map([...Object.values(RULES), ...run.violations.map((v) => v.rule)].map((r) => [r.id, r]));
  const rules = [...new Set([...run.ruled, ...run.violations.map((v) => v.policy)])].flatMap((policy) =>
    [...every.values()].flatMap((rule) => {
      const found = run.violations.filter((v) => v.policy === policy && v.rule.id === rule.id);
      const name = `${policy}: ${rule.id}`;
      if (!found.length) return [`    <testcase classname="parameter-rules" name="${xml(name)}"/>`];
      return found.map((v, k) => {
        const apart = found.length > 1 ? ` (${k + 1} of ${found.length}, line ${v.where.line ?? '?'})` : '';
        const tc = `    <testcase classname="parameter-rules" name="${xml(name + apart)}"`;
        return v.rule.severity === 'error'
          ? `${tc}>\n      <failure message="${xml(v.message)}">${xml(v.rule.text)}</failure>\n    </testcase>`
          : `${tc}>\n      <system-out>${xml(`warning: ${v.message}`)}</system-out>\n    </testcase>`;
      });
    }),
  );
  const failed = run.violations.filter((v) => v.rule.severity === 'error').length;
  if (rules.length) suites.push({ name: 'parameter-rules', cases: rules, failures: failed, errors: 0 });
  return junitDocument('jiuzhu test', suites);
}
