// A worker of eval-pool.ts: evaluates a range of households of a population held in shared memory, for every
// run, and hands back the exact partial totals.
import { parentPort } from 'node:worker_threads';
import type { Population } from '../core/population.js';
import { simulateRange, type Run } from '../core/simulate.js';

export interface EvalJob {
  readonly id: number;
  readonly pop: Population;
  readonly runs: readonly Run[];
  readonly from: number;
  readonly to: number;
}

parentPort!.on('message', (job: EvalJob) => {
  try {
    const totals = simulateRange(job.pop, job.runs, job.from, job.to);
    parentPort!.postMessage({ id: job.id, totals: totals.map((t) => t.plain()) });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
