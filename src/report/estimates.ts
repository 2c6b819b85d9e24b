// Which parameters in force are estimates, and which programs' results depend on them: every output says
// so when a number it shows rests on an estimate.
import chalk from 'chalk';
import type { Lang } from './lang.js';
import { estimateWords } from './totals-words.js';
import { PARAMS } from '../core/parameters/schema.js';
import { inUse, valueToJson, type Snapshot } from '../core/parameters/tree.js';
import { dependsOnPath, PROGRAMS, type ProgramId } from '../core/programs/index.js';

export interface EstimateUsed {
  readonly path: string;
  readonly value: unknown;
  readonly from: string;
  readonly basis: string;
  /** The source the policy names beside the estimate (its id and clause), if any. */
  readonly source?: string;
  /** The scenario or projection that made the value (from an estimate, or a rate of its own), if one did. */
  readonly by?: string;
}

/**
 * Estimates in force at the snapshot's date, leaving out optional parameters their mode does not use, and a start date
 * whose whole window lies before the date.
 */
export function estimatesInForce(s: Snapshot): EstimateUsed[] {
  const out: EstimateUsed[] = [];
  for (const spec of PARAMS) {
    const r = s.values.get(spec.path);
    if (!r?.entry?.estimate) continue;
    if (!inUse(s, spec.path)) continue;
    // An estimate only of when a published value took effect, every start it could have had on or before the date:
    // the value in force is the same whichever it was (Nanning's 790 started in 2019–2021; in 2022 it is 790 either way)
    const range = r.entry.range;
    if (range?.from && range.low === undefined && range.values === undefined && range.from[1] <= s.date) continue;
    const source = r.entry.source && `${r.entry.source}${r.entry.clause ? ` ${r.entry.clause}` : ''}`;
    out.push({
      path: spec.path,
      value: valueToJson(r.value, spec),
      from: r.entry.from,
      basis: r.entry.estimate,
      ...(source ? { source } : {}),
      ...(r.entry.scenario ? { by: r.entry.scenario } : {}),
    });
  }
  return out;
}

/** The programs whose result depends on at least one estimate. */
export function programsOnEstimates(estimates: readonly EstimateUsed[]): Set<ProgramId> {
  return new Set(PROGRAMS.filter((p) => estimates.some((e) => dependsOnPath(p, e.path))).map((p) => p.id));
}

/** The parameters of the estimates, each once (a year may hold two values of one). */
export const estimatePaths = (estimates: readonly EstimateUsed[]): string[] => [...new Set(estimates.map((e) => e.path))];

/** The note under a run's table: the estimates its figures rest on. */
export function estimateNote(s: { readonly estimates: readonly EstimateUsed[] }, lang?: Lang): string[] {
  if (!s.estimates.length) return [];
  const [line, basis] = estimateWords(estimatePaths(s.estimates), lang);
  return [chalk.yellow(line), chalk.dim(basis)];
}
