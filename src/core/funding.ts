// Who pays: each program's cost split between the levels of government by its budget line's dated shares
// (funding.<line>.central / .provincial; the city or county pays the rest). Exact: the central part, and the central and
// provincial parts together, are rounded half up to the fen; the provincial part is the difference and the
// city/county's the rest, so the three add up to the cost and none is below 0.
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

export interface FundingReport {
  readonly programs: Readonly<Partial<Record<ProgramId, Split>>>;
  readonly total: Split;
  /**
   * How far each level's total could move with the funding shares that are estimates (a share moves who pays, never
   * the cost): each at the end of its range, alone, the changes to a level added, as a total's range is made.
   */
  readonly range?: { readonly low: Split; readonly high: Split; readonly estimates: readonly string[] };
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
  const programs: Partial<Record<ProgramId, Split>> = {};
  const total = { central: D(0), provincial: D(0), local: D(0) };
  const sharesOf = (line: string) => [shareIn(`funding.${line}.central`), shareIn(`funding.${line}.provincial`)] as const;
  for (const p of FUNDED) {
    const x = split(costs.get(p.id)!, ...sharesOf(p.funding!));
    programs[p.id] = { central: x.central.toFixed(2), provincial: x.provincial.toFixed(2), local: x.local.toFixed(2) };
    for (const l of LEVELS) total[l] = total[l].plus(x[l]);
  }
  const report = {
    programs,
    total: { central: total.central.toFixed(2), provincial: total.provincial.toFixed(2), local: total.local.toFixed(2) },
  };
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
  for (const path of estimated) {
    const [, line, level] = path.split('.') as [string, string, 'central' | 'provincial'];
    const [cs, ps] = sharesOf(line);
    const cost = lineCost.get(line) ?? [];
    const base = split(cost, cs, ps);
    // each level's change with this share at an end, the other as it is
    const [a, b] = (['low', 'high'] as const).map((end) => {
      const moved = (k: number) => endOf(parts[k]!.snapshot, path, end) ?? dec(parts[k]!.snapshot, path);
      const y = level === 'central' ? split(cost, moved, ps) : split(cost, cs, moved);
      return Object.fromEntries(LEVELS.map((l) => [l, y[l].minus(base[l])])) as Record<Level, Dec>;
    });
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
  return { ...report, range: { low: at(low), high: at(high), estimates: [...estimated] } };
}

/**
 * A cost (each part's) split by the central and provincial shares (each part's): the central part and the two together
 * rounded half up to the fen; the provincial part the difference, the city or county's the rest — never below 0 where
 * the shares add up to 1 (a trial saw −0.01, the two parts each rounded up on its own).
 */
function split(cost: readonly Dec[], cs: (k: number) => Dec, ps: (k: number) => Dec): Record<Level, Dec> {
  const at = (share: (k: number) => Dec) => fen(cost.reduce((a, c, k) => a.plus(c.times(share(k))), D(0)));
  const [c, both] = [at(cs), at((k) => cs(k).plus(ps(k)))];
  return { central: c, provincial: both.minus(c), local: fen(cost.reduce((a, y) => a.plus(y), D(0))).minus(both) };
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
