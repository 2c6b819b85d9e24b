// Reading a whole households file with the fast reader on this thread: the byte stream is fed to a FastReader
// (fast-csv.ts) complete records at a time, and assemble.ts makes the Population — or, streaming, hands over each chunk
// of households as soon as it is complete. parallel reading (engine/read.ts) feeds byte ranges to workers' readers.
import type { Readable } from 'node:stream';
import { populationOf, type Population } from '../core/population.js';
import type { Problem } from '../errors.js';
import { assemble, failWith } from './assemble.js';
import { FastReader, type StreamOptions } from './fast-csv.js';
import { noteEmptyCells, refuseSomeWeightsEmpty, sumEmpties, type EmptyCells } from './empty-cells.js';
import { noteApart } from './apart-rows.js';
import { hasBom, LF } from './fast-fields.js';
import { EMPTY_FILE, MAX_PROBLEMS } from './household-messages.js';
import { HEAD, MAX_RECORD, RecordCutter } from './intake.js';
import { noteUnreadColumns } from './unread-columns.js';
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
  const cutter = new RecordCutter();
  let first = fileStart;
  // The file's first HEAD bytes are looked at (is it a text CSV at all?) before any record is read.
  let head: Buffer[] | null = fileStart ? [] : null;
  let headBytes = 0;
  /** Hands whole records to the reader (a BOM at the file's start dropped: the first record is whole, so is it). */
  const records = (whole: Buffer) => {
    let b = whole;
    if (first) {
      first = false;
      if (hasBom(b)) b = b.subarray(3);
    }
    reader.records(b, b.length);
  };
  for await (const piece of input) {
    let chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    onBytes?.(chunk.length);
    if (head) {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < HEAD) continue;
      chunk = Buffer.concat(head);
      head = null;
      reader.start(chunk);
      if (reader.stop) break;
    }
    const whole = cutter.push(chunk);
    if (whole) {
      records(whole);
      await afterChunk?.();
      if (reader.stop) break;
    }
    if (cutter.pending > MAX_RECORD) {
      reader.tooLong();
      break;
    }
  }
  input.destroy?.();
  if (head) {
    const all = Buffer.concat(head);
    reader.start(all);
    if (!reader.stop) {
      const whole = cutter.push(all);
      if (whole) records(whole);
    }
  }
  const rest = reader.stop ? null : cutter.rest();
  if (rest) records(rest[rest.length - 1] === LF ? rest : Buffer.concat([rest, Buffer.from('\n')]));
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
  const counted: EmptyCells[] = [];
  const reader: FastReader = new FastReader(file, {
    expectedBytes: stream ? undefined : totalBytes,
    onRows: progress,
    cut: stream && {
      households: stream.households,
      onPart: (p) => {
        counted.push(p.empties);
        const done = assemble([p], [1], file, reader.columnOf);
        for (const p of done.problems) problems.push(p); // (not push(...): a pipe's 100k duplicate ids overflowed the stack)
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
  if (reader.names === null && !reader.fatal && !reader.problems.length && !problems.length)
    failWith([{ where: { file, line: 1 }, message: EMPTY_FILE }]);
  if (totalBytes === 0 && reader.names) noteUnreadColumns(reader.names, file, opts);
  const taken = reader.take();
  const last = assemble([taken], [1], file, reader.columnOf);
  for (const p of last.problems) problems.push(p);
  if (problems.length) failWith(problems);
  const empties = sumEmpties([...counted, taken.empties]);
  refuseSomeWeightsEmpty(empties, reader.rows, file);
  noteEmptyCells(empties, file, opts);
  noteApart(last.apart, file, opts);
  progress(reader.rows);
  if (!stream) return last.population();
  await stream.onChunk(last.population());
  return populationOf([]);
}
