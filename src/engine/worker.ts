// A worker thread of the pool (pool.ts). It takes one job at a time, in the order sent, and answers with progress and a
// result (or an error). It may keep what a job left for a later one: the part of a file it read (its evaluated columns
// in shared memory) until it is evaluated or dropped, and a population (shared memory) for the TUI's knob comparisons.
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { Totals, type PlainTotals } from '../core/aggregate.js';
import {
  compare,
  compareRange,
  emptyRunResult,
  newAcross,
  plainResult,
  type BaselineArrays,
  type LocalityRuns,
  type PlainRunResult,
} from '../core/compare.js';
import type { View } from '../core/cliff.js';
import { rateBands, type PerHouseholdRates } from '../core/marginal-rates.js';
import type { Population } from '../core/population.js';
import { fastCopy } from '../core/records.js';
import { collect } from './collect.js';
import type { Rules } from '../core/rules.js';
import { simulateRange, type Run } from '../core/simulate.js';
import { plainYearChanges, yearChanges, type PlainYearChanges } from '../core/year-changes.js';
import { yearChangesKeeping, type BaselineRef, type KeptBaseline } from '../core/year-kept.js';
import type { ParsedPart } from '../io/assemble.js';
import { checkRange, type CheckFound, type CheckRange } from '../io/arrow-checks.js';
import type { Claims } from './arrow-batches.js';
import { FastReader } from '../io/fast-csv.js';
import { feed } from '../io/fast-read.js';
import { QUOTE } from '../io/fast-fields.js';
import { rangeChunks } from '../io/range-chunks.js';
import { partBuffers, type Part, type WindowSink } from '../io/part.js';
import { segmentsAsHouseholds } from '../io/segments.js';
import { sendError, type SentError } from '../errors.js';

/** A range of households of a population in shared memory. */
interface Range {
  readonly pop: Population;
  /** The population's own number (parallel.ts popKey). */
  readonly key: number;
  readonly from: number;
  readonly to: number;
}

export type Job = { readonly id?: number } & (
  | {
      /**
       * Read byte ranges of a file (whole records after the header; range i is [starts[i], starts[i + 1])): range
       * `first`, then each range it claims (`claim[0]`, shared by the reading workers, is the next range unclaimed),
       * until none is left — a worker that fell behind (one thread shares its core with the command's own loading)
       * reads fewer. `keep`: a key under which the worker keeps the parts (their evaluated columns in shared memory) for
       * an evaluate-part job; null: keep nothing.
       */
      readonly kind: 'read';
      readonly file: string;
      readonly header: readonly string[];
      readonly starts: readonly number[];
      readonly first: number;
      readonly claim: Int32Array;
      readonly keep: number | null;
      /**
       * With `keep`: where the runs come once loaded. From then on the worker evaluates its households a window at a
       * time as it reads them (io/part.ts WindowSink), keeps their totals instead of the part, and the part it hands
       * back holds the ids only.
       */
      readonly runs: MessagePort | null;
    }
  /**
   * The totals of the part kept under key `part` (its segments as households) under the runs: evaluated now, or as it
   * was read; then drop it.
   */
  | { readonly kind: 'evaluate-part'; readonly part: number; readonly runs: readonly Run[] }
  | { readonly kind: 'drop-part'; readonly part: number }
  | (Range & { readonly kind: 'simulate'; readonly runs: readonly Run[] })
  | (Range & {
      readonly kind: 'rates';
      readonly runs: readonly Run[];
      readonly delta: number;
      readonly view: View;
      readonly each: PerHouseholdRates | null;
    })
  | (Range & {
      readonly kind: 'compare';
      readonly localities: readonly LocalityRuns[];
      readonly decileOf: Uint8Array;
      /** Each later locality's runs against the first's too (compare's across: the command asks, the HTML report not). */
      readonly across: boolean;
    })
  /** A budget year's period runs and each run's changes over the year (core/year-changes.ts). */
  | (Range & {
      readonly kind: 'year-changes';
      readonly runs: readonly Run[];
      readonly decileOf: Uint8Array;
      /** Shared, by year: each household's year in fen (this range is written), or null. */
      readonly annual: readonly Float64Array[] | null;
      /** The runs' first periods are this baseline's, kept for this range once evaluated (core/year-kept.ts), or null. */
      readonly baseline: BaselineRef | null;
    })
  /** Check an Arrow file's value columns over a range of households (io/arrow-checks.ts). */
  | (CheckRange & { readonly kind: 'arrow-check' })
  /** The totals of the record batches of an Arrow population file this worker claims, under the runs (arrow-batches.ts). */
  | { readonly kind: 'arrow-totals'; readonly file: string; readonly claims: Claims; readonly runs: readonly Run[] }
  /**
   * Write zeros over [from, to) of a shared array: its pages are mapped now (the first touch of a page is what costs,
   * ~12 µs per 4 KB on a VM), not during the job that fills it.
   */
  | { readonly kind: 'touch'; readonly array: Float64Array; readonly from: number; readonly to: number }
  /** Keep a population (shared memory) for compare-baseline jobs. */
  | { readonly kind: 'keep'; readonly pop: Population }
  | {
      /** Compare households [from, to) of the kept population under `rules` with a cached baseline. */
      readonly kind: 'compare-baseline';
      /** The baseline's rules, and the run's. */
      readonly baseRules: Rules;
      readonly rules: Rules;
      readonly from: number;
      readonly to: number;
      /** Shared: the run's annual amount per household (this range is written), the baseline's arrays, deciles. */
      readonly annual: Float64Array;
      readonly base: BaselineArrays;
      readonly decileOf: Uint8Array;
      readonly takeOver: boolean;
    }
);

