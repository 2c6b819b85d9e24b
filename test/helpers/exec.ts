// Executors for tests: settings as the CLI would make them, with the thresholds at 0 so that even the sample goes to
// threads; and what each worker did, so that a test can tell work really ran on several threads.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rulesAt } from '../../src/core/rules.js';
import type { Run } from '../../src/core/simulate.js';
import { Executor } from '../../src/engine/pool.js';
import { loadPolicy } from '../../src/io/policy-file.js';
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

/** Writes texts to new files in a temporary folder of their own (`prefix`): file(text) → its path. */
export function tempFiles(prefix: string): (text: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let n = 0;
  return (text) => {
    const f = join(dir, `h${n++}.csv`);
    writeFileSync(f, text);
    return f;
  };
}

/** Two runs the thread tests evaluate: Nanning's baseline and Guangzhou's rules, at 2025-06-30. */
export async function twoLocalityRuns(): Promise<Run[]> {
  const { rules } = rulesAt(await loadPolicy('policies/guangxi-nanning.yaml'), '2025-06-30');
  const { rules: gz } = rulesAt(await loadPolicy('policies/guangdong-guangzhou.yaml'), '2025-06-30');
  return [
    { id: 'baseline', rules },
    { id: 'gz', rules: gz },
  ];
}
