// Parameters are dated data with references (OpenFisca style): each canonical path has a history of
// values, each holding from its date until the next, each naming its source or marked an estimate.
// A Snapshot is the set of values in force at one date; scenarios derive new Policies, never mutate one.
import type { Where } from '../../errors.js';
import { DateBeforePolicyError, InputError, type Problem } from '../../errors.js';
import { indexInForce } from '../dates.js';
import { D, type Dec } from '../money.js';
import { PARAMS, type ParamSpec } from './schema.js';

export interface Tier {
  readonly below_share: Dec;
  readonly per_person: Dec;
}
export type ParamValue = Dec | string | boolean | readonly Tier[];

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly file?: string;
  readonly url?: string;
  readonly grade?: string;
  readonly date?: string;
}

export interface DatedValue {
  readonly from: string;
  readonly value: ParamValue;
  /** Key into the policy's sources. */
  readonly source?: string;
  readonly clause?: string;
  /** Present when the value is an estimate: its basis. */
  readonly estimate?: string;
  /** An estimate's range (a scenario's value has none): how far the truth could be. */
  readonly range?: EstimateRange;
  /** An estimate with nothing to vary: why. */
  readonly exact?: string;
  readonly note?: string;
  /** Set when a scenario introduced this value: the scenario's id (or the projection's, with `projected`). */
  readonly scenario?: string;
  /** Made by a projection (simulate --years), not a scenario. */
  readonly projected?: true;
  /**
   * A projected value: grown from the policy's own entry dated `from` (of the same parameter) by these yearly rates in
   * turn, each year's rounded to the fen (core/projection.ts growBy). An estimate's every grown value is one estimate:
   * sensitivity varies the entry it grew from and grows it again (core/sensitivity.ts).
   */
  readonly grown?: { readonly from: string; readonly steps: readonly Dec[]; readonly rate: GrowthRate };
  /** A projection's value of its base_year: the policy's newest, of `from`, taken as unchanged to it (projection.ts heldEntry). */
  readonly held?: { readonly from: string };
  readonly where: Where;
}

/**
 * The projection line a value was grown by (every step of one grown value is that line's: a parameter is grown by one
 * line, and a published value starts its chain again): its rate, and how far the rate could be off (sensitivity varies
 * it, growing every value of the line again: core/sensitivity.ts).
 */
export interface GrowthRate {
  readonly projection: string;
  /** The line's path or prefix (`dibao.standard.`). */
  readonly read: string;
  readonly yearly: Dec;
  readonly range?: RateRange;
  readonly basis: string;
  readonly where: Where;
}

/** A projection rate's range (an estimated rate's `range: {low, high, basis}`). */
export interface RateRange {
  readonly low: Dec;
  readonly high: Dec;
  readonly basis: string;
}

/** In a parameter's history, the index of the policy's own entry a projected one grew from (-1: none, or not projected). */
export const originIndex = (history: readonly DatedValue[], e: DatedValue): number =>
  e.grown ? history.findIndex((x) => x.from === e.grown!.from && !x.grown) : -1;

/** How far an estimate could be off: low/high (a number), the plausible values (a choice), a start-date window. */
export interface EstimateRange {
  readonly low?: ParamValue;
  readonly high?: ParamValue;
  readonly values?: readonly ParamValue[];
  /** The earliest and latest the value could have taken effect. */
  readonly from?: readonly [string, string];
  readonly basis: string;
}

export interface Policy {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly description?: string;
  readonly file: string;
  readonly sources: ReadonlyMap<string, Source>;
  readonly params: ReadonlyMap<string, readonly DatedValue[]>;
}

export interface Resolved {
  readonly spec: ParamSpec;
  /** null only for an optional parameter not given (params JSON: null, or [] for tiers). */
  readonly value: ParamValue | null;
  /** null for an optional parameter not given, or a default (`defaulted` says which). */
  readonly entry: DatedValue | null;
  readonly source: Source | null;
  /** The schema's default, the policy giving no value at the date. */
  readonly defaulted?: boolean;
}

export interface Snapshot {
  readonly policy: Policy;
  readonly date: string;
  readonly values: ReadonlyMap<string, Resolved>;
}