export type Reply =
  | { readonly id: number; readonly kind: 'progress'; readonly progress: unknown }
  | { readonly id: number; readonly kind: 'done'; readonly result: unknown }
  | { readonly id: number; readonly kind: 'error'; readonly error: SentError };

/**
 * What a read job hands back: its parts, each with the first range it holds, and whether a range held a quote (the file
 * is then read on one thread). A part holds one range, or — its households evaluated as it read them (io/part.ts
 * WindowSink) — every range it read from its first on.
 */
export interface ReadResult {
  readonly parts: readonly { readonly index: number; readonly parsed: ParsedPart }[];
  readonly quotes: boolean;
}

/** The parts kept with their values (read before the runs came), by key. */
const parts = new Map<number, Part[]>();
/** The totals of parts evaluated as they were read, by key. */
const evaluated = new Map<number, Totals[]>();
let kept: Population | null = null;
/** The population of the last job that gave one, by its key: the next job on it takes it, and what was summed of it. */
let last: { readonly key: number; readonly pop: Population } | null = null;
/** Baselines' years kept for this worker's range (tui --year's knob: core/year-kept.ts), by the baseline's number. */
const keptBaselines = new Map<number, KeptBaseline>();
const popOf = (job: Range): Population => (last?.key === job.key ? last : (last = { key: job.key, pop: fastCopy(job.pop) })).pop;

/**
 * A full collection (collect.ts), once a job has handed over or let go of all it read. A worker that reads a range
 * builds its part in growing buffers (the outgrown ones, the file's chunks) and hands the part over; it then waits for
 * its next job and V8 has no reason to collect there, so that garbage outlived the read — ~150 MB on 1M households,
 * held while the pool lived: `simulate --year 2027 --projection` peaked at 849–856 MB, and 754–764 MB with this (2 runs
 * each). Collected after the current job's answer is posted, when this worker keeps no part.
 */
const collectIfEmpty = () => void (parts.size === 0 && evaluated.size === 0 && setImmediate(collect));
const CHUNK = 4 << 20;

const post = (m: Reply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

/** A read job: each range's bytes in chunks, progress reported as they are read. */
async function read(id: number, job: Extract<Job, { kind: 'read' }>): Promise<void> {
  let quotes = false;
  const keep = job.keep !== null;
  const port = keep ? job.runs : null;
  let runs: readonly Run[] | null = null;
  let totals: Totals[] | null = null;
  const sink: WindowSink | undefined = port
    ? {
        ready: () => {
          runs ??= (receiveMessageOnPort(port)?.message as readonly Run[] | undefined) ?? null;
          return runs !== null;
        },
        take: (pop) => {
          const t = simulateRange(pop, runs!, 0, pop.householdCount);
          if (totals) t.forEach((x, i) => totals![i]!.merge(x));
          else totals = t;
        },
      }
    : undefined;
  const { starts, claim } = job;
  const n = starts.length - 1;
  // A reader from range i on: one that evaluates its households as it reads may go on to the file's end (its room
  // guessed for all of it: room never written costs nothing, and outgrowing a guess copies its ids into new memory —
  // ~0.1 s where a worker read past its share); one that keeps its values reads range i only.
  const newReader = (i: number) =>
    new FastReader(job.file, { header: job.header, expectedBytes: starts[sink ? n : i + 1]! - starts[i]!, shared: keep, sink });
  const buf = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, starts[n]! - starts[0]!)));
  const fd = openSync(job.file, 'r');
  const out: { index: number; parsed: ParsedPart }[] = [];
  try {
    const readAt = (b: Buffer, offset: number, length: number, position: number) => readSync(fd, b, offset, length, position);
    let reader = newReader(job.first);
    let first = job.first;
    for (let i = first; i < n;) {
      reader.beginRange(i);
      // The range's bytes as whole lines in one buffer, kept for the next range (io/range-chunks.ts).
      const [from, to] = [starts[i]!, starts[i + 1]!];
      async function* chunks(): AsyncGenerator<Buffer> {
        yield* rangeChunks(readAt, from, to, buf, (bytes) => {
          // A quote: this range may have been cut inside a quoted field; the file is read on one thread instead, so stop.
          if (bytes.indexOf(QUOTE) >= 0) {
            quotes = true;
            return false;
          }
          post({ id, kind: 'progress', progress: { bytes: bytes.length, rows: reader.rows } });
          return true;
        });
      }
      await feed(chunks(), reader, undefined, undefined, false);
      if (quotes) {
        Atomics.store(claim, 0, n); // (the other workers claim no more)
        break;
      }
      const next = Atomics.add(claim, 0, 1);
      if (next < n && reader.continues()) i = next;
      else {
        out.push({ index: first, parsed: reader.take() });
        i = first = next;
        if (i < n) reader = newReader(i);
      }
    }
  } finally {
    closeSync(fd);
  }
  job.runs?.close();
  // A part with problems fails the run: nothing of it will be evaluated.
  if (keep && !quotes && out.every(({ parsed }) => !parsed.fatal && !parsed.problems.length)) {
    const values = out.map((o) => o.parsed.part).filter((p) => p.values);
    if (values.length) parts.set(job.keep!, values);
    if (values.length < out.length) evaluated.set(job.keep!, totals ?? runs!.map(() => new Totals()));
  }
  const buffers = out.flatMap((o) => partBuffers(o.parsed.part));
  post({ id, kind: 'done', result: { parts: out, quotes } satisfies ReadResult }, buffers);
  collectIfEmpty();
}

