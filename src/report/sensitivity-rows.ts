// The figures of a sensitivity analysis, from its runs' totals: each estimate's row (the total at each end, the swing),
// sorted by swing, made once per result; a run's range (the lowest and highest of the runs made); each estimate's swing.
// Read by jiuzhu sensitivity's outputs and by every output that shows a total's range (simulate, compare --ranges), with the
// range line under a run's table.
import { weightedYuan, type Totals } from '../core/aggregate.js';
import { patchText, type Axis } from '../core/sensitivity.js';
import { cost, type CornerFor, type SensitivityResult } from '../core/sensitivity-plan.js';
import chalk from 'chalk';
import { D } from '../core/money.js';
import { inUnit, type Unit } from './text-table.js';
import { signedIn, type ScenarioReport, type TotalRange } from './totals.js';
import type { Lang } from './lang.js';
import { deltaRangeWords, rangeMarkdownWords, rangeWords, unitWords } from './totals-words.js';

export const yuan = (v: bigint, t: Totals) => weightedYuan(v, BigInt(t.per));
export const max = (xs: readonly bigint[]) => xs.reduce((a, b) => (b > a ? b : a));
export const min = (xs: readonly bigint[]) => xs.reduce((a, b) => (b < a ? b : a));

/** One estimate, one run: the central total and the totals at each end. */
export interface Row {
  readonly axis: Axis;
  readonly central: string;
  /** The ends as text (low, high), or for a choice the values giving the smallest and the largest total. */
  readonly low: string;
  readonly high: string;
  readonly runs: ReadonlyArray<{
    readonly c: bigint;
    readonly lo: bigint;
    readonly hi: bigint;
    readonly loT: Totals;
    readonly hiT: Totals;
  }>;
  readonly swing: bigint;
  /** Whether the estimate has ends to vary at all (a start date whose window lies wholly before the date has none). */
  readonly varied: boolean;
}

/** Each result's rows, made once (the JSON, the table and the ranges all read them). */
const rowsOf = new WeakMap<SensitivityResult, Row[]>();

export function rows(r: SensitivityResult): Row[] {
  let out = rowsOf.get(r);
  if (!out) rowsOf.set(r, (out = makeRows(r)));
  return out;
}

function makeRows(r: SensitivityResult): Row[] {
  const out = r.axes.map(({ axis, ends }): Row => {
    // A choice's "low" and "high": the values giving the baseline's smallest and largest total, and every run at those
    // same values (a scenario's own smallest had come from another value, under the baseline's label, and its Δ at the
    // "low" end set two values against each other: a finance trial's rounding, fen against yuan_nearest).
    const options = [{ t: r.central, p: null }, ...ends.map((e) => ({ t: e.totals, p: e.patch }))];
    const v0 = options.map((o) => cost(o.t[0]!));
    const [iLo, iHi] = [v0.indexOf(min(v0)), v0.indexOf(max(v0))];
    const runs = r.central.map((ct, s) => {
      const c = cost(ct);
      if (!ends.length) return { c, lo: c, hi: c, loT: ct, hiT: ct, at: [null, null] as const };
      if (axis.kind === 'choice') {
        const [lo, hi] = [options[iLo]!, options[iHi]!];
        return { c, lo: cost(lo.t[s]!), hi: cost(hi.t[s]!), loT: lo.t[s]!, hiT: hi.t[s]!, at: [lo.p, hi.p] as const };
      }
      const [lo, hi] = [ends[0]!.totals[s]!, ends[1]!.totals[s]!];
      return { c, lo: cost(lo), hi: cost(hi), loT: lo, hiT: hi, at: [ends[0]!.patch, ends[1]!.patch] as const };
    });
    const base = runs[0]!;
    return {
      axis,
      central: patchText(axis, null),
      low: patchText(axis, base.at[0]),
      high: patchText(axis, base.at[1]),
      runs,
      swing: max([base.c, base.lo, base.hi]) - min([base.c, base.lo, base.hi]),
      varied: ends.length > 0,
    };
  });
  return out.sort((a, b) => (b.swing > a.swing ? 1 : b.swing < a.swing ? -1 : a.axis.path.localeCompare(b.axis.path)));
}

/**
 * The policy variants run for a figure, each as its totals per run: the central values, each estimate alone at each
 * end, and the joint corners run for that figure (`mine`: by what SensitivityResult.cornerFor says of each).
 */
export const variants = (r: SensitivityResult, mine: (c: CornerFor) => boolean): Array<readonly Totals[]> => [
  r.central,
  ...r.axes.flatMap((a) => a.ends.map((e) => e.totals)),
  ...r.corners.filter((_, k) => mine(r.cornerFor[k]!)),
];

/**
 * A run's range: the lowest and the highest total of the runs made for it — the central values, each estimate alone at
 * each end, and every estimate at once at the ends that lowered (raised) its total alone (core/sensitivity-plan.ts
 * cornerPatches), and for a scenario the baseline's too. Every end is a total some values within the ranges give. The
 * corners run for other scenarios are not read: a run's range is the same whatever scenarios are run beside it.
 */
export function runRange(r: SensitivityResult, run = 0): { low: bigint; high: bigint; central: bigint } {
  // (a scenario's: the baseline's corners too, always run beside it, whatever other scenarios are)
  const all = variants(r, (c) => c.totals.includes(run) || c.totals.includes(0)).map((t) => cost(t[run]!));
  return { low: min(all), high: max(all), central: all[0]! };
}

