// A households file read by several worker threads, each one byte range of whole records (read-worker.ts),
// joined into one Population by assemble.ts. Same population, same problems, same words as reading it on one
// thread (test/io/parallel.test.ts). Ranges are cut at line ends (between households where it can), which is
// safe only when no field is quoted (a quoted field may hold a line end): a file with a quote anywhere is read
// on one thread instead.
//
// Totals only (simulate without --per-household): each worker also evaluates its own households — its
// segments, runs of adjacent rows with one id — while this thread checks the whole file. When assemble finds
// that no household has rows in two segments, those are the file's households and the workers' partial totals,
// merged exactly, are the totals; no population is built. Otherwise (rows of a household apart) the population
// is built and evaluated as usual.
import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { Totals, type PlainTotals } from '../core/aggregate.js';
import type { Population } from '../core/population.js';
import type { Run } from '../core/simulate.js';
import { assemble, failWith, type ParsedPart } from './assemble.js';
import { plainRuns } from './eval-pool.js';
import { FastReader } from './fast-csv.js';
import { COMMA, hasBom, LF, QUOTE } from './fast-fields.js';
import type { ReadOptions } from './households-csv.js';
import type { RangeJob, RangeMessage } from './read-worker.js';
import { workerUrl } from './workers.js';

/** Below this size one thread is quicker than starting workers. */
export const PARALLEL_FROM_BYTES = 8 << 20;

/**
 * Reads the file with `threads` workers; null when it cannot be split safely (a quote in the file, an
 * empty or odd first line): then read it on one thread.
 */
export async function readParallel(file: string, totalBytes: number, threads: number, opts: ReadOptions = {}): Promise<Population | null> {
  const read = await readRanges(file, totalBytes, threads, opts, null);
  return read && read.population();
}

/**
 * The runs' totals over the file, read and evaluated by `threads` workers (see the top of this file); null
 * when the file cannot be split safely. `population` when the households could not be evaluated where they were read.
 * The workers start reading while the runs are still being loaded; when loading them fails, that is the error.
 */
export async function simulateParallelRead(
  file: string,
  totalBytes: number,
  threads: number,
  runs: Promise<readonly Run[]>,
  opts: ReadOptions = {},
): Promise<{ totals: Totals[] } | { population: Population } | null> {
  const read = await readRanges(file, totalBytes, threads, opts, runs);
  if (!read) return null;
  const totals = await read.totals();
  return totals ? { totals } : { population: read.population() };
}

interface Ranges {
  population(): Population;
  /** The workers' totals, or null when the file's households are not its segments. */
  totals(): Promise<Totals[] | null>;
}

async function readRanges(
  file: string,
  totalBytes: number,
  threads: number,
  opts: ReadOptions,
  loading: Promise<readonly Run[]> | null,
): Promise<Ranges | null> {
  const split = splitFile(file, totalBytes, threads);
  if (!split) {
    await loading; // its error first
    return null;
  }
  const { starts, header, columnOf } = split;
  const bytes = new Array<number>(starts.length - 1).fill(0);
  const rows = new Array<number>(starts.length - 1).fill(0);
  const workers = starts.slice(0, -1).map(
    (start, w) =>
      new RangeWorker({ file, header, start, end: starts[w + 1]!, evaluate: loading !== null }, (m) => {
        bytes[w]! += m.bytes;
        rows[w] = m.rows;
        opts.onProgress?.({ bytes: starts[0]! + sum(bytes), totalBytes, rows: sum(rows) });
      }),
  );
  const stop = () => workers.forEach((w) => w.stop());
  try {
    // The runs, once loaded, go to the workers (still reading); an error loading them stops the workers and is the error.
    const runs = loading && (await loading);
    if (runs) for (const w of workers) w.evaluate(plainRuns(runs));
    const results = await Promise.all(workers.map((w) => w.parsed));
    if (results.some((r) => r.quotes)) {
      stop();
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
      population: () => {
        stop();
        return done.population();
      },
      totals: async () => {
        if (!runs || done.joined) return null;
        const parts = await Promise.all(workers.map((w) => w.totals));
        const totals = runs.map(() => new Totals());
        for (const part of parts) part.forEach((p, i) => totals[i]!.merge(Totals.of(p)));
        return totals;
      },
    };
  } catch (e) {
    stop();
    throw e;
  }
}

/** One reading worker: its part, then (when given runs) the totals of its segments as households. */
class RangeWorker {
  readonly parsed: Promise<{ parsed: ParsedPart; quotes: boolean }>;
  readonly totals: Promise<PlainTotals[]>;
  private readonly worker: Worker;

