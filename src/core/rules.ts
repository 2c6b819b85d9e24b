// A Snapshot compiled for the hot path: each step's rules compiled from the parameters it declares (programs/step.ts),
// every amount in integer fen, every multiple as an exact ratio. Whatever depends only on parameters and area
// (round(k × S), round(share × W), the 16 supplement combinations) is computed here once, not once per household.
import { dec, resolve, type Policy, type Snapshot } from './parameters/tree.js';
import { PROGRAMS, STEPS } from './programs/index.js';
import type { RestRules } from './programs/rest.js';
import { covers, Params } from './programs/step.js';
import type { TekunRules } from './programs/tekun.js';
import type { Area } from './columns.js';

export interface Rules {
  /** The values they were compiled from (null in a worker: the engine does not read it). */
  readonly snapshot: Snapshot;
  /** Each step's compiled rules, in STEPS order, for urban [0] and rural [1] households. */
  readonly byArea: readonly [readonly unknown[], readonly unknown[]];
}

/** A policy's values at a date, and the rules compiled from them. */
export function rulesAt(policy: Policy, date: string): { readonly snapshot: Snapshot; readonly rules: Rules } {
  const snapshot = resolve(policy, date);
  return { snapshot, rules: compileRules(snapshot) };
}

/** Each step's programs → their slots (index in PROGRAMS): where the step writes their results. */
const SLOTS = STEPS.map((step) => new Map(PROGRAMS.flatMap((p, i) => (p.step === step ? [[p.id as string, i] as const] : []))));

export function compileRules(s: Snapshot, read?: Set<string>): Rules {
  const compile = (area: Area) => STEPS.map((step, i) => step.compile(new Params(s, step.id, step.reads, SLOTS[i], area, read)));
  return { snapshot: s, byArea: [compile('urban'), compile('rural')] };
}

/**
 * Of the parameter paths given, those a step declares but none reads with the snapshot's values — a mode's own
 * parameters where another mode is in force (dibao.payment.tiers under the gap): a scenario's change there does nothing.
 */
export function unreadPaths(paths: readonly string[], s: Snapshot): string[] {
  const read = new Set<string>();
  compileRules(s, read);
  return paths.filter((path) => !read.has(path) && STEPS.some((step) => step.reads.some((r) => covers(r, path))));
}

const at = (id: string) => STEPS.findIndex((s) => s.id === id);
export const TEKUN_AT = at('tekun');
export const REST_AT = at('rest');

/** A step's compiled rules for households of an area (0 urban, 1 rural), by the step's id. */
export function stepRules<R>(r: Rules, id: string, area = 0): R {
  const i = at(id);
  if (i < 0) throw new Error(`no step ${id}`);
  return r.byArea[area]![i] as R;
}

/** The compiled rules of step 1 (tekun), which the engine runs itself. */
export const tekunRules = (r: Rules, area = 0) => r.byArea[area]![TEKUN_AT] as TekunRules;
const restRules = (r: Rules, area: number) => r.byArea[area]![REST_AT] as RestRules;

/**
 * Steps 1 and 2 decide alike under both rules — the same values of what decides who is tekun (tekun's `decides`) and
 * of what step 2 reads, in both areas; the amounts may differ — so a run may take over another's findings for a
 * household (engine.ts). `areas`: in those areas only (a household's rules are its area's).
 */
export function sameFirstSteps(a: Rules, b: Rules, areas: readonly number[] = [0, 1]): boolean {
  return areas.every(
    (area) => equal(tekunRules(a, area).decide, tekunRules(b, area).decide) && equal(restRules(a, area), restRules(b, area)),
  );
}

/** Structural equality of compiled rules (numbers, booleans, strings, arrays and plain objects of them). */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  return (
    ka.length === Object.keys(b).length && ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** The dibao standards [urban, rural] in force, fen a month (for drawing a population against them). */
export function standards(s: Snapshot): [number, number] {
  return [dec(s, 'dibao.standard.urban').times(100).toNumber(), dec(s, 'dibao.standard.rural').times(100).toNumber()];
}
