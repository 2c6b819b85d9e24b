// A worker of compare-pool.ts: keeps the population it was started with (shared memory) and compares a range
// of its households under a run's rules with the cached baseline, writing their annual amounts into the shared
// array and handing back the exact partial sums.
import { parentPort, workerData } from 'node:worker_threads';
import { compareRange, emptyRunResult, plainResult, type BaselineArrays, type PlainRunResult } from '../core/compare.js';
import type { Population } from '../core/population.js';
import type { Rules } from '../core/rules.js';

export interface CompareJob {
  readonly id: number;
  readonly rules: Rules;
  readonly from: number;
  readonly to: number;
  /** Shared: the run's annual amount per household (this range is written), the baseline's arrays, deciles. */
  readonly annual: Float64Array;
  readonly base: BaselineArrays;
  readonly decileOf: Uint8Array;
  /** The run takes over the baseline's steps 1–2 (sameFirstSteps). */
  readonly takeOver: boolean;
}

export type CompareReply = { readonly id: number; readonly result: PlainRunResult } | { readonly id: number; readonly error: string };

const pop = workerData as Population;

parentPort!.on('message', (job: CompareJob) => {
  try {
    const res = emptyRunResult('', job.annual);
    compareRange(res, pop, job.base, job.rules, job.decileOf, job.from, job.to, job.takeOver);
    parentPort!.postMessage({ id: job.id, result: plainResult(res) } satisfies CompareReply);
  } catch (e) {
    parentPort!.postMessage({ id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies CompareReply);
  }
});
