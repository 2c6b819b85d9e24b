// Helpers for rule tests: the simple fixture policy, single-value overrides, and one household evaluated.
import { readFileSync } from 'node:fs';
import { D, parseFen } from '../../src/core/money.js';
import { PARAM_BY_PATH } from '../../src/core/parameters/schema.js';
import { resolve, type ParamValue, type Policy, type Tier } from '../../src/core/parameters/tree.js';
import { evaluateHousehold, newContext, viewOf, type ResultView } from '../../src/core/engine.js';
import { populationOf, type HouseholdSpec } from '../../src/core/population.js';
import { compileRules, type Rules } from '../../src/core/rules.js';
import { parsePolicy } from '../../src/io/policy-file.js';

export const DATE = '2024-06-01';
export const SIMPLE = 'test/fixtures/policies/simple.yaml';

export function simplePolicy(): Policy {
  return parsePolicy(readFileSync(SIMPLE, 'utf8'), SIMPLE);
}

/** A copy of the policy where `path` holds the dated numbers given (each from its date; the first entry's source kept). */
export function withDated(policy: Policy, path: string, values: ReadonlyArray<[string, number]>): Policy {
  const params = new Map(policy.params);
  const first = params.get(path)![0]!;
  params.set(
    path,
    values.map(([from, v]) => ({ ...first, from, value: D(v) })),
  );
  return { ...policy, params };
}

type Override = string | number | boolean | Array<{ below_share: string; per_person: string }>;

/** A copy of the policy where each given path holds one value from 2000-01-01 (the original is untouched). */
export function withParams(policy: Policy, overrides: Record<string, Override>): Policy {
  const params = new Map(policy.params);
  for (const [path, v] of Object.entries(overrides)) {
    const spec = PARAM_BY_PATH.get(path);
    if (!spec) throw new Error(`no parameter ${path}`);
    const value: ParamValue = Array.isArray(v)
      ? v.map((t): Tier => ({ below_share: D(t.below_share), per_person: D(t.per_person) }))
      : typeof v === 'number' || (typeof v === 'string' && /^\d/.test(v))
        ? D(v)
        : (v as string | boolean);
    params.set(path, [{ from: '2000-01-01', value, source: 'test', where: { file: 'override' } }]);
  }
  return { ...policy, params };
}

export function rulesOf(policy: Policy = simplePolicy(), date = DATE): Rules {
  return compileRules(resolve(policy, date));
}

/** Evaluates one household (money in yuan strings → fen) and returns its result, program by program. */
export function evaluate(spec: Omit<HouseholdSpec, 'id'> & { id?: string }, rules: Rules = rulesOf()): ResultView {
  const pop = populationOf([{ id: spec.id ?? 'h', ...spec }]);
  return viewOf(evaluateHousehold(newContext(pop, rules), 0));
}

/** "1234.56" → 123456 fen. */
export const fen = (yuan: string): number => {
  const f = parseFen(yuan);
  if (f === null) throw new Error(`not money: ${yuan}`);
  return f;
};
