// The engine's screen: most households get nothing from any program, and a pass over them need not run every step
// to find that out. Each step declares its reach (step.ts `reach`) — a loosened form of its own condition, written
// beside the rule — and the engine (engine.ts) skips steps 3–11 for a household none of whose members is tekun when
// no step can reach it: the result is the empty one those steps would have left. A step that declares no reach may
// act on any household, and turns the screen off. test/core/engine-screen.test.ts holds every household of generated
// populations, under every shipped policy and scenario, to the same result with the screen and without.
import { mulLess, type Ratio } from '../money.js';
import type { Population } from '../population.js';
import { countedIncome } from './context.js';
import { unsupported } from './tekun.js';

/** Facts of a household's rows that a step's reach may name (run-independent: read from the columns alone). */
export const FEATURE = {
  /** on_dibao = 1 */
  onDibao: 1,
  /** emergency_need > 0 */
  emergency: 2,
  /** rigid_expenditure > 0 */
  rigid: 4,
  /** a member with disability grade 1 or 2 (severe) */
  severe: 8,
  /** a member who is severe or seriously ill */
  severeOrIll: 16,
  /** a member without a capable supporter (tekun.ts unsupported): the only kind of member who may be tekun */
  unsupported: 32,
} as const;
const KNOWN = 128;

/**
 * Where a step may act, for a household none of whose members is tekun:
 * - `{ needs, line }`: only when the household has one of the `needs` features (any; absent: none needed) and its
 *   counted income I is under `line` per person a month (I × den < num × n, fen; absent: at any income);
 * - `'follows'`: only on what the steps before it found (a household they left with nothing, it leaves so);
 * - `null`: anywhere (the screen is off).
 */
export type Reach = 'follows' | { readonly needs?: number; readonly line?: Ratio } | null;

/**
 * Reaches compiled: a household is reached when it has one of the `mask` features (a reach with no line), or when,
 * for some j, it has one of needs[j] (0: none needed) and I × den[j] < num[j] × n. One line per `needs`: the highest.
 */
export interface Screen {
  readonly mask: number;
  readonly needs: Int32Array;
  readonly num: Float64Array;
  readonly den: Float64Array;
}

type Line = { needs: number; num: number; den: number };

/** The screen of some reaches, or null when one of them reaches any household (or a line is too large to compare). */
export function compileScreen(reaches: readonly Reach[]): Screen | null {
  let mask = 0;
  const lines: Line[] = [];
  for (const r of reaches) {
    if (r === null) return null;
    if (r === 'follows') continue;
    if (!r.line) {
      // a reach with no line and no needs reaches any household
      if (!r.needs) return null;
      mask |= r.needs;
      continue;
    }
    const { num, den } = r.line;
    if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) return null;
    lines.push({ needs: r.needs ?? 0, num, den });
  }
  return screenOf(mask, lines);
}

/** One screen that reaches a household when any of `screens` does (to find those that none of them reaches). */
export function mergeScreens(screens: readonly Screen[]): Screen {
  const lines = screens.flatMap((s) => Array.from(s.needs, (needs, j) => ({ needs, num: s.num[j]!, den: s.den[j]! })));
  return screenOf(
    screens.reduce((m, s) => m | s.mask, 0),
    lines,
  );
}

function screenOf(mask: number, lines: readonly Line[]): Screen {
  // The highest line for each `needs` (a/b above c/d ⇔ c × b < a × d), and none for features the mask has already.
  const top = new Map<number, Line>();
  for (const l of lines) {
    if (l.needs !== 0 && (l.needs & ~mask) === 0) continue;
    const t = top.get(l.needs);
    if (!t || mulLess(t.num, l.den, l.num, t.den)) top.set(l.needs, l);
  }
  const kept = [...top.values()];
  return {
    mask,
    needs: Int32Array.from(kept, (l) => l.needs),
    num: Float64Array.from(kept, (l) => l.num),
    den: Float64Array.from(kept, (l) => l.den),
  };
}

/** The screen reaches no household with features `f`, counted income I and n members: no step after 1–2 acts on it. */
export function quiet(s: Screen, f: number, I: number, n: number): boolean {
  if ((f & s.mask) !== 0) return false;
  const { needs, num, den } = s;
  for (let j = 0; j < needs.length; j++) {
    const need = needs[j]!;
    if ((need === 0 || (f & need) !== 0) && mulLess(I, den[j]!, num[j]!, n)) return false;
  }
  return true;
}

/**
 * What the screen keeps of a population at one employment deduction: each household's features, and its counted
 * income. A population's columns never change once it is made (a tool that varies them makes a new one, as
 * marginal-rates.ts does), so what is read once holds.
 */
export interface Summaries {
  /** FEATURE bits | KNOWN once read (0: not read yet). */
  readonly features: Uint8Array;
  /** Σ inc(p) over every member at `deduction`, fen a month (read with the features). */
  readonly income: Float64Array;
  readonly deduction: number;
}

const cache = new WeakMap<Population, Map<number, Summaries>>();

/** The population's summaries at a deduction (made once, filled household by household as they are first read). */
export function summariesOf(pop: Population, deduction: number): Summaries {
  let byDeduction = cache.get(pop);
  if (!byDeduction) cache.set(pop, (byDeduction = new Map()));
  let s = byDeduction.get(deduction);
  if (!s) {
    s = { features: new Uint8Array(pop.householdCount), income: new Float64Array(pop.householdCount), deduction };
    byDeduction.set(deduction, s);
  }
  return s;
}

/** Household h's features (FEATURE bits), read from its rows once and kept, with its income. */
export function householdFeatures(pop: Population, s: Summaries, h: number): number {
  const had = s.features[h]!;
  if (had !== 0) return had & ~KNOWN;
  let f =
    (pop.onDibao[h] ? FEATURE.onDibao : 0) | (pop.emergency[h]! > 0 ? FEATURE.emergency : 0) | (pop.rigid[h]! > 0 ? FEATURE.rigid : 0);
  let I = 0;
  for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++) {
    const p = pop.members[k]!;
    const g = pop.disability[p]!;
    if (g === 1 || g === 2) f |= FEATURE.severe | FEATURE.severeOrIll;
    else if (pop.ill[p]) f |= FEATURE.severeOrIll;
    if (unsupported(pop, p)) f |= FEATURE.unsupported;
    I += countedIncome(pop, p, s.deduction);
  }
  s.income[h] = I;
  s.features[h] = f | KNOWN;
  return f;
}
