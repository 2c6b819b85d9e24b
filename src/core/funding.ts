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
  readonly range?: {
    readonly low: Split;
    readonly high: Split;
    readonly estimates: readonly string[];
    /**
     * With the costs' own estimates too (--ranges: report/funding-ranges.ts): the lowest and highest of the runs made for
     * the total's range, each split with the shares at either end. Absent: the costs as they are.
     */
    readonly costs?: boolean;
  };
  /**
   * --ranges: a scenario's change at each level, its range over the same runs, the baseline and the scenario each time
   * under the same values (report/funding-ranges.ts); fundingDeltaRange gives it where it is.
   */
  readonly delta?: { readonly low: Split; readonly high: Split };
  /**
   * Not an output: by estimated share, each level's change with it at its low and high end, unrounded (a window's: its
   * years' added), so that a scenario's change at each level has its range from the same ends (fundingDeltaRange).
   */
  readonly moves?: ReadonlyMap<string, readonly [Readonly<Record<Level, Dec>>, Readonly<Record<Level, Dec>>]>;
  /** Not an output: each budget line's shares as a unit of its cost, to split another run's costs (fundingAt). */
  readonly unit?: ReadonlyMap<string, UnitShares>;
}

/** A part of a run's cost under one set of shares: a date's figures, or a period's months (fundingOf's `per`). */
export interface FundingPart {
  readonly figures: Figures;
  readonly times: number;
  readonly snapshot: Snapshot;
}

/**
 * Who pays a run's cost, from its parts. `per`: the parts' costs are that many times the cost (a budget year's months
 * each at its year's rate: ÷ 12 once, at the end — a month's cost, x ÷ 12 to 10 decimals, made a year's central part
 * 864.85 where its exact is 864.855, a budget trial's).
 */
export function fundingOf(parts: readonly FundingPart[], per = 1): FundingReport {
  // each program's cost in each part, read once (a decimal from its text is the costliest step here)
  const costs = new Map(FUNDED.map((p) => [p.id, parts.map((part) => D(part.figures.programs[p.id].annual_cost_exact).times(part.times))]));
  const shareIn = (path: string) => (k: number) => dec(parts[k]!.snapshot, path);
  // The shares in force that are estimates with a range (in any part of the year). Each moves its own level's part of
  // its own line's programs, and the city or county's by as much the other way.
  const estimated = new Set<string>();
  for (const part of parts)
    for (const [path, r] of part.snapshot.values)
      if (path.startsWith('funding.') && r.entry?.estimate && r.entry.range?.low !== undefined) estimated.add(path);
  const lines = new Map<string, Line>();
  for (const p of FUNDED) {
    const line = p.funding!;
    const c = costs.get(p.id)!;
    const had = lines.get(line);
    if (had) {
      had.cost = c.map((x, k) => x.plus(had.cost[k]!));
      continue;
    }
    const at = (level: string) => shareIn(`funding.${line}.${level}`);
    const ends = new Map<string, readonly [Shares, Shares]>();
    for (const path of estimated) {
      const [, of, level] = path.split('.') as [string, string, 'central' | 'provincial'];
      if (of !== line) continue;
      const end = (e: 'low' | 'high'): Shares => {
        const moved = (k: number) => endOf(parts[k]!.snapshot, path, e) ?? dec(parts[k]!.snapshot, path);
        return level === 'central' ? [moved, at('provincial')] : [at('central'), moved];
      };
      ends.set(path, [end('low'), end('high')]);
    }
    lines.set(line, { cost: c, per, shares: [at('central'), at('provincial')], ends });
  }
  const exact: Partial<Record<ProgramId, ExactSplit>> = {};
  for (const p of FUNDED) exact[p.id] = exactSplit(costs.get(p.id)!, ...lines.get(p.funding!)!.shares, per);
  // (a unit of each line's cost split as this run's is: another run's costs split so, sensitivity's runs — fundingAt)
  const unit = new Map([...lines].map(([line, l]) => [line, unitOf(l, parts)]));
  return { ...splitReport(exact), ...rangeOf(lines, estimated), unit };
}

/** A budget line's cost in each part, its central and provincial shares, and each estimated share's ends. */
interface Line {
  cost: readonly Dec[];
  /** The costs are `per` times the line's (a budget year's months at their year's rate: 12). */
  readonly per: number;
  readonly shares: Shares;
  readonly ends: ReadonlyMap<string, readonly [Shares, Shares]>;
}
/** The central and the provincial share, in each part. */
type Shares = readonly [(k: number) => Dec, (k: number) => Dec];

/** A unit of a line's cost: its central and provincial shares, each estimated share's ends (each a [central, provincial]). */
interface UnitShares {
  readonly shares: readonly [Dec, Dec];
  readonly ends: ReadonlyMap<string, readonly [readonly [Dec, Dec], readonly [Dec, Dec]]>;
}

