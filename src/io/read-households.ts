// Opens a households file and reads it with the fast reader (fast-csv.ts; split over worker threads by
// parallel-read.ts when the file is big), or with the csv-parse reference reader when JIUZHU_CSV_READER=reference
// (the readers are tested against each other). JIUZHU_THREADS=1 keeps everything on the main thread.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Totals } from '../core/aggregate.js';
import type { Population } from '../core/population.js';
import type { Run } from '../core/simulate.js';
import { UsageError } from '../errors.js';
import { simulateParallel } from './eval-pool.js';
import { parseHouseholdsFast, type StreamOptions } from './fast-csv.js';
import { parseHouseholds, type ReadOptions } from './households-csv.js';
import { PARALLEL_FROM_BYTES, readParallel, simulateParallelRead } from './parallel-read.js';
import { threadCount } from './workers.js';

/** Reads the file in chunks of households, each handed to `stream.onChunk` and then dropped (bounded memory). */
export async function streamHouseholds(path: string, opts: ReadOptions, stream: StreamOptions): Promise<void> {
  const totalBytes = await sizeOf(path);
  await parseHouseholdsFast(createReadStream(path, { highWaterMark: 1 << 20 }), path, totalBytes, opts, stream);
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the households file ${path}${code === 'ENOENT' ? ': no such file' : `: ${code}`}`);
  }
}

/** Worker threads to read a file of this size with (1: on this thread). */
function readingThreads(totalBytes: number): number {
  if (process.env.JIUZHU_CSV_READER === 'reference') return 1;
  const threads = threadCount();
  return threads > 1 && totalBytes >= Number(process.env.JIUZHU_PARALLEL_FROM_BYTES ?? PARALLEL_FROM_BYTES) ? threads : 1;
}

/** Reads a file on this thread, with the reference reader when JIUZHU_CSV_READER=reference. */
function readHere(path: string, totalBytes: number, opts: ReadOptions): Promise<Population> {
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  return process.env.JIUZHU_CSV_READER === 'reference'
    ? parseHouseholds(input, path, totalBytes, opts)
    : parseHouseholdsFast(input, path, totalBytes, opts);
}

/** Reads a whole households file: on worker threads when it is big and there are cores, else on this thread. */
export async function readHouseholds(path: string, opts: ReadOptions = {}): Promise<Population> {
  const totalBytes = await sizeOf(path);
  const threads = readingThreads(totalBytes);
  return (threads > 1 ? await readParallel(path, totalBytes, threads, opts) : null) ?? readHere(path, totalBytes, opts);
}

/**
 * Totals of every run over a households file. A big file is read and evaluated by the same worker threads
 * (parallel-read.ts), which start reading while the runs load; otherwise it is read once the runs are loaded,
 * then evaluated on worker threads when that pays (eval-pool.ts). The totals are the same, exactly, either way.
 * An error loading the runs comes before any in the file.
 */
export async function simulateFile(path: string, loading: Promise<readonly Run[]>, opts: ReadOptions = {}): Promise<Totals[]> {
  const totalBytes = await sizeOf(path).catch(async (e: unknown) => {
    await loading;
    throw e;
  });
  const threads = readingThreads(totalBytes);
  const read = threads > 1 ? await simulateParallelRead(path, totalBytes, threads, loading, opts) : null;
  if (read && 'totals' in read) return read.totals;
  const runs = await loading;
  return simulateParallel(read?.population ?? (await readHere(path, totalBytes, opts)), runs);
}
