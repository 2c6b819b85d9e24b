// The runs' totals over an Arrow population file, a record batch at a time (`jiuzhu import` writes batches of 65,536
// households): each batch read into one buffer, made a population, checked and evaluated before the next is read
// (arrow-batches.ts), on the pool's workers (each its share of the batches) or, with one thread or a small file, on
// this thread. No copy of the file in memory: on the bench's VM, where a first write to memory costs ~3 ms per MB,
// reading the 262 MB file whole cost more than evaluating it. Totals merged exactly: the same whatever the batches or
// threads. null — read the file whole, as other commands do — when a batch is not as `jiuzhu import` wrote it (its
// problems are then told at their rows).
import { Totals, type PlainTotals } from '../core/aggregate.js';
import type { Run } from '../core/simulate.js';
import { readArrowLayout } from '../io/arrow-file.js';
import { plainRuns } from './parallel.js';
import type { Pool } from './pool.js';

export async function simulateArrowBatches(pool: Pool | null, file: string, loading: Promise<readonly Run[]>): Promise<Totals[] | null> {
  let batches: number;
  try {
    batches = readArrowLayout(file).batches.length;
  } catch {
    return null; // the whole read reports it
  }
  const runs = await loading;
  const n = pool && batches > 1 ? Math.min(pool.size, batches) : 0;
  if (!n) {
    const { batchTotals } = await import('./arrow-batches.js');
    const plain = await batchTotals(file, 0, batches, runs);
    return plain && plain.map((p) => Totals.of(p));
  }
  const plain = plainRuns(runs);
  const parts = await Promise.all(
    Array.from({ length: n }, (_, w) =>
      pool!.run<PlainTotals[] | null>(w, {
        kind: 'arrow-totals',
        file,
        from: Math.floor((batches * w) / n),
        to: Math.floor((batches * (w + 1)) / n),
        runs: plain,
      }),
    ),
  );
  if (parts.some((p) => p === null)) return null;
  const totals = runs.map(() => new Totals());
  for (const part of parts) part!.forEach((p, i) => totals[i]!.merge(Totals.of(p)));
  return totals;
}
