// A big households file is cut into more byte ranges than there are workers (io/ranges.ts cuts): each worker reads one
// of the first, then claims the next one left (engine/worker.ts), so that one that falls behind reads fewer. Whatever
// ranges each read, the population, the totals and the problems are one thread's; and the ids' order (part.ts
// RangeIds), which spares the check of repeated ids, is believed only where it holds across every range's ends.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { figures, type Totals } from '../../src/core/aggregate.js';
import { simulate } from '../../src/core/simulate.js';
import { readParallel, simulateParallelRead } from '../../src/engine/read.js';
import { startReads } from '../../src/engine/read-ahead.js';
import { parseHouseholdsFast } from '../../src/io/fast-read.js';
import { cuts, splitFile } from '../../src/io/ranges.js';
import { tempFiles, twoLocalityRuns, withThreads } from '../helpers/exec.js';
import { problemsOf } from '../helpers/problems.js';

const file = tempFiles('jiuzhu-claimed-');
/** Small ranges: the ~3.4 MB file in a dozen or more. */
const LEAST = 1 << 16;
const HEADER = 'household_id,person_id,age,area,wage_income,other_income,weight';
/** Households H00001…, two persons each (H00001-1, H00001-2): ids ascend, shorter first then by bytes. */
const rows = (households: number) =>
  Array.from({ length: households }, (_, i) => {
    const h = `H${String(i + 1).padStart(5, '0')}`;
    const area = i % 3 ? 'urban' : 'rural';
    return [
      `${h},${h}-1,${30 + (i % 40)},${area},${(i * 37) % 3000}.00,${i % 500}.50,1.5`,
      `${h},${h}-2,${i % 17},${area},0,${(i * 11) % 400}.00,1.5`,
    ];
  }).flat();
const text = (lines: readonly string[]) => [HEADER, ...lines].join('\n') + '\n';
const ROWS = rows(36_000);

const runsOf = twoLocalityRuns;
const oneThread = async (f: string, runs: Awaited<ReturnType<typeof runsOf>>) =>
  JSON.stringify(simulate(await parseHouseholdsFast(Readable.from([readFileSync(f)]), f), runs).map(figures));
const totalsOf = (r: unknown) => JSON.stringify((r as { totals: Totals[] }).totals.map(figures));

describe('cuts', () => {
  it('cuts a small file into one equal range per worker, a big one into ranges that shrink to the least', () => {
    expect(cuts(1000, 4, 100)).toEqual([250, 500, 750]);
    const size = 129_000_000;
    const at = cuts(size, 2);
    const lengths = [...at, size].map((c, i) => c - (at[i - 1] ?? 0));
    expect(lengths[0]).toBe(size / 4); // each a 2 × workers-th of what is left
    expect(lengths[1]).toBe(Math.floor((size - size / 4) / 4));
    for (let i = 1; i < lengths.length - 1; i++) expect(lengths[i]!).toBeLessThanOrEqual(lengths[i - 1]!);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(1 << 20);
    expect(lengths.at(-1)!).toBeLessThan(2 << 20); // the last ones the least (the rest, under two)
    expect(lengths.length).toBeGreaterThan(10);
  });
});

