// Which parameters in force are estimates, and which programs' results depend on them: every output says
// so when a number it shows rests on an estimate.
import chalk from 'chalk';
import { isZh, type Lang } from './lang.js';
import { estimateWords } from './totals-words.js';
import { PARAM_BY_PATH, PARAMS } from '../core/parameters/schema.js';
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

/** The note under a run's table: the estimates its figures rest on, the dibao standards said first where they are. */
export function estimateNote(s: { readonly estimates: readonly EstimateUsed[] }, lang?: Lang): string[] {
  if (!s.estimates.length) return [];
  const [line, basis] = estimateWords(estimatePaths(s.estimates), lang);
  const standards = standardsWords(s.estimates, lang);
  return [...(standards ? [chalk.yellow(standards)] : []), chalk.yellow(line), chalk.dim(basis)];
}

/**
 * Where the dibao standards themselves are estimates the policy gives (no published value: Fuliang's are the national
 * averages), said plainly: every program's line is a multiple of them (a Chinese-only county clerk found it only in
 * the English basis of a 49-item list). Not for values a projection or scenario made (those say so themselves).
 */
function standardsWords(estimates: readonly EstimateUsed[], lang?: Lang): string | null {
  const own = STANDARDS.flatMap((path) => estimates.filter((e) => e.path === path && !e.by));
  if (!own.length) return null;
  const zh = isZh(lang);
  const values = own.map(
    (e) => `${zh ? PARAM_BY_PATH.get(e.path)!.zh : e.path} ${String(e.value)}${zh ? `（${e.from} 起）` : ` (from ${e.from})`}`,
  );
  return zh
    ? `! 低保标准本身是估计值（政策文件中未找到公布值）：${values.join('、')}；各项救助线都按它计算，依据见 jiuzhu params --lang zh`
    : `! the dibao standards themselves are estimates (no published value in the policy): ${values.join(', ')}; every program's line is reckoned from them (basis: jiuzhu params)`;
}

const STANDARDS = ['dibao.standard.urban', 'dibao.standard.rural'];
