// The file system's refusals in words: a path that is missing, a directory, unreadable, on a full disk… is a usage
// error (exit 2) naming the path and the cause, never an internal error. (The outputs' rules: io/outputs.ts.)
import { createHash } from 'node:crypto';
import { closeSync, constants, createReadStream, open as openFd, openSync } from 'node:fs';
import { Socket } from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import { setTimeout } from 'node:timers';
import { open, readFile, stat } from 'node:fs/promises';
import { besideIt } from './missing-file.js';
import { InputError, UsageError } from '../errors.js';
import { firstInvalidUtf8, utf8Problem } from './text-checks.js';

const CAUSES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'it is a directory',
  EEXIST: 'a file has that name',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large for the file system',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'too many levels of symbolic links',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  ENXIO: 'no reader on the other end (a FIFO or device)',
};

/** A file system error, as a usage error naming what was being done, the path and the cause. */
export function fileError(e: unknown, doing: string, path: string): UsageError | unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !/^E[A-Z]+$/.test(code)) return e;
  return new UsageError(
    `cannot ${doing} ${path}: ${CAUSES[code] ?? code}`,
    code === 'ENOENT' && doing.startsWith('read') ? besideIt(path, doing) : undefined,
  );
}

/**
 * FIFOs named as inputs or outputs. Opening one waits for its other end, in a libuv thread; at exit libuv waits for
 * its threads, so Ctrl-C or kill during that wait would leave the process hanging. releaseFifos (the CLI's signal
 * handler) opens each one's other end without waiting and closes it: the waiting open returns and the process exits.
 */
const fifos = new Map<string, 'input' | 'output'>();

export function noteFifo(path: string, side: 'input' | 'output'): void {
  fifos.set(path, side);
}

export function releaseFifos(): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const [path, side] of fifos) {
    // An input's writer end opens only once the reader waits (ENXIO before): a few tries, 10 ms apart.
    for (let tries = 0; tries < 20; tries++) {
      try {
        closeSync(openSync(path, (side === 'input' ? constants.O_WRONLY : constants.O_RDONLY) | constants.O_NONBLOCK));
        break;
      } catch {
        Atomics.wait(pause, 0, 0, 10);
      }
    }
  }
}

/** What an input path is: its size (0 for a FIFO or device, read as it comes) and whether it can be read by ranges. */
export interface InputFile {
  readonly size: number;
  readonly seekable: boolean;
}

/** Checks that an input can be read (exists, is not a directory, opens), before any work; `what` names it. */
export async function inputFile(path: string, what: string): Promise<InputFile> {
  const doing = `read the ${what}`;
  const s = await stat(path).catch((e: unknown) => {
    throw fileError(e, doing, path);
  });
  if (s.isDirectory()) throw new UsageError(`cannot ${doing} ${path}: it is a directory`);
  if (s.isFIFO()) noteFifo(path, 'input');
  if (s.isFile()) {
    // Opening tells what stat does not (permission); a FIFO is not opened here, as opening it would wait for a writer.
    const fd = await open(path, 'r').catch((e: unknown) => {
      throw fileError(e, doing, path);
    });
    await fd.close();
  }
  return { size: s.isFile() ? s.size : 0, seekable: s.isFile() };
}

/**
 * A households file's bytes as a stream. Standard input (`--households -`, given as /dev/stdin) is process.stdin:
 * opening its path fails (ENXIO) when the parent's end is a socket, as a Node parent's pipe is; and reading descriptor 0
 * as a file failed with EAGAIN when the pipe had nothing yet (`(sleep 1; cat f.csv) | jiuzhu …`, any pipe slower than
 * the read, a hardening trial's finding): Node 20 makes it non-blocking as soon as any module imports node:process
 * (chalk does), and only process.stdin waits for such a descriptor.
 */
export function inputStream(path: string, highWaterMark = 1 << 20): Readable {
  if (STDIN.has(path)) return standardInput();
  const fifo = fifos.get(path) === 'input';
  const stream = fifo ? fifoStream(path) : createReadStream(path, { highWaterMark });
  // Opening a FIFO waits for a writer: said after a while, not left silent (a hardening trial waited, not knowing)
  if (fifo) sayWhileOpening(stream, `note: waiting for ${path}, a FIFO (named pipe), to be written to (Ctrl-C to stop)\n`);
  return stream;
}

/** `note` said if the stream has not opened after a while (a FIFO waiting for its other end). */
export function sayWhileOpening(stream: { once(event: 'open' | 'close' | 'error', f: () => void): unknown }, note: string): void {
  const waiting = setTimeout(() => ioNote(note, true), FIFO_PATIENCE_MS);
  waiting.unref();
  for (const event of ['open', 'close', 'error'] as const) stream.once(event, () => clearTimeout(waiting));
}

