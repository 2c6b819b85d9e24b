// The engine: DOMAIN's steps for one household, in the order the program table derives from the steps' declarations
// (programs/index.ts STEPS), and a pass over a population. Pure and deterministic: the same population and rules
// give the same results. No I/O here.
import type { Ctx, HouseholdResult } from './programs/context.js';
import { PROGRAMS, STEPS, yearOf, type ProgramId } from './programs/index.js';
import { restOfHousehold } from './programs/rest.js';
import { tekunAmount, tekunPerson } from './programs/tekun.js';
import type { Population } from './population.js';
import { REST_AT, sameFirstSteps, TEKUN_AT, type Rules } from './rules.js';
import type { RestRules } from './programs/rest.js';
import type { TekunRules } from './programs/tekun.js';
import type { Tracer } from './trace.js';

export type { HouseholdResult } from './programs/context.js';

/** A fresh result: every program's fields at zero. */
export function emptyResult(): HouseholdResult {
  const P = PROGRAMS.length;
  return {
    flag: new Uint8Array(P),
    present: new Uint8Array(P),
    presentCount: 0,
    count: new Int32Array(P),
    amount: new Float64Array(P),
    months: new Uint8Array(P),
    tier: new Uint8Array(P),
    annual: new Float64Array(P),
    declined: new Uint8Array(P),
    declinedCount: 0,
    declinedPersons: new Int32Array(P),
    declinedAnnual: new Float64Array(P),
    persons: 0,
    restPersons: 0,
    total: 0,
    eligibleTotal: 0,
  };
}

/** A copy of a result that the next evaluation does not overwrite. */
export function copyResult(r: HouseholdResult): HouseholdResult {
  return {
    flag: r.flag.slice(),
    present: r.present.slice(),
    presentCount: r.presentCount,
    count: r.count.slice(),
    amount: r.amount.slice(),
    months: r.months.slice(),
    tier: r.tier.slice(),
    annual: r.annual.slice(),
    declined: r.declined.slice(),
    declinedCount: r.declinedCount,
    declinedPersons: r.declinedPersons.slice(),
    declinedAnnual: r.declinedAnnual.slice(),
    persons: r.persons,
    restPersons: r.restPersons,
    total: r.total,
    eligibleTotal: r.eligibleTotal,
  };
}

/** One program's part of a result, as plain numbers. */
export interface ProgramResult {
  readonly flag: number;
  readonly persons: number;
  readonly amount: number;
  readonly months: number;
  readonly tier: number;
  readonly annual: number;
  /** 1 when the household is eligible but does not take the program up (DOMAIN "Take-up"); then what it would get: */
  readonly declined: number;
  readonly eligiblePersons: number;
  readonly eligibleAnnual: number;
}

/** A result as plain data, program by program (explain, case files, tests): a copy the next evaluation leaves alone. */
export type ResultView = { readonly [K in ProgramId]: ProgramResult } & {
  readonly persons: number;
  readonly restPersons: number;
  /** The household's year, fen; had it taken up every program it is eligible for. */
  readonly annual: number;
  readonly eligibleAnnual: number;
};

export function viewOf(r: HouseholdResult): ResultView {
  const v: Record<string, unknown> = { persons: r.persons, restPersons: r.restPersons, annual: r.total, eligibleAnnual: r.eligibleTotal };
  const declined = new Set(r.declined.subarray(0, r.declinedCount));
  PROGRAMS.forEach((p, i) => {
    v[p.id] = {
      flag: r.flag[i]!,
      persons: r.count[i]!,
      amount: r.amount[i]!,
      months: r.months[i]!,
      tier: r.tier[i]!,
      annual: r.annual[i]!,
      declined: declined.has(i) ? 1 : 0,
      // Received plus what the groups not taken up would add (all of it for a program not taken up).
      eligiblePersons: r.count[i]! + (declined.has(i) ? r.declinedPersons[i]! : 0),
      eligibleAnnual: r.annual[i]! + (declined.has(i) ? r.declinedAnnual[i]! : 0),
    };
  });
  return v as ResultView;
}

/** The steps after 1–2 (those with a `run`), in STEPS order. */
const LATER = STEPS.flatMap((s, i) => (s.run ? [i] : []));

/**
 * The steps after 1–2 as one function, compiled once from STEPS into plain calls (`if (c.n > 0) { s0(c, r[0]); … }
 * s8(c, r[8])`): each call then has one target, which V8 inlines as it did when the engine named each step by hand
 * (a loop over the steps' functions measured twice as slow to evaluate). `r`: the steps' compiled rules, in order.
 */
const laterSteps = ((): ((c: Ctx, r: readonly unknown[]) => void) => {
  const names = LATER.map((_, j) => `s${j}`);
  const call = (j: number) => `${names[j]}(c, r[${j}]);`;
  // Consecutive steps of scope 'rest' share one test of n.
  const body: string[] = [];
  LATER.forEach((i, j) => {
    const rest = STEPS[i]!.scope === 'rest';
    const open = rest && (j === 0 || STEPS[LATER[j - 1]!]!.scope !== 'rest');
    const close = rest && (j === LATER.length - 1 || STEPS[LATER[j + 1]!]!.scope !== 'rest');
    body.push(`${open ? 'if (c.n > 0) { ' : ''}${call(j)}${close ? ' }' : ''}`);
  });
  const make = new Function(...names, `return function laterSteps(c, r) {\n  ${body.join('\n  ')}\n};`);
  return make(...LATER.map((i) => STEPS[i]!.run)) as (c: Ctx, r: readonly unknown[]) => void;
})();

