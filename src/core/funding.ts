// Who pays: each program's cost split between the levels of government by its budget line's dated shares
// (funding.<line>.central / .provincial; the city or county pays the rest). Exact: the central part, and the central and
// provincial parts together, are rounded half up to the fen; the provincial part is the difference and the
// city/county's the rest, so the three add up to the cost and none is below 0. The total is split so from the programs'
// exact parts, so that it adds up to the total cost (summing the programs' rounded splits, it was a fen or two off: a
// determinism audit), and a window of years adds the years' exact parts (sumFunding) before it rounds.
import type { Figures } from './aggregate.js';
import { D, type Dec } from './money.js';
import { dec, type Snapshot } from './parameters/tree.js';
import { isCash, PROGRAMS, type ProgramId } from './programs/index.js';

export const LEVELS = ['central', 'provincial', 'local'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  central: '中央 central',
  provincial: '省级 provincial',
  local: '市县 city/county',
};

export type Split = Readonly<Record<Level, string>>;

/** A cost's parts unrounded, yuan: the central part, the central and provincial parts together, and the cost. */
export interface ExactSplit {
  readonly central: Dec;
  readonly both: Dec;
  readonly cost: Dec;
}

export interface FundingReport {
  readonly programs: Readonly<Partial<Record<ProgramId, Split>>>;
  readonly total: Split;
  /** Each program's parts unrounded (not an output: what a window of years adds, sumFunding). */
  readonly exact: Readonly<Partial<Record<ProgramId, ExactSplit>>>;
  /**
   * How far each level's total could move with the funding shares that are estimates (a share moves who pays, never
   * the cost): each at the end of its range, alone, the changes to a level added, as a total's range is made.
   */
  readonly range?: { readonly low: Split; readonly high: Split; readonly estimates: readonly string[] };
  /**
   * Not an output: by estimated share, each level's change with it at its low and high end, unrounded (a window's: its
   * years' added), so that a scenario's change at each level has its range from the same ends (fundingDeltaRange).
   */
  readonly moves?: ReadonlyMap<string, readonly [Readonly<Record<Level, Dec>>, Readonly<Record<Level, Dec>>]>;
}

/** A part of a run's cost under one set of shares: a date's figures, or a period's month × its months. */
export interface FundingPart {
  readonly figures: Figures;
  readonly times: number;
  readonly snapshot: Snapshot;
}

export function fundingOf(parts: readonly FundingPart[]): FundingReport {
  // each program's cost in each part, read once (a decimal from its text is the costliest step here)
  const costs = new Map(FUNDED.map((p) => [p.id, parts.map((part) => D(part.figures.programs[p.id].annual_cost_exact).times(part.times))]));
  const shareIn = (path: string) => (k: number) => dec(parts[k]!.snapshot, path);
  const exact: Partial<Record<ProgramId, ExactSplit>> = {};
  const sharesOf = (line: string) => [shareIn(`funding.${line}.central`), shareIn(`funding.${line}.provincial`)] as const;
  for (const p of FUNDED) exact[p.id] = exactSplit(costs.get(p.id)!, ...sharesOf(p.funding!));
  const report = splitReport(exact);
  // The shares in force that are estimates with a range (in any part of the year). Each moves its own level's part of
  // its own line's programs, and the city or county's by as much the other way.
  const estimated = new Set<string>();
  for (const part of parts)
    for (const [path, r] of part.snapshot.values)
      if (path.startsWith('funding.') && r.entry?.estimate && r.entry.range?.low !== undefined) estimated.add(path);
  if (!estimated.size) return report;
  // Each estimate's ends move its line's split, worked on the line's cost (its programs' summed): a few partAt per
  // estimate, not per program (this runs for every run of every command).
  const lineCost = new Map<string, Dec[]>();
  for (const p of FUNDED) {
    const c = costs.get(p.id)!;
    lineCost.set(
      p.funding!,
      c.map((x, k) => x.plus(lineCost.get(p.funding!)?.[k] ?? 0)),
    );
  }
  // The ends start from the lines' splits, each rounded as its moved split is (from the programs' total, rounded a
  // program at a time, a share's end of 0 left a fen or two: "-0.01" — a Guangzhou trial)
  const [low, high] = [
    { central: D(0), provincial: D(0), local: D(0) },
    { central: D(0), provincial: D(0), local: D(0) },
  ];
  for (const [line, cost] of lineCost) {
    const x = split(cost, ...sharesOf(line));
    for (const l of LEVELS) [low[l], high[l]] = [low[l].plus(x[l]), high[l].plus(x[l])];
  }
  const moves = new Map<string, readonly [Record<Level, Dec>, Record<Level, Dec>]>();
  for (const path of estimated) {
    const [, line, level] = path.split('.') as [string, string, 'central' | 'provincial'];
    const [cs, ps] = sharesOf(line);
    const cost = lineCost.get(line) ?? [];
    const base = split(cost, cs, ps);
    // each level's change with this share at an end, the other as it is (rounded, as the splits shown; and unrounded,
    // for a scenario's change: its range then rounds once, with no fen of rounding left at a share's end of 0)
    const exactBase = levelsOf(exactSplit(cost, cs, ps));
    const ends = (['low', 'high'] as const).map((end) => {
      const moved = (k: number) => endOf(parts[k]!.snapshot, path, end) ?? dec(parts[k]!.snapshot, path);
      const [c, p] = level === 'central' ? [moved, ps] : [cs, moved];
      const y = split(cost, c, p);
      const x = levelsOf(exactSplit(cost, c, p));
      const by = (z: Record<Level, Dec>, from: Record<Level, Dec>) =>
        Object.fromEntries(LEVELS.map((l) => [l, z[l].minus(from[l])])) as Record<Level, Dec>;
      return [by(y, base), by(x, exactBase)] as const;
    });
    const [a, b] = [ends[0]![0], ends[1]![0]];
    moves.set(path, [ends[0]![1], ends[1]![1]]);
    for (const l of LEVELS) {
      low[l] = low[l].plus(D.min(0, a![l], b![l]));
      high[l] = high[l].plus(D.max(0, a![l], b![l]));
    }
  }
  // No level pays less than nothing: shares whose high ends add up to 1 moved the city's or county's a fen below 0 by
  // rounding (above 1, a rule warns: funding-ranges-at-most-one), and a share whose low end is 0 the province's (a
  // Guangzhou trial saw "-0.00 – 66,653.80")
  for (const l of LEVELS) low[l] = D.max(0, low[l]);
  const at = (d: Record<Level, Dec>) => Object.fromEntries(LEVELS.map((l) => [l, d[l].toFixed(2)])) as unknown as Split;
  return { ...report, range: { low: at(low), high: at(high), estimates: [...estimated] }, moves };
}

