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
}

/** Below 8 MB one thread reads a file quicker than starting workers; below 50,000 households likewise for evaluating. */
export const DEFAULT_SETTINGS: Settings = { threads: 1, reader: 'fast', parallelFromBytes: 8 << 20, parallelFromHouseholds: 50_000 };

/** Whether a households file of this size is read on worker threads (by the fast reader, with more than one thread). */
export function readsInParallel(s: Settings, bytes: number): boolean {
  return s.reader === 'fast' && s.threads > 1 && bytes >= s.parallelFromBytes;
}
