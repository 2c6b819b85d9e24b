// io/shared-read.ts: an Arrow file's read started ahead (cli/prestart.ts) is taken only when it is of the same file as
// it is now (path, size, modification time); otherwise the file is read again.
import { mkdtempSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShared, readSharedAhead } from '../../src/io/shared-read.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-shared-read-'));
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const big = (c: string) => c.repeat(3 << 20); // 3 MB: read in 3 slices

describe('readShared', () => {
  it('reads the whole file into shared memory, in slices', async () => {
    const f = join(dir, 'whole.arrow');
    const body = big('a') + 'end';
    writeFileSync(f, body);
    const b = await readShared(f);
    expect(b.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(text(b)).toBe(body);
  });

  it('takes the read started ahead when the file has the same size and modification time', async () => {
    const f = join(dir, 'same.arrow');
    writeFileSync(f, big('a'));
    utimesSync(f, 1e9, 1e9); // a whole second, which the swapped file below can be given exactly
    await readSharedAhead(f, statSync(f));
    // Swapped for another file of the same size and time: only a read taken from ahead still gives the first one.
    writeFileSync(join(dir, 'other'), big('b'));
    utimesSync(join(dir, 'other'), 1e9, 1e9);
    renameSync(join(dir, 'other'), f);
    expect(text(await readShared(f))).toBe(big('a'));
  });

  it('reads the file again when it changed after the read ahead began, or another file is asked for', async () => {
    const f = join(dir, 'changed.arrow');
    writeFileSync(f, big('a'));
    await readSharedAhead(f, statSync(f));
    writeFileSync(f, big('b'));
    utimesSync(f, new Date(), new Date(Date.now() + 5000));
    expect(text(await readShared(f))).toBe(big('b'));
    // another file of the same size and time is not the one read ahead
    const g = join(dir, 'another.arrow');
    writeFileSync(g, big('d'));
    utimesSync(f, 1e9, 1e9);
    utimesSync(g, 1e9, 1e9);
    await readSharedAhead(f, statSync(f));
    expect(text(await readShared(g))).toBe(big('d'));
  });

  it('gives the read ahead once: a second read of the file is a new one', async () => {
    const f = join(dir, 'twice.arrow');
    writeFileSync(f, big('a'));
    await readSharedAhead(f, statSync(f));
    const [first, second] = [await readShared(f), await readShared(f)];
    expect(text(second)).toBe(big('a'));
    expect(second.buffer).not.toBe(first.buffer);
  });

  it('reports a file that cannot be read, ahead or not', async () => {
    const f = join(dir, 'missing.arrow');
    await expect(readShared(f)).rejects.toThrow(/missing\.arrow/);
  });
});
