// Benefit cliffs and effective marginal rates (悬崖效应, 低保捆绑 — 002: 分层救助可以有效化解"低保捆绑"和"悬崖效应").
// A household's resources = its members' income (wages and other income as earned: the employment deduction only
// counts in the means test) + every cash program, in two views (View below): a month's, and the year's. Kept as fen a
// year (a month's in twelfths of a fen), so every figure is exact.
import { evaluateHousehold, newContext, type HouseholdResult } from './engine.js';
import { COLUMNS, HOUSEHOLD_COLS, PERSON_COLS } from './columns.js';
import { D, type Dec } from './money.js';
import { populationOf, type HouseholdSpec, type Population } from './population.js';
import { isCash, PROGRAMS, type ProgramId } from './programs/index.js';
import type { Run } from './simulate.js';
import { dec, str, type Snapshot } from './parameters/tree.js';
import { standards } from './rules.js';

/** A cash program's part of a month, in twelfths of a fen. */
export function monthlyTwelfths(r: HouseholdResult, slot: number): number {
  const kind = PROGRAMS[slot]!.kind;
  return kind === 'monthly' || kind === 'kept' ? 12 * r.amount[slot]! : kind === 'once' || kind === 'yearly' ? r.annual[slot]! : 0;
}

/** Every cash program a month, in twelfths of a fen (the programs the household entered). */
export function cashTwelfths(r: HouseholdResult): number {
  let x = 0;
  for (let j = 0; j < r.presentCount; j++) x += monthlyTwelfths(r, r.present[j]!);
  return x;
}

/** The household in h of a population as a spec (stored values), for evaluating it with one value changed. */
export function householdSpecOf(pop: Population, h: number): HouseholdSpec {
  const p = pop as unknown as Record<string, ArrayLike<number>>;
  const household = Object.fromEntries(HOUSEHOLD_COLS.map((c) => [COLUMNS[c]!.key, p[COLUMNS[c]!.key]![h]!]));
  const persons = [];
  for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++) {
    const m = pop.members[k]!;
    persons.push({ ...Object.fromEntries(PERSON_COLS.map((c) => [COLUMNS[c]!.key, p[COLUMNS[c]!.key]![m]!])), id: pop.personIds.at(m) });
  }
  return { id: pop.householdIds.at(h), household, persons } as unknown as HouseholdSpec;
}

export type Vary = 'wage' | 'other';

/**
 * The two views of a household's resources, both in fen a year so their rates compare: monthly — a month's
 * resources × 12 (a program kept for N months counts in full, as in a month it is kept; a grant or the premium as a
 * twelfth of it each month); annual — the year (a kept program for its N months only).
 */
export type View = 'monthly' | 'annual';
export const VIEWS: readonly View[] = ['monthly', 'annual'];

export interface Resources {
  /** The household's wages and other income plus every cash program, fen a year in this view. */
  readonly resources: number;
  /** Each cash program's part, fen a year in this view. */
  readonly programs: Readonly<Partial<Record<ProgramId, number>>>;
}

export interface CliffPoint {
  /** The varied member's monthly amount, fen. */
  readonly value: number;
  readonly monthly: Resources;
  readonly annual: Resources;
}

export interface Cliff {
  /** The first value where resources are lower than at the value before. */
  readonly at: number;
  /** How much lower, fen a year in the view (a month's: ÷ 12). */
  readonly drop: number;
  /** The programs that fall there, and by how much, most first. */
  readonly programs: ReadonlyArray<{ readonly id: ProgramId; readonly drop: number }>;
  /** The programs that rise at the same step (a gradual exit starting), so the parts add up to the drop. */
  readonly rises: ReadonlyArray<{ readonly id: ProgramId; readonly gain: number }>;
  /** The member's own income's rise at that step, fen a year in the view: with it the parts add up to the drop. */
  readonly step: number;
}

