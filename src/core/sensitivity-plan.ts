// The runs of a sensitivity analysis, and their totals put back together: the central policy, each estimate's ends one
// at a time, and the draws — each under the baseline and every scenario (applied on top of the changed policy, so a
// scenario that scales an estimated value scales its low and high too) — all evaluated in one pass over the households;
// then, in a second pass, the joint corners those runs point to (every estimate at once at the end that lowered, or
// raised, a run's total or a scenario's Δ alone). A range is the lowest and highest of these real runs.
import { type Totals } from './aggregate.js';
import { periodRuns, periodsOf, yearTotals, type Period } from './budget-year.js';
import { applyScenario, type Scenario } from './scenario.js';
import { rulesAt } from './rules.js';
import type { Run } from './simulate.js';
import { draws as drawPatches, estimateAxes, patchPolicy, type Axis, type Patch, type When } from './sensitivity.js';
import { valueToJson, type Policy } from './parameters/tree.js';
import { dependsOnPath, isCash, PROGRAMS } from './programs/index.js';
import { checkPolicy } from './sanity.js';

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
  /**
   * The joint corners (second pass): for each run's total and each scenario's Δ, every estimate at once at the end
   * that lowered (raised) it alone — each corner's totals per run, the baseline and every scenario. Empty where no
   * estimate moves anything.
   */
  readonly corners: ReadonlyArray<readonly Totals[]>;
  /**
   * For each corner, the figures it was run for: the runs whose total (`totals`, by run index) and the scenarios whose
   * Δ (`deltas`) it lowered or raised. A range reads its own figure's corners only, so that it does not move with the
   * scenarios run beside it (a Guangzhou analyst's baseline moved; a Δ's high end moved 4-fold).
   */
  readonly cornerFor: ReadonlyArray<CornerFor>;
  /**
   * The joint corners and draws left out: their values break a rule the policy must keep and keeps (rural above urban
   * where both standards are estimates — a budget officer's Fuliang reform "could save money" at such a corner, a pair
   * validate refuses). Absent where none was.
   */
  readonly refused?: { readonly corners: number; readonly draws: number; readonly rules: readonly string[] };
}

/** The figures a joint corner was run for (SensitivityResult.cornerFor). */
export interface CornerFor {
  readonly totals: readonly number[];
  readonly deltas: readonly number[];
}

/** The first pass's result: everything but the corners. */
export type OneAtATime = Omit<SensitivityResult, 'corners' | 'cornerFor' | 'refused'>;

/**
 * A policy variant's runs among a pass's (a first pass's, its corners'): its policies, the varied baseline then each
 * scenario on it, and where its runs sit. A budget year's variant runs the years before it from the file's register
 * where they differ from the central's (cli/registers.ts).
 */
export interface Variant {
  readonly policies: readonly Policy[];
  readonly at: number;
  readonly count: number;
}

/** A pass's runs, by variant. */
export interface Batch {
  readonly runs: readonly Run[];
  readonly variants: readonly Variant[];
}

/** The runs' totals over the households, in the runs' order. */
export type Evaluate = (runs: readonly Run[], variants: readonly Variant[]) => Promise<readonly Totals[]>;

export interface SensitivityPlan extends Batch {
  readonly fold: (totals: readonly Totals[]) => OneAtATime;
  /** The second pass, from the first's result: the joint corners' runs, and the whole result from their totals. */
  readonly corners: (first: OneAtATime) => Batch & { readonly fold: (totals: readonly Totals[]) => SensitivityResult };
}

/**
 * Σ weight × fen of the cash programs (the total), or of one program: exact. Every difference (a swing, a Δ, a range's
 * end) is taken of exact figures and rounded once, as simulate's Δ is, so a swing can differ by a fen from
 * total_high − total_low, each rounded apart (README "Exactness"). Taken of figures rounded first, an estimate that moves
 * the baseline and a scenario alike moved their Δ by a phantom fen (a cross-format audit).
 */
export const cost = (t: Totals, program?: number): bigint =>
  program !== undefined
    ? t.programs[program]!.cost.value()
    : PROGRAMS.reduce((a, p, i) => (isCash(p) ? a + t.programs[i]!.cost.value() : a), 0n);

/** Both passes, each given to `evaluate` (the runs' totals over the households). */
export async function evaluatePlan(plan: SensitivityPlan, evaluate: Evaluate): Promise<SensitivityResult> {
  return withCorners(plan, plan.fold(await evaluate(plan.runs, plan.variants)), evaluate);
}