/**
 * A FIFO read as a pipe (polled, as process.stdin reads one), not as a file: a file's read waits in a libuv thread, and
 * at exit libuv waits for its threads, so Ctrl-C while the writer was alive but quiet waited until it wrote or closed
 * (a hang with a stuck writer). Its open still waits for a writer, which releaseFifos ends. 'open' as a file's stream.
 */
function fifoStream(path: string): Readable {
  const out = new PassThrough();
  openFd(path, 'r', (e, fd) => {
    if (e) return void out.destroy(e);
    out.emit('open', fd);
    const pipe = new Socket({ fd, readable: true, writable: false });
    pipe.on('error', (err) => out.destroy(err));
    out.on('close', () => pipe.destroy());
    pipe.pipe(out);
  });
  return out;
}

/** How long a FIFO's open may wait for its writer before it is said. */
const FIFO_PATIENCE_MS = 2000;

/**
 * Where io/ says a note (the CLI's stderr, unless --quiet: givesNotes); nowhere until it is given. `passing`: a note of
 * a wait that ends (a FIFO's writer awaited), which a screen showing the wait may drop. Returns where they went before.
 */
type IoNote = (text: string, passing?: boolean) => void;
let ioNote: IoNote = () => undefined;
export function givesNotes(note: IoNote): IoNote {
  const before = ioNote;
  ioNote = note;
  return before;
}
/** Says a note where io/ says them (a file found changed, a FIFO waited for). */
export const sayNote = (text: string): void => ioNote(text);

/** Standard input, as the CLI gives it (givesStdin): asked for only when a command reads it. */
let standardInput = (): Readable => {
  throw new Error('standard input was not given (cli/main.ts: givesStdin)');
};
export function givesStdin(stdin: () => Readable): void {
  standardInput = stdin;
}

/** A whole input's bytes (standard input as inputStream reads it). */
export async function readInput(path: string): Promise<Buffer> {
  if (!STDIN.has(path)) return readFile(path);
  const chunks: Buffer[] = [];
  for await (const c of inputStream(path)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const STDIN = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/** The most a text input (a policy, scenario, snapshot…) may hold: far above any real one, far below memory's end. */
const TEXT_LIMIT = 64 << 20;

/**
 * A text input's bytes, bounded: a device or pipe is read as it comes, up to TEXT_LIMIT, and a NUL byte stops it (a
 * hardening trial's --policy /dev/zero read forever, 190 MB a second). A regular file's size is checked before it is read.
 */
async function readTextBytes(path: string, what: string, f: InputFile): Promise<Buffer> {
  const tooLarge = (size: string) =>
    new InputError([{ where: { file: path }, message: `is ${size}: too large for a ${what} (at most ${TEXT_LIMIT >> 20} MB)` }]);
  const binary = (b: Buffer) =>
    new InputError([
      {
        where: { file: path },
        message:
          (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)
            ? `is UTF-16: a ${what} is UTF-8 (save it as UTF-8)`
            : `is binary (it holds NUL bytes): not a ${what}, which is text`,
      },
    ]);
  if (f.seekable && f.size > TEXT_LIMIT) throw tooLarge(`${(f.size / 2 ** 20).toFixed(0)} MB`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const c of inputStream(path)) {
      const b = c as Buffer;
      if (b.includes(0)) throw binary(chunks[0] ?? b);
      size += b.length;
      if (size > TEXT_LIMIT) throw tooLarge(`more than ${TEXT_LIMIT >> 20} MB`);
      chunks.push(b);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fileError(e, `read the ${what}`, path);
  }
  return Buffer.concat(chunks);
}

/** A text input (policy, scenario, case file, profile): UTF-8, or a located error. */
export async function readInputText(path: string, what: string): Promise<string> {
  const b = await readTextBytes(path, what, await inputFile(path, what));
  const bad = firstInvalidUtf8(b, 0, b.length);
  if (bad >= 0) {
    const { line, message } = utf8Problem(b, 0, bad, 1, 'text');
    throw new InputError([{ where: { file: path, line }, message }]);
  }
  return b.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * A file's SHA-256 (hex) and size, read as a stream: how a report says which inputs made it. A pipe or standard input
 * is read once, by the command: not here (a hardening trial's report on a FIFO took its data, then waited for ever).
 */
export async function fileDigest(path: string): Promise<{ sha256: string | null; bytes: number | null }> {
  const s = STDIN.has(path) ? null : await stat(path).catch((e: unknown) => Promise.reject(fileError(e, 'read', path)));
  if (!s?.isFile()) return { sha256: null, bytes: null };
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (e) {
    throw fileError(e, 'read', path);
  }
  return { sha256: hash.digest('hex'), bytes };
}
