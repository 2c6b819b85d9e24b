// Which estimate matters (issue 18): every estimate in force, moved alone to each end of its range (the policy file's
// `range:` beside the value), everything else central — OpenFisca-style, a derived policy per end, the baseline never
// mutated. A number moves to its low and high, a choice to each other plausible value, an unpublished start date to
// its earliest and latest; an `exact:` estimate is listed with nothing to vary. Optionally every estimate drawn at once
// (`draws`), from a seeded generator, so the same seed gives the same draws whatever the thread count.
import { indexInForce } from './dates.js';
import { Random } from './random.js';
import { D, type Dec } from './money.js';
import { PARAMS, type ParamSpec } from './parameters/schema.js';
import { growBy } from './projection.js';
import {
  inUse,
  originIndex,
  resolve,
  valueToJson,
  type DatedValue,
  type GrowthRate,
  type ParamValue,
  type Policy,
} from './parameters/tree.js';

/** One date, or a budget year (the estimates in force at any month's first day). */
export type When = { readonly date: string } | { readonly year: number };

/** `rate`: a projection line's yearly rate, every value it grew in force grown again at each end (the values' own axes aside). */
export type AxisKind = 'value' | 'choice' | 'start_date' | 'exact' | 'rate';

/** What an end of a range changes in the entry: its value, or its start date. */
export type Patch = { readonly value: ParamValue } | { readonly from: string };

export interface Axis {
  /** The first parameter the estimate sets; `targets` has every one (a value written once under a YAML anchor moves as one). */
  readonly path: string;
  readonly targets: ReadonlyArray<{ readonly path: string; readonly index: number }>;
  readonly spec: ParamSpec;
  /** The entry's index in the parameter's history. */
  readonly index: number;
  readonly kind: AxisKind;
  readonly entry: DatedValue;
  /** The ends run (low, high; or each other value of a choice); none for an exact estimate or a window that does not reach the date. */
  readonly ends: readonly Patch[];
  readonly basis: string;
  /** The values a projection grew from this estimate that are in force (moved with it), by date. */
  readonly grown?: readonly DatedValue[];
  /** A rate axis's projection line (its targets: the parameters it grows, index -1). */
  readonly rate?: GrowthRate;
}

export const monthStarts = (year: number): string[] => Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}-01`);
const datesOf = (w: When): string[] => ('date' in w ? [w.date] : monthStarts(w.year));

/** Every estimate in force (at the date, or at any month of the year), each entry once, in the parameters' order. */
export function estimateAxes(policy: Policy, when: When): Axis[] {
  const dates = datesOf(when);
  const snapshots = dates.map((d) => resolve(policy, d));
  const out: Axis[] = [];
  for (const spec of PARAMS) {
    const history = policy.params.get(spec.path) ?? [];
    const used = new Set<number>();
    // A projected value in force stands for the estimate it grew from (each year's and month's one estimate: a budget
    // trial's tornado listed Fuliang's projected rural standard twice, January's and July's, each moved alone).
    const grownTo = new Map<number, DatedValue[]>();
    dates.forEach((d, k) => {
      const i = indexInForce(history, d);
      if (i < 0 || !inUse(snapshots[k]!, spec.path)) return;
      const at = history[i]!.grown ? originIndex(history, history[i]!) : i;
      if (at < 0) return;
      used.add(at);
      if (at !== i && !grownTo.get(at)?.includes(history[i]!)) grownTo.set(at, [...(grownTo.get(at) ?? []), history[i]!]);
    });
    history.forEach((e, i) => {
      const window = e.range?.from;
      // A start-date window matters where it straddles a date: the value may, or may not, be in force then.
      const straddles = window ? dates.some((d) => window[0] <= d && d < window[1]) : false;
      if (!e.estimate || !(used.has(i) || straddles)) return;
      const axis = (kind: AxisKind, ends: Patch[]) => {
        // The same entry under another parameter (a YAML alias: one node, one place in the file) joins its axis.
        const twin = out.find((a) => a.kind === kind && sameNode(a.entry, e));
        if (twin) (twin.targets as Array<{ path: string; index: number }>).push({ path: spec.path, index: i });
        else
          out.push({
            path: spec.path,
            targets: [{ path: spec.path, index: i }],
            spec,
            index: i,
            kind,
            entry: e,
            ends,
            basis: grownBasis(e.range?.basis ?? e.exact ?? e.estimate!, grownTo.get(i), spec),
            ...(grownTo.has(i) ? { grown: grownTo.get(i)! } : {}),
          });
      };
      if (used.has(i) && e.exact !== undefined) axis('exact', []);
      if (used.has(i) && e.range?.low !== undefined) axis('value', [{ value: e.range.low }, { value: e.range.high! }]);
      if (used.has(i) && e.range?.values)
        axis(
          'choice',
          e.range.values.filter((v) => v !== e.value).map((value) => ({ value })),
        );
      // The first value of a parameter has nothing before it: moved later, no value would be in force, so its start
      // date cannot be varied (it is listed, with nothing to vary).
      if (window) axis('start_date', straddles && i > 0 ? [{ from: window[0] }, { from: window[1] }] : []);
    });
  }
  return [...out, ...rateAxes(policy, dates, snapshots)];
}

/**
 * Each projection line with a range whose grown values are in force (at the date, or at any month of the year): one axis,
 * its targets every parameter of the line with such a value (a budget analyst's largest assumption, Nanning's standards
 * +4 % a year, had been in no tornado). Its ends grow every value of the line again at the low and the high rate.
 */
function rateAxes(policy: Policy, dates: readonly string[], snapshots: ReturnType<typeof resolve>[]): Axis[] {
  const lines = new Map<string, { rate: GrowthRate; paths: string[]; first: string }>();
  for (const spec of PARAMS) {
    const history = policy.params.get(spec.path) ?? [];
    dates.forEach((d, k) => {
      const e = history[indexInForce(history, d)];
      const rate = e?.grown?.rate;
      if (!rate?.range || !inUse(snapshots[k]!, spec.path)) return;
      const key = `${rate.projection}\t${rate.read}`;
      const line = lines.get(key) ?? { rate, paths: [], first: e.from };
      if (!line.paths.includes(spec.path)) line.paths.push(spec.path);
      lines.set(key, line);
    });
  }
  // (its `from`: the first value the line grew, in force or not — 2028's read 2027-04-01, the rate grows from 2026: a trial)
  for (const line of lines.values())
    for (const path of line.paths)
      for (const e of policy.params.get(path) ?? [])
        if (e.grown?.rate.projection === line.rate.projection && e.grown.rate.read === line.rate.read && e.from < line.first)
          line.first = e.from;
  return [...lines.values()].map(({ rate, paths, first }) => ({
    path: rate.read,
    targets: paths.map((path) => ({ path, index: -1 })),
    spec: rateSpec(rate),
    index: -1,
    kind: 'rate' as const,
    entry: {
      from: first,
      value: rate.yearly,
      estimate: `${rate.projection}: ${rate.basis}`,
      range: { low: rate.range!.low, high: rate.range!.high, basis: rate.range!.basis },
      scenario: rate.projection,
      projected: true as const,
      where: rate.where,
    },
    ends: [{ value: rate.range!.low }, { value: rate.range!.high }],
    basis: `${rate.range!.basis}; projection ${rate.projection}'s yearly rate for ${rate.read}, which grows ${paths.join(', ')} (every value it grew moved with it)`,
    rate,
  }));
}

