// An output file that appears whole or not at all: written to a temporary file beside it, renamed into place on
// commit, removed on abort — and on Ctrl-C or kill (the CLI calls removeTemporaryFiles on SIGINT and SIGTERM). A
// target that is a link is followed (the link stays, the file it names is replaced); a device or FIFO
// (/dev/stdout, a pipe) is written straight through, never replaced by a file; a directory is refused. Writes honour
// backpressure; a failed write (a full disk) is a usage error naming the path, and leaves nothing behind. A kill no
// handler sees (SIGKILL) leaves the temporary file: the next write beside it removes it and says so (ownsTemporaryFiles).
import { constants, createWriteStream, fstatSync, unlinkSync, type WriteStream } from 'node:fs';
import { access, chmod, lstat, readdir, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { ClosedPipe, UsageError } from '../errors.js';
import { fileError, noteFifo, sayWhileOpening } from './files.js';
import { refuseFolderName } from './outputs.js';

/** The temporary files being written, for removeTemporaryFiles: each with the output it becomes, and whether one is there. */
const temporary = new Map<string, { readonly path: string; readonly replaces: boolean }>();

/**
 * Outputs a command will write, named before it reads anything (io/outputs.ts refuseOverwrite), until each is written: a
 * Ctrl-C during a long run, before its output was begun, said nothing (a finance trial's simulate --ranges --out).
 */
const toCome = new Map<string, { readonly path: string; readonly replaces: boolean }>();

export function outputToCome(path: string, replaces: boolean): void {
  toCome.set(path, { path, replaces });
}

/** The outputs being written (their temporary files open) or still to come, as named: what a Ctrl-C leaves unwritten. */
export function outputsBeingWritten(): Array<{ readonly path: string; readonly replaces: boolean }> {
  const open = [...temporary.values()];
  return [...open, ...[...toCome.values()].filter((o) => !open.some((t) => t.path === o.path))];
}

/**
 * This process, as the CLI gives it (io/ reads no process): its id goes into each temporary file's name, so that the
 * next write beside a file left by a run killed outright (SIGKILL, an out-of-memory kill: no handler runs) can tell it
 * is no one's any more, remove it, and say so. A temporary file of a process still alive is never touched.
 */
interface Owner {
  readonly pid: number;
  readonly alive: (pid: number) => boolean;
  readonly note: (text: string) => void;
}
let owner: Owner | null = null;

export function ownsTemporaryFiles(o: Owner | null): void {
  owner = o;
}

/**
 * The target's name as its temporary file's name holds it: cut (at a character) so that the whole name fits a file
 * system's 255 bytes — a name of 250 bytes, which the system takes, was refused as too long (a QA trial).
 */
function tempBase(target: string): string {
  let base = basename(target);
  while (Buffer.byteLength(base) > 255 - 24) base = [...base].slice(0, -1).join('');
  return base;
}

/** Removes the temporary files beside `target` that runs no longer alive left (their names carry their process). */
async function removeLeftBehind(target: string): Promise<void> {
  if (!owner) return;
  const base = tempBase(target);
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    const m = /^\.(.+)\.(\d+)-[0-9a-f]{8}\.tmp$/.exec(name);
    if (!m || m[1] !== base) continue;
    const pid = Number(m[2]);
    if (pid === owner.pid || owner.alive(pid)) continue;
    const path = join(dirname(target), name);
    if (
      await unlink(path).then(
        () => true,
        () => false,
      )
    )
      owner.note(`note: removed ${path}, a temporary file left by a run that was killed (process ${pid} is gone)\n`);
  }
}

/** Removes every temporary file still open (synchronous: for a signal handler). */
export function removeTemporaryFiles(): void {
  for (const tmp of temporary.keys()) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  temporary.clear();
}

export class AtomicFile {
  private failure: unknown = null;

  private constructor(
    readonly path: string,
    /** The file renamed into place on commit; null when writing straight through (a device or FIFO). */
    private readonly target: string | null,
    private readonly tmp: string | null,
    private readonly stream: WriteStream,
    /** Written straight through to a pipe or socket (its reader may close it early). */
    private readonly pipe = false,
  ) {
    stream.on('error', (e) => (this.failure ??= e));
  }