/**
 * A line's shares as one unit of its cost: the shares themselves where every part has the same (a date; a year whose
 * shares do not change), else each part's weighted by its cost (by its months where the line costs nothing).
 */
function unitOf(l: Line, parts: readonly FundingPart[]): UnitShares {
  const ks = parts.map((_, k) => k);
  const total = l.cost.reduce((a, c) => a.plus(c), D(0));
  const w = (k: number) => (total.isZero() ? D(parts[k]!.times) : l.cost[k]!);
  const all = total.isZero() ? parts.reduce((a, p) => a.plus(p.times), D(0)) : total;
  const one = (share: (k: number) => Dec) =>
    ks.every((k) => share(k).eq(share(0))) ? share(0) : ks.reduce((a, k) => a.plus(w(k).times(share(k))), D(0)).dividedBy(all);
  const pair = ([c, p]: Shares) => [one(c), one(p)] as const;
  return { shares: pair(l.shares), ends: new Map([...l.ends].map(([path, [lo, hi]]) => [path, [pair(lo), pair(hi)] as const])) };
}

/**
 * Each level's range with the estimated shares each alone at either end of its range, the changes added, on the lines'
 * costs; and each share's moves, unrounded (for a scenario's change: fundingDeltaRange). Nothing where none is estimated.
 */
function rangeOf(lines: ReadonlyMap<string, Line>, estimated: ReadonlySet<string>): Pick<FundingReport, 'range' | 'moves'> {
  if (!estimated.size) return {};
  // The ends start from the lines' splits, each rounded as its moved split is (from the programs' total, rounded a
  // program at a time, a share's end of 0 left a fen or two: "-0.01" — a Guangzhou trial)
  const [low, high] = [
    { central: D(0), provincial: D(0), local: D(0) },
    { central: D(0), provincial: D(0), local: D(0) },
  ];
  const moves = new Map<string, readonly [Record<Level, Dec>, Record<Level, Dec>]>();
  for (const { cost, shares, ends, per } of lines.values()) {
    const exactBase = exactSplit(cost, ...shares, per);
    const base = rounded(exactBase);
    for (const l of LEVELS) [low[l], high[l]] = [low[l].plus(base[l]), high[l].plus(base[l])];
    if (!ends.size) continue;
    // each level's change with a share at an end, the other as it is (rounded, as the splits shown; and unrounded, for
    // a scenario's change: its range then rounds once, with no fen of rounding left at a share's end of 0)
    const by = (z: Record<Level, Dec>, from: Record<Level, Dec>) =>
      Object.fromEntries(LEVELS.map((l) => [l, z[l].minus(from[l])])) as Record<Level, Dec>;
    for (const [path, [lo, hi]] of ends) {
      const [xLo, xHi] = [exactSplit(cost, ...lo, per), exactSplit(cost, ...hi, per)];
      const [a, b] = [xLo, xHi].map((x) => by(rounded(x), base));
      moves.set(path, [by(levelsOf(xLo), levelsOf(exactBase)), by(levelsOf(xHi), levelsOf(exactBase))]);
      for (const l of LEVELS) {
        low[l] = low[l].plus(D.min(0, a![l], b![l]));
        high[l] = high[l].plus(D.max(0, a![l], b![l]));
      }
    }
  }
  // No level pays less than nothing: shares whose high ends add up to 1 moved the city's or county's a fen below 0 by
  // rounding (above 1, a rule warns: funding-ranges-at-most-one), and a share whose low end is 0 the province's (a
  // Guangzhou trial saw "-0.00 – 66,653.80")
  for (const l of LEVELS) low[l] = D.max(0, low[l]);
  const at = (d: Record<Level, Dec>) => Object.fromEntries(LEVELS.map((l) => [l, d[l].toFixed(2)])) as unknown as Split;
  return { range: { low: at(low), high: at(high), estimates: [...estimated] }, moves };
}

/**
 * Another run's split, with this report's shares and their ranges (`central`: a run's report, fundingOf): a sensitivity
 * run's costs, which moves no funding share (a share splits a cost, it does not make it). Each line's cost split by a
 * unit of it as the central run's is — exact where the shares do not change within the year.
 */
export function fundingAt(central: FundingReport, figures: Figures): FundingReport {
  const lines = new Map<string, Line>();
  const exact: Partial<Record<ProgramId, ExactSplit>> = {};
  const fixed = (x: Dec) => () => x;
  const sharesOf = ([c, p]: readonly [Dec, Dec]): Shares => [fixed(c), fixed(p)];
  for (const p of FUNDED) {
    const line = p.funding!;
    const cost = D(figures.programs[p.id].annual_cost_exact);
    const u = central.unit!.get(line)!;
    const had = lines.get(line);
    if (had) had.cost = [had.cost[0]!.plus(cost)];
    else
      lines.set(line, {
        cost: [cost],
        per: 1,
        shares: sharesOf(u.shares),
        ends: new Map([...u.ends].map(([k, [lo, hi]]) => [k, [sharesOf(lo), sharesOf(hi)]])),
      });
    exact[p.id] = exactSplit([cost], ...lines.get(line)!.shares);
  }
  return { ...splitReport(exact), ...rangeOf(lines, new Set(central.range?.estimates ?? [])), unit: central.unit! };
}

