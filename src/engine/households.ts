// Reading a households file, as the settings say: the fast reader (io/fast-csv.ts; split over the pool's workers by
// read.ts when the file is big), or csv-parse's reference reader (the readers are tested against each other); and the
// runs' totals over a file, evaluated where it was read when that pays. One thread keeps everything on this thread.
import { InputError, type Problem, type Where } from '../errors.js';
import { checkRange, type CheckFound } from '../io/arrow-checks.js';
import { kindOfHouseholds, prepareHouseholds, refuseArrowOptions, type ArrowChecks, type Converted, type Prepared } from '../io/foreign.js';
import type { Totals } from '../core/aggregate.js';
import type { Population } from '../core/population.js';
import type { Run } from '../core/simulate.js';
import { inputFile, inputStream } from '../io/files.js';
import type { StreamOptions } from '../io/fast-csv.js';
import { parseHouseholdsFast } from '../io/fast-read.js';
import { parseHouseholds, type ReadOptions } from '../io/households-csv.js';
import { simulateParallel } from './parallel.js';
import type { Executor } from './pool.js';
import { simulateArrowBatches } from './arrow-totals.js';
import { readsInParallel } from './settings.js';
import { fileHead, headerNames, sizeColumnWarning, unreadColumnsNote } from '../io/unread-columns.js';
import { readParallel, simulateParallelRead } from './read.js';
import { collect } from './collect.js';

/** Reads the file in chunks of households, each handed to `stream.onChunk` and then dropped (bounded memory). */
export async function streamHouseholds(path: string, opts: ReadOptions, stream: StreamOptions): Promise<void> {
  // An Arrow population file: a record batch at a time (io/arrow.ts streamArrow).
  if ((await kindOfHouseholds(path, opts.source)) === 'arrow') {
    refuseArrowOptions(path, opts.source ?? {});
    await noteStale(path, opts);
    const { streamArrow } = await import('../io/arrow.js'); // apache-arrow only when it is needed
    return streamArrow(path, stream.onChunk);
  }
  const p = await prepare(path, opts);
  if (p && 'population' in p) throw new Error('an Arrow file read for --stream'); // (taken above)
  if (p) {
    await relocate(p, () => parseHouseholdsFast(p.open(), path, p.size, opts, stream));
    return;
  }
  const totalBytes = await sizeOf(path);
  await parseHouseholdsFast(inputStream(path), path, totalBytes, opts, stream);
}

/**
 * A workbook, a GB18030 file or a mapped export as canonical CSV (io/foreign.ts), or null for a CSV read as it is; an
 * Arrow file's population, its columns checked on the executor's workers when there are some.
 */
async function prepare(path: string, opts: ReadOptions, exec?: Executor): Promise<Prepared | null> {
  const p = await prepareHouseholds(path, opts.source, exec && arrowChecks(exec));
  if (p) for (const note of p.notes) opts.onNote?.(note, 'how'); // (how it was read: the figures are the same)
  if (p && 'population' in p) await noteStale(path, opts);
  // The header's columns jiuzhu does not read (io/unread-columns.ts): a CSV's own, or the one a workbook, a GB18030
  // file or a mapped export was turned into. (An Arrow file has import's columns.)
  if (opts.onNote && !(p && 'population' in p)) {
    const names = headerNames(p ? p.head : ((await fileHead(path).catch(() => null)) ?? new Uint8Array()));
    const note = names && unreadColumnsNote(names, path, opts.source?.columns?.ignored);
    if (note) opts.onNote(note);
    const size = names && sizeColumnWarning(names, path);
    if (size) opts.onNote(size);
  }
  return p;
}

/** An Arrow file whose source changed after it was imported: said (io/arrow.ts staleSource). */
async function noteStale(path: string, opts: ReadOptions): Promise<void> {
  if (!opts.onNote) return;
  const { staleSource } = await import('../io/arrow-source.js'); // (apache-arrow only when an Arrow file is read)
  const source = await staleSource(path);
  if (source)
    opts.onNote(
      `note: ${path} was imported from ${source}, which has changed since: these figures are of the roll as it was then — run jiuzhu import ${source} --out ${path} again`,
    );
}

/** Reads prepared bytes on this thread, telling each problem at its place in the file (an Arrow file is read already). */
async function readPrepared(exec: Executor, p: Prepared, path: string, opts: ReadOptions): Promise<Population> {
  if ('population' in p) return p.population;
  return relocate(p, () =>
    exec.settings.reader === 'reference'
      ? parseHouseholds(p.open(), path, p.size, opts)
      : parseHouseholdsFast(p.open(), path, p.size, opts),
  );
}

async function relocate<T>(p: Converted, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new InputError(
      e.problems.map((q) => {
        const r = p.text ? { ...q, message: p.text(q.message), ...(q.subject && { subject: p.text(q.subject) }) } : q;
        return r.where ? placed(r, p.where(r.where)) : r;
      }),
      e.hint,
    );
  }
}

/**
 * An Arrow file's value columns checked a range of households per worker (io/arrow-checks.ts: on 1M households ~0.4 s on
 * one thread, mostly the page faults of the household columns written), or here when the population is small.
 */
