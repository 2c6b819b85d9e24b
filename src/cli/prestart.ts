// Before the CLI loads its commands (≈ 0.15 s), bin/jiuzhu.js calls this: when the command line names a households
// file big enough to be read on worker threads (the settings' threshold), the pool starts now, and its workers load
// their modules while this thread loads the CLI; the command's Executor then takes it (engine/pool.ts). Anything
// unusual — bad settings, no such file, --stream (read on this thread), one thread — starts nothing (nor does an
// Arrow file's totals, when they are quicker on this thread alone: settings.arrowBatchRunsPerWorker): the command
// itself reports what is wrong. Idle workers keep nothing alive, so an unused pool costs nothing at exit. For simulate
// on a plain CSV the file's reads are posted too (engine/read-ahead.ts); when no command takes the
// pool (a usage error), bin/jiuzhu.js closes it once the CLI is done (closePrestarted), so nothing waits for them.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { prestart } from '../engine/pool.js';
export { closePrestarted } from '../engine/pool.js';
import { readAhead } from '../engine/read-ahead.js';
import { HEAD, householdsKind } from '../io/households-kind.js';
import { evaluatesAsItReads, householdsArg } from './relaunch.js';
import { arrowWorkers, readsInParallel } from '../engine/settings.js';
import { readArrowLayout } from '../io/arrow-file.js';
import { settingsFromEnv } from './settings.js';

export function prestartFor(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  try {
    if (argv.includes('--stream') || argv.includes('--help') || argv.includes('-h')) return;
    const file = householdsArg(argv);
    if (!file) return;
    const settings = settingsFromEnv(env);
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || !readsInParallel(settings, st.size)) return;
    const totals = evaluatesAsItReads(argv, file);
    const kind = totals ? householdsKind(file, head(file), {}) : null;
    // simulate on an Arrow file: only the workers that will join this thread (engine/arrow-totals.ts),
    // for the runs the command line suggests (any other starts when its job comes)
    const eager = kind === 'arrow' ? arrowWorkers(settings, readArrowLayout(file).batches.length, runsHint(argv)) : settings.threads;
    if (!eager) return;
    const pool = prestart(settings.threads, eager);
    // simulate on a plain CSV: its reads start too, as soon as the workers are up (engine/read-ahead.ts)
    if (kind === 'csv') readAhead(pool, file, st);
  } catch {
    // the command reports it
  }
}

/** About how many runs: the baseline and each scenario. */
function runsHint(argv: readonly string[]): number {
  return 1 + argv.filter((a) => a === '--scenario' || a.startsWith('--scenario=')).length;
}

/** The file's first HEAD bytes. */
function head(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(HEAD);
    return b.subarray(0, readSync(fd, b, 0, HEAD, 0));
  } finally {
    closeSync(fd);
  }
}
