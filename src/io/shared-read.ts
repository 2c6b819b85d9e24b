// A whole file read into shared memory (an Arrow file's columns are views of its bytes: worker threads then read them
// where they are, with no copy), and that read started ahead: cli/prestart.ts starts it for an Arrow households file
// before the CLI has loaded (~0.2 s of module loading and policy parsing, while libuv's threads read), and the
// command takes it when it reads the same file (same path, size and modification time), else reads the file itself.
import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileError } from './files.js';

/** Slices of a file read at once (libuv runs 4 file reads at a time by default: one is left for other reads). */
const SLICES = 3;

let ahead: { path: string; size: number; mtimeMs: number; bytes: Promise<Uint8Array> } | null = null;

/**
 * Starts reading the file now, for `readShared` to take (`st`: its stat, taken by the caller). Settles when the read
 * is done (a read that fails is read again, and reported, by the command).
 */
export function readSharedAhead(path: string, st: { readonly size: number; readonly mtimeMs: number }): Promise<unknown> {
  const bytes = readSlices(path);
  ahead = { path, size: st.size, mtimeMs: st.mtimeMs, bytes };
  return bytes.catch(() => undefined);
}

/** The whole file in shared memory: the read started ahead when it is of this file as it is now, else a new one. */
export async function readShared(path: string): Promise<Uint8Array> {
  const a = ahead;
  ahead = null;
  const st = a && a.path === path ? statSync(path, { throwIfNoEntry: false }) : null;
  if (a && st && st.size === a.size && st.mtimeMs === a.mtimeMs) {
    const bytes = await a.bytes.catch(() => null);
    if (bytes?.length === st.size) return bytes;
  }
  return readSlices(path);
}

async function readSlices(path: string): Promise<Uint8Array> {
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
