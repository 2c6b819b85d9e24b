// --stream's order check (natural-order.ts naturalLess) decides the common case — ids the same up to a digit inside digit
// runs of one length — without collation; every answer is localeCompare's numeric collation's, on hand-picked pairs
// and on random ones built to hit both the fast case and the fall-back (letters of both cases, leading zeros, 中文,
// full-width digits, punctuation).
import { describe, expect, it } from 'vitest';
import { naturalLess } from '../../src/io/natural-order.js';

const collated = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true }) < 0;

describe('naturalLess', () => {
  it('orders digit runs as numbers', () => {
    expect(naturalLess('H2', 'H10')).toBe(true);
    expect(naturalLess('H10', 'H2')).toBe(false);
    expect(naturalLess('H0009', 'H0010')).toBe(true);
    expect(naturalLess('a9b', 'a10b')).toBe(true);
    expect(naturalLess('G000123', 'G000124')).toBe(true);
    expect(naturalLess('G000124', 'G000123')).toBe(false);
    expect(naturalLess('x', 'x')).toBe(false);
  });

  it('agrees with localeCompare (numeric) on 40,000 random pairs', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const pick = (s: string) => s[Math.floor(next() * s.length)]!;
    const ALPHABET = '0123456789000aAbB-_.中１２';
    const id = () => Array.from({ length: 1 + Math.floor(next() * 8) }, () => pick(ALPHABET)).join('');
    let fast = 0;
    for (let i = 0; i < 40_000; i++) {
      const a = id();
      // half the time a neighbour: a's prefix, then a digit, then some of the rest
      const cut = Math.floor(next() * (a.length + 1));
      const b = next() < 0.5 ? a.slice(0, cut) + pick('0123456789') + a.slice(cut + 1) : id();
      const want = collated(a, b);
      expect(naturalLess(a, b), `${a} < ${b}`).toBe(want);
      if (a !== b && /\d/.test(a[cut] ?? '')) fast++;
    }
    expect(fast).toBeGreaterThan(1000); // the fast case was exercised
  });
});