function arrowChecks(exec: Executor): ArrowChecks {
  return (all) => {
    const pool = all.to >= exec.settings.parallelFromHouseholds ? exec.pool() : null;
    if (!pool) return Promise.resolve([checkRange(all)]);
    const n = Math.min(pool.size, all.to);
    return Promise.all(
      Array.from({ length: n }, (_, w) =>
        pool.run<CheckFound>(w, {
          kind: 'arrow-check',
          ...all,
          from: Math.floor((all.to * w) / n),
          to: Math.floor((all.to * (w + 1)) / n),
        }),
      ),
    );
  };
}

/** The file's size: 0 for a FIFO or device, which is read on this thread as it comes (not split into ranges). */
async function sizeOf(path: string): Promise<number> {
  return (await inputFile(path, 'households file')).size;
}

/** A problem at its place in the file; a subject that names the column the place names already is not said twice. */
function placed(q: Problem, where: Where): Problem {
  const column = /, column ([^,:]+)$/.exec(where.file)?.[1];
  return column !== undefined && q.subject === `column ${column}` ? { where, message: q.message } : { ...q, where };
}

/**
 * Starts the pool's workers when the file is big enough to be read on them, before anything else is done with it:
 * they start up (≈ 60 ms each, loading their modules) while this thread sniffs the file and loads the policies.
 * A file that cannot be looked at is left to the reader to report.
 */
async function warmPool(exec: Executor, path: string): Promise<void> {
  const size = await sizeOf(path).catch(() => 0);
  if (readInParallel(exec, size)) exec.pool();
}

/** The pool, when an Arrow file is big enough to be evaluated on its workers (as a CSV of its size would be read). */
/** Whether to read a file of this size on the pool's workers. */
function readInParallel(exec: Executor, totalBytes: number): boolean {
  return readsInParallel(exec.settings, totalBytes);
}

/** Reads a file on this thread, with the reader the settings name. */
function readHere(exec: Executor, path: string, totalBytes: number, opts: ReadOptions): Promise<Population> {
  const input = inputStream(path);
  return exec.settings.reader === 'reference'
    ? parseHouseholds(input, path, totalBytes, opts)
    : parseHouseholdsFast(input, path, totalBytes, opts);
}

/** Reads a whole households file: on the pool's workers when it is big and there are threads, else on this thread. */
export async function readHouseholds(exec: Executor, path: string, opts: ReadOptions = {}): Promise<Population> {
  const pop = await readWhole(exec, path, opts);
  // What built it (the workers' parts handed over, a reader's outgrown buffers) is garbage now, and this thread will
  // not allocate enough to collect it while the population is evaluated: 1M households held ~280 MB of it through a
  // whole run (simulate --years 2027-2029 --ranges peaked at 952–1,013 MB; 726–733 MB collected here).
  if (pop.householdCount >= exec.settings.parallelFromHouseholds) collect();
  return pop;
}

async function readWhole(exec: Executor, path: string, opts: ReadOptions): Promise<Population> {
  await warmPool(exec, path);
  const p = await prepare(path, opts, exec);
  if (p) return readPrepared(exec, p, path, opts);
  const totalBytes = await sizeOf(path);
  const pool = readInParallel(exec, totalBytes) ? exec.pool() : null;
  return (pool ? await readParallel(pool, path, totalBytes, opts) : null) ?? readHere(exec, path, totalBytes, opts);
}

/**
 * Totals of every run over a households file. A big file is read and evaluated by the same workers (read.ts), which
 * start reading while the runs load; otherwise it is read once the runs are loaded, then evaluated on the workers
 * when that pays (parallel.ts). The totals are the same, exactly, either way. An error loading the runs comes before
 * any in the file.
 */
export async function simulateFile(
  exec: Executor,
  path: string,
  loading: Promise<readonly Run[]>,
  opts: ReadOptions = {},
): Promise<Totals[]> {
  // Its error is awaited below, but it may come while this awaits the file: without a handler now, Node would end the
  // process on an unhandled rejection (a stack trace, exit 1) before the error could be reported.
  loading.catch(() => undefined);
  // An Arrow file of several batches (`jiuzhu import`'s): evaluated a batch at a time, on this thread and only the
  // workers that pay for their start (arrow-totals.ts): the whole pool is not warmed for it.
  const arrow = (await kindOfHouseholds(path, opts.source).catch(() => null)) === 'arrow';
  if (!arrow) await warmPool(exec, path);
  else {
    refuseArrowOptions(path, opts.source ?? {});
    const streamed = await simulateArrowBatches(exec, path, loading);
    if (streamed) {
      await noteStale(path, opts);
      return streamed;
    }
  }
  const p = await prepare(path, opts, exec).catch(async (e: unknown) => {
    await loading;
    throw e;
  });
  if (p) {
    const population = await readPrepared(exec, p, path, opts);
    return simulateParallel(exec, population, await loading);
  }
  const totalBytes = await sizeOf(path).catch(async (e: unknown) => {
    await loading;
    throw e;
  });
  const pool = readInParallel(exec, totalBytes) ? exec.pool() : null;
  const read = pool ? await simulateParallelRead(pool, path, totalBytes, loading, opts) : null;
  if (read && 'totals' in read) return read.totals;
  const runs = await loading;
  return simulateParallel(exec, read?.population ?? (await readHere(exec, path, totalBytes, opts)), runs);
}
