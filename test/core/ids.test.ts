// IdTable: the byte-keyed id table behind PopulationBuilder (households and persons without a string per id).
import { describe, expect, it } from 'vitest';
import { hashBytes, IdList, IdTable } from '../../src/core/ids.js';

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

describe('IdList', () => {
  const list = (...ids: string[]) => {
    const bytes = Buffer.from(ids.join(''));
    const starts = Int32Array.from([0, ...ids.map((_, i) => Buffer.byteLength(ids.slice(0, i + 1).join('')))]);
    return new IdList(bytes, starts);
  };

  it('compares ids of two lists, and joins lists in order (a list that starts inside its bytes too)', () => {
    const a = list('H1', 'H10', '户1');
    const b = list('H10', 'H1');
    expect(IdList.equalAcross(a, 1, b, 0)).toBe(true);
    expect(IdList.equalAcross(a, 0, b, 0)).toBe(false); // a prefix is not the id
    expect(IdList.equalAcross(a, 0, b, 1)).toBe(true);
    const tail = new IdList(Buffer.from('xxP7P8'), Int32Array.from([2, 4, 6])); // ids at bytes 2…6
    const joined = IdList.concat([a, tail, b]);
    expect(joined.toJSON()).toEqual(['H1', 'H10', '户1', 'P7', 'P8', 'H10', 'H1']);
    expect(joined.equal(1, 5)).toBe(true);
    expect(joined.select([6, 2]).toJSON()).toEqual(['H1', '户1']);
  });
});
