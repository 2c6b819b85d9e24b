// One household through the same engine as `simulate`, with a tracer injected: every step's rule,
// parameters, the numbers it compared and its result.
import { copyResult, evaluateHousehold, newContext, type HouseholdResult } from './engine.js';
import type { Population } from './population.js';
import type { Rules } from './rules.js';
import { ListTracer, type TraceStep } from './trace.js';

export interface Explanation {
  readonly household: number;
  readonly steps: readonly TraceStep[];
  readonly result: HouseholdResult;
}

export function explainHousehold(pop: Population, h: number, rules: Rules): Explanation {
  const tracer = new ListTracer();
  const c = newContext(pop, rules, tracer);
  const result = copyResult(evaluateHousehold(c, h));
  return { household: h, steps: tracer.steps, result };
}