/** Resources of a household across values of one member's income, under each run. */
export function sweep(spec: HouseholdSpec, member: number, vary: Vary, values: readonly number[], runs: readonly Run[]): CliffPoint[][] {
  const variants = values.map((v, i) => ({
    ...spec,
    id: `${spec.id}#${i}`,
    persons: spec.persons.map((p, j) => ({ ...p, id: `${p.id ?? `p${j + 1}`}#${i}`, ...(j === member ? { [vary]: v } : {}) })),
  }));
  const pop = populationOf(variants);
  return runs.map((run) => {
    const c = newContext(pop, run.rules);
    return values.map((value, h) => {
      const r = evaluateHousehold(c, h);
      let income = 0;
      for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++) income += pop.wage[pop.members[k]!]! + pop.other[pop.members[k]!]!;
      const monthly: Partial<Record<ProgramId, number>> = {};
      const annual: Partial<Record<ProgramId, number>> = {};
      let [m, y] = [12 * income, 12 * income];
      PROGRAMS.forEach((p, slot) => {
        if (!isCash(p)) return;
        m += monthly[p.id] = monthlyTwelfths(r, slot);
        y += annual[p.id] = r.annual[slot]!;
      });
      return { value, monthly: { resources: m, programs: monthly }, annual: { resources: y, programs: annual } };
    });
  });
}

/** 1 − Δresources / Δearnings from the point before, in a view (null for the first point), as an exact decimal. */
export function marginalRates(points: readonly CliffPoint[], view: View): Array<Dec | null> {
  return points.map((p, i) => {
    if (i === 0) return null;
    const q = points[i - 1]!;
    const dEarn = 12 * (p.value - q.value);
    return dEarn === 0 ? null : D(1).minus(D(p[view].resources - q[view].resources).dividedBy(dEarn));
  });
}

/** Every step where resources fall, with the programs that fall there. */
export function cliffsOf(points: readonly CliffPoint[], view: View): Cliff[] {
  return stepsWhere(points, view, (q, p) => p.resources < q.resources);
}

/**
 * Every step where resources rise by more than the income's own rise (a marginal rate below 0): a program starting as
 * another stops — rigid-expenditure aid where dibao ends (DOMAIN step 4). A TUI trial saw such a jump of 2,000 a month
 * drawn under "0 cliffs". `drop` is then negative: the resources' rise.
 */
export function jumpsOf(points: readonly CliffPoint[], view: View): Cliff[] {
  return stepsWhere(points, view, (q, p, step) => p.resources - q.resources > step);
}

function stepsWhere(
  points: readonly CliffPoint[],
  view: View,
  is: (q: CliffPoint[View], p: CliffPoint[View], step: number) => boolean,
): Cliff[] {
  const out: Cliff[] = [];
  for (let i = 1; i < points.length; i++) {
    const [q, p] = [points[i - 1]![view], points[i]![view]];
    const step = 12 * (points[i]!.value - points[i - 1]!.value);
    if (is(q, p, step)) out.push(stepOf(points[i - 1]!, points[i]!, view));
  }
  return out;
}

/** The step from q to p as a cliff (or a jump): where, how much, and the programs that fall and rise. */
function stepOf(qp: CliffPoint, pp: CliffPoint, view: View): Cliff {
  const [q, p] = [qp[view], pp[view]];
  const ids = [...new Set([...Object.keys(q.programs), ...Object.keys(p.programs)])] as ProgramId[];
  const change = ids.map((id) => ({ id, drop: (q.programs[id] ?? 0) - (p.programs[id] ?? 0) }));
  const programs = change.filter((x) => x.drop > 0).sort((a, b) => b.drop - a.drop);
  const rises = change
    .filter((x) => x.drop < 0)
    .map((x) => ({ id: x.id, gain: -x.drop }))
    .sort((a, b) => b.gain - a.gain);
  return { at: pp.value, drop: q.resources - p.resources, programs, rises, step: 12 * (pp.value - qp.value) };
}

/**
 * The rounding's unit, fen a month (rounding: fen 1, yuan_up and yuan_nearest 100). Paid in whole yuan, a dibao gap
 * drops a yuan each time the income crosses one: a fall of up to a unit at one fen is that tooth, not a cliff (an
 * economist's trial: Guangzhou's couple "lost 0.99" at 2,841.00, one of 2,600 such teeth, named a cliff).
 */
