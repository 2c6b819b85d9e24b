// Parts evaluated as they were read keep no person id's bytes (io/part.ts): assemble finds repeated person ids by two
// hashes (core/ids.ts hashBytes and checkHash). Different ids whose first hashes agree must not count as repeated
// (that would read the whole file again for nothing); a repeated id must, within a part and across parts.
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/core/columns.js';
import { checkHash, hashBytes } from '../../src/core/ids.js';
import { assemble, type ParsedPart } from '../../src/io/assemble.js';
import { noEmptyCells } from '../../src/io/empty-cells.js';
import { PartWriter, WINDOW_ROWS, type WindowSink } from '../../src/io/part.js';

const enc = new TextEncoder();
// Pairs of different ids with the same hashBytes (found by a search over random 8-character ids).
const COLLIDING = [
  ['45d0oqd2', 'j761osji'],
  ['f24t5pjr', 'y73idiv0'],
  ['f1n8z6hh', 'b8aax6l3'],
] as const;
const hash = (s: string, f: typeof hashBytes) => f(enc.encode(s), 0, s.length);

/**
 * A part read with a sink that takes its households (so it keeps no values): one household per person, its id unique
 * in the file (`first`: the part's first row), so that only the person ids can repeat.
 */
function windowedPart(persons: readonly string[], first: number, ready = true): ParsedPart {
  const sink: WindowSink = { ready: () => ready, take: () => undefined };
  const w = new PartWriter(1024, false, sink);
  const values = new Float64Array(COLUMNS.length);
  persons.forEach((p, r) => {
    const b = enc.encode(`H${first + r},${p}`);
    const comma = b.indexOf(44);
    w.add(b, 0, comma, comma + 1, b.length, values, r + 1);
  });
  const part = w.done();
  expect(part.values).toBe(!ready);
  expect(part.pidBytes.length === 0).toBe(ready); // no bytes kept once the sink took the part's windows
  return { part, problems: [], fatal: null, lines: persons.length, empties: noEmptyCells() };
}

/** Parts read with a sink, assembled; `late`: the parts whose sink was never ready (they keep their values). */
const assembled = (parts: readonly (readonly string[])[], late: readonly number[] = []) => {
  const firsts = parts.reduce<number[]>((a, _, i) => [...a, i ? a[i - 1]! + parts[i - 1]!.length : 0], []);
  const parsed = parts.map((p, i) => windowedPart(p, firsts[i]!, !late.includes(i)));
  const firstLines = firsts.map((f) => f + 1);
  return assemble(parsed, firstLines, 'households.csv', () => undefined);
};

describe('person ids of parts evaluated as they were read', () => {
  it('the test ids: each pair has one hashBytes and two checkHashes', () => {
    for (const [a, b] of COLLIDING) {
      expect(a).not.toBe(b);
      expect(hash(a, hashBytes)).toBe(hash(b, hashBytes));
      expect(hash(a, checkHash)).not.toBe(hash(b, checkHash));
    }
  });

  it('does not take different ids with the same first hash as repeated, in one part or across parts', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `P${i}`);
    const [a, b] = [COLLIDING.map((c) => c[0]), COLLIDING.map((c) => c[1])];
    expect(assembled([[...a, ...filler, ...b]]).readAgain).toBe(false);
    expect(
      assembled([
        [...a, ...filler.slice(0, 1500)],
        [...filler.slice(1500), ...b],
      ]).readAgain,
    ).toBe(false);
  });

  it('finds a repeated id, in one part or across parts (the file is then read again keeping the bytes)', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `P${i}`);
    expect(assembled([[...filler, 'P17']]).readAgain).toBe(true);
    expect(assembled([filler.slice(0, 1500), [...filler.slice(1500), 'P17']]).readAgain).toBe(true);
    expect(assembled([[COLLIDING[0][0]], [...filler, COLLIDING[0][0]]]).readAgain).toBe(true);
    expect(assembled([filler.slice(0, 1500), filler.slice(1500)]).readAgain).toBe(false);
  });

  it('compares a part that kept its values (read before its sink was ready) with parts that did not, by both hashes', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `P${i}`);
    const [a, b] = [COLLIDING.map((c) => c[0]), COLLIDING.map((c) => c[1])];
    for (const late of [[0], [1]]) {
      expect(
        assembled(
          [
            [...a, ...filler.slice(0, 1500)],
            [...filler.slice(1500), ...b],
          ],
          late,
        ).readAgain,
      ).toBe(false);
      expect(assembled([[...filler.slice(0, 1500), 'P2999'], filler.slice(1500)], late).readAgain).toBe(true);
      expect(
        assembled(
          [
            [...a, ...filler.slice(0, 1500)],
            [...filler.slice(1500), a[2]!],
          ],
          late,
        ).readAgain,
      ).toBe(true);
    }
  });

  it('hashes a row alike before and after the sink takes the first window (its bytes kept, then not)', () => {
    // more rows than a window (WINDOW_ROWS): the rows after the first window's are read once the sink has taken it
    const many = Array.from({ length: WINDOW_ROWS + 5000 }, (_, i) => `P${i}`);
    expect(assembled([[...many, 'P17']]).readAgain).toBe(true);
    expect(assembled([[COLLIDING[1][0], ...many, COLLIDING[1][1]]]).readAgain).toBe(false);
    expect(assembled([many]).readAgain).toBe(false);
  });
});

