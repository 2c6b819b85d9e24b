// The parts' hash sort (radixOrder), which the whole-file checks rely on: ascending as unsigned, stable (equal
// hashes keep index order, so the earliest row of an id comes first), and the keys returned in that order.
import { describe, expect, it } from 'vitest';
import { radixOrder } from '../../src/io/part.js';

describe('radixOrder', () => {
  it('sorts indices by hash as unsigned, stably, against a plain comparison sort', () => {
    let x = 7;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) | 0);
    // Negative hashes (high bit set) sort after positive ones; few distinct values make many ties.
    const hash = Int32Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? next() : [5, -1, 0x7ff, 0x800, -(2 ** 31)][i % 5]!));
    const [order, keys] = radixOrder(hash);
    const expected = Array.from(hash.keys()).sort((a, b) => (hash[a]! >>> 0) - (hash[b]! >>> 0) || a - b);
    expect(Array.from(order)).toEqual(expected);
    expect(Array.from(keys)).toEqual(expected.map((i) => hash[i]! >>> 0));
  });
});
