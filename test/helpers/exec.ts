// Executors for tests: settings as the CLI would make them, with the thresholds at 0 so that even the sample goes to
// threads; and what each worker did, so that a test can tell work really ran on several threads.
import { Executor } from '../../src/engine/pool.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/engine/settings.js';

export function executor(threads: number, more: Partial<Settings> = {}): Executor {
  return new Executor({
    ...DEFAULT_SETTINGS,
    threads,
    parallelFromBytes: 0,
    parallelFromHouseholds: 0,
    arrowBatchRunsPerWorker: 1,
    ...more,
  });
}

/** Runs body with an executor of `threads` threads, closed afterwards; returns body's result and the jobs each worker finished. */
export async function withThreads<T>(
  threads: number,
  body: (exec: Executor) => Promise<T>,
  more: Partial<Settings> = {},
): Promise<{ result: T; jobs: number[] }> {
  const exec = executor(threads, more);
  try {
    const result = await body(exec);
    return { result, jobs: [...(exec.started?.jobsDone ?? [])] };
  } finally {
    exec.close();
  }
}

/** Workers that finished at least one job. */
export const busy = (jobs: readonly number[]) => jobs.filter((n) => n > 0).length;