describe('ranges claimed by the workers', () => {
  it('reads every range once, more of them than workers, each in one part, and gives one thread’s population', async () => {
    const t = text(ROWS);
    const f = file(t);
    const one = JSON.stringify(await parseHouseholdsFast(Readable.from([t]), f), (_, v) =>
      ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
    );
    for (const threads of [2, 3]) {
      const { result } = await withThreads(threads, async (exec) => {
        const reads = startReads(exec.pool()!, f, t.length, false, LEAST)!;
        const results = await Promise.all(reads.jobs);
        reads.drop();
        return { ranges: reads.starts.length - 1, read: results.map((r) => r.parts.map((p) => p.index)) };
      });
      expect(result.ranges).toBeGreaterThan(3 * threads);
      expect(result.read.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: result.ranges }, (_, i) => i));
      expect(result.read.every((w) => w.length > 0)).toBe(true); // each worker read its first range at least
      const { result: pop } = await withThreads(threads, (exec) => readParallel(exec.pool()!, f, t.length, { least: LEAST }));
      expect(JSON.stringify(pop, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))).toBe(one);
    }
  });

  it('evaluates the households as they are read, over many ranges, as one thread does: the runs given at once or late', async () => {
    const runs = await runsOf();
    const t = text(ROWS);
    const f = file(t);
    const one = await oneThread(f, runs);
    for (const threads of [2, 3]) {
      const { result } = await withThreads(threads, (exec) =>
        simulateParallelRead(exec.pool()!, f, t.length, Promise.resolve(runs), { least: LEAST }),
      );
      expect(totalsOf(result)).toBe(one);
    }
    // The runs only once every worker has finished reading: each kept every range it read, with its values, apart.
    const { result } = await withThreads(2, (exec) => {
      const pool = exec.pool()!;
      const late = new Promise<typeof runs>((done) => {
        const poll = setInterval(() => pool.jobsDone.every((k) => k > 0) && (clearInterval(poll), done(runs)), 5);
      });
      return simulateParallelRead(pool, f, t.length, late, { least: LEAST });
    });
    expect(totalsOf(result)).toBe(one);
  });

  it('finds a person id repeated across the ends of two ranges, where every other id ascends: one thread’s problem', async () => {
    // The first row of a range (a household's first) given the person id of the row before it, the last of the range
    // before: each range's ids still ascend, their ends do not.
    const t = text(ROWS);
    const { starts } = splitFile(file(t), t.length, 2, LEAST)!;
    const lineAt = (byte: number) => t.slice(0, byte).split('\n').length - 2; // (index in ROWS)
    for (const k of [3, starts.length - 3]) {
      const at = lineAt(starts[k]!);
      const dup = [...ROWS];
      dup[at] = dup[at]!.replace(/^([^,]+),([^,]+),/, (_, h: string) => `${h},${ROWS[at - 1]!.split(',')[1]},`);
      const bad = text(dup);
      const f = file(bad);
      expect(splitFile(f, bad.length, 2, LEAST)!.starts[k]).toBe(starts[k]); // (the same cut)
      const reference = await problemsOf(() => parseHouseholdsFast(Readable.from([bad]), f));
      expect(reference).toHaveLength(1);
      expect(reference[0]).toContain('person_id');
      const runs = await runsOf();
      const got = await problemsOf(() =>
        withThreads(2, (exec) => simulateParallelRead(exec.pool()!, f, bad.length, Promise.resolve(runs), { least: LEAST })),
      );
      expect(got).toEqual(reference);
    }
  });

  // (a weight empty where others are given is refused at its line: a part evaluated as it was read spans several
  // ranges, its lines not the file's — read again keeping them, the line is one thread's)
  it('refuses a weight empty where the others are given at one thread’s line, the row deep in a later range', async () => {
    const t = text(ROWS);
    const { starts } = splitFile(file(t), t.length, 2, LEAST)!;
    const near = t.slice(0, starts.at(-2)!).split('\n').length + 5; // (an index in ROWS: rows of the last ranges)
    const at = near - (near % 2); // (a household's first row)
    const holed = [...ROWS];
    for (const i of [at, at + 1]) holed[i] = holed[i]!.replace(/,1\.5$/, ',');
    expect(holed[at]!.split(',')[0]).toBe(holed[at + 1]!.split(',')[0]); // (one household's two rows)
    const bad = text(holed);
    const f = file(bad);
    const reference = await problemsOf(() => parseHouseholdsFast(Readable.from([bad]), f));
    expect(reference).toEqual([
      `${f}:${at + 2}: weight is empty on 2 rows where the other ${(ROWS.length - 2).toLocaleString('en')} give one: an empty weight would read as 1 (a household that stands for one), whatever the others' rows stand for`,
    ]);
    const runs = await runsOf();
    const got = await problemsOf(() =>
      withThreads(2, (exec) => simulateParallelRead(exec.pool()!, f, bad.length, Promise.resolve(runs), { least: LEAST })),
    );
    expect(got).toEqual(reference);
  });

  it('gives one thread’s totals where the ids do not ascend (P9 after P10: by bytes, not shorter first)', async () => {
    const runs = await runsOf();
    // Households numbered without padding: H10 before H9 is byte order, not shortlex; the ids check hashes then.
    const lines = ROWS.map((r) => r.replace(/H0*(\d+)/g, 'H$1'));
    lines.sort((a, b) => (a.split(',')[1]! < b.split(',')[1]! ? -1 : 1));
    const t = text(lines);
    const f = file(t);
    const one = await oneThread(f, runs);
    const { result } = await withThreads(2, (exec) =>
      simulateParallelRead(exec.pool()!, f, t.length, Promise.resolve(runs), { least: LEAST }),
    );
    expect(totalsOf(result)).toBe(one);
  });
});