export const roundingUnit = (s: Snapshot): number => (str(s, 'rounding') === 'fen' ? 1 : 100);

/** The points evaluated at most in searching one view's cliffs (or jumps) to the fen; then the grid's steps stay. */
const SEARCH_POINTS = 200_000;

/**
 * The cliffs (or jumps) of a sweep at the rules' own thresholds, to the fen: every step of the grid that may hold one
 * is searched, 200 points at a time, down to the one-fen steps where resources fall by more than the rounding's unit a
 * month (`unit`, roundingUnit) — or, for jumps, rise past the income's own rise: the line S × n − other income, and
 * what is lost there (a researcher's 10-yuan grid put Nanning's +10 % line at 1,790, losing 127.77, for 1,782 and
 * 135.77). Every such step is kept, however close: two thresholds one fen apart are two cliffs (a single-person
 * ceiling "under" 1.5 × S × n beside a low-income line "at or below" it, as Guangzhou's were until its ceiling was read as
 * 以下 too; a --step of 2,000 kept one cliff of two: an economist's trial). A grid step whose fall is a slope and not a step (no one fen's fall stands out from its
 * neighbours' by more than the unit) stays as the grid has it.
 */
export function exactSteps(
  points: readonly CliffPoint[],
  view: View,
  kind: 'cliffs' | 'jumps',
  at: (values: readonly number[]) => readonly CliffPoint[],
  unit = 1,
): Cliff[] {
  const tooth = 12 * unit; // fen a year in the view
  const earned = (q: CliffPoint, p: CliffPoint) => 12 * (p.value - q.value);
  const score = (q: CliffPoint, p: CliffPoint) =>
    kind === 'cliffs' ? q[view].resources - p[view].resources : p[view].resources - q[view].resources - earned(q, p);
  // (a cliff falls by more than a tooth; a jump rises past the income's own rise at all)
  const threshold = kind === 'cliffs' ? tooth : 0;
  const atFen = (q: CliffPoint, p: CliffPoint) => score(q, p) > threshold;
  // A step worth a closer look. A cliff smaller than a wide step's earnings is inside a step whose resources rise: a
  // program ending there, or one falling faster than the income rises, is searched too (--step 1000 found none of the
  // cliffs --step 10 found: a QA trial); a jump inside a step where dibao is withdrawn, where a program starts.
  const holds = (q: CliffPoint, p: CliffPoint) =>
    atFen(q, p) ||
    (kind === 'cliffs'
      ? programEnds(q[view], p[view]) || programFalls(q[view], p[view], earned(q, p) + tooth)
      : programEnds(p[view], q[view]));
  // A fen's fall is a step where it stands out from both sides' (a slope falls as much at each fen: a marginal rate
  // past 100 % is not a thousand cliffs of a fen, nor is the fen it starts at). A side's is its next fen's fall, or the
  // one past it where that next fen stands out itself: two thresholds a fen apart are two steps.
  const standsOut = (lo: CliffPoint, hi: CliffPoint): boolean => {
    const near = new Map(
      [lo, hi, ...at([lo.value - 2, lo.value - 1, hi.value + 1, hi.value + 2].filter((v) => v >= 0))].map((p) => [p.value, p]),
    );
    const fall = (v: number) => (near.has(v) && near.has(v + 1) ? score(near.get(v)!, near.get(v + 1)!) : 0);
    const side = (next: number, past: number) => (next - Math.max(0, past) > threshold ? past : next);
    const base = Math.max(0, side(fall(lo.value - 1), fall(lo.value - 2)), side(fall(hi.value), fall(hi.value + 1)));
    return score(lo, hi) - base > threshold;
  };
  const found: Cliff[] = [];
  let left = SEARCH_POINTS;
  const search = (lo: CliffPoint, hi: CliffPoint): void => {
    if (hi.value - lo.value <= 1) {
      if (atFen(lo, hi) && standsOut(lo, hi)) found.push(stepOf(lo, hi, view));
      return;
    }
    const n = Math.min(hi.value - lo.value, 200);
    const pts = at([...new Set(Array.from({ length: n + 1 }, (_, k) => lo.value + Math.round((k * (hi.value - lo.value)) / n)))]);
    left -= pts.length;
    for (let k = 1; k < pts.length; k++) if (holds(pts[k - 1]!, pts[k]!)) search(pts[k - 1]!, pts[k]!);
  };
  for (let i = 1; i < points.length; i++) {
    const [lo, hi] = [points[i - 1]!, points[i]!];
    if (!holds(lo, hi)) continue;
    const before = found.length;
    if (left > 0) search(lo, hi);
    // (a fall on a slope, no fen losing more than the unit; or the search's points spent: as the grid has it)
    if (found.length === before && atFen(lo, hi)) found.push(stepOf(lo, hi, view));
  }
  return found;
}

