// The read jobs of a households file's byte ranges, posted to the pool's workers (read.ts). They may be posted before
// the CLI has loaded (cli/prestart.ts: a plain CSV that simulate evaluates as it reads), so that the
// workers start reading as soon as they are up, ~0.1 s sooner; the command then takes them over when they are the
// reads it would post (same pool, file, size and modification time), or drops them and posts its own.
import { statSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import type { ReadProgress } from '../core/progress.js';
import { splitFile, type Ranges } from '../io/ranges.js';
import type { Pool } from './pool.js';
import type { ReadResult } from './worker.js';

export interface Reads extends Ranges {
  readonly pool: Pool;
  readonly file: string;
  readonly totalBytes: number;
  /** Whether the workers keep what they read (and take the runs on `channels` to evaluate it as they read). */
  readonly keep: boolean;
  readonly jobs: readonly Promise<ReadResult>[];
  /** The key under which worker w keeps its part (unique to these reads: reads dropped may still be kept). */
  readonly keys: readonly number[];
  readonly channels: readonly MessageChannel[];
  /** Where progress goes from now on (what was read so far is told at once). */
  listen(onProgress?: (p: ReadProgress) => void): void;
  /** Drops what the workers keep of these reads. */
  drop(): void;
}

let nextKey = 0;

export const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Posts a read job per range of the file, or null when it cannot be split safely (read it on one thread then). */
export function startReads(pool: Pool, file: string, totalBytes: number, keep: boolean, least?: number): Reads | null {
  // Ranges claimed as the workers go where they evaluate as they read (keep), one reader going on over its ranges; a
  // population's reading keeps every range's values in a part of its own, each with first tables sized before its
  // rows are known, then outgrown (garbage, ~8 MB a part): one equal range per worker (least Infinity) unless asked.
  const split = splitFile(file, totalBytes, pool.size, least ?? (keep ? undefined : Infinity));
  if (!split) return null;
  const { starts, header } = split;
  // A job per worker: each reads its first range, then claims the next one left (worker.ts), so that one that falls
  // behind reads less.
  const n = Math.min(pool.size, starts.length - 1);
  const claim = new Int32Array(new SharedArrayBuffer(4));
  claim[0] = n;
  const keys = Array.from({ length: n }, () => nextKey++);
  const bytes = new Array<number>(n).fill(0);
  const rows = new Array<number>(n).fill(0);
  let listener: ((p: ReadProgress) => void) | undefined;
  const tell = () => listener?.({ bytes: starts[0]! + sum(bytes), totalBytes, rows: sum(rows) });
  // Where each worker gets the runs while it reads (then it evaluates its households as it reads them).
  const channels = keep ? Array.from({ length: n }, () => new MessageChannel()) : [];
  const jobs = Array.from({ length: n }, (_, w) => {
    const port = channels[w]?.port2 ?? null;
    const job = { kind: 'read', file, header, starts, first: w, claim, keep: keep ? keys[w]! : null, runs: port } as const;
    return pool.run<ReadResult>(w, job, port ? [port] : [], (p) => {
      const m = p as { bytes: number; rows: number };
      bytes[w]! += m.bytes;
      rows[w] = m.rows;
      tell();
    });
  });
  for (const j of jobs) j.catch(() => undefined); // awaited by the command (an error loading the runs may come first)
  return {
    ...split,
    pool,
    file,
    totalBytes,
    keep,
    jobs,
    keys,
    channels,
    listen(onProgress) {
      listener = onProgress;
      if (sum(bytes)) tell();
    },
    drop() {
      if (keep) for (let w = 0; w < n; w++) pool.run(w, { kind: 'drop-part', part: keys[w]! }).catch(() => undefined);
    },
  };
}

let ahead: { reads: Reads; mtimeMs: number } | null = null;

/** Starts reading a file on the pool before the command asks for it (`st`: the file's stat, taken by the caller). */
export function readAhead(pool: Pool, file: string, st: { readonly size: number; readonly mtimeMs: number }): void {
  const reads = startReads(pool, file, st.size, true);
  if (reads) ahead = { reads, mtimeMs: st.mtimeMs };
}

/** The reads started ahead, when they are the ones asked for; any others are dropped (their parts, once read). */
export function takeAhead(pool: Pool, file: string, totalBytes: number, keep: boolean): Reads | null {
  const a = ahead;
  ahead = null;
  if (!a) return null;
  const { reads } = a;
  const same =
    reads.pool === pool &&
    reads.file === file &&
    reads.totalBytes === totalBytes &&
    reads.keep === keep &&
    statSync(file, { throwIfNoEntry: false })?.mtimeMs === a.mtimeMs;
  if (same) return reads;
  for (const c of reads.channels) c.port1.close();
  void Promise.allSettled(reads.jobs).then(() => reads.drop());
  return null;
}