  static async open(path: string): Promise<AtomicFile> {
    // /dev/stdout and kin name a descriptor this process holds: written to it (opening the path fails when it is a
    // socket, as a parent process's pipe may be).
    const fd = /^\/(?:dev|proc\/self)\/(?:fd\/(\d+)|(stdout)|(stderr))$/.exec(path);
    if (fd) {
      const n = fd[2] ? 1 : fd[3] ? 2 : Number(fd[1]);
      const stream = await opened(createWriteStream('', { fd: n, autoClose: false }), path, false);
      return new AtomicFile(path, null, null, stream, isPipe(n));
    }
    const s = await stat(path).catch(() => null); // follows links
    if (s?.isDirectory()) throw new UsageError(`cannot write ${path}: it is a directory`);
    if (s?.isFIFO()) noteFifo(path, 'output');
    if (s && !s.isFile()) {
      const stream = createWriteStream(path);
      // (opening a FIFO waits for a reader: said after a while, as for an input; it waited without a word, a fuzzing trial)
      if (s.isFIFO()) sayWhileOpening(stream, `note: waiting for a reader of ${path}, a FIFO (named pipe) (Ctrl-C to stop)\n`);
      return new AtomicFile(path, null, null, await opened(stream, path), s.isFIFO());
    }
    const target = await realTarget(path);
    // A file there that this user may not write is not replaced (the rename would: a QA trial's read-only file of
    // another user's became theirs), and the new one keeps its mode (a file of 600 was 644 once replaced).
    if (s) await access(target, constants.W_OK).catch((e: unknown) => Promise.reject(fileError(e, 'write', path)));
    await removeLeftBehind(target);
    const tmp = join(dirname(target), `.${tempBase(target)}.${owner ? `${owner.pid}-` : ''}${randomBytes(4).toString('hex')}.tmp`);
    temporary.set(tmp, { path, replaces: !!s });
    try {
      const stream = await opened(createWriteStream(tmp, { flags: 'wx' }), path);
      if (s) await chmod(tmp, s.mode & 0o7777).catch((e: unknown) => (stream.destroy(), Promise.reject(fileError(e, 'write', path))));
      return new AtomicFile(path, target, tmp, stream);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      temporary.delete(tmp);
      throw e;
    }
  }

  async write(text: string | Uint8Array): Promise<void> {
    try {
      if (this.failure) throw this.failure;
      if (!this.stream.write(text)) await once(this.stream, 'drain');
    } catch (e) {
      await this.abort();
      throw this.failed(e);
    }
  }

  async commit(): Promise<void> {
    try {
      if (this.failure) throw this.failure;
      this.stream.end();
      await once(this.stream, 'finish');
      if (this.tmp && this.target) {
        await rename(this.tmp, this.target);
        temporary.delete(this.tmp);
      }
      toCome.delete(this.path);
    } catch (e) {
      await this.abort();
      throw this.failed(e);
    }
  }

  /** A write's failure in words; a pipe written straight through whose reader closed it is ClosedPipe (exit 0). */
  private failed(e: unknown): unknown {
    // (a pipe whose reader has gone may fail a write with a system error that lost its code, "undefined returned
    // undefined": 1 run in 10 of a QA trial's `--per-household - … | head -2` was an internal error, exit 4)
    const code = (e as NodeJS.ErrnoException | null)?.code;
    return !this.tmp && (code === 'EPIPE' || (code === 'ERR_SYSTEM_ERROR' && this.pipe))
      ? new ClosedPipe(this.path)
      : fileError(e, 'write', this.path);
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    if (this.tmp) {
      await unlink(this.tmp).catch(() => undefined);
      temporary.delete(this.tmp);
    }
  }
}

/** Whether a descriptor is a pipe or a socket. */
function isPipe(fd: number): boolean {
  try {
    const s = fstatSync(fd);
    return s.isFIFO() || s.isSocket();
  } catch {
    return false;
  }
}

async function opened(stream: WriteStream, path: string, opens = true): Promise<WriteStream> {
  try {
    if (opens) await once(stream, 'open');
    return stream;
  } catch (e) {
    throw fileError(e, 'write', path);
  }
}

/** The path a link names, followed to the end (a link to a file not yet there: the path it names). */
async function realTarget(path: string): Promise<string> {
  refuseFolderName('the output', path);
  // (its folder as the system reads it: resolve() read lnk/../h.csv as ./h.csv, the input, not the file cat shows)
  const dir = await realpath(dirname(path)).catch(() => null);
  let p = dir === null ? resolve(path) : join(dir, basename(path));
  for (let hops = 0; hops < 40; hops++) {
    const l = await lstat(p).catch(() => null);
    if (!l?.isSymbolicLink()) return l ? await realpath(p) : p;
    p = resolve(dirname(p), await readlink(p));
  }
  throw new UsageError(`cannot write ${path}: too many levels of symbolic links`);
}
