// io/shared-read.ts: a whole file read into shared memory, in slices at once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShared } from '../../src/io/shared-read.js';

const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-shared-read-'));
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('readShared', () => {
  it('reads the whole file into shared memory, each slice in its place', async () => {
    const f = join(dir, 'whole.arrow');
    // 3 MB and a few bytes: 3 slices of 1 MB and a short tail, each byte saying which MB it is in
    const body = ['a', 'b', 'c'].map((c) => c.repeat(1 << 20)).join('') + 'end';
    writeFileSync(f, body);
    const b = await readShared(f);
    expect(b.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(text(b)).toBe(body);
  });

  it('reads an empty file', async () => {
    const f = join(dir, 'empty.arrow');
    writeFileSync(f, '');
    expect((await readShared(f)).length).toBe(0);
  });

  it('reports a file that cannot be read, by name', async () => {
    await expect(readShared(join(dir, 'missing.arrow'))).rejects.toThrow(/missing\.arrow/);
  });
});