/**
 * A part read with a sink over byte ranges (io/part.ts beginRange), each [index, person ids], one household per person
 * (H and the person id): ranges a worker read one after another (engine/worker.ts).
 */
function rangedPart(ranges: ReadonlyArray<readonly [number, readonly string[]]>): ParsedPart {
  const w = new PartWriter(1024, false, { ready: () => true, take: () => undefined });
  const values = new Float64Array(COLUMNS.length);
  let lines = 0;
  for (const [index, persons] of ranges) {
    w.beginRange(index);
    for (const p of persons) {
      const b = enc.encode(`H${p},${p}`);
      const comma = b.indexOf(44);
      w.add(b, 0, comma, comma + 1, b.length, values, ++lines);
    }
  }
  return { part: w.done(), problems: [], fatal: null, lines, empties: noEmptyCells() };
}
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `P${from + i}`);

describe('ids that ascend through the file (io/id-order.ts), ranges read by two workers in turn', () => {
  const check = (a: ReturnType<typeof rangedPart>, b: ReturnType<typeof rangedPart>) =>
    assemble([a, b], [1, 1], 'households.csv', () => undefined).readAgain;

  it('believes the order where every range ascends and each ends before the next begins: no hashes grouped', () => {
    // P9 before P10 (shorter first); worker A read ranges 0 and 2, worker B range 1
    const a = rangedPart([
      [0, ids(0, 10)],
      [2, ids(20, 3000)],
    ]);
    const b = rangedPart([[1, ids(10, 20)]]);
    expect(a.part.ranges.map((r) => r.pid !== null)).toEqual([true, true]);
    expect([a.part.pidBuckets.length, a.part.hidBuckets.length]).toEqual([0, 0]); // not grouped: never asked for
    expect(check(a, b)).toBe(false);
  });

  it('checks the hashes where the ends overlap or a range does not ascend, and finds an id repeated', () => {
    const a = (third: readonly string[]) =>
      rangedPart([
        [0, ids(0, 10)],
        [2, third],
      ]);
    // range 1 ends with P20, range 2 begins with it
    expect(check(a(ids(20, 3000)), rangedPart([[1, [...ids(10, 19), 'P20']]]))).toBe(true);
    // range 1 ends after range 2 begins, no id repeated
    expect(check(a(ids(20, 3000)), rangedPart([[1, [...ids(10, 19), 'P3500']]]))).toBe(false);
    // range 2 does not ascend (P17 after P2999: a repeat; P4000 after P5000: none)
    expect(check(a([...ids(20, 3000), 'P17']), rangedPart([[1, ids(10, 20)]]))).toBe(true);
    expect(check(a([...ids(20, 3000), 'P5000', 'P4000']), rangedPart([[1, ids(10, 20)]]))).toBe(false);
  });
});
