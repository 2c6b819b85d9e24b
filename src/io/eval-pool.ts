// Evaluation on worker threads (simulate's totals, compare's results): the population in shared memory
// (SharedArrayBuffer, no copy per worker), the households cut into one range per thread, the partial sums merged
// exactly (integers), so the result is the same whatever the thread count (test/io/parallel.test.ts). Small
// populations stay on this thread.
import { Worker } from 'node:worker_threads';
import { Totals } from '../core/aggregate.js';
import { compare, emptyRunResult, mergeResult, type Deciles, type LocalityRuns, type RunResult } from '../core/compare.js';
import type { Population } from '../core/population.js';
import { simulate, type Run } from '../core/simulate.js';
import type { EvalJob, EvalReply } from './eval-worker.js';
import { threadCount, workerUrl } from './workers.js';

/** Below this many households the threads cost more than they save. */
export const PARALLEL_FROM_HOUSEHOLDS = 50_000;

/** Totals of every run over the whole population, on `threads` worker threads when that pays. */
export async function simulateParallel(pop: Population, runs: readonly Run[], threads = threadCount()): Promise<Totals[]> {
  const ranges = rangesFor(pop, threads);
  if (!ranges) return simulate(pop, runs);
  const shared = sharedPopulation(pop);
  const plain = plainRuns(runs);
  const parts = await Promise.all(ranges.map(([from, to], id) => evaluate({ kind: 'simulate', id, pop: shared, runs: plain, from, to })));
  const totals = runs.map(() => new Totals());
  for (const part of parts) if ('totals' in part) part.totals.forEach((p, i) => totals[i]!.merge(Totals.of(p)));
  return totals;
}

/** compare() over the whole population, on `threads` worker threads when that pays; the same result, exactly. */
export async function compareParallel(
  pop: Population,
  localities: readonly LocalityRuns[],
  deciles: Deciles,
  threads = threadCount(),
): Promise<RunResult[][]> {
  const ranges = rangesFor(pop, threads);
  if (!ranges) return compare(pop, localities, deciles);
  const shared = sharedPopulation(pop);
  const plain = localities.map((l) => ({ runs: plainRuns(l.runs) }));
  const decileOf = inShared(deciles.of);
  const parts = await Promise.all(
    ranges.map(([from, to], id) => evaluate({ kind: 'compare', id, pop: shared, localities: plain, decileOf, from, to })),
  );
  const results = localities.map((l, li) => l.runs.map((r) => emptyRunResult(r.id, undefined, li)));
  for (const part of parts)
    if ('results' in part) part.results.forEach((runs, l) => runs.forEach((p, i) => mergeResult(results[l]![i]!, p)));
  return results;
}

/** One range of households per thread, or null when one thread is quicker (few households, or one thread). */
function rangesFor(pop: Population, threads: number): Array<[number, number]> | null {
  const minimum = Number(process.env.JIUZHU_PARALLEL_FROM_HOUSEHOLDS ?? PARALLEL_FROM_HOUSEHOLDS);
  if (threads < 2 || pop.householdCount < minimum) return null;
  const n = Math.min(threads, pop.householdCount);
  return Array.from({ length: n }, (_, i) => [Math.floor((pop.householdCount * i) / n), Math.floor((pop.householdCount * (i + 1)) / n)]);
}

/** Runs as a worker gets them: the rules without their parameter snapshot (the engine does not read it). */
export function plainRuns(runs: readonly Run[]): Run[] {
  return runs.map((r) => ({ id: r.id, rules: { ...r.rules, snapshot: null } })) as unknown as Run[];
}

function evaluate(job: EvalJob): Promise<EvalReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl('io/eval-worker.js'));
    worker.once('message', (m: EvalReply) => {
      void worker.terminate();
      if ('error' in m) reject(new Error(`an evaluation worker failed: ${m.error}`));
      else resolve(m);
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
