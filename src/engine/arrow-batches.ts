// On a worker thread (worker.ts, loaded when the first such job comes: it brings apache-arrow): the totals of a run of
// an Arrow population file's record batches, each read into the reader's one buffer, made a population, checked and
// evaluated before the next is read (arrow-totals.ts). A batch whose ids are not those `jiuzhu import` checked, or
// with any problem, ends the job with `null`: the file is then read whole, where problems are told at their rows.
import { Totals, type PlainTotals } from '../core/aggregate.js';
import { simulateRange, type Run } from '../core/simulate.js';
import { InputError } from '../errors.js';
import { batchColumnsOf, batchIdsChecked, batchReader, decode } from '../io/arrow.js';
import type { BatchReader } from '../io/arrow-file.js';
import { populationFromColumns, Scratch } from '../io/arrow-population.js';

/** Batches [from, to) of the file under the runs; null when any was not as `jiuzhu import` wrote it. */
export async function batchTotals(file: string, from: number, to: number, runs: readonly Run[]): Promise<PlainTotals[] | null> {
  let reader: BatchReader | null = null;
  const scratch = new Scratch();
  try {
    reader = await batchReader(file);
    let totals: Totals[] | null = null;
    for (let i = from; i < to; i++) {
      const columns = batchColumnsOf(decode(reader, i));
      // The file's fingerprint lists each batch's hash of its ids: ids unique over the whole file.
      if (!batchIdsChecked(columns, i, reader.batchCount)) return null;
      const pop = await populationFromColumns(columns, file, { idsChecked: true, scratch });
      const t = simulateRange(pop, runs, 0, pop.householdCount);
      if (totals) t.forEach((x, k) => totals![k]!.merge(x));
      else totals = t;
    }
    return (totals ?? runs.map(() => new Totals())).map((t) => t.plain());
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  } finally {
    reader?.close();
  }
}
