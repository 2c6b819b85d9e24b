// Before the CLI loads its commands (≈ 0.15 s), bin/jiuzhu.js calls this: when the command line names a households
// file big enough to be read on worker threads (the settings' threshold), the pool starts now, and its workers load
// their modules while this thread loads the CLI; the command's Executor then takes it (engine/pool.ts). Anything
// unusual — bad settings, no such file, --stream (read on this thread), one thread — starts nothing: the command
// itself reports what is wrong. Idle workers keep nothing alive, so an unused pool costs nothing at exit. For simulate
// and sensitivity on a plain CSV the file's reads are posted too (engine/read-ahead.ts); when no command takes the
// pool (a usage error), bin/jiuzhu.js closes it once the CLI is done (closePrestarted), so nothing waits for them.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { prestart } from '../engine/pool.js';
export { closePrestarted } from '../engine/pool.js';
import { readAhead } from '../engine/read-ahead.js';
import { HEAD, householdsKind } from '../io/households-kind.js';
import { evaluatesAsItReads, householdsArg } from './relaunch.js';
import { readsInParallel } from '../engine/settings.js';
import { settingsFromEnv } from './settings.js';

export function prestartFor(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  try {
    if (argv.includes('--stream') || argv.includes('--help') || argv.includes('-h')) return;
    const file = householdsArg(argv);
    if (!file) return;
    const settings = settingsFromEnv(env);
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || !readsInParallel(settings, st.size)) return;
    const pool = prestart(settings.threads);
    // simulate and sensitivity on a plain CSV: its reads start too, as soon as the workers are up (engine/read-ahead.ts)
    if (evaluatesAsItReads(argv, file) && householdsKind(file, head(file), {}) === 'csv') readAhead(pool, file, st);
  } catch {
    // the command reports it
  }
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