/** Whether some program falls from q to p by more than `by` (fen a year in the view). */
const programFalls = (q: CliffPoint[View], p: CliffPoint[View], by: number) =>
  Object.entries(q.programs).some(([id, v]) => v - (p.programs[id as ProgramId] ?? 0) > by);

/** Whether a program paid at q is not paid at p. */
const programEnds = (q: CliffPoint[View], p: CliffPoint[View]) =>
  Object.entries(q.programs).some(([id, v]) => v > 0 && !((p.programs[id as ProgramId] ?? 0) > 0));

/** A household's sweep as `jiuzhu cliff` and the TUI make it: which member, the range, the points under each run. */
export interface HouseholdCliff {
  /** Index of the member varied, in the spec's persons. */
  readonly member: number;
  /** The member's amount now, fen a month. */
  readonly current: number;
  readonly runs: ReadonlyArray<SweptRun>;
}

/** A run's points, and its cliffs and jumps at their thresholds to the fen (exactSteps), in each view. */
export interface SweptRun {
  readonly id: string;
  readonly points: readonly CliffPoint[];
  readonly cliffs?: Readonly<Record<View, readonly Cliff[]>>;
  readonly jumps?: Readonly<Record<View, readonly Cliff[]>>;
}

export const MAX_POINTS = 10_000;

/**
 * Where a sweep ends unless told (fen a month): 3,000 yuan, 1,000 yuan past the member's amount now, or a tenth past
 * `edge` (the household's highest line under the runs, edgeLine) rounded up to 100 yuan — the secondary cliffs sit
 * there (a researcher's couple had its edge line at 3,240, past the 3,000 swept).
 */
export const defaultSweepTo = (current: number, edge = 0): number =>
  Math.max(300_000, current + 100_000, Math.ceil((edge * 1.1) / 10_000) * 10_000);

/**
 * The highest income line a household crosses under the runs, fen a month of counted income I: its low-income
 * (dibao-edge) line, multiplier × the higher S × n; and, with rigid expenditure E, where step 4 stops identifying it —
 * A = 12 × I reaching disposable_income × n or E + identify_multiplier × 12 × S × n, whichever is lower (a journalist's
 * family with 150,000 of medical costs lost 2,467.49 a month of rigid aid at 11,117.25, past the 5,400 swept).
 */
export function edgeLine(runs: readonly Pick<Run, 'rules'>[], spec: HouseholdSpec): number {
  const pop = populationOf([{ ...spec, id: 'edge' }]);
  const [n, area, E] = [spec.persons.length, pop.area[0]!, pop.rigid[0]!];
  return Math.max(
    0,
    ...runs.map(({ rules: { snapshot: s } }) => {
      const S = standards(s);
      const low = dec(s, 'low_income.multiplier')
        .times(Math.max(...S))
        .times(n)
        .toNumber();
      const disposable = `rigid.disposable_income.${area ? 'rural' : 'urban'}`;
      if (!E || !s.values.has(disposable)) return low;
      const identified = D(E).plus(dec(s, 'rigid.identify_multiplier').times(12 * S[area]! * n));
      return Math.max(
        low,
        D.min(dec(s, disposable).times(100 * n), identified)
          .dividedBy(12)
          .toNumber(),
      );
    }),
  );
}

