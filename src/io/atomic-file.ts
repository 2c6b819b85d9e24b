// An output file that appears whole or not at all: written to a temporary file beside it, renamed into
// place on commit, removed on abort. Writes honour backpressure.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';

export class AtomicFile {
  private constructor(
    readonly path: string,
    private readonly tmp: string,
    private readonly stream: WriteStream,
  ) {}

  static async open(path: string): Promise<AtomicFile> {
    const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    const stream = createWriteStream(tmp);
    try {
      await once(stream, 'open');
    } catch (e) {
      throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return new AtomicFile(path, tmp, stream);
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await unlink(this.tmp).catch(() => undefined);
  }
}