/**
 * A scenario's change at each level, its range from the funding shares that are estimates (the costs as they are): each
 * share alone at either end in both runs, the change's changes added, as a level's range is made. A reform's cost to
 * the county is its change times a share that may run from 0 to 0.35 (a county budget trial asked for it; only each
 * level's total had a range). Undefined where neither run has an estimated share, or they have not the same ones.
 */
export function fundingDeltaRange(base: FundingReport, f: FundingReport): { readonly low: Split; readonly high: Split } | undefined {
  const paths = new Set([...(base.moves?.keys() ?? []), ...(f.moves?.keys() ?? [])]);
  // A scenario that sets, scales or adds to an estimated share makes it its own value, with no range: moving the
  // baseline's alone would move the change by what the scenario fixed (a reviewer's central ×1.1 "could cut central
  // spending"). No range then, in any output.
  const same = (a: FundingReport, b: FundingReport) => [...(a.moves?.keys() ?? [])].every((p) => b.moves?.has(p));
  if (!paths.size || !same(base, f) || !same(f, base)) return undefined;
  // (of the unrounded parts: the change shown is of the rounded splits, a fen apart at most)
  const whole = (r: FundingReport) => {
    const xs = Object.values(r.exact);
    const sum = (k: keyof ExactSplit) => xs.reduce((a, x) => a.plus(x[k]), D(0));
    return levelsOf({ central: sum('central'), both: sum('both'), cost: sum('cost') });
  };
  const [after, before] = [whole(f), whole(base)];
  const change = (l: Level) => after[l].minus(before[l]);
  const [low, high] = [Object.fromEntries(LEVELS.map((l) => [l, change(l)])), Object.fromEntries(LEVELS.map((l) => [l, change(l)]))] as [
    Record<Level, Dec>,
    Record<Level, Dec>,
  ];
  for (const path of paths) {
    const [s, b] = [f.moves?.get(path), base.moves?.get(path)];
    for (const l of LEVELS) {
      const at = (end: 0 | 1) => (s?.[end][l] ?? D(0)).minus(b?.[end][l] ?? D(0));
      low[l] = low[l].plus(D.min(0, at(0), at(1)));
      high[l] = high[l].plus(D.max(0, at(0), at(1)));
    }
  }
  // (and the change shown, of the rounded splits, a fen from the unrounded one at most, within it)
  for (const l of LEVELS) {
    const shown = D(f.total[l]).minus(base.total[l]);
    [low[l], high[l]] = [D.min(low[l], shown), D.max(high[l], shown)];
  }
  const text = (d: Record<Level, Dec>) => Object.fromEntries(LEVELS.map((l) => [l, d[l].toFixed(2)])) as unknown as Split;
  return { low: text(low), high: text(high) };
}

