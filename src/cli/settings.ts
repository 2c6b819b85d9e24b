// The settings every command runs with, read once from the environment (the one place that does): worker threads,
// the household reader, and the sizes from which work goes to threads. A bad value is a usage error, never ignored.
import { availableParallelism } from 'node:os';
import { DEFAULT_SETTINGS, type Settings } from '../engine/settings.js';
import { UsageError } from '../errors.js';
import type { Ctx } from './context.js';
import { editDistance } from '../core/edit-distance.js';
import { hugePagesAsked } from './relaunch.js';

/** A whole number ≥ min from the environment, or the fallback when unset. */
function whole(env: Ctx['env'], name: string, min: number, fallback: number, max = Infinity): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v.trim()) || Number(v) < min || Number(v) > max)
    throw new UsageError(`${name} must be a whole number ${max < Infinity ? `from ${min} to ${max}` : `≥ ${min}`}, got "${v}"`);
  return Number(v);
}

/** The most threads: more were taken as 64 without a word (a fuzzing trial). */
export const MAX_THREADS = 64;

/**
 * JIUZHU_THREADS (default: one per core, at most 8; 1 keeps everything on the main thread), JIUZHU_CSV_READER
 * (fast, or reference: csv-parse), JIUZHU_PARALLEL_FROM_BYTES and JIUZHU_PARALLEL_FROM_HOUSEHOLDS (from what size work
 * goes to threads; tests set them to 0); JIUZHU_ARROW_BATCH_RUNS_PER_WORKER (an Arrow file's totals: a worker beside
 * this thread for each so many record batches × runs; tests set it to 1); JIUZHU_HUGE_PAGES (0 or 1: cli/relaunch.ts).
 */
export function settingsFromEnv(env: Ctx['env'], cores = availableParallelism()): Settings {
  const reader = env.JIUZHU_CSV_READER ?? 'fast';
  if (reader !== 'fast' && reader !== 'reference') throw new UsageError(`JIUZHU_CSV_READER must be fast or reference, got "${reader}"`);
  const huge = env.JIUZHU_HUGE_PAGES;
  // Read by bin/jiuzhu.js before the CLI loads (cli/relaunch.ts), which leaves any other value to be reported here.
  if (huge !== undefined && huge !== '' && huge !== '0' && huge !== '1')
    throw new UsageError(
      `JIUZHU_HUGE_PAGES must be 0 (never) or 1 (always; unset: for a households file from 64 MB read whole), got "${huge}"`,
    );
  return {
    threads: whole(env, 'JIUZHU_THREADS', 1, Math.min(cores, 8), MAX_THREADS),
    reader,
    parallelFromBytes: whole(env, 'JIUZHU_PARALLEL_FROM_BYTES', 0, DEFAULT_SETTINGS.parallelFromBytes),
    parallelFromHouseholds: whole(env, 'JIUZHU_PARALLEL_FROM_HOUSEHOLDS', 0, DEFAULT_SETTINGS.parallelFromHouseholds),
    arrowBatchRunsPerWorker: whole(env, 'JIUZHU_ARROW_BATCH_RUNS_PER_WORKER', 1, DEFAULT_SETTINGS.arrowBatchRunsPerWorker),
    registersBytes: whole(env, 'JIUZHU_REGISTERS_BYTES', 0, DEFAULT_SETTINGS.registersBytes),
  };
}

/** Every JIUZHU_ variable jiuzhu reads (here, cli/relaunch.ts, io/parsed-cache.ts; the bench's own for its runs). */
const KNOWN = [
  'JIUZHU_THREADS',
  'JIUZHU_CSV_READER',
  'JIUZHU_PARALLEL_FROM_BYTES',
  'JIUZHU_PARALLEL_FROM_HOUSEHOLDS',
  'JIUZHU_ARROW_BATCH_RUNS_PER_WORKER',
  'JIUZHU_REGISTERS_BYTES',
  'JIUZHU_HUGE_PAGES',
  'JIUZHU_CACHE',
  'JIUZHU_CACHE_DIR',
  'JIUZHU_BENCH_NO_INSTALL',
];

/**
 * A JIUZHU_ variable jiuzhu does not read is a usage error, with the one it resembles: a determinism audit's
 * JIUZHU_THREAD=1 ran on every core, and nothing said so.
 */
export function refuseUnknownSettings(env: Ctx['env']): void {
  const stray = Object.keys(env)
    .filter((k) => k.startsWith('JIUZHU_') && !KNOWN.includes(k))
    .sort();
  if (!stray.length) return;
  const like = (k: string) => KNOWN.find((n) => editDistance(n, k) <= 2);
  throw new UsageError(
    `${stray.map((k) => (like(k) ? `${k} (did you mean ${like(k)}?)` : k)).join(', ')} ${stray.length > 1 ? 'are not settings' : 'is not a setting'} jiuzhu reads`,
    `the settings it reads: ${KNOWN.filter((k) => k !== 'JIUZHU_BENCH_NO_INSTALL').join(', ')} (README, "Environment")`,
  );
}

/** What --debug prints about them. */
export function describeSettings(s: Settings, env: Ctx['env']): string {
  const threads = env.JIUZHU_THREADS ? `JIUZHU_THREADS=${env.JIUZHU_THREADS}` : `one per core, at most 8: ${availableParallelism()} cores`;
  const huge = hugePagesAsked(env) ? 'huge pages asked of malloc (GLIBC_TUNABLES)' : 'no huge pages asked';
  return `jiuzhu: ${s.threads} thread${s.threads > 1 ? 's' : ''} (${threads}), ${s.reader} reader; threads from ${s.parallelFromBytes} bytes / ${s.parallelFromHouseholds} households / a worker per ${s.arrowBatchRunsPerWorker} Arrow batches × runs; varied runs' registers ${s.registersBytes} bytes at once; ${huge}`;
}