/** The values in force at `date`. Throws InputError listing every parameter with no value then. */
export function resolve(policy: Policy, date: string): Snapshot {
  const problems: Problem[] = [];
  const values = new Map<string, Resolved>();
  for (const spec of PARAMS) {
    const history = policy.params.get(spec.path) ?? [];
    const i = indexInForce(history, date);
    if (i < 0) {
      // An optional parameter has no value when the parameter gating it does not call for it at this date (its gate
      // comes first in PARAMS); when it does, crossChecks says so.
      if (spec.optional) {
        values.set(spec.path, { spec, value: null, entry: null, source: null });
        continue;
      }
      if (spec.default) {
        const value = spec.kind.type === 'enum' ? spec.default.value : D(spec.default.value);
        values.set(spec.path, { spec, value, entry: null, source: null, defaulted: true });
        continue;
      }
      problems.push({
        where: history[0]?.where ?? { file: policy.file },
        subject: `parameter ${spec.path}`,
        message: history.length ? `no value in force at ${date} (its first value starts ${history[0]!.from})` : `no value given`,
      });
      continue;
    }
    const entry = history[i]!;
    const source = entry.source ? (policy.sources.get(entry.source) ?? null) : null;
    values.set(spec.path, { spec, value: entry.value, entry, source });
  }
  const from = completeFrom(policy);
  // A date before the policy is complete: one line saying from when (each parameter's line would blame the policy)
  if (problems.length && from && from > date)
    throw new DateBeforePolicyError(
      policy.file,
      date,
      from,
      problems.map((p) => p.subject!.replace(/^parameter /, '')),
    );
  if (problems.length === 0) problems.push(...crossChecks(policy, values, date));
  if (problems.length) throw new InputError(problems);
  return { policy, date, values };
}

/** The first date at which every required parameter has a value. */
export function completeFrom(policy: Policy): string | undefined {
  let from: string | undefined;
  for (const spec of PARAMS) {
    if (spec.optional || spec.default) continue;
    const first = policy.params.get(spec.path)?.[0]?.from;
    if (!first) continue;
    if (!from || first > from) from = first;
  }
  return from;
}

/** Rules between parameters that hold at a date: a mode that needs a companion value has one. */
function crossChecks(policy: Policy, values: Map<string, Resolved>, date: string): Problem[] {
  const problems: Problem[] = [];
  for (const spec of PARAMS) {
    if (!spec.optional) continue;
    const gate = values.get(spec.optional.when)!;
    const own = values.get(spec.path)!;
    const needed = gate.value === spec.optional.equals;
    const empty = own.value === null || (Array.isArray(own.value) && own.value.length === 0);
    if (needed && empty) {
      const first = policy.params.get(spec.path)?.[0]?.from;
      problems.push({
        where: gate.entry?.where ?? { file: policy.file },
        subject: `parameter ${spec.path}`,
        message: `${spec.optional.when} is "${spec.optional.equals}" at ${date}, so ${spec.path} needs a value then${first && first > date ? ` (its first value starts ${first})` : ''}`,
      });
    }
  }
  return problems;
}

/** Whether a parameter is in use at the snapshot's date: an optional one only when the parameter that gates it says so. */
export function inUse(s: Snapshot, path: string): boolean {
  const spec = s.values.get(path)?.spec;
  return !spec?.optional || s.values.get(spec.optional.when)?.value === spec.optional.equals;
}

// Typed accessors for compiled rules: the snapshot has been validated, so a wrong type here is a bug.
export function dec(s: Snapshot, path: string): Dec {
  const v = s.values.get(path)?.value;
  if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${path} is not a number`);
  return v as Dec;
}
export function str(s: Snapshot, path: string): string {
  const v = s.values.get(path)?.value;
  if (typeof v !== 'string') throw new Error(`${path} is not a string`);
  return v;
}
export function bool(s: Snapshot, path: string): boolean {
  const v = s.values.get(path)?.value;
  if (typeof v !== 'boolean') throw new Error(`${path} is not a boolean`);
  return v;
}
export function tiers(s: Snapshot, path: string): readonly Tier[] {
  const v = s.values.get(path)?.value;
  return Array.isArray(v) ? (v as readonly Tier[]) : [];
}
export function optionalDec(s: Snapshot, path: string): Dec | null {
  const v = s.values.get(path)?.value;
  return v === null || v === undefined ? null : dec(s, path);
}

/** JSON form of a value for the params contract: decimals as exact strings. */
export function valueToJson(v: ParamValue | null, spec: ParamSpec): unknown {
  return v === null ? (spec.kind.type === 'tiers' ? [] : null) : valueJson(v);
}

/** JSON form of a value given: decimals as exact strings, bands as {below_share, per_person}. */
export function valueJson(v: ParamValue): unknown {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) {
    return (v as readonly Tier[]).map((t) => ({ below_share: t.below_share.toFixed(), per_person: t.per_person.toFixed() }));
  }
  return (v as Dec).toFixed();
}

/** A value as a short human string. */
export function valueToText(v: ParamValue | null, spec: ParamSpec): string {
  if (v === null) return '—';
  if (Array.isArray(v)) {
    return (v as readonly Tier[]).map((t) => `<${t.below_share.toFixed()}×S: ${t.per_person.toFixed()}`).join('; ') || '[]';
  }
  return String(valueToJson(v, spec));
}

/** Who made a value that is not the policy's: "scenario X" or "projection X" (the id in `scenario`). */
export const madeBy = (e: Pick<DatedValue, 'scenario' | 'projected'>): string => `${e.projected ? 'projection' : 'scenario'} ${e.scenario}`;
