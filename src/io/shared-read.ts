// A whole file read into shared memory (an Arrow file's columns are views of its bytes: worker threads then read them
// where they are, with no copy). Started ahead, before the CLI loads (cli/prestart.ts), it measured no faster: 1M
// households from Arrow, medians of 6 alternating runs 1.65 s not ahead, 1.66–1.73 s ahead in 1–3 slices; the
// main thread's scavenges then took up to 267 ms while the slices' page faults ran (--trace-gc).
import { open } from 'node:fs/promises';
import { fileError } from './files.js';

/** Slices of a file read at once (libuv runs 4 file reads at a time by default: one is left for other reads). */
const SLICES = 3;

/** The whole file in shared memory. */
export async function readShared(path: string): Promise<Uint8Array> {
  try {
    const f = await open(path, 'r');
    try {
      const { size } = await f.stat();
      const bytes = new Uint8Array(new SharedArrayBuffer(size));
      // In slices read at once (libuv's threads): memory first written costs a page fault per 4 KB, microseconds each
      // on a virtual machine, and the slices' faults are taken on several cores.
      const slice = Math.max(1 << 20, Math.ceil(size / SLICES));
      const ends = await Promise.all(
        Array.from({ length: Math.ceil(size / slice) }, async (_, i) => {
          const end = Math.min(size, (i + 1) * slice);
          for (let at = i * slice; at < end;) {
            const { bytesRead } = await f.read(bytes, at, end - at, at);
            if (bytesRead === 0) return at; // shorter than it said
            at += bytesRead;
          }
          return end;
        }),
      );
      // A file shorter than it said: what was read up to the first gap (the reader reports what it lacks).
      const short = ends.findIndex((e, i) => e < Math.min(size, (i + 1) * slice));
      return short < 0 ? bytes : bytes.subarray(0, ends[short]);
    } finally {
      await f.close();
    }
  } catch (e) {
    throw fileError(e, 'read', path);
  }
}
