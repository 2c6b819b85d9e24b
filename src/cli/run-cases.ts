// Runs case files: loads each policy (and scenario) once, evaluates every case's household, and collects
// mismatches with the trace of the steps that decide them; runs the sanity rules on each policy used.
import { stat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { mismatches, traceSteps, type Case, type CaseResult, type CaseRun } from '../core/cases.js';
import { explainHousehold } from '../core/explain.js';
import type { Policy, Snapshot } from '../core/parameters/tree.js';
import { populationOf } from '../core/population.js';
import { rulesAt, type Rules } from '../core/rules.js';
import { checkPolicy } from '../core/sanity.js';
import { applyScenario } from '../core/scenario.js';
import { InputError, UsageError, type Problem } from '../errors.js';
import { loadCases } from '../io/cases-file.js';
import { loadPolicy } from '../io/policy-file.js';
import { loadScenario } from '../io/scenario-file.js';

/** Case files under the given paths: files as given, directories searched for *.yaml / *.yml. */
export async function caseFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) throw new UsageError(`no such file or directory: ${p}`);
    if (s.isFile()) out.push(p);
    else {
      for (const e of (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.isDirectory()) for (const f of await caseFiles([join(p, e.name)])) out.push(f);
        else if (/\.ya?ml$/.test(e.name)) out.push(join(p, e.name));
      }
    }
  }
  return out;
}

/** Every case in the files (every file's problems reported together). */
export async function loadAllCases(files: readonly string[]): Promise<Case[]> {
  const cases: Case[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    try {
      for (const c of await loadCases(f)) cases.push(c);
    } catch (e) {
      if (e instanceof InputError) for (const p of e.problems) problems.push(p);
      else throw e;
    }
  }
  if (problems.length) throw new InputError(problems, 'fix the case files');
  return cases;
}

export async function runCases(files: readonly string[], cases?: readonly Case[]): Promise<CaseRun> {
  cases ??= await loadAllCases(files);
  const policies = new Map<string, Promise<Policy>>();
  const policy = (path: string) => policies.get(path) ?? policies.set(path, loadPolicy(path)).get(path)!;
  const scenarios = new Map<string, ReturnType<typeof loadScenario>>();
  const scenario = (path: string) => scenarios.get(path) ?? scenarios.set(path, loadScenario(path)).get(path)!;
  const compiled = new Map<string, { snapshot: Snapshot; rules: Rules }>();
  const results: CaseResult[] = [];
  for (const c of cases) {
    const key = JSON.stringify([c.policy, c.scenarios, c.date]);
    let at = compiled.get(key);
    if (!at) {
      let p = await policy(c.policy);
      for (const s of c.scenarios) p = applyScenario(p, await scenario(s));
      at = rulesAt(p, c.date);
      compiled.set(key, at);
    }
    const { snapshot, rules } = at;
    const pop = populationOf([c.household]);
    const e = explainHousehold(pop, 0, rules);
    const failed = mismatches(c, e.result);
    const show = new Set(failed.flatMap((m) => traceSteps(m.expectation.target)));
    results.push({ case: c, mismatches: failed, steps: e.steps.filter((s) => show.has(s.program)), snapshot });
  }
  const loaded = await Promise.all([...policies.values()]);
  return { results, violations: loaded.flatMap(checkPolicy), policies: loaded.map((p) => p.file) };
}
