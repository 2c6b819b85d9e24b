// The runs of a sensitivity analysis, and their totals put back together: the central policy, each estimate's ends one
// at a time, and the draws — each under the baseline and every scenario (applied on top of the changed policy, so a
// scenario that scales an estimated value scales its low and high too) — all evaluated in one pass over the households.
import { type Totals } from './aggregate.js';
import { periodRuns, periodsOf, yearTotals, type Period } from './budget-year.js';
import { applyScenario, type Scenario } from './scenario.js';
import { rulesAt } from './rules.js';
import type { Run } from './simulate.js';
import { draws as drawPatches, estimateAxes, patchPolicy, type Axis, type Patch, type When } from './sensitivity.js';
import { valueToJson, type Policy } from './parameters/tree.js';
import { dependsOnPath, PROGRAMS } from './programs/index.js';

export interface SensitivityResult {
  readonly when: When;
  /** baseline, then each scenario's id. */
  readonly runIds: readonly string[];
  /** Totals per run under the central values. */
  readonly central: readonly Totals[];
  readonly axes: ReadonlyArray<{
    readonly axis: Axis;
    readonly ends: ReadonlyArray<{ readonly patch: Patch; readonly totals: readonly Totals[] }>;
  }>;
  readonly draws?: { readonly n: number; readonly seed: number; readonly totals: ReadonlyArray<readonly Totals[]> };
}

export interface SensitivityPlan {
  readonly runs: readonly Run[];
  readonly fold: (totals: readonly Totals[]) => SensitivityResult;
}

/**
 * An end that sets the value it already has runs nothing: the central totals stand for it. Nor does one of a parameter
 * no program reads (the funding shares split a cost, they do not make it): the programs' declared reads say so.
 */
const reads = (axis: Axis) => axis.targets.some((t) => PROGRAMS.some((p) => dependsOnPath(p, t.path)));
const same = (axis: Axis, p: Patch) =>
  !reads(axis) ||
  ('value' in p
    ? JSON.stringify(valueToJson(p.value, axis.spec)) === JSON.stringify(valueToJson(axis.entry.value, axis.spec))
    : p.from === axis.entry.from);

export function sensitivityPlan(
  baseline: Policy,
  scenarios: readonly Scenario[],
  when: When,
  o: { readonly draws?: number; readonly seed?: number; readonly axes?: readonly Axis[] } = {},
): SensitivityPlan {
  const axes = o.axes ?? estimateAxes(baseline, when);
  const runs: Run[] = [];
  // Each policy variant × (baseline, scenarios): the runs it adds and how to fold their totals into one per run.
  const add = (policy: Policy, label: string): Array<(t: readonly Totals[]) => Totals> =>
    [policy, ...scenarios.map((sc) => applyScenario(policy, sc))].map((p, s) => {
      const id = `${label}/${s}`;
      if ('date' in when) {
        const at = runs.push({ id, rules: rulesAt(p, when.date).rules }) - 1;
        return (t) => t[at]!;
      }
      const periods: Period[] = periodsOf(p, when.year);
      const at = runs.length;
      runs.push(...periodRuns(periods, id));
      return (t) => yearTotals(periods, t.slice(at, at + periods.length));
    });
  const central = add(baseline, 'central');
  const ends = axes.map((axis, a) =>
    axis.ends.map((patch, e) => ({
      patch,
      folds: same(axis, patch) ? central : add(patchPolicy(baseline, [{ axis, patch }]), `${a}.${e}`),
    })),
  );
  const drawn = o.draws ? drawPatches(axes, o.draws, o.seed ?? 1).map((patches, d) => add(patchPolicy(baseline, patches), `draw${d}`)) : [];
  return {
    runs,
    fold: (t) => ({
      when,
      runIds: ['baseline', ...scenarios.map((sc) => sc.id)],
      central: central.map((f) => f(t)),
      axes: axes.map((axis, a) => ({ axis, ends: ends[a]!.map(({ patch, folds }) => ({ patch, totals: folds.map((f) => f(t)) })) })),
      ...(o.draws ? { draws: { n: o.draws, seed: o.seed ?? 1, totals: drawn.map((folds) => folds.map((f) => f(t))) } } : {}),
    }),
  };
}
