// IdTable: the byte-keyed id table behind PopulationBuilder (households and persons without a string per id).
import { describe, expect, it } from 'vitest';
import { hashBytes, IdTable } from '../../src/core/ids.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('IdTable', () => {
  it('interns ids in order of first appearance and finds them again, through growth and rehashing', () => {
    const t = new IdTable();
    const ids = Array.from({ length: 50_000 }, (_, i) => `H${i}`);
    ids.forEach((id, i) => expect(t.internString(id)).toBe(i));
    expect(t.length).toBe(50_000);
    // Interning again finds the same index and adds nothing.
    expect(t.internString('H123')).toBe(123);
    expect(t.internString('H49999')).toBe(49_999);
    expect(t.length).toBe(50_000);
    expect(t.at(0)).toBe('H0');
    expect(t.at(49_999)).toBe('H49999');
    expect(t.indexOf('H777')).toBe(777);
    expect(t.indexOf('H50000')).toBe(-1);
    expect(() => t.at(50_000)).toThrow(RangeError);
  });

  it('tells apart ids whose hashes are equal, and ids that are prefixes of one another', () => {
    // Two different ids forced into the same hash: the bytes decide.
    const t = new IdTable();
    const a = bytes('a-1');
    const b = bytes('b-2');
    expect(t.intern(a, 0, a.length, 42)).toBe(0);
    expect(t.intern(b, 0, b.length, 42)).toBe(1);
    expect(t.intern(a, 0, a.length, 42)).toBe(0);
    const u = new IdTable();
    for (const id of ['H1', 'H10', 'H1 ', 'H']) u.internString(id);
    expect(u.toArray()).toEqual(['H1', 'H10', 'H1 ', 'H']);
    expect(u.indexOf('H1')).toBe(0);
  });

  it('keeps ids as UTF-8 bytes, Chinese included, taken from the middle of a buffer', () => {
    const t = new IdTable();
    const line = bytes('x,南宁-户1,y');
    const s = 2;
    const e = line.indexOf(0x2c, s);
    expect(t.intern(line, s, e, hashBytes(line, s, e))).toBe(0);
    expect(t.at(0)).toBe('南宁-户1');
    expect(t.indexOf('南宁-户1')).toBe(0);
    expect(t.internString('南宁-户1')).toBe(0);
  });
});
