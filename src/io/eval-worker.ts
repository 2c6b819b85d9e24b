// A worker of eval-pool.ts: evaluates a range of households of a population held in shared memory — every run
// (simulate), or every locality's runs against its baseline (compare) — and hands back the exact partial sums.
import { parentPort } from 'node:worker_threads';
import { compare, plainResult, type LocalityRuns, type PlainRunResult } from '../core/compare.js';
import type { PlainTotals } from '../core/aggregate.js';
import type { Population } from '../core/population.js';
import { simulateRange, type Run } from '../core/simulate.js';

interface Range {
  readonly id: number;
  readonly pop: Population;
  readonly from: number;
  readonly to: number;
}

export type EvalJob = Range &
  (
    | { readonly kind: 'simulate'; readonly runs: readonly Run[] }
    | { readonly kind: 'compare'; readonly localities: readonly LocalityRuns[]; readonly decileOf: Uint8Array }
  );

export type EvalReply = { readonly totals: PlainTotals[] } | { readonly results: PlainRunResult[][] } | { readonly error: string };

parentPort!.on('message', (job: EvalJob) => {
  try {
    if (job.kind === 'simulate') {
      parentPort!.postMessage({ totals: simulateRange(job.pop, job.runs, job.from, job.to).map((t) => t.plain()) } satisfies EvalReply);
    } else {
      const results = compare(job.pop, job.localities, { of: job.decileOf, upper: [] }, { from: job.from, to: job.to });
      parentPort!.postMessage({ results: results.map((runs) => runs.map(plainResult)) } satisfies EvalReply);
    }
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies EvalReply);
  }
});
