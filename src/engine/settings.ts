// How jiuzhu may use the machine, decided once by the CLI (from the environment and its options) and passed down:
// nothing below the CLI reads the process's environment.
export interface Settings {
  /** Worker threads to read and evaluate on (1: everything on the main thread). */
  readonly threads: number;
  /** The household reader: the fast one, or csv-parse's reference reader (tests compare them). */
  readonly reader: 'fast' | 'reference';
  /** Files at least this big are read on worker threads (smaller ones are quicker on one). */
  readonly parallelFromBytes: number;
  /** Populations at least this big are evaluated on worker threads. */
  readonly parallelFromHouseholds: number;
  /**
   * An Arrow file's totals: a worker joins this thread for each this many record batches × runs (arrowWorkers). On the
   * bench's 2-core VM a worker's code warms up over its first batch or two; with baseline + 5 scenarios this thread
   * alone was quicker at 8 batches (500,000 households: 1.18 against 1.41 s), a worker beside it at 16 (1M: 1.50
   * against 1.56 s) and 31 (2M: 2.25 against 2.47 s); sensitivity's ~40 runs gained from 16 batches on (2.77
   * against 3.76 s), when it evaluated an Arrow file so (it now reads the population once for its passes).
   */
  readonly arrowBatchRunsPerWorker: number;
  /**
   * The memory a sensitivity's varied runs' own registers take at once (cli/registers.ts: 11 bytes a household and run;
   * at least one variant's): 64 MB keeps a 1M-household window's peak under 1 GB.
   */
  readonly registersBytes: number;
}

/** Below 8 MB one thread reads a file quicker than starting workers; below 50,000 households likewise for evaluating. */
export const DEFAULT_SETTINGS: Settings = {
  threads: 1,
  reader: 'fast',
  parallelFromBytes: 8 << 20,
  parallelFromHouseholds: 50_000,
  arrowBatchRunsPerWorker: 80,
  registersBytes: 64 << 20,
};

/** Whether a households file of this size is read on worker threads (by the fast reader, with more than one thread). */
export function readsInParallel(s: Settings, bytes: number): boolean {
  return s.reader === 'fast' && s.threads > 1 && bytes >= s.parallelFromBytes;
}

/** The workers that evaluate an Arrow file's batches under the runs beside this thread (at most threads − 1). */
export function arrowWorkers(s: Settings, batches: number, runs: number): number {
  const n = Math.floor((batches * runs) / Math.max(1, s.arrowBatchRunsPerWorker));
  return Math.max(0, Math.min(s.threads - 1, batches - 1, n));
}