/** A yearly rate as a parameter: a decimal between -0.5 and 0.5 (drawn, like a share, two decimals finer than its ends). */
const rateSpec = (rate: GrowthRate): ParamSpec => ({
  path: rate.read,
  kind: { type: 'decimal' },
  unit: 'a year',
  en: `the yearly growth of ${rate.read} (projection ${rate.projection})`,
  zh: '预测年增长率',
});

/** An estimate's basis, and the projected values grown from it that are in force (varied with it). */
const grownBasis = (basis: string, grown: readonly DatedValue[] | undefined, spec: ParamSpec) =>
  grown?.length
    ? `${basis}; in force as grown by ${grown[0]!.scenario}: ${grown.map((g) => `${String(valueToJson(g.value, spec))} from ${g.from}`).join(', ')} (each moved with it)`
    : basis;

/**
 * Two entries of the policy file's one YAML node (an alias). A value a projection or scenario made is its own: it
 * carries the place of the line that made it, which made the projected urban and rural standards (and each year's)
 * one axis, at the first one's ends (an auditor's trial).
 */
const sameNode = (a: DatedValue, b: DatedValue) =>
  a.scenario === undefined &&
  b.scenario === undefined &&
  a.where.line !== undefined &&
  a.where.file === b.where.file &&
  a.where.line === b.where.line &&
  a.where.col === b.where.col;

/** A new policy with entries changed (the baseline untouched). */
export function patchPolicy(policy: Policy, patches: ReadonlyArray<{ readonly axis: Axis; readonly patch: Patch }>): Policy {
  const params = new Map(policy.params);
  for (const { axis, patch } of patches)
    for (const t of axis.targets) {
      if (axis.rate && 'value' in patch) {
        params.set(t.path, regrown(params.get(t.path)!, axis.rate, patch.value as Dec));
        continue;
      }
      const history = [...params.get(t.path)!];
      history[t.index] = { ...history[t.index]!, ...patch };
      // The values a projection grew from it grow again from the new value (the entry's own date: as written).
      const from = policy.params.get(t.path)![t.index]!.from;
      if ('value' in patch)
        history.forEach((e, j) => {
          if (e.grown?.from === from) history[j] = { ...e, value: growBy(patch.value as Dec, e.grown.steps) };
        });
      params.set(t.path, history);
    }
  return { ...policy, params };
}

