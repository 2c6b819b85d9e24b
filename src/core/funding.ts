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
}

/** A part of a run's cost under one set of shares: a date's figures, or a period's month × its months. */
export interface FundingPart {
  readonly figures: Figures;
  readonly times: number;
  readonly snapshot: Snapshot;
}

export function fundingOf(parts: readonly FundingPart[]): FundingReport {
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
