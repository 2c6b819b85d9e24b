// Opens a households file and reads it with the fast reader (fast-csv.ts), or with the csv-parse reference
// reader when JIUZHU_CSV_READER=reference (the two are tested against each other).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Population } from '../core/population.js';
import { UsageError } from '../errors.js';
import { parseHouseholdsFast, type StreamOptions } from './fast-csv.js';
import { parseHouseholds, type ReadOptions } from './households-csv.js';

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

export async function readHouseholds(path: string, opts: ReadOptions = {}): Promise<Population> {
  const totalBytes = await sizeOf(path);
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  return process.env.JIUZHU_CSV_READER === 'reference' ? parseHouseholds(input, path, totalBytes, opts) : parseHouseholdsFast(input, path, totalBytes, opts);
}
