// Worker threads that keep the TUI's population (shared memory, handed over once) and compare a run with a
// locality's cached baseline on it, each thread a range of households. The partial results merge exactly, so
// the result is compareWithBaseline's on one thread, whatever the thread count (test/io/compare-pool.test.ts).
// The workers stay started and warm between knob changes; this thread stays free for the terminal.
import { Worker } from 'node:worker_threads';
import { emptyRunResult, mergeResult, type BaselineCache, type Deciles, type PlainRunResult, type RunResult } from '../core/compare.js';
import type { Population } from '../core/population.js';
import type { Rules } from '../core/rules.js';
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
  async compareWithBaseline(base: BaselineCache, run: { readonly id: string; readonly rules: Rules }, deciles: Deciles): Promise<RunResult> {
    const H = this.pop.householdCount;
    const annual = new Float64Array(new SharedArrayBuffer(H * 8));
    const [rules] = plainRuns([{ id: run.id, rules: run.rules }]).map((r) => r.rules);
    const common = { rules: rules!, annual, baseAnnual: this.inShared(base.annual), baseLayers: this.inShared(base.layers), decileOf: this.inShared(deciles.of) };
    const n = this.workers.length;
    const parts = await Promise.all(this.workers.map((w, i) => this.send(w, { ...common, id: this.next++, from: Math.floor((H * i) / n), to: Math.floor((H * (i + 1)) / n) })));
    const result = emptyRunResult(run.id, annual);
    for (const p of parts) mergeResult(result, p);
    return result;
  }

  /** Runs the comparison once and drops it, so the workers' code is compiled before the first knob moves. */
  warm(rules: Rules): void {
    const H = this.pop.householdCount;
    const zeros = { annual: new Float64Array(new SharedArrayBuffer(H * 8)), layers: new Uint8Array(new SharedArrayBuffer(this.pop.personCount)) };
    this.compareWithBaseline(zeros, { id: 'warm-up', rules }, { of: zeros.layers.subarray(0, H), upper: [] }).catch(() => undefined);
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
