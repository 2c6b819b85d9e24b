// The engine: DOMAIN's steps for one household, in the order the program table derives from the steps' declarations
// (programs/index.ts STEPS), and a pass over a population. Pure and deterministic: the same population and rules
// give the same results. No I/O here.
import { FILE_REGISTER, type Ctx, type HouseholdResult } from './programs/context.js';
import { SLOT, STEPS, yearOf } from './programs/index.js';
import { emptyResult } from './result.js';
import { DOUBLE_ZERO } from './records.js';
import { assetsWithin, restOfHousehold } from './programs/rest.js';
import {
  compileScreen,
  FEATURE,
  householdFeatures,
  mergeScreens,
  quiet,
  summariesOf,
  type Reach,
  type Screen,
  type Summaries,
} from './programs/screen.js';
import { tekunAmount, tekunPerson } from './programs/tekun.js';
import type { Population } from './population.js';
import { equal, REST_AT, sameFirstSteps, TEKUN_AT, type Rules } from './rules.js';
import type { RestRules } from './programs/rest.js';
import type { TekunRules } from './programs/tekun.js';
import type { Tracer } from './trace.js';

export type { HouseholdResult } from './programs/context.js';

export { copyResult, emptyResult, viewOf, type ProgramResult, type ResultView } from './result.js';

/** The steps after 1–2 (those with a `run`), in STEPS order. */
const LATER = STEPS.flatMap((s, i) => (s.run ? [i] : []));

/**
 * Where a result may hold parts (programs/parts.ts: the premium subsidy by group, tekun's care, temporary assistance
 * by tier): a program with parts entered, or one declined (tekun's care is written before take-up declines it).
 */
const MEDICAL = SLOT.medical_premium;
const TEKUN = SLOT.tekun;
const TEMPORARY = SLOT.temporary;
const hasParts = (r: HouseholdResult) => r.flag[MEDICAL] === 1 || r.flag[TEKUN] === 1 || r.flag[TEMPORARY] === 1 || r.declinedCount !== 0;

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
  /** By area: the screen of the steps after 1–2 (programs/screen.ts), or null (every household runs every step). */
  readonly screenByArea: readonly [Screen | null, Screen | null];
  /** The population's features and incomes as the screen reads them (shared by every context on it). */
  readonly sums: Summaries;
  /**
   * By area, the last `like` seen for a household of that area, and what may be taken over from it beyond steps 1–2:
   * `whole` when it is a context whose steps after 1–2 have rules equal to these (its whole result, for a household
   * without a tekun member, or any household when `tekunAlike` too: step 1's amounts equal).
   */
  likeAt: [FirstSteps | null, FirstSteps | null];
  whole: [boolean, boolean];
  tekunAlike: [boolean, boolean];
}

/** What c may take over from `like` for a household of area a (EngineCtx.whole, tekunAlike). */
function learnLike(c: EngineCtx, like: FirstSteps, a: number): void {
  c.likeAt[a] = like;
  const l = like as Partial<EngineCtx>;
  c.whole[a] = l.laterByArea !== undefined && equal(l.laterByArea[a], c.laterByArea[a]);
  c.tekunAlike[a] = l.tekunByArea !== undefined && equal(l.tekunByArea[a], c.tekunByArea[a]);
}

/**
 * `like` (a context) has just evaluated a household of this area and size whose whole result c would take over: its
 * rules decide alike, and it read the same register (`registered`, `prior`: a window's runs may differ in it).
 */
function sameAsLike(c: EngineCtx, like: FirstSteps, area: number, size: number, registered: boolean, prior: number): boolean {
  if (like !== c.likeAt[area]) learnLike(c, like, area);
  const l = like as EngineCtx;
  return c.whole[area]! && (c.tekunAlike[area]! || like.n === size) && !c.tr && l.registered === registered && l.prior === prior;
}

/**
 * Household h's result under `ctx` is the whole result of `like`, which has just evaluated it (evaluateHousehold would
 * copy it over): a caller that reads only the result may take like's and not evaluate h under ctx at all. `seen`: as
 * evaluateHousehold's.
 */
export function resultOfLike(ctx: Ctx, h: number, like: FirstSteps, seen = FILE_REGISTER): boolean {
  const c = ctx as EngineCtx;
  const { pop } = c;
  const registered = seen < 0 ? pop.onDibao[h] === 1 : seen > 0;
  return sameAsLike(c, like, pop.area[h]!, pop.offsets[h + 1]! - pop.offsets[h]!, registered, seen < 0 ? pop.prior[h]! : seen);
}