  constructor(job: RangeJob, onProgress: (m: { bytes: number; rows: number }) => void) {
    this.worker = new Worker(workerUrl('io/read-worker.js'), { workerData: job });
    let parsed!: (v: { parsed: ParsedPart; quotes: boolean }) => void;
    let totals!: (v: PlainTotals[]) => void;
    let fail!: (e: Error) => void;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => undefined); // seen through the two promises below
    this.parsed = Promise.race([new Promise<{ parsed: ParsedPart; quotes: boolean }>((r) => (parsed = r)), failed]);
    this.totals = Promise.race([new Promise<PlainTotals[]>((r) => (totals = r)), failed]);
    // Either may be left unawaited (the reading ends early: a problem, or an error loading the runs).
    this.parsed.catch(() => undefined);
    this.totals.catch(() => undefined);
    this.worker.on('message', (m: RangeMessage) => {
      if (m.kind === 'progress') onProgress(m);
      else if (m.kind === 'parsed') parsed({ parsed: m.parsed, quotes: m.quotes });
      else if (m.kind === 'totals') totals(m.totals);
      else fail(new Error(`a reading worker failed: ${m.error}`));
    });
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`a reading worker stopped (exit code ${code})`))); // no effect once settled
  }

  /** The runs to evaluate the worker's segments with, once it has read them (job.evaluate). */
  evaluate(runs: readonly Run[]): void {
    this.worker.postMessage(runs);
  }

  stop(): void {
    void this.worker.terminate();
  }
}

/** Where each worker's range starts (at line starts after the header), the header, and its column numbers. */
function splitFile(file: string, totalBytes: number, threads: number) {
  const fd = openSync(file, 'r');
  try {
    const head = readAt(fd, 0, Math.min(totalBytes, 1 << 20));
    const skip = hasBom(head) ? 3 : 0;
    const lf = head.indexOf(LF, skip);
    if (lf < 0 || head.subarray(skip, lf).indexOf(QUOTE) >= 0 || lf - skip <= 1) return null;
    const reader = new FastReader(file);
    reader.records(head.subarray(skip, lf + 1), lf + 1 - skip); // the header (a bad one throws, as on one thread)
    const dataStart = lf + 1;
    if (dataStart >= totalBytes) return null;
    const starts = [dataStart];
    const hidField = reader.columnOf('household_id')! - 1;
    for (let w = 1; w < threads; w++) {
      const at = householdStartAfter(fd, dataStart + Math.floor(((totalBytes - dataStart) * w) / threads), totalBytes, hidField);
      if (at > starts.at(-1)! && at < totalBytes) starts.push(at);
    }
    starts.push(totalBytes);
    return { starts, header: reader.names!, columnOf: reader.columnOf };
  } finally {
    closeSync(fd);
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function readAt(fd: number, at: number, n: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  return b.subarray(0, readSync(fd, b, 0, n, at));
}

/** The first byte after the first line end at or after `at - 1` (so a line starting at `at` starts there). */
function lineStartAfter(fd: number, at: number, size: number): number {
  for (let from = at - 1; from < size; from += 1 << 16) {
    const lf = readAt(fd, from, 1 << 16).indexOf(LF);
    if (lf >= 0) return from + lf + 1;
  }
  return size;
}

/**
 * Where to cut near `at`: the start of the first line, from the line start after `at` on, whose household id
 * differs from that line's, so that a household whose rows are adjacent lies in one range and the reading
 * workers can evaluate it (see the top of this file). Looks 1 MB ahead at most, then cuts at the line.
 */
function householdStartAfter(fd: number, at: number, size: number, hidField: number): number {
  const first = lineStartAfter(fd, at, size);
  const b = readAt(fd, first, Math.min(1 << 20, size - first));
  const hid = (s: number, e: number) => {
    let f = 0;
    for (let i = s; i < e && f < hidField; i++)
      if (b[i] === COMMA) {
        f++;
        s = i + 1;
      }
    let end = s;
    while (end < e && b[end] !== COMMA) end++;
    return b.toString('latin1', s, end).trim();
  };
  const lineEnd = (s: number) => b.indexOf(LF, s);
  let e = lineEnd(0);
  if (e < 0) return first;
  const id = hid(0, e);
  for (let s = e + 1; (e = lineEnd(s)) >= 0; s = e + 1) if (hid(s, e) !== id) return first + s;
  return first;
}
