// The parts' grouping of ids by hash (bucketed), which the whole-file checks rely on: every index once, grouped by the
// top BUCKET_BITS bits of its hash as unsigned, in index order within a group (so the earliest row of an id comes
// first), their hashes in that order, and the groups' bounds.
import { describe, expect, it } from 'vitest';
import { COL, COLUMNS } from '../../src/core/columns.js';
import { checkHash, hashBytes } from '../../src/core/ids.js';
import { anyPairTwice, bucketed, BUCKET_BITS, groupInPlace } from '../../src/io/id-buckets.js';
import { PartWriter, WINDOW_ROWS, type WindowSink } from '../../src/io/part.js';

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

/** Places where two lists differ, and their difference in length (a count, not a diff: vitest's diff of two long lists takes minutes). */
function differing(a: readonly string[], b: readonly string[]): number {
  let n = Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) n++;
  return n;
}

/** Hashes outside the group the bounds give them (by their top BUCKET_BITS bits). */
function misplaced(hash: Int32Array, bounds: Int32Array): number {
  let n = 0;
  for (let b = 0; b < 1 << BUCKET_BITS; b++)
    for (let k = bounds[b]!; k < bounds[b + 1]!; k++) if (hash[k]! >>> (32 - BUCKET_BITS) !== b) n++;
  return n + (bounds.at(-1) === hash.length ? 0 : 1);
}

describe('groupInPlace and anyPairTwice (the ids of parts evaluated as they were read)', () => {
  let x = 11;
  const next = () => (x = (Math.imul(x, 1103515245) + 12345) | 0);
  const pairsOf = (hash: Int32Array, check: Int32Array) => Array.from(hash, (h, i) => `${h}/${check[i]}`).sort();

  it('groups (hash, check) pairs by the top bits of the hash, moving each pair whole, and gives the bounds', () => {
    // negative hashes (high bit set) to the upper buckets; ties; a bucket left empty; pairs that differ by check only
    const hash = Int32Array.from({ length: 20_000 }, (_, i) => (i % 3 ? next() & ~(1 << 25) : [5, -1, 0x7ff, -(2 ** 31)][i % 4]!));
    const check = Int32Array.from(hash, (h, i) => (i % 7 === 0 ? 0 : Math.imul(h, 31) + i));
    const before = pairsOf(hash, check);
    const [h2, c2] = [hash.slice(), check.slice()];
    const bounds = groupInPlace(h2, c2);
    expect(differing(pairsOf(h2, c2), before)).toBe(0);
    const top = (h: number) => h >>> (32 - BUCKET_BITS);
    const counts = Array.from({ length: (1 << BUCKET_BITS) + 1 }, (_, b) => hash.filter((h) => top(h) < b).length);
    expect(Array.from(bounds)).toEqual(counts);
    expect(misplaced(h2, bounds)).toBe(0);
  });

  it('finds a pair given twice, in one part or across parts, and not pairs that differ by their check only', () => {
    const part = (pairs: ReadonlyArray<readonly [number, number]>) => {
      const hash = Int32Array.from(pairs, (p) => p[0]);
      const check = Int32Array.from(pairs, (p) => p[1]);
      return { hash, check, bounds: groupInPlace(hash, check) };
    };
    const many = Array.from({ length: 5000 }, (_, i) => [next(), i] as const);
    const sameHash = [[-7, 1] as const, [-7, 2] as const]; // one hash, two checks: two different ids
    expect(anyPairTwice([part([...many, ...sameHash])])).toBe(false);
    expect(anyPairTwice([part(many.slice(0, 2500)), part([...many.slice(2500), ...sameHash])])).toBe(false);
    expect(anyPairTwice([part([...many, many[1234]!])])).toBe(true);
    expect(anyPairTwice([part([...many.slice(0, 2500), sameHash[0]!]), part([...many.slice(2500), sameHash[0]!])])).toBe(true);
    expect(anyPairTwice([part([]), part([[3, 3]])])).toBe(false);
  });
});