/**
 * A scenario's Δ against the baseline, its range: the lowest and highest Δ of the runs made for it (those of its own
 * range, of the baseline's, and the corners that lowered or raised the Δ alone), the baseline and the scenario each
 * time under the same values; not those made for other scenarios. A reform that only adds money costs at least 0 at
 * its low end; one whose cost rests on an estimated baseline (tekun at 1.3 × S, where Nanning may pay 1.6 ×) can cost
 * nothing.
 */
export function deltaRange(r: SensitivityResult, run: number): { low: bigint; high: bigint } {
  const mine = (c: CornerFor) => c.deltas.includes(run) || c.totals.includes(run) || c.totals.includes(0);
  const all = variants(r, mine).map((t) => cost(t[run]!) - cost(t[0]!));
  return { low: min(all), high: max(all) };
}

/**
 * A run's range for the outputs that show a total (simulate and compare --ranges); a scenario's Δ's beside it. "k of n
 * estimates in force move it" (once "with a range") counts the estimates in force in the run (`inForce`, the list starred under its table), and any
 * other that moves it: a scenario that sets a value, and a start-date window over before the date, leave it out (a
 * finance trial read "23 of 33 estimates with a range move it" beside "32 in force"). null: every estimate of the policy.
 */
export function totalRange(r: SensitivityResult, run: number, inForce: readonly { readonly path: string }[] | null): TotalRange {
  const range = runRange(r, run);
  const t0 = r.central[0]!;
  const moves = (x: Row) => x.runs[run]!.lo !== x.runs[run]!.c || x.runs[run]!.hi !== x.runs[run]!.c;
  const paths = inForce && new Set(inForce.map((e) => e.path));
  const rs = rows(r).filter((x) => !paths || moves(x) || x.axis.targets.some((t) => paths.has(t.path)));
  const d = run ? deltaRange(r, run) : null;
  // (counted as parameters, as the starred list counts them: values written once under a YAML anchor move as one axis,
  // each of them one estimate; a parameter with two estimated values about the date, one — a researcher read "16 of
  // the 38" beside "40 in force")
  const count = (xs: readonly Row[]) =>
    new Set(xs.flatMap((x) => (x.axis.rate || !x.axis.targets.length ? [`${x.axis.path} rate`] : x.axis.targets.map((t) => t.path)))).size;
  return {
    low: yuan(range.low, t0),
    high: yuan(range.high, t0),
    estimates: count(rs),
    moving: count(rs.filter(moves)),
    rates: rs.filter((x) => x.axis.rate).length,
    ...(d ? { delta: { low: yuan(d.low, t0), high: yuan(d.high, t0) } } : {}),
  };
}

/** Each estimate's change of the baseline total at its low and its high end (yuan), the largest swing first. */
export function swings(r: SensitivityResult): Array<{
  path: string;
  label: string;
  kind: string;
  central: string;
  lowEnd: string;
  highEnd: string;
  low: string;
  high: string;
  swing: string;
  basis: string;
}> {
  const t0 = r.central[0]!;
  return rows(r).map((row) => {
    const x = row.runs[0]!;
    return {
      path: row.axis.path,
      label: label(row.axis),
      kind: row.axis.kind,
      central: row.central,
      lowEnd: row.low,
      highEnd: row.high,
      low: yuan(x.lo - x.c, t0),
      high: yuan(x.hi - x.c, t0),
      swing: yuan(row.swing, t0),
      basis: row.axis.basis,
    };
  });
}

/** An estimate's name: its path, and how many more parameters share its one value (a YAML alias); a projection's rate, its line; a value held to base_year, since when. */
export const label = (a: Axis) =>
  a.rate
    ? `${a.path} yearly rate`
    : a.targets.length > 1
      ? `${a.path} +${a.targets.length - 1} (one value)`
      : a.entry.held
        ? `${a.path} held from ${a.entry.held.from}`
        : a.path;

/** The range under a run's Markdown table, or nothing: the total's, and a scenario's Δ's (Markdown had left it out). */
export function rangeMarkdown(s: Pick<ScenarioReport, 'range'>, unit: Unit, lang?: Lang): string[] {
  if (!s.range) return [];
  const r = s.range;
  const delta = r.delta ? { low: signedIn(r.delta.low, unit), high: signedIn(r.delta.high, unit) } : null;
  return rangeMarkdownWords({ ...r, low: inUnit(r.low, unit), high: inUnit(r.high, unit) }, delta, unitWords(unit, lang), lang);
}

/**
 * Where a total lies in its range, in percent of the way up (null for a range of one point): a trial's central total sat
 * near the low end, unsaid, where most estimates could only raise it.
 */
export function placeInRange(r: { readonly low: string; readonly high: string }, total: string): string | null {
  const [lo, hi] = [D(r.low), D(r.high)];
  return hi.gt(lo) ? D(total).minus(lo).dividedBy(hi.minus(lo)).times(100).toFixed(0) : null;
}

/** The range line under a run's table, or nothing. */
export function rangeNote(s: Pick<ScenarioReport, 'range' | 'figures'>, unit: Unit, lang?: Lang): string[] {
  if (!s.range) return [];
  const at = placeInRange(s.range, s.figures.total_annual_cost);
  const u = unitWords(unit, lang);
  const [range, how] = rangeWords({ ...s.range, low: inUnit(s.range.low, unit), high: inUnit(s.range.high, unit), at }, u, lang);
  return [
    chalk.yellow(range),
    chalk.dim(how),
    // a scenario's Δ, its range (both runs under the same values each time): a reform priced against an estimated baseline
    ...(s.range.delta
      ? [chalk.yellow(deltaRangeWords(signedIn(s.range.delta.low, unit), signedIn(s.range.delta.high, unit), u, lang))]
      : []),
  ];
}
