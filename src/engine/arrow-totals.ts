// The runs' totals over an Arrow population file, a record batch at a time (`jiuzhu import` writes batches of 65,536
// households): each batch read into one buffer, made a population, checked and evaluated before the next is read
// (arrow-batches.ts), on this thread and the pool's workers, each claiming the next batch when done with its last. No
// copy of the file in memory: on the bench's VM, where a first write to memory costs ~3 ms per MB, reading the 262 MB
// file whole cost more than evaluating it. Totals merged exactly: the same whatever the batches or
// threads. null — read the file whole, as other commands do — when a batch is not as `jiuzhu import` wrote it (its
// problems are then told at their rows).
import { Totals, type PlainTotals } from '../core/aggregate.js';
import type { Run } from '../core/simulate.js';
import { readArrowLayout } from '../io/arrow-file.js';
import { plainRuns } from './parallel.js';
import type { Executor } from './pool.js';
import { arrowWorkers } from './settings.js';

/** `exec`: the pool's workers join this thread as settings.arrowBatchRunsPerWorker says (arrowWorkers); null: this thread. */
export async function simulateArrowBatches(
  exec: Executor | null,
  file: string,
  loading: Promise<readonly Run[]>,
): Promise<Totals[] | null> {
  let batches: number;
  try {
    batches = readArrowLayout(file).batches.length;
  } catch {
    return null; // the whole read reports it
  }
  const runs = await loading;
  const { batchTotals, newClaims } = await import('./arrow-batches.js');
  const claims = newClaims(batches);
  // This thread takes part, beside at most one worker fewer than the pool has (one thread a core), and only as many as
  // pay for their code's warm-up (~0.4 s on the bench's VM): settings.arrowBatchRunsPerWorker.
  const n = exec ? arrowWorkers(exec.settings, batches, runs.length) : 0;
  const pool = n ? exec!.pool() : null;
  const plain = pool ? plainRuns(runs) : [];
  const jobs = Array.from({ length: pool ? n : 0 }, (_, w) =>
    pool!.run<PlainTotals[] | null>(w, { kind: 'arrow-totals', file, claims, runs: plain }),
  );
  const parts = await Promise.all([batchTotals(file, claims, runs), ...jobs]);
  if (parts.some((p) => p === null)) return null;
  const totals = runs.map(() => new Totals());
  for (const part of parts) part!.forEach((p, i) => totals[i]!.merge(Totals.of(p)));
  return totals;
}
