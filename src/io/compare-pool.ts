// Worker threads that keep the TUI's population (shared memory, handed over once) and compare a run with a
// locality's cached baseline on it, each thread a range of households. The partial results merge exactly, so
// the result is compareWithBaseline's on one thread, whatever the thread count (test/io/compare-pool.test.ts).
// The workers stay started and warm between knob changes; this thread stays free for the terminal.
import { Worker } from 'node:worker_threads';
import {
  emptyRunResult,
  mergeResult,
  type BaselineArrays,
  type BaselineCache,
  type Deciles,
  type PlainRunResult,
  type RunResult,
} from '../core/compare.js';
import { typed, type Typed, type TypedCtor } from '../core/grow.js';
import type { Population } from '../core/population.js';
import { sameFirstSteps, type Rules } from '../core/rules.js';
import type { CompareJob, CompareReply } from './compare-worker.js';
import { inShared, PARALLEL_FROM_HOUSEHOLDS, plainRuns, sharedPopulation } from './eval-pool.js';
import { threadCount, workerUrl } from './workers.js';

export class ComparePool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (r: PlainRunResult) => void; reject: (e: Error) => void }>();
  private next = 0;
  private readonly shared = new WeakMap<ArrayBufferView, ArrayBufferView>();

  private constructor(
    private readonly pop: Population,
    threads: number,
  ) {
    const shared = sharedPopulation(pop);
    this.workers = Array.from({ length: threads }, () => {
      const w = new Worker(workerUrl('io/compare-worker.js'), { workerData: shared });
      w.unref(); // an open pool does not keep the process alive
      w.on('message', (m: CompareReply) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if ('result' in m) p?.resolve(m.result);
        else p?.reject(new Error(`a comparison worker failed: ${m.error}`));
      });
      w.on('error', (e) => this.failAll(e));
      return w;
    });
  }

  /** A pool for the population, or null when one thread does it quicker (few households, or one thread). */
  static open(pop: Population, threads = threadCount()): ComparePool | null {
    const minimum = Number(process.env.JIUZHU_PARALLEL_FROM_HOUSEHOLDS ?? PARALLEL_FROM_HOUSEHOLDS);
    return threads >= 2 && pop.householdCount >= minimum ? new ComparePool(pop, Math.min(threads, pop.householdCount)) : null;
  }

  /** compareWithBaseline(pop, base, run, deciles, { annuals: true }), on the pool's threads. */
  compareWithBaseline(base: BaselineCache, run: { readonly id: string; readonly rules: Rules }, deciles: Deciles): Promise<RunResult> {
    const shared = {
      annual: this.inShared(base.annual),
      layers: this.inShared(base.layers),
      n: this.inShared(base.n),
      I: this.inShared(base.I),
      assetsOk: this.inShared(base.assetsOk),
    };
    return this.compare(shared, run, this.inShared(deciles.of), sameFirstSteps(base.rules, run.rules));
  }

  /** Runs a comparison both ways (steps 1–2 taken over or not) and drops them: the workers' code is compiled before the first knob moves. */
  warm(rules: Rules): void {
    const H = this.pop.householdCount;
    const R = this.pop.personCount;
    const sharedZeros = <T extends Typed>(Ctor: TypedCtor<T>, n: number) => typed(Ctor, n, true);
    const zeros = {
      annual: sharedZeros(Float64Array, H),
      layers: sharedZeros(Uint8Array, R),
      n: sharedZeros(Int32Array, H),
      I: sharedZeros(Float64Array, H),
      assetsOk: sharedZeros(Uint8Array, H),
    };
    for (const takeOver of [false, true]) this.compare(zeros, { id: 'warm-up', rules }, zeros.assetsOk, takeOver).catch(() => undefined);
  }

  private async compare(
    base: BaselineArrays,
    run: { readonly id: string; readonly rules: Rules },
    decileOf: Uint8Array,
    takeOver: boolean,
  ): Promise<RunResult> {
    const H = this.pop.householdCount;
    const annual = typed(Float64Array, H, true);
    const [rules] = plainRuns([{ id: run.id, rules: run.rules }]).map((r) => r.rules);
    const n = this.workers.length;
    const parts = await Promise.all(
      this.workers.map((w, i) =>
        this.send(w, {
          id: this.next++,
          rules: rules!,
          annual,
          base,
          decileOf,
          takeOver,
          from: Math.floor((H * i) / n),
          to: Math.floor((H * (i + 1)) / n),
        }),
      ),
    );
    const result = emptyRunResult(run.id, annual);
    for (const p of parts) mergeResult(result, p);
    return result;
  }

  close(): void {
    for (const w of this.workers) void w.terminate();
    this.failAll(new Error('the comparison pool is closed'));
  }

  private send(w: Worker, job: CompareJob): Promise<PlainRunResult> {
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      w.postMessage(job);
    });
  }

  /** The shared copy of a cached array, made once. */
  private inShared<T extends ArrayBufferView>(a: T): T {
    let s = this.shared.get(a);
    if (!s) this.shared.set(a, (s = inShared(a)));
    return s as T;
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
