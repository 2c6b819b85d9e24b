// A worker's byte range read into one reused buffer (io/range-chunks.ts): the record cutter fed its chunks gives back
// exactly the range's bytes, on random ranges of random lines (LF, CRLF, CR, lines longer than the buffer, no final
// line end), random buffer sizes, short reads and a file shorter than the range; chunks are whole lines when the
// buffer held a line end; an unfinished line longer than MAX_RECORD comes as a chunk of its own (feed then reports
// it); onRead can stop it.
import { describe, expect, it } from 'vitest';
import { MAX_RECORD, RecordCutter } from '../../src/io/intake.js';
import { rangeChunks, type ReadAt } from '../../src/io/range-chunks.js';

const LF = 0x0a;

/** Reads from data, at most `most` bytes a time (a file read may return fewer bytes than asked). */
const reader =
  (data: Buffer, most = Infinity): ReadAt =>
  (buf, offset, length, position) => {
    const n = Math.max(0, Math.min(length, most, data.length - position));
    data.copy(buf, offset, position, position + n);
    return n;
  };

/** What the cutter passes on (copied at once, as the reader consumes it), then its rest. */
function throughCutter(chunks: Iterable<Buffer>): { out: Buffer; pieces: Buffer[] } {
  const cutter = new RecordCutter();
  const out: Buffer[] = [];
  const pieces: Buffer[] = [];
  for (const c of chunks) {
    pieces.push(Buffer.from(c));
    const whole = cutter.push(c);
    if (whole) out.push(Buffer.from(whole));
  }
  const rest = cutter.rest();
  if (rest) out.push(rest);
  return { out: Buffer.concat(out), pieces };
}

/** The chunks, each copied when handed on (a chunk is valid until the next is asked for). */
const collect = (chunks: Iterable<Buffer>) => Array.from(chunks, (c) => Buffer.from(c));

describe('rangeChunks', () => {
  it('hands the cutter exactly the range, in whole lines, on 400 random ranges', () => {
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const ends = ['\n', '\r\n', '\r'];
    for (let t = 0; t < 400; t++) {
      const lines = Array.from({ length: Math.floor(next() * 40) }, () => {
        const len = next() < 0.1 ? 50 + Math.floor(next() * 100) : Math.floor(next() * 12);
        return 'x'.repeat(len) + (next() < 0.9 ? ends[Math.floor(next() * 3)] : ''); // some lines run into the next
      });
      const data = Buffer.from(lines.join(''));
      const start = Math.floor(next() * (data.length / 3));
      // now and then past the file's end (a file that shrank since it was split): what there is, then the end
      const end = next() < 0.1 ? data.length + 5 : start + Math.floor(next() * (data.length - start + 1));
      const size = 1 + Math.floor(next() * 64);
      const most = next() < 0.3 ? 1 + Math.floor(next() * 8) : Infinity;
      const { out, pieces } = throughCutter(rangeChunks(reader(data, most), start, end, size, () => true));
      expect(out.toString()).toBe(data.subarray(start, end).toString());
      for (const p of pieces.slice(0, -1)) {
        expect(p.length).toBeLessThanOrEqual(size);
        // a piece not ending in LF: no LF at all in it (a line longer than the buffer), or it was the range's last
        if (p.at(-1) !== LF) expect(p.includes(LF)).toBe(false);
      }
    }
  });

  it('an unfinished line longer than MAX_RECORD comes on its own, for feed to report', () => {
    const data = Buffer.from('a,b\n' + 'x'.repeat(2 * MAX_RECORD) + '\nc,d\n');
    const pieces = collect(rangeChunks(reader(data), 0, data.length, 2 * MAX_RECORD, () => true));
    expect(pieces[0]!.toString()).toBe('a,b\n');
    expect(pieces[1]!.length).toBe(2 * MAX_RECORD - 4);
    expect(pieces[1]!.includes(LF)).toBe(false);
    expect(Buffer.concat(pieces).toString()).toBe(data.toString());
  });

  it('stops when onRead says so, having handed on nothing of that read', () => {
    const data = Buffer.from('a\nb\n"c"\nd\n');
    const seen: string[] = [];
    const pieces = collect(
      rangeChunks(reader(data), 0, data.length, 4, (bytes) => {
        seen.push(bytes.toString());
        return !bytes.includes(0x22);
      }),
    ).map(String);
    expect(pieces).toEqual(['a\nb\n']);
    expect(seen).toEqual(['a\nb\n', '"c"\n']);
  });
});
