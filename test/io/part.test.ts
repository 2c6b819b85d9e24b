// The parts' grouping of ids by hash (bucketed), which the whole-file checks rely on: every index once, grouped by the
// top BUCKET_BITS bits of its hash as unsigned, in index order within a group (so the earliest row of an id comes
// first), their hashes in that order, and the groups' bounds.
import { describe, expect, it } from 'vitest';
import { bucketed, BUCKET_BITS } from '../../src/io/part.js';

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
