// Reading a whole households file with the fast reader on this thread: the byte stream is fed to a FastReader
// (fast-csv.ts) complete records at a time, and assemble.ts makes the Population — or, streaming, hands over each chunk
// of households as soon as it is complete. parallel reading (engine/read.ts) feeds byte ranges to workers' readers.
import type { Readable } from 'node:stream';
import { populationOf, type Population } from '../core/population.js';
import type { Problem } from '../errors.js';
import { assemble, failWith } from './assemble.js';
import { FastReader, type StreamOptions } from './fast-csv.js';
import { hasBom, lastRecordEnd, LF } from './fast-fields.js';
import { EMPTY_FILE, MAX_PROBLEMS } from './household-messages.js';
import type { ReadOptions } from './households-csv.js';

/**
 * Feeds a byte stream to a reader, complete records at a time (a record may span chunks, and lines within
 * quotes); drops a leading BOM at the file's start. Stops reading when the reader stops.
 */
export async function feed(
  input: AsyncIterable<Buffer | string> & { destroy?: () => void },
  reader: FastReader,
  onBytes?: (bytes: number) => void,
  afterChunk?: () => Promise<void>,
  fileStart = true,
): Promise<void> {
  let carry: Buffer | null = null;
  let first = fileStart;
  for await (const piece of input) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    onBytes?.(chunk.length);
    let b: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let boundary = lastRecordEnd(b);
    if (boundary < 0) {
      carry = b;
      continue;
    }
    if (first) {
      // The first complete record is in hand, so a BOM split across chunks is whole here.
      first = false;
      if (hasBom(b)) {
        b = b.subarray(3);
        boundary -= 3;
      }
    }
    reader.records(b, boundary + 1);
    await afterChunk?.();
    carry = boundary + 1 < b.length ? Buffer.from(b.subarray(boundary + 1)) : null;
    if (reader.stop) break;
  }
  input.destroy?.();
  if (carry && !reader.stop) {
    const rest: Buffer = first && hasBom(carry) ? carry.subarray(3) : carry;
    const b: Buffer = rest[rest.length - 1] === LF ? rest : Buffer.concat([rest, Buffer.from('\n')]);
    reader.records(b, b.length);
  }
}

/** Reads a whole households file on this thread (parallel-read.ts splits big files over workers). */
export async function parseHouseholdsFast(
  input: Readable,
  file: string,
  totalBytes = 0,
  opts: ReadOptions = {},
  stream?: StreamOptions,
): Promise<Population> {
  let bytes = 0;
  const progress = (rows: number) => opts.onProgress?.({ bytes, totalBytes, rows });
  const problems: Problem[] = [];
  const ready: Population[] = [];
  const reader: FastReader = new FastReader(file, {
    expectedRows: stream ? 1024 : Math.ceil(totalBytes / 90),
    onRows: progress,
    cut: stream && {
      households: stream.households,
      onPart: (p) => {
        const done = assemble([p], [1], file, reader.columnOf);
        problems.push(...done.problems);
        // After a problem nothing more is handed over (the run will fail); drop chunks so memory stays bounded.
        if (!problems.length) ready.push(done.population());
        else ready.length = 0;
        if (problems.length >= MAX_PROBLEMS) reader.stop = true;
      },
    },
  });
  await feed(
    input as AsyncIterable<Buffer>,
    reader,
    (n) => (bytes += n),
    stream &&
      (async () => {
        for (const chunk of ready.splice(0)) await stream.onChunk(chunk);
      }),
  );
  if (reader.names === null && !reader.problems.length && !problems.length) failWith([{ where: { file, line: 1 }, message: EMPTY_FILE }]);
  const last = assemble([reader.take()], [1], file, reader.columnOf);
  problems.push(...last.problems);
  if (problems.length) failWith(problems);
  progress(reader.rows);
  if (!stream) return last.population();
  await stream.onChunk(last.population());
  return populationOf([]);
}
