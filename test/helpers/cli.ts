// Runs the built CLI as a user would (node bin/jiuzhu.js …), capturing stdout, stderr and the exit code.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function jiuzhu(
  args: string[],
  /** timeout: ms, then SIGKILL (a hang deaf to SIGTERM fails the test rather than stopping the suite). */
  opts: { input?: string | Uint8Array; env?: Record<string, string>; cwd?: string; timeout?: number } = {},
): CliResult {
  const r = spawnSync(process.execPath, [resolve('bin/jiuzhu.js'), ...args], {
    encoding: 'utf8',
    cwd: opts.cwd,
    input: opts.input,
    ...(opts.timeout ? { timeout: opts.timeout, killSignal: 'SIGKILL' as const } : {}),
    // (the locale of the machine the tests run on chooses no language: explain's and the TUI's text default to it)
    env: { ...process.env, NO_COLOR: '1', CI: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...opts.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** jiuzhu that must succeed (exit 0: its stderr shown where it does not), under the environment's additions. */
export function succeeds(args: string[], env?: Record<string, string>): CliResult {
  const r = jiuzhu(args, { env });
  if (r.code !== 0) throw new Error(`jiuzhu ${args.join(' ')} exited ${r.code}:\n${r.stderr}`);
  return r;
}

/**
 * Every way simulate reads a households file — loaded, --stream, on worker threads, and the Arrow file import writes
 * (made at `arrow`) — as [the file, the arguments it adds, the environment], for a count said whichever reads it.
 */
export function everyReader(file: string, arrow: string): ReadonlyArray<readonly [string, readonly string[], Record<string, string>]> {
  succeeds(['import', '--households', file, '--out', arrow]);
  return [
    [file, [], {}],
    [file, ['--stream'], {}],
    [file, [], { JIUZHU_THREADS: '2', JIUZHU_PARALLEL_FROM_BYTES: '0', JIUZHU_PARALLEL_FROM_HOUSEHOLDS: '0' }],
    [arrow, [], {}],
  ];
}

export const POLICIES = ['guangxi-nanning', 'guangdong-guangzhou', 'jiangxi-fuliang'] as const;
export const SAMPLE = 'policies/samples/households.csv';
