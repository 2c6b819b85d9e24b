// One pass over a loaded population for a baseline and any number of scenarios: parse once, evaluate many.
import { Totals } from './aggregate.js';
import { evaluateHousehold, newContext, type HouseholdResult } from './engine.js';
import type { Population } from './population.js';
import type { Rules } from './rules.js';

export interface Run {
  /** "baseline" or a scenario id. */
  readonly id: string;
  readonly rules: Rules;
}

export interface SimulateOptions {
  /** Households per partial total (merged exactly); the result does not depend on it. */
  readonly chunkSize?: number;
  /** Called for each household and run, household-major, baseline first. The result object is reused. */
  readonly onHousehold?: (h: number, run: number, r: HouseholdResult) => void;
}

export function simulate(pop: Population, runs: readonly Run[], opts: SimulateOptions = {}): Totals[] {
  const chunk = Math.max(1, opts.chunkSize ?? 65_536);
  const contexts = runs.map((r) => newContext(pop, r.rules));
  const totals = runs.map(() => new Totals());
  for (let from = 0; from < pop.householdCount; from += chunk) {
    const to = Math.min(pop.householdCount, from + chunk);
    const partial = runs.map(() => new Totals());
    for (let h = from; h < to; h++) {
      const w = pop.weight[h]!;
      for (let i = 0; i < contexts.length; i++) {
        const r = evaluateHousehold(contexts[i]!, h);
        partial[i]!.add(w, r);
        opts.onHousehold?.(h, i, r);
      }
    }
    partial.forEach((p, i) => totals[i]!.merge(p));
  }
  return totals;
}
