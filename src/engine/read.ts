// A households file read by the pool's workers in byte ranges of whole records (io/ranges.ts), joined into one
// Population by io/assemble.ts. Same population, same problems, same words as reading it on one thread
// (test/engine/parallel.test.ts). Evaluating as they read, the workers claim a big file's ranges as they go
// (engine/worker.ts: test/engine/claimed-ranges.test.ts); reading a population, one range each.
//
// Totals only (simulate without a row per household): each worker also evaluates its own households —
// its segments, runs of adjacent rows with one id — a window at a time as it reads them once the runs are loaded
// (io/part.ts WindowSink; what it read before, it evaluates then), and this thread checks the ids over the whole file.
// When assemble finds that no household has rows in two segments, those are the file's households and the workers'
// partial totals, merged exactly, are the totals; no population is built. Otherwise (rows of a household apart, or a
// problem) the file is read again keeping the values, and the population is built and evaluated as usual.
import { Totals, type PlainTotals } from '../core/aggregate.js';
import type { Population } from '../core/population.js';
import type { ReadProgress } from '../core/progress.js';
import type { Run } from '../core/simulate.js';
import { assemble, failWith } from '../io/assemble.js';
import { noteEmptyCells, refuseSomeWeightsEmpty, someWeightsEmpty, sumEmpties } from '../io/empty-cells.js';
import { noteApart } from '../io/apart-rows.js';
import { plainRuns } from './parallel.js';
import type { Pool } from './pool.js';
import { startReads, sum, takeAhead } from './read-ahead.js';

export interface ReadOptions {
  readonly onProgress?: (p: ReadProgress) => void;
  readonly onNote?: (note: string, how?: 'how') => void;
  /** The smallest byte range the workers claim (io/ranges.ts LEAST_RANGE; a test's smaller file in many ranges). */
  readonly least?: number;
}

/** The file read by the pool's workers; null when it cannot be split safely (read it on one thread then). */
export async function readParallel(pool: Pool, file: string, totalBytes: number, opts: ReadOptions = {}): Promise<Population | null> {
  const read = await readRanges(pool, file, totalBytes, opts, null);
  // (without runs the parts keep their values: never READ_AGAIN)
  return read && read !== READ_AGAIN ? read.population() : null;
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
  if (read === READ_AGAIN) {
    // The workers evaluated their households as they read them, and the file needs more (assemble.ts readAgain).
    const population = await readParallel(pool, file, totalBytes, opts);
    return population && { population };
  }
  if (!read) return null;
  const totals = await read.totals();
  return totals ? { totals } : { population: read.population() };
}

interface Read {
  population(): Population;
  /** The workers' totals, or null when the file's households are not its segments. */
  totals(): Promise<Totals[] | null>;
}

const READ_AGAIN = 'read again';

async function readRanges(
  pool: Pool,
  file: string,
  totalBytes: number,
  opts: ReadOptions,
  loading: Promise<readonly Run[]> | null,
): Promise<Read | typeof READ_AGAIN | null> {
  const keep = loading !== null;
  const started = takeAhead(pool, file, totalBytes, keep) ?? startReads(pool, file, totalBytes, keep, opts.least);
  if (!started) {
    await loading; // its error first
    return null;
  }
  started.listen(opts.onProgress);
  const { columnOf, jobs: reads, keys, channels, drop } = started;
  const n = keys.length; // (one read job per worker: each reads its first range, then claims more)
  // The runs, once loaded, go to the workers (still reading: each evaluates what it has read, then the rest as it reads
  // it; a worker that has finished reading evaluates its part on the evaluate-part job).
  // (A worker closes its channel when it has read its range.)
  const runs =
    loading &&
    (await loading.catch(async (e: unknown) => {
      drop();
      for (const c of channels) c.port1.close();
      throw e;
    }));
  const plain = runs && plainRuns(runs);
  for (const c of channels) if (plain) c.port1.postMessage(plain);
  const evaluated = plain
    ? Array.from({ length: n }, (_, w) => pool.run<PlainTotals[]>(w, { kind: 'evaluate-part', part: keys[w]!, runs: plain }))
    : [];
  for (const e of evaluated) e.catch(() => undefined);
  const results = await Promise.all(reads);
  if (results.some((r) => r.quotes)) {
    drop();
    return null;
  }
  // (the parts in file order: each worker's by the first range each holds)
  const parsed = results
    .flatMap((r) => r.parts)
    .sort((a, b) => a.index - b.index)
    .map((p) => p.parsed);
  // Part 0 starts on line 2 (after the header line); each next one as many lines further as the last one held.
  const firstLines = [2];
  for (const p of parsed.slice(0, -1)) firstLines.push(firstLines.at(-1)! + p.lines);
  const done = assemble(parsed, firstLines, file, columnOf);
  if (done.readAgain) {
    drop();
    return READ_AGAIN;
  }
  if (done.problems.length) failWith(done.problems);
  const empties = sumEmpties(
    parsed.map((p) => p.empties),
    firstLines.map((l) => l - 1),
  );
  const rows = sum(parsed.map((p) => p.part.rows));
  // (its line is a part's: parts evaluated as they were read span several ranges — read again keeping them, as a problem is)
  if (someWeightsEmpty(empties, rows) && !parsed.every((p) => p.part.values)) {
    drop();
    return READ_AGAIN;
  }
  refuseSomeWeightsEmpty(empties, rows, file);
  noteEmptyCells(empties, file, opts);
  noteApart(done.apart, file, opts);
  opts.onProgress?.({ bytes: totalBytes, totalBytes, rows });
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
