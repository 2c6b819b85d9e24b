// Before the CLI loads its commands (≈ 0.15 s), bin/jiuzhu.js calls this: when the command line names a households
// file big enough to be read on worker threads (the settings' threshold), the pool starts now, and its workers load
// their modules while this thread loads the CLI; the command's Executor then takes it (engine/pool.ts). Anything
// unusual — bad settings, no such file, --stream (read on this thread), one thread — starts nothing: the command
// itself reports what is wrong. Idle workers keep nothing alive, so an unused pool costs nothing at exit.
import { statSync } from 'node:fs';
import { prestart } from '../engine/pool.js';
import { readsInParallel } from '../engine/settings.js';
import { settingsFromEnv } from './settings.js';

export function prestartFor(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  try {
    if (argv.includes('--stream') || argv.includes('--help') || argv.includes('-h')) return;
    const at = argv.findIndex((a) => a === '--households' || a.startsWith('--households='));
    if (at < 0) return;
    const file = argv[at]!.includes('=') ? argv[at]!.slice('--households='.length) : argv[at + 1];
    if (!file) return;
    const settings = settingsFromEnv(env);
    const st = statSync(file, { throwIfNoEntry: false });
    if (st?.isFile() && readsInParallel(settings, st.size)) prestart(settings.threads);
  } catch {
    // the command reports it
  }
}