/**
 * A parameter's history with every value the line grew grown again at another rate, from its origin as it stands (a value
 * patched before is grown at the new rate; one patched after is grown at the new steps), the grown range with it.
 */
function regrown(history: readonly DatedValue[], line: GrowthRate, yearly: Dec): DatedValue[] {
  return history.map((e) => {
    if (e.grown?.rate.projection !== line.projection || e.grown.rate.read !== line.read) return e;
    const steps = e.grown.steps.map(() => yearly);
    const origin = history[originIndex(history, e)]!;
    const r = origin.range;
    return {
      ...e,
      value: growBy(origin.value as Dec, steps),
      ...(e.range && r?.low !== undefined && r.high !== undefined
        ? { range: { ...e.range, low: growBy(r.low as Dec, steps), high: growBy(r.high as Dec, steps) } }
        : {}),
      grown: { ...e.grown, steps },
    };
  });
}

/**
 * A grown value at its line's rate's ends (the rate a range: null otherwise): the value grown again from its origin at
 * the low and the high rate, as sensitivity's rate axis grows it — from its origin's range's ends where it has one (the
 * premium 400, range 400–430, at 0–5 % a year: 400–497.78 by 2028, where its range grown at the central rate alone said
 * 400–430). A grown standard read `派生 derived`, no range, in params and the Estimates sheet though its rate had one (a
 * municipal finance officer's trial).
 */
export function atRateEnds(e: DatedValue, history: readonly DatedValue[]): readonly [Dec, Dec] | null {
  const range = e.grown?.rate.range;
  const origin = range && history[originIndex(history, e)];
  if (!origin) return null;
  const [low, high] = [origin.range?.low ?? origin.value, origin.range?.high ?? origin.value] as Dec[];
  const at = (rate: Dec) => e.grown!.steps.map(() => rate);
  return [growBy(low!, at(range.low)), growBy(high!, at(range.high))];
}

/**
 * An end as text: a value as the params JSON gives it, or a date. An estimate a projection grew is shown as it is in force
 * (the last of its grown values at the date or in the year), its ends grown as that one is: a budget trial's tornado
 * read "disability.care.monthly.grade2 122; 122 → 135" for a year whose values, and the swing, were 126.93 → 140.45.
 */
export function patchText(axis: Axis, patch: Patch | null): string {
  if (patch !== null && 'from' in patch) return patch.from;
  if (patch === null && axis.kind === 'start_date') return axis.entry.from;
  const value = patch === null ? axis.entry.value : patch.value;
  const last = axis.grown?.at(-1);
  const shown = last?.grown && (axis.kind === 'value' || axis.kind === 'exact') ? growBy(value as Dec, last.grown.steps) : value;
  return String(valueToJson(shown, axis.spec));
}

const places = (d: Dec) => Math.max(0, d.decimalPlaces());
const DAY = 86_400_000;
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * One draw of every estimate at once, uniform within its range: a number on the grid of its kind (the fen for money,
 * whole numbers for integers, two decimals finer than the range's own for shares and multiples, at most six), a choice
 * among its values, a start date among the window's days. Exact estimates stay.
 */
export function drawPatches(axes: readonly Axis[], rng: Random): Array<{ axis: Axis; patch: Patch }> {
  const out: Array<{ axis: Axis; patch: Patch }> = [];
  for (const axis of axes) {
    const r = axis.entry.range;
    if ((axis.kind === 'value' || axis.kind === 'rate') && r?.low !== undefined) {
      const [lo, hi] = [r.low as Dec, r.high as Dec];
      const dp =
        axis.spec.kind.type === 'money'
          ? 2
          : axis.spec.kind.type === 'integer'
            ? 0
            : Math.min(6, Math.max(places(lo), places(hi), places(axis.entry.value as Dec)) + 2);
      const unit = D(10).toPower(dp);
      const units = rng.between(lo.times(unit).toNumber(), hi.times(unit).toNumber());
      out.push({ axis, patch: { value: D(units).dividedBy(unit) } });
    } else if (axis.kind === 'choice' && r?.values) {
      out.push({ axis, patch: { value: r.values[rng.between(0, r.values.length - 1)]! } });
    } else if (axis.kind === 'start_date' && r?.from && axis.ends.length) {
      out.push({ axis, patch: { from: isoOf(rng.between(dayOf(r.from[0]), dayOf(r.from[1]))) } });
    }
  }
  return out;
}

/** The draws' patches, N of them, for a seed: the same seed gives the same draws. */
export function draws(axes: readonly Axis[], n: number, seed: number): Array<Array<{ axis: Axis; patch: Patch }>> {
  const rng = new Random(seed);
  return Array.from({ length: n }, () => drawPatches(axes, rng));
}

/** The nearest-rank percentile p (0–100) of values (sorted here, the input untouched). */
export function percentile(values: readonly bigint[], p: number): bigint {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
