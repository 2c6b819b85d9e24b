// A households file read by several worker threads, each one byte range of whole records (read-worker.ts),
// joined into one Population by assemble.ts. Same population, same problems, same words as reading it on one
// thread (test/io/parallel-read.test.ts). Ranges are cut at line ends, which is safe only when no field is
// quoted (a quoted field may hold a line end): a file with a quote anywhere is read on one thread instead.
import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Population } from '../core/population.js';
import { assemble, failWith, type ParsedPart } from './assemble.js';
import { FastReader } from './fast-csv.js';
import { hasBom, LF, QUOTE } from './fast-fields.js';
import type { ReadOptions } from './households-csv.js';
import type { RangeJob } from './read-worker.js';
import { workerUrl } from './workers.js';

/** Below this size one thread is quicker than starting workers. */
export const PARALLEL_FROM_BYTES = 8 << 20;

/**
 * Reads the file with `threads` workers; null when it cannot be split safely (a quote in the file, an
 * empty or odd first line): then read it on one thread.
 */
export async function readParallel(file: string, totalBytes: number, threads: number, opts: ReadOptions = {}): Promise<Population | null> {
  const fd = openSync(file, 'r');
  let starts: number[];
  let header: readonly string[];
  let columnOf: (c: string) => number | undefined;
  try {
    const head = readAt(fd, 0, Math.min(totalBytes, 1 << 20));
    const skip = hasBom(head) ? 3 : 0;
    const lf = head.indexOf(LF, skip);
    if (lf < 0 || head.subarray(skip, lf).indexOf(QUOTE) >= 0 || lf - skip <= 1) return null;
    const reader = new FastReader(file);
    reader.records(head.subarray(skip, lf + 1), lf + 1 - skip); // the header (a bad one throws, as on one thread)
    header = reader.names!;
    columnOf = reader.columnOf;
    const dataStart = lf + 1;
    if (dataStart >= totalBytes) return null;
    starts = [dataStart];
    for (let w = 1; w < threads; w++) {
      const at = lineStartAfter(fd, dataStart + Math.floor(((totalBytes - dataStart) * w) / threads), totalBytes);
      if (at > starts.at(-1)! && at < totalBytes) starts.push(at);
    }
    starts.push(totalBytes);
  } finally {
    closeSync(fd);
  }

  const bytes = new Array<number>(starts.length - 1).fill(0);
  const rows = new Array<number>(starts.length - 1).fill(0);
  const results = await Promise.all(starts.slice(0, -1).map((start, w) => new Promise<{ parsed: ParsedPart; quotes: boolean }>((resolve, reject) => {
    const job: RangeJob = { file, header, start, end: starts[w + 1]! };
    const worker = new Worker(workerUrl('io/read-worker.js'), { workerData: job });
    worker.on('message', (m: { bytes?: number; rows: number; parsed?: ParsedPart; quotes?: boolean }) => {
      if (m.parsed) return resolve({ parsed: m.parsed, quotes: m.quotes! });
      bytes[w]! += m.bytes!;
      rows[w] = m.rows;
      opts.onProgress?.({ bytes: starts[0]! + sum(bytes), totalBytes, rows: sum(rows) });
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code ? reject(new Error(`a reading worker stopped with exit code ${code}`)) : undefined));
  })));
  if (results.some((r) => r.quotes)) return null;
  const parsed = results.map((r) => r.parsed);
  // Part 0 starts on line 2 (after the header line); each next one as many lines further as the last one held.
  const firstLines = [2];
  for (const p of parsed.slice(0, -1)) firstLines.push(firstLines.at(-1)! + p.lines);
  const done = assemble(parsed, firstLines, file, columnOf);
  if (!done.population) failWith(done.problems);
  opts.onProgress?.({ bytes: totalBytes, totalBytes, rows: done.population.personCount });
  return done.population;
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