interface EngineCtx extends Ctx {
  readonly rules: Rules;
  /** By area: the compiled rules of steps 1 and 2, and of the steps after them, in order. */
  readonly tekunByArea: readonly [TekunRules, TekunRules];
  readonly restByArea: readonly [RestRules, RestRules];
  readonly laterByArea: readonly [readonly unknown[], readonly unknown[]];
}

export function newContext(pop: Population, rules: Rules, tr: Tracer | null = null): Ctx {
  const c: EngineCtx = {
    pop,
    h: 0,
    start: 0,
    end: 0,
    area: 0,
    tekun: new Uint8Array(16),
    single: new Uint8Array(16),
    n: 0,
    I: 0,
    assetsOk: false,
    isDibao: false,
    rigidAid: false,
    singles: 0,
    declinedGroups: 0,
    tr,
    out: emptyResult(),
    rules,
    tekunByArea: [0, 1].map((a) => rules.byArea[a]![TEKUN_AT]) as [TekunRules, TekunRules],
    restByArea: [0, 1].map((a) => rules.byArea[a]![REST_AT]) as [RestRules, RestRules],
    laterByArea: [0, 1].map((a) => LATER.map((i) => rules.byArea[a]![i])) as [unknown[], unknown[]],
  };
  return c;
}

/** Clears the last household's result: the programs it entered (the others are at zero already). */
function reset(out: HouseholdResult): void {
  const { flag, present, count, amount, months, tier, annual } = out;
  for (let j = 0; j < out.presentCount; j++) {
    const i = present[j]!;
    flag[i] = count[i] = amount[i] = months[i] = tier[i] = annual[i] = 0;
  }
  out.presentCount = 0;
  const { declined, declinedPersons, declinedAnnual } = out;
  for (let j = 0; j < out.declinedCount; j++) {
    const i = declined[j]!;
    declinedPersons[i] = declinedAnnual[i] = 0;
  }
  out.declinedCount = 0;
  out.persons = out.restPersons = out.total = out.eligibleTotal = 0;
}

/** Steps 1–2's findings for a household: who is tekun (by member position), n, I, assets_ok. A Ctx has them. */
export interface FirstSteps {
  readonly tekun: Uint8Array;
  readonly n: number;
  readonly I: number;
  readonly assetsOk: boolean;
}

/**
 * Evaluates household h into c.out (overwritten). `like`: steps 1–2 as found for h under rules with sameFirstSteps
 * (another run's context, or a cached baseline's) — taken over; the amounts are this run's own. The result is the
 * same as without it (test/core/engine-sharing.test.ts).
 */
export function evaluateHousehold(ctx: Ctx, h: number, like: FirstSteps | null = null): HouseholdResult {
  const c = ctx as EngineCtx;
  const { pop, out } = c;
  reset(out);
  c.h = h;
  c.start = pop.offsets[h]!;
  c.end = pop.offsets[h + 1]!;
  c.area = pop.area[h]!;
  c.isDibao = false;
  c.rigidAid = false;
  c.singles = 0;
  c.declinedGroups = 0;
  const size = c.end - c.start;
  if (c.tekun.length < size) {
    c.tekun = new Uint8Array(size * 2);
    c.single = new Uint8Array(size * 2);
  }
  for (let i = 0; i < size; i++) c.single[i] = 0;
  out.persons = size;

  const area = c.area;
  const tk = c.tekunByArea[area]!;
  if (like) {
    // Steps 1 and 2 as `like` found them; step 1's amounts under these rules.
    for (let i = 0; i < size; i++) {
      c.tekun[i] = like.tekun[i]!;
      if (c.tekun[i]) tekunAmount(c, tk, pop.members[c.start + i]!);
    }
    c.n = out.restPersons = like.n;
    c.I = like.I;
    c.assetsOk = like.assetsOk;
  } else {
    // Step 1: tekun, per person. Step 2: the rest of the household.
    for (let k = c.start; k < c.end; k++) c.tekun[k - c.start] = tekunPerson(c, tk, k) ? 1 : 0;
    restOfHousehold(c, c.restByArea[area]!);
  }
  // The other steps, in order; steps 3–7 only for a household with members who are not tekun.
  laterSteps(c, c.laterByArea[area]!);

  // Each program's year, by its kind; the household's year, received and had it taken up all it is eligible for.
  const { amount, months, present } = out;
  const year = out.annual;
  let total = 0;
  for (let j = 0; j < out.presentCount; j++) {
    const i = present[j]!;
    year[i] = yearOf(i, amount[i]!, months[i]!);
    total += year[i]!;
  }
  out.total = total;
  let declined = 0;
  for (let j = 0; j < out.declinedCount; j++) declined += out.declinedAnnual[out.declined[j]!]!;
  out.eligibleTotal = total + declined;
  return out;
}

/** For each run, an earlier run whose steps 1 and 2 it can take over (sameFirstSteps), or -1. */
export function firstStepsLike(rules: readonly Rules[]): number[] {
  return rules.map((r, i) => rules.findIndex((q, j) => j < i && sameFirstSteps(q, r)));
}

/** Evaluates households [from, to) and hands each result to `sink` (the result object is reused). */
export function evaluateRange(
  pop: Population,
  rules: Rules,
  from: number,
  to: number,
  sink: (h: number, r: HouseholdResult) => void,
): void {
  const c = newContext(pop, rules);
  for (let h = from; h < to; h++) sink(h, evaluateHousehold(c, h));
}
