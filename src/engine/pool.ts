// The one executor for threads: a pool of worker threads (engine/worker.ts) that take typed jobs — read a byte range
// of a households file, evaluate the part it read, evaluate or compare a range of a shared population, keep a
// population and compare knob runs on it — one job at a time each, and answer with progress and a result. Every
// parallel path (simulate, compare, the TUI's knobs) runs on it; a command opens one (Executor) and closes it.
import { Worker, type TransferListItem } from 'node:worker_threads';
import type { Job, Reply } from './worker.js';
import type { Settings } from './settings.js';
import { receivedError } from '../errors.js';

/** Replaced by `true` in the bundle that bin/jiuzhu.js runs (package.json "bundle"); undefined in tsc's output. */
declare const JIUZHU_BUNDLED: boolean | undefined;

/**
 * The URL of the compiled worker script: the bundle's (dist/engine/worker.bundle.js) when this code runs bundled,
 * else tsc's (dist/engine/worker.js; tests build dist first, test/helpers/build.ts). Either is one level below dist/,
 * as this module is (dist/engine/pool.js, or dist/chunks/… in the bundle).
 */
export function workerUrl(): URL {
  const here = import.meta.url;
  const dist = here.endsWith('.ts') ? new URL('../../dist/', here) : new URL('../', here);
  return new URL(typeof JIUZHU_BUNDLED !== 'undefined' && JIUZHU_BUNDLED ? 'engine/worker.bundle.js' : 'engine/worker.js', dist);
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (p: unknown) => void; worker: number };

export class Pool {
  /** The workers started so far: the first `eager` at once, any other when its first job comes. */
  private readonly workers: Array<Worker | null>;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  private broken: Error | null = null;
  /** The jobs each worker has finished (tests check that work was really spread). */
  readonly jobsDone: number[];

  constructor(
    readonly size: number,
    eager = size,
  ) {
    this.workers = Array.from({ length: size }, () => null);
    this.jobsDone = this.workers.map(() => 0);
    for (let w = 0; w < Math.min(eager, size); w++) this.worker(w);
  }

  private worker(w: number): Worker {
    const had = this.workers[w];
    if (had) return had;
    const worker = new Worker(workerUrl());
    worker.unref(); // an idle pool does not keep the process alive (see run())
    worker.on('message', (m: Reply) => this.answer(w, m));
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => this.fail(new Error(`a worker thread stopped (exit code ${code})`)));
    return (this.workers[w] = worker);
  }

  /** Runs a job on worker `w` (jobs on one worker run in order); progress replies go to onProgress. */
  run<R>(w: number, job: Job, transfer: readonly TransferListItem[] = [], onProgress?: (p: unknown) => void): Promise<R> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.next++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress, worker: w });
      const worker = this.worker(w);
      worker.ref(); // while a job is out, wait for it
      worker.postMessage({ ...job, id }, transfer);
    });
  }

  private answer(w: number, m: Reply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') {
      p.onProgress?.(m.progress);
      return;
    }
    this.pending.delete(m.id);
    if (![...this.pending.values()].some((q) => q.worker === w)) this.workers[w]?.unref();
    if (m.kind === 'error') p.reject(receivedError(m.error));
    else {
      this.jobsDone[w]!++;
      p.resolve(m.result);
    }
  }

  /** A worker failed or stopped, or the pool closes: every job out fails, and no more run. */
  private fail(e: Error): void {
    if (this.broken) return;
    this.broken = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  /** Stops every worker; jobs still out fail. */
  close(): void {
    this.fail(new Error('the worker pool is closed'));
    for (const w of this.workers) void w?.terminate();
  }
}

/** A pool started before the command knew it would need one (cli/prestart.ts), for its Executor to take. */
let prestarted: Pool | null = null;

/**
 * Starts a pool of `size` workers, `eager` of them now: they load their modules while the CLI loads its own (the others
 * start when a job comes). Idle, they keep nothing alive.
 */
export function prestart(size: number, eager = size): Pool {
  return (prestarted ??= new Pool(size, eager));
}

/**
 * Stops the prestarted pool if no command took it (a usage error, another command): jobs posted to it ahead (the
 * reads of engine/read-ahead.ts) would otherwise keep the process alive until they were done.
 */
export function closePrestarted(): void {
  prestarted?.close();
  prestarted = null;
}

/**
 * A command's access to threads: its settings, and a pool started on first use (none with one thread) — the one
 * prestarted for it, when it has the size the settings ask for. The command closes it when done.
 */
export class Executor {
  private opened: Pool | null = null;
  constructor(readonly settings: Settings) {}

  get threads(): number {
    return this.settings.threads;
  }

  /** The pool (started now if need be), or null when the settings allow one thread. */
  pool(): Pool | null {
    if (this.settings.threads < 2) return null;
    if (!this.opened && prestarted?.size === this.settings.threads) [this.opened, prestarted] = [prestarted, null];
    this.opened ??= new Pool(this.settings.threads);
    return this.opened;
  }

  /** The pool if one was started (tests look at what its workers did). */
  get started(): Pool | null {
    return this.opened;
  }

  close(): void {
    this.opened?.close();
    this.opened = null;
  }
}