/** Household c.h as `l` evaluated it (l's rules decide alike for it): its findings and result, copied into c. */
function takeOverAll(c: EngineCtx, l: EngineCtx, size: number): void {
  for (let i = 0; i < size; i++) {
    c.tekun[i] = l.tekun[i]!;
    c.single[i] = l.single[i]!;
  }
  c.n = l.n;
  c.I = l.I;
  c.assetsOk = l.assetsOk;
  c.isDibao = l.isDibao;
  c.rigidAid = l.rigidAid;
  c.singles = l.singles;
  c.declinedGroups = l.declinedGroups;
  const a = l.out;
  const o = c.out;
  for (let j = 0; j < a.presentCount; j++) {
    const i = a.present[j]!;
    o.present[j] = i;
    o.flag[i] = a.flag[i]!;
    o.count[i] = a.count[i]!;
    o.amount[i] = a.amount[i]!;
    o.months[i] = a.months[i]!;
    o.tier[i] = a.tier[i]!;
    o.annual[i] = a.annual[i]!;
  }
  o.presentCount = a.presentCount;
  if (hasParts(a)) {
    o.partPersons.set(a.partPersons);
    o.partFen.set(a.partFen);
  }
  for (let j = 0; j < a.declinedCount; j++) {
    const i = a.declined[j]!;
    o.declined[j] = i;
    o.declinedPersons[i] = a.declinedPersons[i]!;
    o.declinedAnnual[i] = a.declinedAnnual[i]!;
  }
  o.declinedCount = a.declinedCount;
  o.restPersons = a.restPersons;
  o.total = a.total;
  o.eligibleTotal = a.eligibleTotal;
}

/** The screen of the steps after 1–2 under one area's compiled rules (null: one of them may act anywhere). */
function screenOf(later: readonly unknown[]): Screen | null {
  return compileScreen(LATER.map((i, j) => (STEPS[i]!.reach as ((r: unknown) => Reach) | undefined)?.(later[j]) ?? null));
}

/**
 * A context to evaluate households of `pop` under `rules`. `tr`: a tracer (explain), which sees every step (no
 * screen). `screen`: false to run every step for every household (the screen's own test).
 */
export function newContext(pop: Population, rules: Rules, tr: Tracer | null = null, screen = true): Ctx {
  const laterByArea = [0, 1].map((a) => LATER.map((i) => rules.byArea[a]![i])) as [unknown[], unknown[]];
  const c: EngineCtx = {
    pop,
    h: 0,
    start: 0,
    end: 0,
    area: 0,
    tekun: new Uint8Array(16),
    single: new Uint8Array(16),
    n: 0,
    I: DOUBLE_ZERO, // a double from the start (records.ts): set before it is read
    assetsOk: false,
    isDibao: false,
    rigidAid: false,
    singles: 0,
    declinedGroups: 0,
    registered: false,
    prior: DOUBLE_ZERO,
    tr,
    out: emptyResult(),
    rules,
    tekunByArea: [0, 1].map((a) => rules.byArea[a]![TEKUN_AT]) as [TekunRules, TekunRules],
    restByArea: [0, 1].map((a) => rules.byArea[a]![REST_AT]) as [RestRules, RestRules],
    laterByArea,
    screenByArea: screen && !tr ? [screenOf(laterByArea[0]), screenOf(laterByArea[1])] : [null, null],
    sums: summariesOf(pop, (rules.byArea[0]![REST_AT] as RestRules).deduction),
    likeAt: [null, null],
    whole: [false, false],
    tekunAlike: [false, false],
  };
  return c;
}

