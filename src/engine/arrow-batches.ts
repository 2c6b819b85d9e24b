// On this thread and on workers (worker.ts, loaded when the first such job comes: it brings apache-arrow): the totals of
// the record batches of an Arrow population file that this thread claims, each read into the reader's one buffer, made
// a population, checked and evaluated before the next is claimed (arrow-totals.ts). A batch whose ids are not those
// `jiuzhu import` checked, or with any problem, ends the job with `null` and ends the others' claims: the file is then
// read whole, where problems are told at their rows.
import { Totals, type PlainTotals } from '../core/aggregate.js';
import { simulateRange, type Run } from '../core/simulate.js';
import { InputError } from '../errors.js';
import { batchColumnsOf, batchIdsChecked, batchReader, batchValuesChecked, decode } from '../io/arrow.js';
import type { BatchReader } from '../io/arrow-file.js';
import { populationFromColumns, Scratch } from '../io/arrow-population.js';

/**
 * The batches shared out among threads: each claims the next one not yet claimed (`next[0]`, in shared memory) when it
 * is done with its last, so a thread that starts late or runs slower (a worker's code still warming up) takes fewer.
 */
export interface Claims {
  readonly next: Int32Array;
  readonly batches: number;
}

export const newClaims = (batches: number): Claims => ({ next: new Int32Array(new SharedArrayBuffer(4)), batches });

/** The next batch for this thread, or -1 when every one is claimed. */
const claim = (c: Claims): number => {
  const i = Atomics.add(c.next, 0, 1);
  return i < c.batches ? i : -1;
};

/** The batches this thread claims, under the runs; null when any was not as `jiuzhu import` wrote it. */
export async function batchTotals(file: string, claims: Claims, runs: readonly Run[]): Promise<PlainTotals[] | null> {
  let reader: BatchReader | null = null;
  const scratch = new Scratch();
  let ok = false;
  try {
    reader = await batchReader(file);
    let totals: Totals[] | null = null;
    for (let i = claim(claims); i >= 0; i = claim(claims)) {
      const columns = batchColumnsOf(decode(reader, i), reader.file);
      // The file's fingerprint lists each batch's hash of its ids: ids unique over the whole file.
      if (!batchIdsChecked(columns, i, reader.batchCount)) return null;
      const valuesChecked = batchValuesChecked(columns, i, reader.batchCount); // (else checked here)
      // (values import wrote that differ now — edited or damaged since —: read whole, where it is said)
      if (!valuesChecked && columns.metadata.get('jiuzhu.values') !== undefined) return null;
      const pop = await populationFromColumns(columns, file, { idsChecked: true, valuesChecked, scratch });
      const t = simulateRange(pop, runs, 0, pop.householdCount);
      if (totals) t.forEach((x, k) => totals![k]!.merge(x));
      else totals = t;
    }
    ok = true;
    return (totals ?? runs.map(() => new Totals())).map((t) => t.plain());
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  } finally {
    if (!ok) Atomics.store(claims.next, 0, claims.batches); // the others claim no more: the file is read whole
    reader?.close();
  }
}
