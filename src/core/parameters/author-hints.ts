// What a policy or scenario author is told of a parameter path or value they wrote: what a value is, the canonical
// path nearest a misspelled one, a local funding share written out. Apart from the table they read (schema.ts).
import { editDistance } from '../edit-distance.js';
import { BRANCHES, PARAMS, PARAM_BY_PATH, type ParamSpec } from './schema.js';

/** What a value of the parameter is, for a person: "yuan/person/month", "× S", "one of gap, tiered", "true or false". */
export function expectedOf(spec: ParamSpec): string {
  const k = spec.kind;
  switch (k.type) {
    case 'money':
      return `${spec.unit}${k.positive ? ', above 0' : ''}`;
    case 'decimal':
      return k.max === undefined ? spec.unit : `${spec.unit}, 0–${k.max}`;
    case 'integer':
      return `${spec.unit ? `${spec.unit}, ` : ''}a whole number ${k.min}–${k.max}`;
    case 'enum':
      return `one of ${k.values.join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'tiers':
      return 'bands [{below_share, per_person}, …], below_share a share of S rising to at least 1';
  }
}

/**
 * A city's or county's funding share written out (funding.assistance.county): what the other levels leave, never given.
 * A county officer wrote all three and was offered funding.assistance.central, which would have replaced the centre's.
 */
export function localShareWritten(path: string): string | undefined {
  const m = /^funding\.([a-z_]+)\.(county|city|local|city_county|municipal|prefecture|district)$/.exec(path);
  if (!m || !PARAM_BY_PATH.has(`funding.${m[1]}.central`)) return undefined;
  return `the city's or county's share is not given: it is what is left, 1 − funding.${m[1]}.central − funding.${m[1]}.provincial (leave "${m[2]}" out)`;
}

/** The nearest canonical path or branch to a misspelled one (edit distance), for "did you mean …?". */
export function suggestPath(path: string): string | undefined {
  // a level left out: the one parameter under the path's branch with its last name (tekun.care.none: an analyst was
  // offered the branch tekun.care, no parameter, for tekun.care.min_wage_share.none)
  const cut = path.lastIndexOf('.');
  if (cut > 0) {
    const [branch, leaf] = [path.slice(0, cut + 1), path.slice(cut)];
    const deeper = PARAMS.filter((p) => p.path.startsWith(branch) && p.path.endsWith(leaf) && p.path !== path);
    if (deeper.length === 1) return deeper[0]!.path;
  }
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of [...PARAMS.map((p) => p.path), ...BRANCHES]) {
    const score = editDistance(path, candidate);
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  return bestScore <= Math.max(3, Math.floor(path.length / 3)) ? best : undefined;
}
