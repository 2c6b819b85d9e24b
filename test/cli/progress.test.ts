// Progress is shown on stderr only at a terminal, not in CI, not with --quiet, and only once a read is slow.
import { describe, expect, it } from 'vitest';
import { makeProgress, progressLine, readingLabel } from '../../src/cli/progress.js';
import { tidyOnInterrupt } from '../../src/cli/exit.js';
import { displayWidth } from '../../src/report/text-table.js';
import type { Ctx } from '../../src/cli/context.js';

function fake(opts: { tty: boolean; env?: Record<string, string>; columns?: number }) {
  let t = 0;
  const err: string[] = [];
  const ctx: Ctx = {
    stdout: { write: () => true, isTTY: false },
    stderr: { write: (s: string) => err.push(s), isTTY: opts.tty, columns: opts.columns },
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

  // An interactive QA trial: a pipe's progress said "0% … ETA 0s" throughout and named /dev/stdin; at 40 columns each
  // redraw left a wrapped line behind; Ctrl-C left the line standing under the shell's prompt
  it('from a pipe (no size): rows and rate only, reading "standard input"', () => {
    expect(readingLabel('/dev/stdin')).toBe('reading standard input');
    expect(progressLine(readingLabel('/dev/stdin'), { bytes: 3e6, totalBytes: 0, rows: 9000 }, 2, 80)).toBe(
      'reading standard input  9,000 rows  1.5 MB/s',
    );
  });

  it('fits the terminal: the path cut at its start, the figures kept; never wider than the terminal', () => {
    const label = 'reading /tmp/a-rather-long-directory-name/and-another-level-of-nesting/households.csv';
    const p = { bytes: 2e6, totalBytes: 4e6, rows: 20000 };
    expect(progressLine(label, p, 1, 200)).toBe(`${label}  50%  20,000 rows  2.0 MB/s  ETA 1s`);
    const cut = progressLine(label, p, 1, 80);
    expect(cut).toMatch(/^….*nesting\/households\.csv {2}50% {2}20,000 rows {2}2\.0 MB\/s {2}ETA 1s$/);
    expect(displayWidth(cut)).toBe(79);
    for (const columns of [20, 40, 60]) expect(displayWidth(progressLine(label, p, 1, columns))).toBeLessThan(columns);
    const f = fake({ tty: true, columns: 40 });
    const bar = makeProgress(f.ctx, label, false)!;
    f.advance(1000);
    bar.update(p);
    expect(displayWidth(f.err.at(-1)!.replace('\r\x1b[2K', ''))).toBeLessThan(40);
  });

  it('a line standing is erased on Ctrl-C; once done, nothing is left to erase', () => {
    const f = fake({ tty: true });
    const p = makeProgress(f.ctx, 'reading h.csv', false)!;
    f.advance(1000);
    p.update({ bytes: 2e6, totalBytes: 4e6, rows: 20000 });
    tidyOnInterrupt();
    expect(f.err.at(-1)).toBe('\r\x1b[2K');
    p.done();
    const written = f.err.length;
    tidyOnInterrupt();
    expect(f.err).toHaveLength(written);
  });

  it('stays silent when stderr is not a terminal, in CI, with TERM=dumb (it cannot erase a line), or with --quiet', () => {
    expect(makeProgress(fake({ tty: true, env: { TERM: 'dumb' } }).ctx, 'x', false)).toBeUndefined();
    expect(makeProgress(fake({ tty: false }).ctx, 'x', false)).toBeUndefined();
    expect(makeProgress(fake({ tty: true, env: { CI: 'true' } }).ctx, 'x', false)).toBeUndefined();
    expect(makeProgress(fake({ tty: true }).ctx, 'x', true)).toBeUndefined();
  });
});
