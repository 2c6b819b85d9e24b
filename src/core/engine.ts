// The engine: DOMAIN steps 1–8 for one household, and a pass over a population. Pure and deterministic:
// the same population and rules give the same results. No I/O here.
import { dibao } from './programs/dibao.js';
import { dibaoSupplement } from './programs/dibao-supplement.js';
import { emptyResult, type Ctx, type HouseholdResult } from './programs/context.js';
import { gradualExit } from './programs/gradual-exit.js';
import { lowIncome } from './programs/low-income.js';
import { restOfHousehold } from './programs/rest.js';
import { rigid } from './programs/rigid.js';
import { singlePerson } from './programs/single-person.js';
import { sameFirstSteps, tekunAmount, tekunPerson } from './programs/tekun.js';
import { temporary } from './programs/temporary.js';
import type { Population } from './population.js';
import type { Rules } from './rules.js';
import type { Tracer } from './trace.js';

export type { HouseholdResult } from './programs/context.js';

export function newContext(pop: Population, rules: Rules, tr: Tracer | null = null): Ctx {
  return {
    pop,
    rules,
    h: 0,
    start: 0,
    end: 0,
    A: rules.areas[0],
    tekun: new Uint8Array(16),
    single: new Uint8Array(16),
    n: 0,
    I: 0,
    assetsOk: false,
    isDibao: false,
    tr,
    out: emptyResult(),
  };
}

function reset(out: HouseholdResult): void {
  out.persons = out.tekunPersons = out.tekun = out.dibaoPersons = out.dibao = out.dibaoSupplement = 0;
  out.supplementPersons = out.singlePersons = out.single = out.rigidFamily = out.rigidAid = 0;
  out.lowIncome = out.lowIncomePersons = out.gradualMonths = out.gradual = out.temporary = 0;
  out.temporaryTier = out.restPersons = out.annual = 0;
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
export function evaluateHousehold(c: Ctx, h: number, like: FirstSteps | null = null): HouseholdResult {
  const { pop, rules, out } = c;
  reset(out);
  c.h = h;
  c.start = pop.offsets[h]!;
  c.end = pop.offsets[h + 1]!;
  c.A = rules.areas[pop.area[h]!]!;
  c.isDibao = false;
  const size = c.end - c.start;
  if (c.tekun.length < size) {
    c.tekun = new Uint8Array(size * 2);
    c.single = new Uint8Array(size * 2);
  }
  for (let i = 0; i < size; i++) c.single[i] = 0;
  out.persons = size;

  if (like) {
    // Steps 1 and 2 as `like` found them; step 1's amounts under these rules.
    for (let i = 0; i < size; i++) {
      c.tekun[i] = like.tekun[i]!;
      if (c.tekun[i]) tekunAmount(c, pop.members[c.start + i]!);
    }
    c.n = out.restPersons = like.n;
    c.I = like.I;
    c.assetsOk = like.assetsOk;
  } else {
    // Step 1: tekun, per person.
    for (let k = c.start; k < c.end; k++) c.tekun[k - c.start] = tekunPerson(c, k) ? 1 : 0;
    // Step 2: the rest of the household.
    restOfHousehold(c);
  }
  if (c.n > 0) {
    dibao(c); // step 3
    dibaoSupplement(c); // step 3, supplement
    rigid(c); // step 4
    singlePerson(c); // step 5
    lowIncome(c); // step 6
    gradualExit(c); // step 7
  }
  temporary(c); // step 8, in any layer

  out.annual =
    12 * (out.tekun + out.dibao + out.dibaoSupplement + out.single + out.rigidAid) + out.gradual * out.gradualMonths + out.temporary;
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