describe('PartWriter with a sink (households evaluated a window at a time as they are read)', () => {
  const enc = new TextEncoder();
  /** Rows of households of 1–4 persons; a person's age is its row mod 100, a household's assets 11 × its number. */
  const write = (w: PartWriter, households: number) => {
    const values = new Float64Array(COLUMNS.length);
    let r = 0;
    for (let h = 0; h < households; h++) {
      values[COL.financial_assets] = h * 11;
      for (let k = 0; k <= h % 4; k++, r++) {
        values[COL.age] = r % 100;
        const b = enc.encode(`H${h},P${r}`);
        w.add(b, 0, b.indexOf(44), b.indexOf(44) + 1, b.length, values, r + 1);
      }
    }
    return r;
  };
  /** A sink that is ready from the `readyAt`-th time it is asked, and records every household it is given. */
  const sink = (readyAt: number) => {
    const got = { asked: 0, windows: [] as number[], sizes: [] as number[], assets: [] as number[], ages: [] as number[] };
    const s: WindowSink = {
      ready: () => ++got.asked >= readyAt,
      take: (pop) => {
        got.windows.push(pop.personCount);
        for (let h = 0; h < pop.householdCount; h++) {
          got.sizes.push(pop.offsets[h + 1]! - pop.offsets[h]!);
          got.assets.push(pop.assets[h]!);
          for (let k = pop.offsets[h]!; k < pop.offsets[h + 1]!; k++) got.ages.push(pop.age[pop.members[k]!]!);
        }
      },
    };
    return { s, got };
  };
  const HOUSEHOLDS = 100_000; // 250,000 rows: several windows

  it.each([
    ['ready from the start', 1],
    ['ready only after a few windows of rows', 3],
  ])('gives every household to the sink once, whole, in file order, %s; the part keeps the ids only', (_, readyAt) => {
    const { s, got } = sink(readyAt);
    const w = new PartWriter(1024, false, s);
    const rows = write(w, HOUSEHOLDS);
    const p = w.done();
    expect(got.sizes).toEqual(Array.from({ length: HOUSEHOLDS }, (_, h) => (h % 4) + 1));
    expect(got.assets).toEqual(Array.from({ length: HOUSEHOLDS }, (_, h) => h * 11));
    expect(got.ages).toEqual(Array.from({ length: rows }, (_, r) => r % 100));
    // Windows of about WINDOW_ROWS rows (to the next household's start); the first one longer when the sink was late.
    expect(got.windows.reduce((a, b) => a + b, 0)).toBe(rows);
    expect(got.windows.slice(1, -1).every((n) => n >= WINDOW_ROWS && n < WINDOW_ROWS + 4)).toBe(true);
    expect(got.windows[0]).toBeGreaterThanOrEqual(WINDOW_ROWS * (readyAt > 1 ? readyAt : 1));
    expect([p.values, p.rows, p.segments, p.age.length, p.assets.length, p.line.length]).toEqual([false, rows, HOUSEHOLDS, 0, 0, 0]);
    // Person and household ids as their two hashes only (windowed-ids.test.ts), every id's pair once, grouped by
    // bucket in place (no order kept), whether its bytes were kept before the sink took the first window or not.
    expect([p.pidBytes.length, p.pidHash.length, p.pidCheck.length, p.pidOrder.length]).toEqual([0, rows, rows, 0]);
    expect([p.hidBytes.length, p.hidHash.length, p.hidCheck.length, p.hidOrder.length]).toEqual([0, HOUSEHOLDS, HOUSEHOLDS, 0]);
    const pairs = (ids: string[]) =>
      ids.map((id) => `${hashBytes(enc.encode(id), 0, id.length)}/${checkHash(enc.encode(id), 0, id.length)}`).sort();
    const kept = (hash: Int32Array, check: Int32Array) => Array.from(hash, (h, i) => `${h}/${check[i]}`).sort();
    expect(differing(kept(p.pidHash, p.pidCheck), pairs(Array.from({ length: rows }, (_, r) => `P${r}`)))).toBe(0);
    expect(differing(kept(p.hidHash, p.hidCheck), pairs(Array.from({ length: HOUSEHOLDS }, (_, h) => `H${h}`)))).toBe(0);
    expect(p.pidOrdered).toBe(p.pidHash);
    for (const [hash, bounds] of [
      [p.pidHash, p.pidBuckets],
      [p.hidHash, p.hidBuckets],
    ] as const)
      expect(misplaced(hash, bounds)).toBe(0);
  });

  it('keeps the whole part when the sink is never ready (the runs came after the reading)', () => {
    const { s, got } = sink(Infinity);
    const w = new PartWriter(1024, false, s);
    const rows = write(w, HOUSEHOLDS);
    const p = w.done();
    expect(got.windows).toEqual([]);
    expect(got.asked).toBeGreaterThan(1);
    expect([p.values, p.rows, p.segments, p.age.length, p.assets.length]).toEqual([true, rows, HOUSEHOLDS, rows, HOUSEHOLDS]);
    expect(Array.from(p.assets.subarray(-3))).toEqual([HOUSEHOLDS - 3, HOUSEHOLDS - 2, HOUSEHOLDS - 1].map((h) => h * 11));
  });

  it('gives a small part whole at its end when the sink is ready then', () => {
    const { s, got } = sink(1);
    const w = new PartWriter(1024, false, s);
    const rows = write(w, 10);
    expect(got.windows).toEqual([]);
    expect(w.done().values).toBe(false);
    expect(got.windows).toEqual([rows]);
  });
});
