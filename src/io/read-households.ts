// Opens a households file and reads it with the fast reader (fast-csv.ts; split over worker threads by
// parallel-read.ts when the file is big), or with the csv-parse reference reader when JIUZHU_CSV_READER=reference
// (the readers are tested against each other). JIUZHU_THREADS=1 keeps everything on the main thread.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Population } from '../core/population.js';
import { UsageError } from '../errors.js';
import { parseHouseholdsFast, type StreamOptions } from './fast-csv.js';
import { parseHouseholds, type ReadOptions } from './households-csv.js';
import { PARALLEL_FROM_BYTES, readParallel } from './parallel-read.js';
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

/** Reads a whole households file: on worker threads when it is big and there are cores, else on this thread. */
export async function readHouseholds(path: string, opts: ReadOptions = {}): Promise<Population> {
  const totalBytes = await sizeOf(path);
  if (process.env.JIUZHU_CSV_READER === 'reference') return parseHouseholds(createReadStream(path, { highWaterMark: 1 << 20 }), path, totalBytes, opts);
  const threads = threadCount();
  const parallel = threads > 1 && totalBytes >= Number(process.env.JIUZHU_PARALLEL_FROM_BYTES ?? PARALLEL_FROM_BYTES)
    ? await readParallel(path, totalBytes, threads, opts) : null;
  return parallel ?? parseHouseholdsFast(createReadStream(path, { highWaterMark: 1 << 20 }), path, totalBytes, opts);
}
