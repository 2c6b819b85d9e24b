// The parts' grouping of ids by hash (bucketed), which the whole-file checks rely on: every index once, grouped by the
// top BUCKET_BITS bits of its hash as unsigned, in index order within a group (so the earliest row of an id comes
// first), their hashes in that order, and the groups' bounds.
import { describe, expect, it } from 'vitest';
import { COL, COLUMNS } from '../../src/core/columns.js';
import { bucketed, BUCKET_BITS, PartWriter } from '../../src/io/part.js';

describe('bucketed', () => {
  it('groups indices by the top bits of their hash, stably, against a plain comparison sort', () => {
    let x = 7;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) | 0);
    // Negative hashes (high bit set) go to the upper buckets; few distinct values make many ties.
    const hash = Int32Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? next() : [5, -1, 0x7ff, 0x800, -(2 ** 31)][i % 5]!));
    const top = (i: number) => hash[i]! >>> (32 - BUCKET_BITS);
    const [order, ordered, bounds] = bucketed(hash);
    const expected = Array.from(hash.keys()).sort((a, b) => top(a) - top(b) || a - b);
    expect(Array.from(order)).toEqual(expected);
    expect(Array.from(ordered)).toEqual(expected.map((i) => hash[i]));
    expect(bounds.length).toBe((1 << BUCKET_BITS) + 1);
    for (let b = 0; b < 1 << BUCKET_BITS; b++)
      for (let k = bounds[b]!; k < bounds[b + 1]!; k++) expect(top(order[k]!), `bucket ${b}`).toBe(b);
    expect(bounds.at(-1)).toBe(hash.length);
  });
});

describe('PartWriter', () => {
  // The columns grow by doubling and once from a better guess (expect); each growth keeps the rows written so far.
  it('keeps every row and segment through growth and a better guess', () => {
    const w = new PartWriter(1024);
    const enc = new TextEncoder();
    const values = new Float64Array(COLUMNS.length);
    const rows = 5000;
    for (let r = 0; r < rows; r++) {
      const h = Math.floor(r / 3);
      values[COL.age] = r % 100;
      values[COL.wage_income] = r * 7;
      values[COL.financial_assets] = h * 11;
      const b = enc.encode(`H${h},P${r}`);
      const comma = b.indexOf(44);
      w.add(b, 0, comma, comma + 1, b.length, values, r + 1);
      if (r === 700) w.expect(0.2); // room for ~3700 rows: one more doubling after it
    }
    const p = w.done();
    expect(p.rows).toBe(rows);
    expect(p.segments).toBe(Math.ceil(rows / 3));
    for (let r = 0; r < rows; r++) {
      expect(p.age[r], `age of row ${r}`).toBe(r % 100);
      expect(p.wage[r], `wage of row ${r}`).toBe(r * 7);
      expect(p.line[r]).toBe(r + 1);
      expect(p.segment[r]).toBe(Math.floor(r / 3));
      expect(new TextDecoder().decode(p.pidBytes.subarray(p.pidStart[r], p.pidStart[r + 1])), `id of row ${r}`).toBe(`P${r}`);
    }
    for (let s = 0; s < p.segments; s++) {
      expect(p.firstRow[s]).toBe(s * 3);
      expect(p.assets[s], `assets of segment ${s}`).toBe(s * 11);
    }
    expect(p.odd).toEqual([]);
  });
});