/** A cost (each part's) by the central and provincial shares (each part's), unrounded. */
function exactSplit(cost: readonly Dec[], cs: (k: number) => Dec, ps: (k: number) => Dec): ExactSplit {
  const at = (share: (k: number) => Dec) => cost.reduce((a, c, k) => a.plus(c.times(share(k))), D(0));
  return { central: at(cs), both: at((k) => cs(k).plus(ps(k))), cost: cost.reduce((a, y) => a.plus(y), D(0)) };
}

/**
 * Exact parts rounded: the central part and the two together rounded half up to the fen; the provincial part the
 * difference, the city or county's the rest — never below 0 where the shares add up to 1 (a trial saw −0.01, the two
 * parts each rounded up on its own).
 */
function rounded(x: ExactSplit): Record<Level, Dec> {
  const [c, both] = [fen(x.central), fen(x.both)];
  return { central: c, provincial: both.minus(c), local: fen(x.cost).minus(both) };
}

/** Exact parts as each level's (the provincial part the two less the central, the city or county's the rest). */
const levelsOf = (x: ExactSplit): Record<Level, Dec> => ({
  central: x.central,
  provincial: x.both.minus(x.central),
  local: x.cost.minus(x.both),
});

/** A cost (each part's) split by the central and provincial shares (each part's), rounded. */
const split = (cost: readonly Dec[], cs: (k: number) => Dec, ps: (k: number) => Dec) => rounded(exactSplit(cost, cs, ps));

const text = (d: Record<Level, Dec>): Split => ({
  central: d.central.toFixed(2),
  provincial: d.provincial.toFixed(2),
  local: d.local.toFixed(2),
});

/** The programs' splits and the total's, each rounded from its exact parts (the total from the programs' summed). */
function splitReport(exact: Readonly<Partial<Record<ProgramId, ExactSplit>>>): Pick<FundingReport, 'programs' | 'total' | 'exact'> {
  const parts = Object.values(exact);
  const sum = (k: keyof ExactSplit) => parts.reduce((a, x) => a.plus(x[k]), D(0));
  const programs = Object.fromEntries(Object.entries(exact).map(([id, x]) => [id, text(rounded(x))]));
  return { programs, total: text(rounded({ central: sum('central'), both: sum('both'), cost: sum('cost') })), exact };
}

/**
 * A window of years' split: each program's exact parts added over the years, then rounded as one (the years' rounded
 * splits added were a fen off the window's cost); the estimates' ranges added as the years' are.
 */
export function sumFunding(years: readonly FundingReport[]): FundingReport {
  const exact: Partial<Record<ProgramId, ExactSplit>> = {};
  for (const y of years)
    for (const [id, x] of Object.entries(y.exact) as Array<[ProgramId, ExactSplit]>) {
      const had = exact[id];
      exact[id] = had ? { central: had.central.plus(x.central), both: had.both.plus(x.both), cost: had.cost.plus(x.cost) } : x;
    }
  const ranges = years.map((y) => y.range);
  const add = (get: (r: NonNullable<FundingReport['range']>) => Split) =>
    Object.fromEntries(LEVELS.map((l) => [l, ranges.reduce((a, r) => a.plus(get(r!)[l]), D(0)).toFixed(2)])) as unknown as Split;
  const moves = new Map<string, readonly [Record<Level, Dec>, Record<Level, Dec>]>();
  for (const y of years)
    for (const [path, [a, b]] of y.moves ?? []) {
      const had = moves.get(path);
      const plus = (x: Readonly<Record<Level, Dec>>, z: Readonly<Record<Level, Dec>> | undefined) =>
        Object.fromEntries(LEVELS.map((l) => [l, x[l].plus(z?.[l] ?? 0)])) as Record<Level, Dec>;
      moves.set(path, [plus(a, had?.[0]), plus(b, had?.[1])]);
    }
  return {
    ...splitReport(exact),
    ...(ranges.every((r) => r)
      ? { range: { low: add((r) => r.low), high: add((r) => r.high), estimates: [...new Set(ranges.flatMap((r) => r!.estimates))] } }
      : {}),
    ...(moves.size ? { moves } : {}),
  };
}

/** The programs with a cost and a budget line. */
const FUNDED = PROGRAMS.filter((p) => isCash(p) && p.funding);

/** An estimate's value at an end of its range, where the snapshot's value is that estimate. */
function endOf(s: Snapshot, path: string, end: 'low' | 'high'): Dec | undefined {
  const r = s.values.get(path);
  return r?.entry?.estimate ? (r.entry.range?.[end] as Dec | undefined) : undefined;
}

/** Rounded half up to the fen. */
const fen = (x: Dec) => D(x.toFixed(2));
