// A byte range of a file as chunks of whole lines, all read into one buffer: each chunk handed on ends at a line end
// (the bytes after it move to the buffer's start and the next read goes after them), so the record cutter
// (intake.ts) never copies, and no buffer is allocated per chunk. Memory first written costs a page fault per 4 KB —
// microseconds each on a virtual machine: a new 4 MB buffer per chunk, and the cutter's copy of it, cost a 1M-household
// read ~10 %. A chunk is valid until the next is asked for (feed hands it to the reader at once).
import { LF } from './fast-fields.js';
import { MAX_RECORD } from './intake.js';

/** Reads up to `length` bytes at `position` into buf at `offset`; the bytes read (0 at the end of the file). */
export type ReadAt = (buf: Buffer, offset: number, length: number, position: number) => number;

/**
 * The bytes [start, end) in chunks of at most `size` bytes, or read into `size` when it is a buffer (a worker reading
 * several ranges keeps one: its pages first written once); `onRead` sees each read's new bytes first and may stop the
 * reading (false). A chunk that is not whole lines (a line longer than the buffer, the range's end, an unfinished line
 * longer than MAX_RECORD, which feed then reports) is handed on as a copy, which the cutter may keep.
 */
export function* rangeChunks(
  read: ReadAt,
  start: number,
  end: number,
  size: number | Buffer,
  onRead: (bytes: Buffer) => boolean,
): Generator<Buffer> {
  const buf = typeof size === 'number' ? Buffer.allocUnsafe(Math.max(1, Math.min(size, end - start))) : size;
  let held = 0; // bytes of an unfinished line at buf's start
  for (let at = start; at < end;) {
    const n = read(buf, held, Math.min(buf.length - held, end - at), at);
    if (n === 0) break;
    if (!onRead(buf.subarray(held, held + n))) return;
    at += n;
    const filled = held + n;
    const cut = at < end ? buf.lastIndexOf(LF, filled - 1) + 1 : filled;
    if (cut === 0) {
      yield Buffer.from(buf.subarray(0, filled));
      held = 0;
      continue;
    }
    yield buf.subarray(0, cut);
    buf.copyWithin(0, cut, filled);
    held = filled - cut;
    if (held > MAX_RECORD) {
      yield Buffer.from(buf.subarray(0, held));
      held = 0;
    }
  }
  if (held) yield Buffer.from(buf.subarray(0, held));
}
