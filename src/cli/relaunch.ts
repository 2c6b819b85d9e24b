// Memory first written costs a page fault per 4 KB page, and on a virtual machine each may take microseconds: on the
// bench's 2-core VM, writing 200 MB for the first time took 0.59 s in 4 KB pages and 0.33 s in 2 MB ones, and a
// 1M-household run writes ~400 MB (its parts, Arrow buffers, heaps). glibc's malloc asks the kernel for transparent
// huge pages when GLIBC_TUNABLES says glibc.malloc.hugetlb=1 (glibc ≥ 2.35; the kernel's THP mode "madvise"), and
// that is read only when a process starts. So bin/jiuzhu.js, before loading the CLI, starts it again with the tunable
// when the command line names a big households file. `simulate`, baseline + 5 scenarios, 1M households, alternately
// with JIUZHU_HUGE_PAGES=0 (medians of 5): from the Arrow file 2.65 → 1.74 s; the plain CSV 2.33 → 2.26 s; the
// generated CSV 2.20 → 2.18 s; same output. The second process costs its start (~0.13 s here): from 64 MB, where the
// gain is about as much. The child has this process's stdio, arguments and environment; its exit code (or signal)
// becomes this process's; SIGINT, SIGTERM, SIGHUP and SIGQUIT sent to this process are passed on (the child removes its
// temporary files, as it does when run directly), and when this process dies the child stops (followParent). When the
// child cannot be started, the CLI runs here. Not for
// simulate on a CSV: it evaluates households as it reads them and writes far less (see evaluatesAsItReads below).
// JIUZHU_HUGE_PAGES=0 never relaunches; =1 always does (on Linux; tests use it); unset: as above.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { constants } from 'node:os';

const TUNABLE = 'glibc.malloc.hugetlb=1';
export const HUGE_PAGES_FROM_BYTES = 64 << 20;

/** What the decision depends on besides the command line: the machine's facts, read lazily. */
export interface Machine {
  readonly platform: NodeJS.Platform;
  /** Node's own options for this process (a second process gets them too). */
  readonly execArgv: readonly string[];
  /** The kernel's transparent huge page mode ("always", "madvise", "never"), or null when unknown. */
  thpMode(): string | null;
  /** The glibc version at run time ("2.36"), or null (another libc). */
  glibc(): string | null;
  /** The size of a file, or null when it is not a file. */
  fileSize(path: string): number | null;
}

/** The households file a command line names, if any (cli/prestart.ts reads it too). */
export function householdsArg(argv: readonly string[]): string | null {
  const at = argv.findIndex((a) => a === '--households' || a.startsWith('--households='));
  if (at >= 0) return (argv[at]!.includes('=') ? argv[at]!.slice('--households='.length) : argv[at + 1]) ?? null;
  // `jiuzhu import FILE --out …`: its one argument (past the options and their values)
  const args = argv.filter((a, i) => !a.startsWith('-') && !WITH_VALUE.has(argv[i - 1] ?? ''));
  return args[0] === 'import' ? (args[1] ?? null) : null;
}

/** The options before or beside `import`'s file that take a value. */
const WITH_VALUE = new Set(['--out', '--encoding', '--columns', '--sheet']);

/** An option given on the command line (as `--name value` or `--name=value`). */
const given = (argv: readonly string[], name: string) => argv.some((a) => a === name || a.startsWith(`${name}=`));

/**
 * Whether the command evaluates the households of a CSV a window at a time as it reads them (engine/read.ts), or of
 * an Arrow file a record batch at a time (engine/arrow-totals.ts), or streams them (--stream): its memory stays small
 * (~150–250 MB at 1M households, not ~450), and huge pages saved less than the second process's start (plain 1M file:
 * 2.05 s without them, 2.2 s with; the Arrow file, 5 alternating runs, 1.53 s without, 1.58 s with); cli/prestart.ts
 * starts a CSV's reads ahead. simulate does, unless a row per household, several years, the ranges (--ranges) or a
 * projected year (--projection) are asked for, the HTML report, or the file is turned first (--columns, --encoding):
 * those read it whole. sensitivity reads the population once for its passes (since its joint corners). Reads posted
 * ahead for a command that reads it whole are dropped: the file read twice (sensitivity; simulate --ranges).
 */
