// Progress on stderr while a long read runs: only when stderr is a terminal, not in CI, not --quiet,
// and only after half a second. One line, redrawn in place, erased when done.
import type { ReadProgress } from '../core/progress.js';
import type { Ctx } from './context.js';

export interface Progress {
  readonly update: (p: ReadProgress) => void;
  readonly done: () => void;
}

export function makeProgress(ctx: Ctx, label: string, quiet: boolean): Progress | undefined {
  if (quiet || !ctx.stderr.isTTY || ctx.env.CI) return undefined;
  const start = ctx.now().getTime();
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = ctx.now().getTime();
      if (now - start < 500 || now - last < 150) return;
      last = now;
      shown = true;
      const secs = (now - start) / 1000;
      const rate = p.bytes / secs;
      const pct = p.totalBytes ? Math.min(100, (100 * p.bytes) / p.totalBytes) : 0;
      const eta = p.totalBytes && rate ? Math.max(0, (p.totalBytes - p.bytes) / rate) : 0;
      ctx.stderr.write(
        `\r\x1b[2K${label}  ${pct.toFixed(0)}%  ${p.rows.toLocaleString('en')} rows  ${(rate / 1e6).toFixed(1)} MB/s  ETA ${eta.toFixed(0)}s`,
      );
    },
    done() {
      if (shown) ctx.stderr.write('\r\x1b[2K');
    },
  };
}