/** What is wrong with a range (fen a month), in words, or null. */
export function rangeProblem(from: number, to: number, step: number): string | null {
  const y = (f: number) => (f / 100).toFixed(2);
  if (step <= 0) return `--step must be above 0 (got ${y(step)})`;
  if (to <= from) return `--to (${y(to)}) must be above --from (${y(from)})`;
  const points = Math.ceil((to - from) / step) + 1;
  if (points > MAX_POINTS)
    return `from ${y(from)} to ${y(to)} by ${y(step)} is ${points.toLocaleString('en')} points; at most ${MAX_POINTS.toLocaleString('en')}: widen --step or narrow --from/--to`;
  return null;
}

/** The points (fen a month) from `from` to `to` by `step`, `to` last even off the step; null for a range rangeProblem refuses. */
export function sweepValues(from: number, to: number, step: number): number[] | null {
  if (rangeProblem(from, to, step)) return null;
  const values: number[] = [];
  for (let v = from; v <= to; v += step) values.push(v);
  if (values.at(-1)! < to) values.push(to);
  return values;
}

/**
 * The sweep of one member (`member`, else the main earner: `mainOf(pop)` picks the member index in the one-household
 * population) from `from` to `to` (default: defaultSweepTo) by `step`.
 */
export function householdCliff(
  spec: HouseholdSpec,
  runs: readonly Run[],
  o: { member: number; vary: Vary; from?: number; to?: number; step?: number },
): HouseholdCliff & { readonly values: readonly number[] | null } {
  const one = populationOf([spec]);
  const current = (one[o.vary] as ArrayLike<number>)[one.members[o.member]!]!;
  const values = sweepValues(o.from ?? 0, o.to ?? defaultSweepTo(current, edgeLine(runs, spec)), o.step ?? 1_000);
  const points = values ? sweep(spec, o.member, o.vary, values, runs) : [];
  return {
    member: o.member,
    current,
    values,
    runs: points.map((p, i) => {
      const at = (vs: readonly number[]) => sweep(spec, o.member, o.vary, vs, [runs[i]!])[0]!;
      const unit = roundingUnit(runs[i]!.rules.snapshot);
      const exact = (kind: 'cliffs' | 'jumps') => ({
        monthly: exactSteps(p, 'monthly', kind, at, unit),
        annual: exactSteps(p, 'annual', kind, at, unit),
      });
      return { id: runs[i]!.id, points: p, cliffs: exact('cliffs'), jumps: exact('jumps') };
    }),
  };
}

/**
 * What a gradual exit (渐退, 003 §11) needs to show in a sweep: a household on dibao now (on_dibao 1) with what it
 * receives (prior_dibao); and that the monthly view gives the kept amount in full, whatever the months.
 */
export function gradualExitNotes(spec: HouseholdSpec, who: string, snapshots: readonly Snapshot[], view: View): string[] {
  // (said where the runs' gradual exits differ: a reform of it compared, the case a researcher's sweep showed nothing)
  const months = snapshots.map((s) => dec(s, 'dibao.gradual_exit.months').toNumber());
  if (new Set(months).size < 2) return [];
  const h = spec.household;
  const out: string[] = [];
  if (!h.onDibao)
    out.push(
      `note: ${who} is not on dibao now (on_dibao 0): no gradual exit (渐退) applies to it, in any run; give on_dibao: 1 and prior_dibao (its monthly dibao now) to see one`,
    );
  else if (!Number(h.prior ?? 0))
    out.push(
      `note: ${who} is on dibao now but its prior_dibao is 0: a gradual exit keeps 0.00 a month (give prior_dibao, its monthly dibao now)`,
    );
  else
    out.push(
      `note: a gradual exit keeps prior_dibao (${(Number(h.prior) / 100).toFixed(2)} a month, what ${who} receives now) at every value swept past the line, not the dibao it had just below it`,
    );
  if (h.onDibao && view === 'monthly')
    out.push(
      `note: the monthly view gives a gradual exit's kept amount in full, however many months it is kept (here ${[...new Set(months)].join(' or ')}): --view annual tells them apart`,
    );
  return out;
}
