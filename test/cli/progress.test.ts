// Progress is shown on stderr only at a terminal, not in CI, not with --quiet, and only once a read is slow.
import { describe, expect, it } from 'vitest';
import { makeProgress } from '../../src/cli/progress.js';
import type { Ctx } from '../../src/cli/context.js';

function fake(opts: { tty: boolean; env?: Record<string, string> }) {
  let t = 0;
  const err: string[] = [];
  const ctx: Ctx = {
    stdout: { write: () => true, isTTY: false },
    stderr: { write: (s: string) => err.push(s), isTTY: opts.tty },
    env: opts.env ?? {},
    now: () => new Date(t),
  };
  return { ctx, err, advance: (ms: number) => (t += ms) };
}

describe('progress', () => {
  it('draws rows, MB/s and ETA after half a second, and erases itself', () => {
    const f = fake({ tty: true });
    const p = makeProgress(f.ctx, 'reading h.csv', false)!;
    p.update({ bytes: 1e6, totalBytes: 4e6, rows: 100 });
    expect(f.err).toEqual([]); // too early
    f.advance(1000);
    p.update({ bytes: 2e6, totalBytes: 4e6, rows: 20000 });
    expect(f.err.at(-1)).toBe('\r\x1b[2Kreading h.csv  50%  20,000 rows  2.0 MB/s  ETA 1s');
    p.done();
    expect(f.err.at(-1)).toBe('\r\x1b[2K');
  });

  it('stays silent when stderr is not a terminal, in CI, or with --quiet', () => {
    expect(makeProgress(fake({ tty: false }).ctx, 'x', false)).toBeUndefined();
    expect(makeProgress(fake({ tty: true, env: { CI: 'true' } }).ctx, 'x', false)).toBeUndefined();
    expect(makeProgress(fake({ tty: true }).ctx, 'x', true)).toBeUndefined();
  });
});
