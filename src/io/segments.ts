// A part's segments — runs of adjacent rows with one household id — as households: a Population without ids, what
// a reading worker evaluates before the whole file is assembled. It is the file's population exactly when no
// household has rows in two segments (assemble.ts tells).
import type { HouseholdKey, PersonKey } from '../core/columns.js';
import { IdList } from '../core/ids.js';
import { populationFrom, type Population } from '../core/population.js';
import type { Part } from './part.js';

/** No ids (the engine does not read them). */
const NO_IDS = new IdList(new Uint8Array(0), new Int32Array(1));

/** 0, 1, …, n - 1. */
export function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/**
 * `segments` segments of `rows` rows, segment k's first row firstRow[k], as households: `offsets` (at least
 * segments + 1 long) is written, `members` (at least rows long) must be the identity.
 */
export function segmentPopulation(
  rows: number,
  segments: number,
  firstRow: Int32Array,
  offsets: Int32Array,
  members: Int32Array,
  column: (key: PersonKey | HouseholdKey) => Uint8Array | Float64Array,
): Population {
  const o = offsets.subarray(0, segments + 1);
  o.set(firstRow.subarray(0, segments));
  o[segments] = rows;
  return populationFrom({
    householdCount: segments,
    personCount: rows,
    householdIds: NO_IDS,
    personIds: NO_IDS,
    offsets: o,
    members: members.subarray(0, rows),
    column: (key) => column(key as PersonKey | HouseholdKey),
  });
}

/** A whole part's segments as households. */
export function segmentsAsHouseholds(p: Part): Population {
  return segmentPopulation(p.rows, p.segments, p.firstRow, new Int32Array(p.segments + 1), identity(p.rows), (key) => p[key]);
}