export function evaluatesAsItReads(argv: readonly string[], file: string): boolean {
  const command = argv.find((a) => !a.startsWith('-'));
  const html = argv.some((a, i) => a === '--format=html' || (a === '--format' && argv[i + 1] === 'html'));
  return (
    command === 'simulate' &&
    /\.(csv|arrow)$/i.test(file) &&
    !html &&
    !['--per-household', '--years', '--columns', '--encoding', '--ranges', '--projection'].some((o) => given(argv, o))
  );
}

const atLeast = (version: string, major: number, minor: number) => {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
};

/** Whether this process's malloc was told about huge pages (by a relaunch, or by the user either way). */
export const hugePagesAsked = (env: NodeJS.ProcessEnv) => env.GLIBC_TUNABLES?.includes('glibc.malloc.hugetlb') ?? false;

/** The environment to start the CLI again with, or null to run it in this process. */
export function relaunchEnv(argv: readonly string[], env: NodeJS.ProcessEnv, m: Machine): NodeJS.ProcessEnv | null {
  const setting = env.JIUZHU_HUGE_PAGES ?? '';
  // 0, or a value the CLI reports as a usage error (cli/settings.ts), or not Linux: run here.
  if (!['', '1'].includes(setting) || m.platform !== 'linux') return null;
  if (hugePagesAsked(env)) return null; // this is the process to run in
  // Under a debugger the process being debugged must be the one that runs (a second one would ask for the same port).
  if (m.execArgv.some((a) => /^--(inspect|debug)/.test(a))) return null;
  if (setting !== '1') {
    if (argv.includes('--help') || argv.includes('-h')) return null;
    const file = householdsArg(argv);
    const size = file === null || file === '-' ? null : m.fileSize(file);
    if (size === null || size < HUGE_PAGES_FROM_BYTES) return null;
    if (evaluatesAsItReads(argv, file!)) return null;
    if (m.thpMode() !== 'madvise') return null; // "always" gives them anyway; "never" not at all
    const glibc = m.glibc();
    if (!glibc || !atLeast(glibc, 2, 35)) return null;
  }
  return { ...env, GLIBC_TUNABLES: env.GLIBC_TUNABLES ? `${env.GLIBC_TUNABLES}:${TUNABLE}` : TUNABLE };
}

export const thisMachine: Machine = {
  platform: process.platform,
  execArgv: process.execArgv,
  thpMode() {
    try {
      return /\[(\w+)\]/.exec(readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'))?.[1] ?? null;
    } catch {
      return null;
    }
  },
  glibc() {
    const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
    return header?.glibcVersionRuntime ?? null;
  },
  fileSize(path) {
    try {
      const st = statSync(path, { throwIfNoEntry: false });
      return st?.isFile() ? st.size : null;
    } catch {
      return null;
    }
  },
};

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/**
 * Runs `script argv` in a new process with `env` and this one's stdio; resolves to the exit code to give, or null when
 * the process could not be started (then nothing has run).
 */
export function relaunch(script: string, argv: readonly string[], env: NodeJS.ProcessEnv, node = process.execPath): Promise<number | null> {
  return new Promise((resolve) => {
    // (an IPC channel beside stdio: the child sees it close when this process dies, and stops: followParent)
    const child = spawn(node, [...process.execArgv, script, ...argv], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const handlers = SIGNALS.map((s) => [s, forward(s)] as const);
    for (const [s, h] of handlers) process.on(s, h);
    const done = () => {
      for (const [s, h] of handlers) process.off(s, h);
    };
    child.on('error', () => {
      // Not started (the only error spawn gives before 'spawn'); after that, 'exit' tells how it ended.
      if (child.pid === undefined) {
        done();
        resolve(null);
      }
    });
    child.on('exit', (code, signal) => {
      done();
      // A child ended by a signal (its own handlers end it with a code): said — a QA trial's SIGKILL, as the system's
      // out-of-memory killer sends, exited 137 without a word — and the shell's convention, 128 + the signal's number.
      if (signal)
        process.stderr.write(
          `jiuzhu: the run was ended by ${signal}${signal === 'SIGKILL' ? ' (the system sends it when memory runs out)' : ''}: any file it was writing was not written, none left half-written\n`,
        );
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/**
 * In a relaunched CLI: when the process that started it dies (kill -9 leaves no time to pass a signal on), stop as a
 * SIGTERM stops it, its temporary files removed — an orphan had run on and later replaced a newer run's output with
 * its own (a QA trial). The channel does not keep the process alive.
 */
export function followParent(): void {
  if (!process.channel) return;
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
