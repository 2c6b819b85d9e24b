// An output written straight through to a pipe whose reader has gone: the write's failure is the reader closing it
// (ClosedPipe, exit 0 with a note), also when the system error lost its code — a QA trial's `--per-household - … |
// head -2` ended 1 run in 10 in "internal error: A system error occurred: undefined returned undefined", exit 4.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFile } from '../../src/io/atomic-file.js';
import { ClosedPipe } from '../../src/errors.js';

const codeless = () =>
  Object.assign(new Error('A system error occurred: undefined returned undefined (undefined)'), { code: 'ERR_SYSTEM_ERROR' });
const failWith = async (f: AtomicFile, e: Error) => {
  (f as unknown as { stream: WriteStream }).stream.emit('error', e);
  return f.write('x').then(
    () => null,
    (x: unknown) => x,
  );
};

describe('a write that fails', () => {
  it('to a pipe: a system error without its code is the reader closing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-'));
    const fifo = join(dir, 'p');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK); // (a reader there: opening does not wait)
    try {
      const f = await AtomicFile.open(fifo);
      expect(await failWith(f, codeless())).toBeInstanceOf(ClosedPipe);
    } finally {
      closeSync(reader);
    }
  });
  it('to a file: the same error is not a reader gone (an internal error, as any error without its cause)', async () => {
    const f = await AtomicFile.open(join(mkdtempSync(join(tmpdir(), 'jiuzhu-')), 'out.csv'));
    const e = await failWith(f, codeless());
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(ClosedPipe);
  });
});