/**
 * A scenario's change at each level, its range from the funding shares that are estimates (the costs as they are): each
 * share alone at either end in both runs, the change's changes added, as a level's range is made. A reform's cost to
 * the county is its change times a share that may run from 0 to 0.35 (a county budget trial asked for it; only each
 * level's total had a range). Undefined where neither run has an estimated share, or they have not the same ones.
 */
export function fundingDeltaRange(base: FundingReport, f: FundingReport): { readonly low: Split; readonly high: Split } | undefined {
  // (--ranges: made against the baseline over the runs made for the range — report/funding-ranges.ts; `base` is that
  // baseline in every caller)
  if (f.delta) return f.delta;
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
function exactSplit(cost: readonly Dec[], cs: (k: number) => Dec, ps: (k: number) => Dec, per = 1): ExactSplit {
  // (each sum ÷ per once: exact where the split ends, as one on a half fen does)
  const at = (share: (k: number) => Dec) => cost.reduce((a, c, k) => a.plus(c.times(share(k))), D(0)).dividedBy(per);
  return { central: at(cs), both: at((k) => cs(k).plus(ps(k))), cost: cost.reduce((a, y) => a.plus(y), D(0)).dividedBy(per) };
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
  const deltas = years.map((y) => y.delta);
  const plus = (get: (d: NonNullable<FundingReport['delta']>) => Split) =>
    Object.fromEntries(LEVELS.map((l) => [l, deltas.reduce((a, d) => a.plus(get(d!)[l]), D(0)).toFixed(2)])) as unknown as Split;
  return {
    ...splitReport(exact),
    ...(ranges.every((r) => r)
      ? {
          range: {
            low: add((r) => r.low),
            high: add((r) => r.high),
            estimates: [...new Set(ranges.flatMap((r) => r!.estimates))],
            ...(ranges.every((r) => r!.costs) ? { costs: true } : {}),
          },
        }
      : {}),
    ...(deltas.every((d) => d) ? { delta: { low: plus((d) => d.low), high: plus((d) => d.high) } } : {}),
    ...(moves.size ? { moves } : {}),
  };
}

/** How a level's range was made, in words (every output that shows one says it). */
export function fundingRangeMethod(r: Pick<NonNullable<FundingReport['range']>, 'estimates' | 'costs'>): string {
  const n = r.estimates.length;
  // (each level at its own ends: a budget trial added the three highs and found more than the total's high)
  return (
    (r.costs
      ? `the lowest and highest of the runs made for the total's range (the costs' estimates), each split with ${n ? `the ${n} funding shares that are estimates each alone at either end of its range, the changes added` : 'the shares in force'}; each level at its own ends, so the levels' ends need not add up to the total's`
      : `the ${n} funding shares that are estimates, each alone at either end of its range, the changes added (the costs as they are: a cost's own range is the total's; --ranges moves them too); each level at its own ends, so the levels' ends need not add up to the total's`) +
    (n ? knownShares(r.estimates) : '')
  );
}

/**
 * What a bureau that knows its shares does (a finance officer's city/county range ran 1,712–113,647 万元 on estimated
 * shares, and nothing said how to narrow it): writes them into the policy, each with the document that sets it.
 */
const knownShares = (paths: readonly string[]) =>
  `. A bureau that knows its shares writes them into the policy (${paths.join(', ')}), each with the document that sets it: a share so given is no estimate, and leaves the range`;

/** A workbook's short words for it: what the range's ends are. */
export const fundingRangeEnds = (r: Pick<NonNullable<FundingReport['range']>, 'costs'>): string =>
  `${r.costs ? "the runs made for the total's range, the shares' ends" : "the shares' ends, the costs as they are"}; each level at its own, not adding up`;

/** The programs with a cost and a budget line. */
const FUNDED = PROGRAMS.filter((p) => isCash(p) && p.funding);

/** An estimate's value at an end of its range, where the snapshot's value is that estimate. */
function endOf(s: Snapshot, path: string, end: 'low' | 'high'): Dec | undefined {
  const r = s.values.get(path);
  return r?.entry?.estimate ? (r.entry.range?.[end] as Dec | undefined) : undefined;
}

/** Rounded half up to the fen. */
const fen = (x: Dec) => D(x.toFixed(2));