/** Clears the last household's result: the programs it entered (the others are at zero already). */
function reset(out: HouseholdResult): void {
  const { flag, present, count, amount, months, tier, annual } = out;
  if (hasParts(out)) {
    // (a loop over the few parts: TypedArray fill's call cost more than the stores)
    const { partPersons, partFen } = out;
    for (let g = 0; g < partPersons.length; g++) partPersons[g] = partFen[g] = 0;
  }
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
 * same as without it (test/core/engine-sharing.test.ts). `seen`: in a budget year, the dibao a month h was paid
 * under this run in the period before (the year's previous period, or the year before's December:
 * year-exit.ts registeredAt), which puts it on the register with that prior dibao; 0, off it (it was not on dibao
 * then, whatever the file says); FILE_REGISTER, the file's on_dibao and prior_dibao.
 */
export function evaluateHousehold(ctx: Ctx, h: number, like: FirstSteps | null = null, seen = FILE_REGISTER): HouseholdResult {
  const c = ctx as EngineCtx;
  const { pop, out } = c;
  reset(out);
  // The last household's single-person flags (set only where it had singles).
  if (c.singles !== 0) c.single.fill(0);
  c.h = h;
  c.start = pop.offsets[h]!;
  c.end = pop.offsets[h + 1]!;
  c.area = pop.area[h]!;
  c.isDibao = false;
  c.rigidAid = false;
  c.singles = 0;
  c.declinedGroups = 0;
  const registered = (c.registered = seen < 0 ? pop.onDibao[h] === 1 : seen > 0);
  c.prior = seen < 0 ? pop.prior[h]! : seen;
  const size = c.end - c.start;
  if (c.tekun.length < size) {
    c.tekun = new Uint8Array(size * 2);
    c.single = new Uint8Array(size * 2);
  }
  out.persons = size;

  const area = c.area;
  const tk = c.tekunByArea[area]!;
  const rest = c.restByArea[area]!;
  const screen = c.screenByArea[area];
  const { sums } = c;
  let f = -1; // the household's features (programs/screen.ts), once read
  if (like) {
    // Every step decides alike under both rules for this household: like's result is this one.
    if (sameAsLike(c, like, area, size, registered, c.prior)) {
      takeOverAll(c, like as EngineCtx, size);
      return out;
    }
    // Steps 1 and 2 as `like` found them; step 1's amounts under these rules.
    for (let i = 0; i < size; i++) {
      c.tekun[i] = like.tekun[i]!;
      if (c.tekun[i]) tekunAmount(c, tk, pop.members[c.start + i]!);
    }
    c.n = out.restPersons = like.n;
    c.I = like.I;
    c.assetsOk = like.assetsOk;
  } else if (screen && ((f = householdFeatures(pop, sums, h)) & FEATURE.unsupported) === 0 && rest.deduction === sums.deduction) {
    // Step 1 finds no one (every member has a capable supporter); step 2 over every member, the income read once.
    for (let i = 0; i < size; i++) c.tekun[i] = 0;
    c.n = out.restPersons = size;
    c.I = sums.income[h]!;
    c.assetsOk = assetsWithin(pop, h, rest, size);
  } else {
    // Step 1: tekun, per person. Step 2: the rest of the household.
    for (let k = c.start; k < c.end; k++) c.tekun[k - c.start] = tekunPerson(c, tk, k) ? 1 : 0;
    restOfHousehold(c, rest);
  }
  // The other steps, in order; steps 3–7 only for a household with members who are not tekun. A household with no
  // tekun member that none of them can reach is left as they would leave it: with nothing (programs/screen.ts).
  // (on the register where the file has it off: the file's features say otherwise)
  if (f < 0 && screen && c.n === size) f = householdFeatures(pop, sums, h);
  if (seen > 0) f |= FEATURE.onDibao;
  if (!(screen && c.n === size && quiet(screen, f, c.I, size))) {
    laterSteps(c, c.laterByArea[area]!);
  }

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

/** What it takes to find, from the summaries alone, the households that get nothing under any of some contexts' rules. */
export interface QuietAll {
  /** One group per deduction the contexts count income at: its summaries, and by area its contexts' screens merged. */
  readonly groups: ReadonlyArray<{ readonly sums: Summaries; readonly screens: readonly [Screen, Screen] }>;
}

/** QuietAll for some contexts on one population, or null when one of them has no screen (or traces). */
export function quietAll(contexts: readonly Ctx[]): QuietAll | null {
  const cs = contexts as readonly EngineCtx[];
  if (!cs.length) return null;
  const bySums = new Map<Summaries, [Screen[], Screen[]]>();
  for (const c of cs) {
    // (every context on one population: its summaries are that population's)
    if (c.tr || c.sums !== summariesOf(cs[0]!.pop, c.sums.deduction)) return null;
    let screens = bySums.get(c.sums);
    if (!screens) bySums.set(c.sums, (screens = [[], []]));
    for (const a of [0, 1]) {
      const s = c.screenByArea[a];
      if (!s || c.restByArea[a]!.deduction !== c.sums.deduction) return null;
      screens[a]!.push(s);
    }
  }
  return {
    groups: [...bySums].map(([sums, [u, r]]) => ({ sums, screens: [mergeScreens(u), mergeScreens(r)] as const })),
  };
}

/**
 * Household h gets nothing under every rule of `q` — no member can be tekun (each has a capable supporter) and no
 * step after 1–2 reaches it — found without running a step: its result under each is empty.
 */
export function quietEverywhere(q: QuietAll, pop: Population, h: number): boolean {
  const size = pop.offsets[h + 1]! - pop.offsets[h]!;
  const area = pop.area[h]!;
  const { groups } = q;
  for (let g = 0; g < groups.length; g++) {
    const { sums, screens } = groups[g]!;
    const f = householdFeatures(pop, sums, h);
    if ((f & FEATURE.unsupported) !== 0 || !quiet(screens[area]!, f, sums.income[h]!, size)) return false;
  }
  return true;
}

/**
 * For each run, by area, an earlier run whose steps 1 and 2 it can take over for a household of that area
 * (sameFirstSteps in that area), or -1: a reform of the rural standards alone (unify-rural-urban) takes over every
 * urban household's findings, and its whole result where the steps after decide alike, from the baseline.
 */
export function firstStepsLikeByArea(rules: readonly Rules[]): Array<readonly [number, number]> {
  const by = (a: number) => rules.map((r, i) => rules.findIndex((q, j) => j < i && sameFirstSteps(q, r, [a])));
  const [urban, rural] = [by(0), by(1)];
  return rules.map((_, i) => [urban[i]!, rural[i]!] as const);
}
