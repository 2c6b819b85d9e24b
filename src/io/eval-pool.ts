// Evaluation on worker threads: the population in shared memory (SharedArrayBuffer, no copy per worker), the
// households cut into one range per thread, the partial totals merged exactly (integer sums), so the totals are
// the same whatever the thread count (test/core/parallel.test.ts). Small populations stay on this thread.
import { Worker } from 'node:worker_threads';
import { Totals, type PlainTotals } from '../core/aggregate.js';
import type { Population } from '../core/population.js';
import { simulate, type Run } from '../core/simulate.js';
import type { EvalJob } from './eval-worker.js';
import { threadCount, workerUrl } from './workers.js';

/** Below this many households the threads cost more than they save. */
export const PARALLEL_FROM_HOUSEHOLDS = 50_000;

/** Totals of every run over the whole population, on `threads` worker threads when that pays. */
export async function simulateParallel(pop: Population, runs: readonly Run[], threads = threadCount()): Promise<Totals[]> {
  const minimum = Number(process.env.JIUZHU_PARALLEL_FROM_HOUSEHOLDS ?? PARALLEL_FROM_HOUSEHOLDS);
  if (threads < 2 || pop.householdCount < minimum) return simulate(pop, runs);
  const shared = sharedPopulation(pop);
  const plain = plainRuns(runs);
  const n = Math.min(threads, pop.householdCount);
  const cuts = Array.from({ length: n + 1 }, (_, i) => Math.floor((pop.householdCount * i) / n));
  const parts = await Promise.all(cuts.slice(0, -1).map((from, i) => evaluate({ id: i, pop: shared, runs: plain, from, to: cuts[i + 1]! })));
  const totals = runs.map(() => new Totals());
  for (const part of parts) part.forEach((p, i) => totals[i]!.merge(Totals.of(p)));
  return totals;
}

/** Runs as a worker gets them: the rules without their parameter snapshot (the engine does not read it). */
export function plainRuns(runs: readonly Run[]): Run[] {
  return runs.map((r) => ({ id: r.id, rules: { ...r.rules, snapshot: null } })) as unknown as Run[];
}

function evaluate(job: EvalJob): Promise<PlainTotals[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl('io/eval-worker.js'));
    worker.once('message', (m: { totals?: PlainTotals[]; error?: string }) => {
      void worker.terminate();
      if (m.totals) resolve(m.totals);
      else reject(new Error(`an evaluation worker failed: ${m.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`an evaluation worker stopped (exit code ${code})`))); // no effect once settled
    worker.postMessage(job);
  });
}

/** The population's columns in shared memory (copied once if they are not already), without the ids. */
export function sharedPopulation(pop: Population): Population {
  const out: Record<string, unknown> = { ...pop, householdIds: null, personIds: null };
  for (const [k, a] of Object.entries(pop)) if (ArrayBuffer.isView(a)) out[k] = inShared(a);
  return out as unknown as Population;
}

/** A typed array in shared memory: itself, or a copy. */
export function inShared<T extends ArrayBufferView>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const buffer = new SharedArrayBuffer(a.byteLength);
  new Uint8Array(buffer).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)); // bytes, whatever the element type
  return new (a.constructor as new (b: SharedArrayBuffer) => T)(buffer);
}
