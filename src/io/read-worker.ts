// A worker of parallel-read.ts: reads one byte range of a households file (whole records, after the header)
// with a FastReader and hands back its part (id arrays transferred, evaluated columns shared: no copy). Given
// runs, it then evaluates the part's segments as households and hands back their exact partial totals, while
// the parent checks the whole file.
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { PlainTotals } from '../core/aggregate.js';
import { simulateRange, type Run } from '../core/simulate.js';
import type { ParsedPart } from './assemble.js';
import { feed, FastReader } from './fast-csv.js';
import { QUOTE } from './fast-fields.js';
import { partBuffers, segmentsAsHouseholds } from './part.js';

export interface RangeJob {
  readonly file: string;
  readonly header: readonly string[];
  readonly start: number;
  readonly end: number;
  /** Evaluate the part's segments, with the runs the parent posts (rules without their snapshot). */
  readonly evaluate: boolean;
}

export type RangeMessage =
  | { readonly kind: 'progress'; readonly bytes: number; readonly rows: number }
  | { readonly kind: 'parsed'; readonly parsed: ParsedPart; readonly quotes: boolean }
  | { readonly kind: 'totals'; readonly totals: PlainTotals[] }
  | { readonly kind: 'error'; readonly error: string };

const job = workerData as RangeJob;
const CHUNK = 4 << 20;
let quotes = false;
const post = (m: RangeMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

/** The range's bytes in chunks, reported to the parent as they are read (progress). */
async function* range(): AsyncGenerator<Buffer> {
  const fd = openSync(job.file, 'r');
  try {
    for (let at = job.start; at < job.end;) {
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
      post({ kind: 'progress', bytes: n, rows: reader.rows });
      yield chunk;
    }
  } finally {
    closeSync(fd);
  }
}

// The runs arrive while the range is read (the parent loads them meanwhile).
const runs = job.evaluate ? new Promise<readonly Run[]>((resolve) => parentPort!.once('message', resolve)) : null;
const reader = new FastReader(job.file, { header: job.header, expectedRows: Math.ceil((job.end - job.start) / 90), shared: job.evaluate });
try {
  await feed(range(), reader, undefined, undefined, false);
  const parsed = reader.take();
  post({ kind: 'parsed', parsed, quotes }, partBuffers(parsed.part));
  // A part with problems fails the run: nothing to evaluate.
  if (runs && !quotes && !parsed.fatal && !parsed.problems.length) {
    const totals = simulateRange(segmentsAsHouseholds(parsed.part), await runs, 0, parsed.part.segments);
    post({ kind: 'totals', totals: totals.map((t) => t.plain()) });
  }
} catch (e) {
  post({ kind: 'error', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
