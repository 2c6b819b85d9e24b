// Who pays: each program's cost split between the levels of government by its budget line's dated shares
// (funding.<line>.central / .provincial; the city or county pays the rest). Exact: the central and provincial parts
// are rounded half up to the fen and the city/county's is the rest, so the three add up to the cost.
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
  const central = split(parts);
  // the shares in force that are estimates with a range (in any part of the year)
  const estimated = new Set<string>();
  for (const part of parts)
    for (const [path, r] of part.snapshot.values)
      if (path.startsWith('funding.') && r.entry?.estimate && r.entry.range?.low !== undefined) estimated.add(path);
  if (!estimated.size) return central;
  const [low, high] = [
    { central: D(0), provincial: D(0), local: D(0) },
    { central: D(0), provincial: D(0), local: D(0) },
  ];
  for (const path of estimated) {
    const at = (end: 'low' | 'high') => split(parts.map((part) => ({ ...part, snapshot: withEnd(part.snapshot, path, end) }))).total;
    const [a, b] = [at('low'), at('high')];
    for (const l of LEVELS) {
      const [da, db] = [D(a[l]).minus(central.total[l]), D(b[l]).minus(central.total[l])];
      low[l] = low[l].plus(D.min(0, da, db));
      high[l] = high[l].plus(D.max(0, da, db));
    }
  }
  const at = (d: Record<Level, Dec>) =>
    Object.fromEntries(LEVELS.map((l) => [l, D(central.total[l]).plus(d[l]).toFixed(2)])) as unknown as Split;
  return { ...central, range: { low: at(low), high: at(high), estimates: [...estimated] } };
}

/** A snapshot with one estimate at an end of its range (where the snapshot's value is that estimate). */
function withEnd(s: Snapshot, path: string, end: 'low' | 'high'): Snapshot {
  const r = s.values.get(path);
  const v = r?.entry?.estimate ? r.entry.range?.[end] : undefined;
  if (!r || v === undefined) return s;
  const values = new Map(s.values);
  values.set(path, { ...r, value: v });
  return { ...s, values };
}

/** The split of each program's cost under the parts' shares. */
function split(parts: readonly FundingPart[]): FundingReport {
  const programs: Partial<Record<ProgramId, Split>> = {};
  const total = { central: D(0), provincial: D(0), local: D(0) };
  for (const p of PROGRAMS) {
    if (!isCash(p) || !p.funding) continue;
    const sum = { central: D(0), provincial: D(0), all: D(0) };
    for (const part of parts) {
      const cost = D(part.figures.programs[p.id].annual_cost_exact).times(part.times);
      sum.all = sum.all.plus(cost);
      sum.central = sum.central.plus(cost.times(dec(part.snapshot, `funding.${p.funding}.central`)));
      sum.provincial = sum.provincial.plus(cost.times(dec(part.snapshot, `funding.${p.funding}.provincial`)));
    }
    const central = fen(sum.central);
    const provincial = fen(sum.provincial);
    const local = fen(sum.all).minus(central).minus(provincial);
    programs[p.id] = { central: central.toFixed(2), provincial: provincial.toFixed(2), local: local.toFixed(2) };
    total.central = total.central.plus(central);
    total.provincial = total.provincial.plus(provincial);
    total.local = total.local.plus(local);
  }
  return { programs, total: { central: total.central.toFixed(2), provincial: total.provincial.toFixed(2), local: total.local.toFixed(2) } };
}

/** Rounded half up to the fen. */
const fen = (x: Dec) => D(x.toFixed(2));
