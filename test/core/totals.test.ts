// Totals.addPrograms keeps running sums in a flat array of doubles (aggregate.ts `fast`): they must stay exact
// integers past 2^53, whenever and however often the sums are read, and merge and hand over as before.
import { describe, expect, it } from 'vitest';
import { Totals } from '../../src/core/aggregate.js';
import { emptyResult } from '../../src/core/result.js';
import { PROGRAMS } from '../../src/core/programs/index.js';

const MAX = Number.MAX_SAFE_INTEGER;
const DIBAO = PROGRAMS.findIndex((p) => p.id === 'dibao');
const OTHER = PROGRAMS.findIndex((p) => p.id === 'low_income');

/**
 * A result receiving `annual` fen of dibao with `persons` persons, and (unless `alone`) 1 fen of low-income for one
 * person (whose sums, each Σ weight, would be added in first whenever dibao's Σ weight could pass 2^53).
 */
function result(persons: number, annual: number, alone = false) {
  const r = emptyResult();
  r.present[0] = DIBAO;
  r.flag[DIBAO] = 1;
  r.count[DIBAO] = persons;
  r.annual[DIBAO] = annual;
  r.present[1] = OTHER;
  r.flag[OTHER] = 1;
  r.count[OTHER] = 1;
  r.annual[OTHER] = 1;
  r.presentCount = alone ? 1 : 2;
  return r;
}

const sums = (t: Totals, slot: number) => {
  const s = t.programs[slot]!;
  return [s.households.value(), s.persons.value(), s.cost.value(), BigInt(t.programRows[slot]!)];
};

describe('Totals: the running sums of addPrograms', () => {
  it('are exact where a sum passes 2^53, a term passes it, or both, read between adds or not', () => {
    // Each case: weight (millionths), persons, annual (fen), times added. Expected: the products summed in BigInt.
    const cases: Array<[number, number, number, number]> = [
      // (odd sums past 2^53: a double cannot hold them, so a sum kept past it in the running array is caught)
      [MAX, 1, 1, 3], // Σ weight and Σ cost pass 2^53 at the second add
      [1_000_001, 5, 3_000_000_001, 5], // Σ cost alone passes 2^53 (3,000,003,000,000,001 a term; at the fourth add)
      [3_000_000_000_000_001, 3, 0, 3], // Σ persons alone passes 2^53 (at the second add), no cost
      [999_999_999, 3, 99_999_999, 4], // a cost term of ~1e17: past 2^53 on its own (to BigInt straight)
      [MAX, 3, 0, 2], // a persons term past 2^53 on its own (3 × (2^53 − 1), odd), no cost
      [MAX, 0, 0, 3], // Σ weight alone passes 2^53 (no persons, no cost, no other program: nothing else does)
      [123_457, 2, 1_234_567, 1001], // small
    ];
    for (const read of [false, true]) {
      const t = new Totals();
      const want = [0n, 0n, 0n, 0n];
      for (const [w, n, a, times] of cases) {
        for (let k = 0; k < times; k++) {
          t.addPrograms(w, result(n, a, n === 0));
          want[0]! += BigInt(w);
          want[1]! += BigInt(w) * BigInt(n);
          want[2]! += BigInt(w) * BigInt(a);
          want[3]!++;
          if (read) expect(sums(t, DIBAO)).toEqual(want); // a read adds the running sums in and clears them
        }
      }
      expect(sums(t, DIBAO)).toEqual(want);
      const withOther = cases.filter(([, n]) => n > 0);
      const rows = BigInt(withOther.reduce((s, c) => s + c[3], 0));
      const weights = withOther.reduce((s, [w, , , times]) => s + BigInt(w) * BigInt(times), 0n);
      expect(sums(t, OTHER)).toEqual([weights, weights, weights, rows]);
      // Handed over as plain data, merged and multiplied: the same sums.
      const back = Totals.of(t.plain());
      expect(sums(back, DIBAO)).toEqual(want);
      const twice = new Totals();
      twice.addPrograms(MAX, result(1, 1)); // running sums not yet read when the merge adds into them
      twice.merge(t);
      expect(sums(twice, DIBAO)).toEqual([want[0]! + BigInt(MAX), want[1]! + BigInt(MAX), want[2]! + BigInt(MAX), want[3]! + 1n]);
      expect(sums(t.times(12), DIBAO).slice(0, 3)).toEqual(want.slice(0, 3).map((x) => x * 12n));
    }
  });
});
