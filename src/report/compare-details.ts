// compare's details of a run against its baseline, as figures: winners and losers (households, persons, amounts), the
// flows between layers (a date's), and the amounts by area and income decile — at one date or over a budget year.
import { type Area } from '../core/columns.js';
import { weightedCount, weightedYuan, type ExactSum } from '../core/aggregate.js';
import { PROGRAMS } from '../core/programs/index.js';
import { LAYERS, type Deciles, type GroupSums, type RunResult } from '../core/compare.js';
import { fenToYuan } from '../core/money.js';

export interface RunDetails {
  readonly changes: Record<string, { households: string; persons?: string; amount?: string }>;
  /** Persons between layers: a date's (absent for a budget year: a household's layer changes inside it). */
  readonly transitions?: { readonly layers: readonly string[]; readonly persons: string[][] };
  /** The same over the losers' persons alone (JSON `loser_transitions`): where the losers went. */
  readonly loserTransitions?: { readonly layers: readonly string[]; readonly persons: string[][] };
  /** A budget year's losers by the program whose year fell most for them, weighted households (JSON `losers_by_program`). */
  readonly losersBy?: Readonly<Record<string, string>>;
  readonly byArea: Record<Area, GroupFigures>;
  readonly byDecile: Array<GroupFigures & { decile: number; upper_income_per_capita: string | null }>;
}

export interface GroupFigures {
  households: string;
  persons: string;
  baseline_annual_cost: string;
  annual_cost: string;
  delta_annual_cost: string;
  average_delta_per_household: string | null;
}

/** A group's figures; `per`: amounts are in per-ths of a fen (a budget year's twelfths). */
function group(g: GroupSums, per: bigint): GroupFigures {
  const base = weightedYuan(g.baseline.value(), per);
  const now = weightedYuan(g.cost.value(), per);
  const hh = g.households.value();
  const d = g.cost.value() - g.baseline.value();
  return {
    households: weightedCount(hh),
    persons: weightedCount(g.persons.value()),
    baseline_annual_cost: base,
    annual_cost: now,
    delta_annual_cost: weightedYuan(d, per), // (of the unrounded sums, as every Δ: the rounded ones' difference was a fen off)
    // Σ w × Δ / Σ w, both in millionths: the weighted mean change per household, to the fen.
    average_delta_per_household: hh === 0n ? null : fenToYuan(roundDiv(d, hh * per)),
  };
}

/** Integer division rounded half away from zero. */
function roundDiv(a: bigint, b: bigint): bigint {
  const q = (2n * (a < 0n ? -a : a) + b) / (2n * b);
  return a < 0n ? -q : q;
}

/**
 * A run's changes against its baseline, as figures: a date's (with the flows between layers), or a budget year's
 * (core/year-changes.ts: `per` 12, its amounts in twelfths of a fen; no flows).
 */
export function runDetails(
  r: Pick<RunResult, 'changes' | 'byArea' | 'byDecile'> &
    Partial<Pick<RunResult, 'transitions' | 'loserTransitions'>> & { readonly losersBy?: readonly ExactSum[] },
  deciles: Deciles,
  per = 1n,
): RunDetails {
  const c = r.changes;
  const flows = (t: RunResult['transitions']) => ({ layers: LAYERS, persons: t.map((row) => row.map((x) => weightedCount(x.value()))) });
  return {
    changes: {
      gainers: {
        households: weightedCount(c.gainers.value()),
        persons: weightedCount(c.gainerPersons.value()),
        amount: weightedYuan(c.gain.value(), per),
      },
      losers: {
        households: weightedCount(c.losers.value()),
        persons: weightedCount(c.loserPersons.value()),
        amount: weightedYuan(c.loss.value(), per),
      },
      unchanged: { households: weightedCount(c.unchanged.value()) },
      entrants: { households: weightedCount(c.entrants.value()) },
      exits: { households: weightedCount(c.exits.value()) },
      losers_through_take_up: { households: weightedCount(c.takeUpLosers.value()) },
    },
    ...(r.transitions && r.loserTransitions ? { transitions: flows(r.transitions), loserTransitions: flows(r.loserTransitions) } : {}),
    // (the programs some loser loses most in, most losers first)
    ...(r.losersBy
      ? {
          losersBy: Object.fromEntries(
            PROGRAMS.map((p, j) => [p.id, r.losersBy![j]!.value()] as const)
              .filter(([, v]) => v > 0n)
              .sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0))
              .map(([id, v]) => [id, weightedCount(v)]),
          ),
        }
      : {}),
    byArea: { urban: group(r.byArea[0], per), rural: group(r.byArea[1], per) },
    byDecile: r.byDecile.map((g, d) => ({
      decile: d + 1,
      upper_income_per_capita: deciles.upper[d]! < 0 ? null : fenToYuan(deciles.upper[d]!),
      ...group(g, per),
    })),
  };
}