/** The second pass on a first pass's result (evaluated with other runs: a budget year's periods). */
export async function withCorners(plan: SensitivityPlan, first: OneAtATime, evaluate: Evaluate): Promise<SensitivityResult> {
  const second = plan.corners(first);
  return second.fold(second.runs.length ? await evaluate(second.runs, second.variants) : []);
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
  const variants: Variant[] = [];
  const add = (policy: Policy, label: string) => variantRuns({ runs, variants }, policy, scenarios, when, label);
  const central = add(baseline, 'central');
  const ends = axes.map((axis, a) =>
    axis.ends.map((patch, e) => ({
      patch,
      folds: same(axis, patch) ? central : add(patchPolicy(baseline, [{ axis, patch }]), `${a}.${e}`),
    })),
  );
  const refused = new Set<string>();
  // (what the baseline breaks already, found once: a variant is judged by what it adds)
  const had = new Set(checkPolicy(baseline).map((v) => `${v.rule.id} ${v.message}`));
  const allowed = (patches: ReadonlyArray<{ axis: Axis; patch: Patch }>) => {
    const broken = breaks(had, patchPolicy(baseline, patches));
    broken.forEach((id) => refused.add(id));
    return broken.length === 0;
  };
  const all = o.draws ? drawPatches(axes, o.draws, o.seed ?? 1) : [];
  const kept = all.filter(allowed);
  const drawn = kept.map((patches, d) => add(patchPolicy(baseline, patches), `draw${d}`));
  const refusedDraws = all.length - kept.length;
  return {
    runs,
    variants,
    fold: (t) => ({
      when,
      runIds: ['baseline', ...scenarios.map((sc) => sc.id)],
      central: central.map((f) => f(t)),
      axes: axes.map((axis, a) => ({ axis, ends: ends[a]!.map(({ patch, folds }) => ({ patch, totals: folds.map((f) => f(t)) })) })),
      ...(o.draws ? { draws: { n: kept.length, seed: o.seed ?? 1, totals: drawn.map((folds) => folds.map((f) => f(t))) } } : {}),
    }),
    corners: (first) => {
      const second = { runs: [] as Run[], variants: [] as Variant[] };
      const patches = cornerPatches(first);
      const fit = patches.filter((c) => allowed(c.patches));
      const folds = fit.map((c, k) => variantRuns(second, patchPolicy(baseline, c.patches), scenarios, when, `corner${k}`));
      const left = { corners: patches.length - fit.length, draws: refusedDraws, rules: [...refused] };
      return {
        ...second,
        fold: (t) => ({
          ...first,
          corners: folds.map((f) => f.map((g) => g(t))),
          cornerFor: fit.map((c) => c.for),
          ...(left.corners || left.draws ? { refused: left } : {}),
        }),
      };
    },
  };
}

/**
 * The relations of error severity a variant breaks that the baseline keeps, by rule id (none: a state the policy may be
 * in). Not the unit rules: they catch a value typed in the wrong unit, and a range's end may sit where they look (an
 * annual cap of 12 × 12 S_urban, Fuliang's double of 6).
 */
function breaks(had: ReadonlySet<string>, variant: Policy): string[] {
  return [
    ...new Set(
      checkPolicy(variant)
        .filter((v) => v.rule.severity === 'error' && !v.rule.unit && !had.has(`${v.rule.id} ${v.message}`))
        .map((v) => v.rule.id),
    ),
  ];
}

/**
 * A policy variant × (baseline, scenarios): the runs it adds to the batch (and the variant), and how to fold their
 * totals into one per run.
 */
function variantRuns(
  batch: { readonly runs: Run[]; readonly variants: Variant[] },
  policy: Policy,
  scenarios: readonly Scenario[],
  when: When,
  label: string,
): Array<(t: readonly Totals[]) => Totals> {
  const { runs } = batch;
  const policies = [policy, ...scenarios.map((sc) => applyScenario(policy, sc))];
  const start = runs.length;
  const folds = policies.map((p, s): ((t: readonly Totals[]) => Totals) => {
    const id = `${label}/${s}`;
    if ('date' in when) {
      const at = runs.push({ id, rules: rulesAt(p, when.date).rules }) - 1;
      return (t) => t[at]!;
    }
    const periods: Period[] = periodsOf(p, when.year);
    const at = runs.length;
    runs.push(...periodRuns(periods, id, s));
    return (t) => yearTotals(periods, t.slice(at, at + periods.length));
  });
  batch.variants.push({ policies, at: start, count: runs.length - start });
  return folds;
}

/**
 * The joint corners a first pass points to, each once, with the figures each was run for: for each run's total (and
 * each scenario's Δ against the baseline), every estimate at the end — of its ends and its central value — where that
 * figure was lowest alone, then highest (a tie keeps the central value, then the earlier end). A corner that moves one
 * estimate or none is a run the first pass made, not run again. Added one at a time, changes that act on one another
 * were counted twice: Nanning's tekun 1.6× reform cost "−10.9 million" at the low end, though under no values does it
 * take money away (a cross-format audit); run jointly, it costs 0 there.
 */
function cornerPatches(r: OneAtATime): Array<{ patches: Array<{ axis: Axis; patch: Patch }>; for: CornerFor }> {
  const measures: Array<{ of: (t: readonly Totals[]) => bigint; total?: number; delta?: number }> = [
    ...r.runIds.map((_, i) => ({ of: (t: readonly Totals[]) => cost(t[i]!), total: i })),
    ...r.runIds.slice(1).map((_, i) => ({ of: (t: readonly Totals[]) => cost(t[i + 1]!) - cost(t[0]!), delta: i + 1 })),
  ];
  const byKey = new Map<string, { patches: Array<{ axis: Axis; patch: Patch }>; for: { totals: number[]; deltas: number[] } }>();
  for (const m of measures)
    for (const dir of [-1n, 1n]) {
      const picks = r.axes.map(({ ends }) => {
        let [best, at] = [m.of(r.central) * dir, -1];
        ends.forEach((e, k) => {
          const v = m.of(e.totals) * dir;
          if (v < best) [best, at] = [v, k];
        });
        return at;
      });
      // (one estimate moved, or none: that run is made already)
      if (picks.filter((k) => k >= 0).length < 2) continue;
      const key = picks.join(',');
      const corner = byKey.get(key) ?? {
        patches: picks.flatMap((k, a) => (k < 0 ? [] : [{ axis: r.axes[a]!.axis, patch: r.axes[a]!.ends[k]!.patch }])),
        for: { totals: [], deltas: [] },
      };
      byKey.set(key, corner);
      const list = m.total !== undefined ? corner.for.totals : corner.for.deltas;
      const run = m.total ?? m.delta!;
      if (!list.includes(run)) list.push(run);
    }
  return [...byKey.values()];
}
