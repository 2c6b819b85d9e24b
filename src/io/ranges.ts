// Cutting a households file into byte ranges that worker threads can read on their own: each starts at a line start
// after the header, between households where it can (so a household whose rows are adjacent lies in one range and the
// worker that read it can evaluate it). Safe only when no field is quoted (a quoted field may hold a line end): a file
// whose header holds a quote is not split, and a worker that meets a quote says so (the file is then read on one thread).
import { closeSync, openSync, readSync } from 'node:fs';
import { FastReader } from './fast-csv.js';
import { COMMA, CR, hasBom, LF, QUOTE } from './fast-fields.js';

export interface Ranges {
  /** Where each range starts, and the file's size last: range w is [starts[w], starts[w + 1]). */
  readonly starts: readonly number[];
  /** The header's names (a worker reads its range with them). */
  readonly header: readonly string[];
  /** The file's column number (1-based) of a known column. */
  readonly columnOf: (column: string) => number | undefined;
}

/** The smallest range the reading workers claim (ranges after the first few: see cuts). */
const LEAST_RANGE = 1 << 20;

/**
 * Where to cut `size` bytes of records for `workers` reading workers, as offsets: into as many equal ranges where the
 * file is small (under 4 × `least` per worker), else guided (each range a 2 × workers-th of what is left after it, the
 * last ones `least`): each worker reads one of the first, then claims the next one left (engine/worker.ts), so that
 * one that falls behind — the command loads its policies on one of the two cores meanwhile: the plain 1M file's two
 * workers finished 44–550 ms apart, in equal halves — reads fewer, and they finish about a small range apart.
 */
export function cuts(size: number, workers: number, least = LEAST_RANGE): number[] {
  if (size < 4 * least * workers) return Array.from({ length: workers - 1 }, (_, w) => Math.floor((size * (w + 1)) / workers));
  const out: number[] = [];
  for (let at = Math.max(least, Math.floor(size / (2 * workers))); size - at >= least;) {
    out.push(at);
    at += Math.max(least, Math.floor((size - at) / (2 * workers)));
  }
  return out;
}

/**
 * The file's records in byte ranges for `workers` reading workers (cuts), each starting at a household's first row
 * where it can; or null when it cannot be split safely (a quote in the header, an empty or odd first line).
 */
export function splitFile(file: string, totalBytes: number, workers: number, least?: number): Ranges | null {
  const fd = openSync(file, 'r');
  try {
    const head = readAt(fd, 0, Math.min(totalBytes, 1 << 20));
    const skip = hasBom(head) ? 3 : 0;
    const lf = head.indexOf(LF, skip);
    const line = head.subarray(skip, lf);
    // A quote, or a CR alone (lines may end with it), in the header: read on one thread.
    if (lf < 0 || line.indexOf(QUOTE) >= 0 || (line.indexOf(CR) >= 0 && line.indexOf(CR) < line.length - 1) || lf - skip <= 1) return null;
    const reader = new FastReader(file);
    reader.start(head);
    if (reader.stop) return null; // not a text CSV: read on one thread, which says so
    reader.records(head.subarray(skip, lf + 1), lf + 1 - skip); // the header (a bad one throws, as on one thread)
    if (reader.stop) return null;
    const dataStart = lf + 1;
    if (dataStart >= totalBytes) return null;
    const starts = [dataStart];
    const hidField = reader.columnOf('household_id')! - 1;
    for (const cut of cuts(totalBytes - dataStart, workers, least)) {
      const at = householdStartAfter(fd, dataStart + cut, totalBytes, hidField);
      if (at > starts.at(-1)! && at < totalBytes) starts.push(at);
    }
    starts.push(totalBytes);
    return { starts, header: reader.names!, columnOf: reader.columnOf };
  } finally {
    closeSync(fd);
  }
}

/** Up to n bytes at `at`: 64 KB or fewer in one buffer kept for the next such read (its pages first written once). */
function readAt(fd: number, at: number, n: number): Buffer {
  const b = n <= SCRATCH.length ? SCRATCH : Buffer.allocUnsafe(n);
  return b.subarray(0, readSync(fd, b, 0, n, at));
}
const SCRATCH = Buffer.allocUnsafe(1 << 16);

/** The first byte after the first line end at or after `at - 1` (so a line starting at `at` starts there). */
function lineStartAfter(fd: number, at: number, size: number): number {
  for (let from = at - 1; from < size; from += 1 << 16) {
    const lf = readAt(fd, from, SCRATCH.length).indexOf(LF);
    if (lf >= 0) return from + lf + 1;
  }
  return size;
}

/**
 * Where to cut near `at`: the start of the first line, from the line start after `at` on, whose household id
 * differs from that line's, so that a household whose rows are adjacent lies in one range and the reading
 * workers can evaluate it. Looks 1 MB ahead at most, then cuts at the line.
 */
function householdStartAfter(fd: number, at: number, size: number, hidField: number): number {
  const first = lineStartAfter(fd, at, size);
  // (64 KB first: a cut costs a read of 1 MB only where a household's rows run on that far)
  for (const ahead of [SCRATCH.length, 1 << 20]) {
    const n = Math.min(ahead, size - first);
    const found = householdStart(readAt(fd, first, n), hidField);
    if (found > 0 || n < ahead) return first + found;
  }
  return first;
}

/** Where the first line of b whose household id differs from b's first line's starts; 0 where none does. */
function householdStart(b: Buffer, hidField: number): number {
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
  if (e < 0) return 0;
  const id = hid(0, e);
  for (let s = e + 1; (e = lineEnd(s)) >= 0; s = e + 1) if (hid(s, e) !== id) return s;
  return 0;
}
