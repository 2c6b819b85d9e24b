// A households file read by the pool's workers, each one byte range of whole records (io/ranges.ts), joined into one
// Population by io/assemble.ts. Same population, same problems, same words as reading it on one thread
// (test/engine/parallel.test.ts).
//
// Totals only (simulate without --per-household): each worker also evaluates its own households — its segments, runs
// of adjacent rows with one id — while this thread checks the whole file. When assemble finds that no household has
// rows in two segments, those are the file's households and the workers' partial totals, merged exactly, are the
// totals; no population is built. Otherwise (rows of a household apart) the population is built and evaluated as usual.
import { Totals, type PlainTotals } from '../core/aggregate.js';
import type { Population } from '../core/population.js';
import type { ReadProgress } from '../core/progress.js';
import type { Run } from '../core/simulate.js';
import { assemble, failWith } from '../io/assemble.js';
import { splitFile } from '../io/ranges.js';
import { plainRuns } from './parallel.js';
import type { Pool } from './pool.js';
import type { ReadResult } from './worker.js';

export interface ReadOptions {
  readonly onProgress?: (p: ReadProgress) => void;
}

/** The file read by the pool's workers; null when it cannot be split safely (read it on one thread then). */
export async function readParallel(pool: Pool, file: string, totalBytes: number, opts: ReadOptions = {}): Promise<Population | null> {
  const read = await readRanges(pool, file, totalBytes, opts, null);
  return read && read.population();
}

/**
 * The runs' totals over the file, read and evaluated by the pool's workers (see the top of this file); null when the
 * file cannot be split safely; `population` when the households could not be evaluated where they were read. The
 * workers start reading while the runs are still being loaded; when loading them fails, that is the error.
 */
export async function simulateParallelRead(
  pool: Pool,
  file: string,
  totalBytes: number,
  runs: Promise<readonly Run[]>,
  opts: ReadOptions = {},
): Promise<{ totals: Totals[] } | { population: Population } | null> {
  const read = await readRanges(pool, file, totalBytes, opts, runs);
  if (!read) return null;
  const totals = await read.totals();
  return totals ? { totals } : { population: read.population() };
}

interface Read {
  population(): Population;
  /** The workers' totals, or null when the file's households are not its segments. */
  totals(): Promise<Totals[] | null>;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function readRanges(
  pool: Pool,
  file: string,
  totalBytes: number,
  opts: ReadOptions,
  loading: Promise<readonly Run[]> | null,
): Promise<Read | null> {
  const split = splitFile(file, totalBytes, pool.size);
  if (!split) {
    await loading; // its error first
    return null;
  }
  const { starts, header, columnOf } = split;
  const n = starts.length - 1;
  const bytes = new Array<number>(n).fill(0);
  const rows = new Array<number>(n).fill(0);
  const keep = loading !== null;
  const reads = Array.from({ length: n }, (_, w) =>
    pool.run<ReadResult>(w, { kind: 'read', file, header, start: starts[w]!, end: starts[w + 1]!, keep: keep ? w : null }, [], (p) => {
      const m = p as { bytes: number; rows: number };
      bytes[w]! += m.bytes;
      rows[w] = m.rows;
      opts.onProgress?.({ bytes: starts[0]! + sum(bytes), totalBytes, rows: sum(rows) });
    }),
  );
  const drop = () => {
    if (keep) for (let w = 0; w < n; w++) pool.run(w, { kind: 'drop-part', part: w }).catch(() => undefined);
  };
  for (const r of reads) r.catch(() => undefined); // awaited below; an error loading the runs may come first
  // The runs, once loaded, go to the workers (still reading: each evaluates its part right after reading it).
  const runs =
    loading &&
    (await loading.catch(async (e: unknown) => {
      drop();
      throw e;
    }));
  const evaluated = runs
    ? Array.from({ length: n }, (_, w) => pool.run<PlainTotals[]>(w, { kind: 'evaluate-part', part: w, runs: plainRuns(runs) }))
    : [];
  for (const e of evaluated) e.catch(() => undefined);
  const results = await Promise.all(reads);
  if (results.some((r) => r.quotes)) {
    drop();
    return null;
  }
  const parsed = results.map((r) => r.parsed);
  // Part 0 starts on line 2 (after the header line); each next one as many lines further as the last one held.
  const firstLines = [2];
  for (const p of parsed.slice(0, -1)) firstLines.push(firstLines.at(-1)! + p.lines);
  const done = assemble(parsed, firstLines, file, columnOf);
  if (done.problems.length) failWith(done.problems);
  opts.onProgress?.({ bytes: totalBytes, totalBytes, rows: sum(parsed.map((p) => p.part.rows)) });
  return {
    population: () => done.population(),
    totals: async () => {
      if (!runs || done.joined) return null;
      const parts = await Promise.all(evaluated);
      const totals = runs.map(() => new Totals());
      for (const part of parts) part.forEach((p, i) => totals[i]!.merge(Totals.of(p)));
      return totals;
    },
  };
}
