// A worker of parallel-read.ts: reads one byte range of a households file (whole records, after the header)
// with a FastReader and hands back its part, transferring the arrays (no copy).
import { openSync, readSync, closeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { feed, FastReader } from './fast-csv.js';
import { QUOTE } from './fast-fields.js';
import { partBuffers } from './part.js';

export interface RangeJob {
  readonly file: string;
  readonly header: readonly string[];
  readonly start: number;
  readonly end: number;
}

const job = workerData as RangeJob;
const CHUNK = 4 << 20;
let quotes = false;

/** The range's bytes in chunks, reported to the parent as they are read (progress). */
async function* range(): AsyncGenerator<Buffer> {
  const fd = openSync(job.file, 'r');
  try {
    for (let at = job.start; at < job.end; ) {
      const b = Buffer.allocUnsafe(Math.min(CHUNK, job.end - at));
      const n = readSync(fd, b, 0, b.length, at);
      if (n === 0) break;
      at += n;
      const chunk = b.subarray(0, n);
      // A quote: this range may have been cut inside a quoted field; the file is read on one thread instead, so stop here.
      if (chunk.indexOf(QUOTE) >= 0) {
        quotes = true;
        return;
      }
      parentPort!.postMessage({ bytes: n, rows: reader.rows });
      yield chunk;
    }
  } finally {
    closeSync(fd);
  }
}

const reader = new FastReader(job.file, { header: job.header, expectedRows: Math.ceil((job.end - job.start) / 90) });
await feed(range(), reader, undefined, undefined, false);
const parsed = reader.take();
parentPort!.postMessage({ parsed, quotes, rows: reader.rows }, partBuffers(parsed.part));
