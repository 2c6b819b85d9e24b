// Progress on stderr while a long read runs: only when stderr is a terminal that can erase a line (not TERM=dumb), not
// in CI, not --quiet, and only after half a second. One line, cut to the terminal's width (a wider one wrapped, and
// each redraw left the wrapped part behind), redrawn in place, erased when done — and on Ctrl-C.
import { namedFile } from '../report/paths.js';
import type { ReadProgress } from '../core/progress.js';
import { displayWidth, truncate } from '../report/text-table.js';
import type { Ctx } from './context.js';
import { atInterrupt } from './exit.js';

export interface Progress {
  readonly update: (p: ReadProgress) => void;
  readonly done: () => void;
}

const ERASE = '\r\x1b[2K';

/** "reading FILE", or "reading standard input" for `-` (it said /dev/stdin, which no one typed). */
export const readingLabel = (file: string): string => `reading ${namedFile(file) === '-' ? 'standard input' : file}`;

export function makeProgress(ctx: Ctx, label: string, quiet: boolean): Progress | undefined {
  if (quiet || !ctx.stderr.isTTY || ctx.env.CI || ctx.env.TERM === 'dumb') return undefined;
  const start = ctx.now().getTime();
  let last = 0;
  let release: (() => void) | null = null;
  return {
    update(p) {
      const now = ctx.now().getTime();
      if (now - start < 500 || now - last < 150) return;
      last = now;
      release ??= atInterrupt(() => ctx.stderr.write(ERASE));
      ctx.stderr.write(ERASE + progressLine(label, p, (now - start) / 1000, ctx.stderr.columns ?? 80));
    },
    done() {
      if (!release) return;
      release();
      ctx.stderr.write(ERASE);
    },
  };
}

/**
 * The line: what is read, how far (with its size known: a pipe's is not, and it said "0% … ETA 0s" throughout), rows
 * and rate; the file's name cut at its start to fit `columns`.
 */
export function progressLine(label: string, p: ReadProgress, secs: number, columns: number): string {
  const rate = p.bytes / secs;
  const known = p.totalBytes > 0;
  const pct = known ? `  ${Math.min(100, (100 * p.bytes) / p.totalBytes).toFixed(0)}%` : '';
  const eta = known && rate ? `  ETA ${Math.max(0, (p.totalBytes - p.bytes) / rate).toFixed(0)}s` : '';
  const tail = `${pct}  ${p.rows.toLocaleString('en')} rows  ${(rate / 1e6).toFixed(1)} MB/s${eta}`;
  const room = columns - 1 - displayWidth(tail);
  const head = displayWidth(label) <= room ? label : room >= 12 ? `…${cutStart(label, room - 1)}` : label;
  return truncate(head + tail, columns - 1);
}

/** The end of `s` that fits `width` columns (a path's file name is at its end). */
function cutStart(s: string, width: number): string {
  const chars = [...s];
  let w = 0;
  let i = chars.length;
  while (i > 0 && w + displayWidth(chars[i - 1]!) <= width) w += displayWidth(chars[--i]!);
  return chars.slice(i).join('');
}