function handle(id: number, job: Job): Promise<void> | void {
  switch (job.kind) {
    case 'read':
      return read(id, job);
    case 'evaluate-part': {
      const kept = parts.get(job.part);
      const done = evaluated.get(job.part);
      parts.delete(job.part);
      evaluated.delete(job.part);
      if (!kept && !done) throw new Error(`no part ${job.part} kept`);
      const totals = done ?? job.runs.map(() => new Totals());
      for (const part of kept ?? [])
        simulateRange(segmentsAsHouseholds(part), job.runs, 0, part.segments).forEach((t, i) => totals[i]!.merge(t));
      post({ id, kind: 'done', result: totals.map((t) => t.plain()) satisfies PlainTotals[] });
      return collectIfEmpty();
    }
    case 'drop-part':
      parts.delete(job.part);
      evaluated.delete(job.part);
      post({ id, kind: 'done', result: null });
      return collectIfEmpty();
    case 'simulate':
      return post({ id, kind: 'done', result: simulateRange(popOf(job), job.runs, job.from, job.to).map((t) => t.plain()) });
    case 'rates':
      return post({ id, kind: 'done', result: rateBands(popOf(job), job.runs, job.delta, job.view, job.from, job.to, job.each) });
    case 'compare': {
      // (each later locality's runs against the first's too, where asked: cheap beside the runs)
      const across = job.across ? newAcross(job.localities) : undefined;
      const results = compare(popOf(job), job.localities, { of: job.decileOf, upper: [] }, { from: job.from, to: job.to, across });
      return post({
        id,
        kind: 'done',
        result: { runs: results.map((runs) => runs.map(plainResult)), across: across?.map((runs) => runs.map(plainResult)) ?? null },
      });
    }
    case 'year-changes': {
      const { runs, decileOf, from, to, annual, baseline } = job;
      const pop = popOf(job);
      const r = baseline
        ? yearChangesKeeping(keptBaselines, baseline, pop, runs, decileOf, from, to, annual)
        : yearChanges(pop, runs, decileOf, from, to, annual);
      return post({ id, kind: 'done', result: plainYearChanges(r) satisfies PlainYearChanges });
    }
    case 'arrow-check':
      return post({ id, kind: 'done', result: checkRange(job) satisfies CheckFound });
    case 'arrow-totals':
      // (apache-arrow loaded only now: a worker that never reads an Arrow file never loads it)
      return import('./arrow-batches.js')
        .then(({ batchTotals }) => batchTotals(job.file, job.claims, job.runs))
        .then((result) => post({ id, kind: 'done', result }));
    case 'touch':
      job.array.fill(0, job.from, job.to);
      return post({ id, kind: 'done', result: null });
    case 'keep':
      kept = fastCopy(job.pop);
      return post({ id, kind: 'done', result: null });
    case 'compare-baseline': {
      if (!kept) throw new Error('no population kept');
      const res = emptyRunResult('', job.annual);
      compareRange(res, kept, job.base, job.baseRules, job.rules, job.decileOf, job.from, job.to, job.takeOver);
      return post({ id, kind: 'done', result: plainResult(res) satisfies PlainRunResult });
    }
  }
}

// One job at a time, in the order sent (a read awaits its chunks; the job after it waits for it).
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (job: Job & { id: number }) => {
  queue = queue.then(async () => {
    try {
      await handle(job.id, job);
    } catch (e) {
      post({ id: job.id, kind: 'error', error: sendError(e) });
    }
  });
});
