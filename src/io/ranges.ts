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

/** Up to `count` ranges of the file, or null when it cannot be split safely (a quote in the header, an empty or odd first line). */
export function splitFile(file: string, totalBytes: number, count: number): Ranges | null {
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
    for (let w = 1; w < count; w++) {
      const at = householdStartAfter(fd, dataStart + Math.floor(((totalBytes - dataStart) * w) / count), totalBytes, hidField);
      if (at > starts.at(-1)! && at < totalBytes) starts.push(at);
    }
    starts.push(totalBytes);
    return { starts, header: reader.names!, columnOf: reader.columnOf };
  } finally {
    closeSync(fd);
  }
}

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

/**
 * Where to cut near `at`: the start of the first line, from the line start after `at` on, whose household id
 * differs from that line's, so that a household whose rows are adjacent lies in one range and the reading
 * workers can evaluate it. Looks 1 MB ahead at most, then cuts at the line.
 */
function householdStartAfter(fd: number, at: number, size: number, hidField: number): number {
  const first = lineStartAfter(fd, at, size);
  const b = readAt(fd, first, Math.min(1 << 20, size - first));
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
  if (e < 0) return first;
  const id = hid(0, e);
  for (let s = e + 1; (e = lineEnd(s)) >= 0; s = e + 1) if (hid(s, e) !== id) return first + s;
  return first;
}
