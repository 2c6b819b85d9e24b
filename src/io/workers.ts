// Worker threads: how many to use, and where their scripts are. The scripts are the compiled files in dist/
// (also when the caller runs from TypeScript sources, as the tests do after `npm run build`).
import { availableParallelism } from 'node:os';

/** JIUZHU_THREADS=n overrides (1 = everything on the main thread); otherwise one per core, at most 8. */
export function threadCount(): number {
  const set = Number(process.env.JIUZHU_THREADS);
  if (Number.isInteger(set) && set >= 1) return Math.min(set, 64);
  return Math.min(availableParallelism(), 8);
}

/** The URL of a compiled worker script, e.g. workerUrl('io/read-worker.js'). */
export function workerUrl(path: string): URL {
  const here = import.meta.url;
  const dist = here.endsWith('.ts') ? new URL('../../dist/', here) : new URL('../', here);
  return new URL(path, dist);
}
