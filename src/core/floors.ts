// The floors a locality's documents set: a value whose clause says 不低于 / 不得低于 (at least) — Guangdong's tekun
// basic standard 1.6 × S (003 §14), Guangxi's full care 70 % of the minimum wage (002 四), Jiangxi's 1.3 × S (004 §4).
// A reform may cut below one (the 1.3 × S scenario under Guangdong's rules), but it then breaks the locality's own
// rule: a temporary-assistance officer's trial saw Guangzhou's tekun cut 15.9 % without a word.
import { D, type Dec } from './money.js';
import type { Snapshot } from './parameters/tree.js';
import { PARAMS } from './parameters/schema.js';

/** A clause that sets a minimum (the document's own words). */
const AT_LEAST = /不(?:得)?低于/;

export interface FloorBroken {
  readonly path: string;
  /** The scenario's value, and the policy's, whose clause makes it a floor. */
  readonly value: Dec;
  readonly floor: Dec;
  /** Where the floor comes from: its source and clause. */
  readonly source: string;
  readonly clause: string;
}

/** The numbers a scenario's snapshot puts below the baseline's where the baseline's clause makes its value a floor. */
export function floorsBroken(base: Snapshot, s: Snapshot): FloorBroken[] {
  return PARAMS.flatMap((spec) => {
    const [b, x] = [base.values.get(spec.path), s.values.get(spec.path)];
    const clause = b?.entry?.clause;
    if (!b || !x || !clause || !AT_LEAST.test(clause) || !isDec(b.value) || !isDec(x.value)) return [];
    if (!x.value.lessThan(b.value)) return [];
    return [{ path: spec.path, value: x.value, floor: b.value, source: b.entry!.source ?? '', clause }];
  });
}

const isDec = (v: unknown): v is Dec => D.isDecimal(v);
