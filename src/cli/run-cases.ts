// Runs case files: loads each policy (and scenario) once, evaluates every case's household, and collects
// mismatches with the trace of the steps that decide them; runs the sanity rules on each policy used.
import { basename } from 'node:path';
import { mismatches, traceSteps, type Case, type CaseError, type CaseResult, type CaseRun } from '../core/cases.js';
import { explainHousehold } from '../core/explain.js';
import type { Policy, Snapshot } from '../core/parameters/tree.js';
import { populationOf } from '../core/population.js';
import { rulesAt, type Rules } from '../core/rules.js';
import { checkPolicy } from '../core/sanity.js';
import { policyNotes } from '../core/policy-notes.js';
import { DateBeforePolicyError, InputError, UsageError } from '../errors.js';
import { loadCaseFile } from '../io/cases-file.js';
import { loadPolicy } from '../io/policy-file.js';
import { applyUsable } from './load.js';
import { loadScenario } from '../io/scenario-file.js';
import { didYouMean } from '../io/yaml-nodes.js';
import { namesBeside, yamlFiles } from '../io/places.js';

/** Case files under the given paths, each once however often or however spelled it is named (io/places.ts). */
export const caseFiles = (paths: readonly string[]): Promise<string[]> => yamlFiles(paths);

/** Every case in the files, and each file that could not be read with its problems (the others' cases still run). */
export async function loadAllCases(files: readonly string[]): Promise<{ cases: Case[]; errors: CaseError[] }> {
  const cases: Case[] = [];
  const errors: CaseError[] = [];
  for (const f of files) {
    try {
      const read = await loadCaseFile(f);
      cases.push(...read.cases);
      // (a case that could not be read: by its name, beside the file's others, which run)
      for (const x of read.errors) errors.push({ file: f, name: x.name, problems: x.problems, hint: 'fix the case' });
    } catch (e) {
      if (e instanceof InputError) errors.push({ file: f, problems: e.problems, hint: e.hint });
      else throw e;
    }
  }
  return { cases, errors };
}

/**
 * A case's policy or scenario that cannot be read or has no value at the case's date, told at the case too (a CI trial:
 * a misspelt policy path named no case file, stopped the run with exit 2 and wrote no JUnit; a date before the policy's
 * first value gave 33 problems at policy lines and none at the case). An invalid input (exit 3), so --junit has it.
 */
async function atCase(e: unknown, c: Case, reading = false): Promise<unknown> {
  const subject = `case "${c.name}"`;
  if (e instanceof InputError)
    return new InputError(
      [
        {
          where: c.where,
          subject,
          message: `its policy ${c.policy}${reading ? '' : ` at ${c.date}`} has the problems below${reading ? ' (no case that reads it can run)' : ''}`,
        },
        ...e.problems,
      ],
      e.hint,
    );
  // (at the line to fix: the file's date or policy where the case takes them from the file — an author's trial was
  // sent to the first case's line for the file's own key)
  if (e instanceof DateBeforePolicyError)
    return new InputError([{ where: c.given?.date ?? c.where, subject, message: e.message }], `give the case a date from ${e.from}`);
  if (!(e instanceof UsageError)) return e;
  const missing = [c.policy, ...c.scenarios].find((f) => e.message.includes(f));
  const near = missing ? await nearName(missing) : '';
  const where = missing === c.policy ? c.given?.policy : missing !== undefined ? c.given?.scenarios : undefined;
  return new InputError(
    [{ where: where ?? c.where, subject, message: `${e.message}${near}` }],
    'fix the path in the case file (it is read from the case file’s folder)',
  );
}

/** "; did you mean x.yaml?" for a missing file whose folder has one like it, or "". */
async function nearName(path: string): Promise<string> {
  const names = await namesBeside(path);
  const hint = didYouMean(basename(path), names);
  return hint ? `;${hint.replace(/^ \(/, ' ').replace(/\)$/, '')}` : '';
}

/**
 * Runs the cases; a case whose policy or scenario cannot be used is an error of its own (a CI trial: one case file's
 * misspelt policy stopped every file's cases, and the JUnit had none of them), and the rest run.
 */
export async function runCases(
  files: readonly string[],
  given?: { cases: readonly Case[]; errors: readonly CaseError[] },
): Promise<CaseRun> {
  const { cases, errors: fileErrors } = given ?? (await loadAllCases(files));
  const errors: CaseError[] = [...fileErrors];
  // (a policy, scenarios and date that could not be used → its first case's name and hint)
  const unusable = new Map<string, { name: string; hint?: string }>();
  const policies = new Map<string, Promise<Policy>>();
  const policy = (path: string) => policies.get(path) ?? policies.set(path, loadPolicy(path)).get(path)!;
  const scenarios = new Map<string, ReturnType<typeof loadScenario>>();
  const scenario = (path: string) => scenarios.get(path) ?? scenarios.set(path, loadScenario(path)).get(path)!;
  const compiled = new Map<string, { snapshot: Snapshot; rules: Rules }>();
  const results: CaseResult[] = [];
  const dates = new Map<string, string[]>(); // each policy's cases' dates
  for (const c of cases) {
    dates.set(c.policy, [...(dates.get(c.policy) ?? []), c.date]);
    // (a policy or scenario that cannot be read is told once, whatever the cases' dates: a CI trial's two problems were
    // told once per date, 12 lines; one with no value at a date, once per date)
    const [read, files, key] = [[c.policy], [c.policy, c.scenarios], [c.policy, c.scenarios, c.date]].map((k) => JSON.stringify(k));
    let at = compiled.get(key!);
    const first = [read, files, key].map((k) => unusable.get(k!)).find(Boolean);
    if (!at && first) {
      // (not told again on stderr: once per policy, scenarios and date is enough; the JUnit and the list name it)
      errors.push({ file: c.file, name: c.name, problems: [], hint: first.hint, like: first.name });
      continue;
    }
    if (!at) {
      let stage = read!;
      try {
        let p = await policy(c.policy);
        stage = files!;
        // (a scenario in the wrong unit or scale refused, as every command that computes refuses it: a QA trial's ×10
        // rural standard passed its case, exit 0)
        for (const s of c.scenarios) p = applyUsable(p, await scenario(s));
        stage = key!;
        at = rulesAt(p, c.date);
      } catch (e) {
        const told = await atCase(e, c, stage === read);
        if (!(told instanceof InputError)) throw told;
        unusable.set(stage, { name: c.name, hint: told.hint });
        errors.push({ file: c.file, name: c.name, problems: told.problems, hint: told.hint });
        continue;
      }
      compiled.set(key!, at);
    }
    const { snapshot, rules } = at;
    const pop = populationOf([c.household]);
    const e = explainHousehold(pop, 0, rules);
    const failed = mismatches(c, e.result);
    const show = new Set(failed.flatMap((m) => traceSteps(m.expectation.target)));
    results.push({ case: c, mismatches: failed, steps: e.steps.filter((s) => show.has(s.program)), snapshot });
  }
  const read = await Promise.allSettled([...policies.values()]);
  const loaded = read.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  // (what simulate says of its date, of the cases' newest: a CI trial's case dated 2031 passed on standards of 2025, unsaid)
  const paths = [...policies.keys()];
  const notes = read.flatMap((r, i) => (r.status === 'fulfilled' ? policyNotes(r.value, dates.get(paths[i]!)!) : []));
  return {
    results,
    violations: loaded.flatMap(checkPolicy),
    policies: loaded.map((p) => p.file),
    ruled: loaded.map((p) => p.id),
    errors,
    notes,
  };
}
