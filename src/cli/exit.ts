// The one place that maps errors to exit codes: 0 ok · 1 a check failed · 2 usage · 3 invalid input · 4 internal
// error (a bug); no stack trace without --debug. And what an interrupted or cut-short run does: Ctrl-C or kill removes
// the temporary file being written; a pipe closed early (`| head`) is not an error.
import { CommanderError } from 'commander';
import { CheckFailedError, ClosedPipe, formatProblem, InputError, Interrupted, UsageError } from '../errors.js';
import { outputsBeingWritten, ownsTemporaryFiles, removeTemporaryFiles } from '../io/atomic-file.js';
import { MAX_THREADS } from './settings.js';
import { fileError, givesNotes, givesStdin, releaseFifos } from '../io/files.js';
import type { Ctx, Out } from './context.js';

/** How many problems an invalid input prints. */
const SHOWN = 50;

/** Says what went wrong, and gives the exit code. */
export function report(ctx: Ctx, e: unknown, debug: boolean): number {
  const say = (s: string) => ctx.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
  if (e instanceof CommanderError) {
    // commander has already printed its message (and help where asked for).
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof InputError) {
    const n = e.problems.length;
    say(`jiuzhu: invalid input (${n.toLocaleString('en')} problem${n > 1 ? 's' : ''}):`);
    // The first SHOWN problems (each file's problems are already in order); a list of thousands helps nobody.
    for (const p of e.problems.slice(0, SHOWN)) say(`  ${formatProblem(p)}`);
    if (n > SHOWN) say(`  … and ${(n - SHOWN).toLocaleString('en')} more (fix these first)`);
    // (not "every problem found is listed" under a list cut at SHOWN: a README trial)
    if (e.hint) say(`hint: ${n > SHOWN ? e.hint.replace(/; every problem found is listed$/, `; the first ${SHOWN} are shown`) : e.hint}`);
    return e.exitCode;
  }
  if (e instanceof UsageError) {
    say(`jiuzhu: ${e.message}`);
    if (e.hint) say(`hint: ${e.hint}`);
    return e.exitCode;
  }
  if (e instanceof ClosedPipe) {
    removeTemporaryFiles(); // (any other output being written)
    // (an output written straight through, beside the command's own: its --out was never written — a hardening trial's
    // `--per-household /dev/stdout --out r.json | head -1` ended with no r.json and not a word; said where it can be)
    const argv = ctx.argv ?? [];
    const out = argv[argv.indexOf('--out') + 1];
    if (!argv.some((a) => a === '--quiet' || a === '-q'))
      say(
        `note: the reader of ${e.path} closed it early: the run stopped there, and wrote nothing more${argv.includes('--out') && out !== e.path ? ` (no ${out})` : ''}`,
      );
    return e.exitCode;
  }
  if (e instanceof Interrupted) return e.exitCode; // (as a signal's Ctrl-C: 130, nothing said)
  if (e instanceof CheckFailedError) {
    say(`jiuzhu: ${e.message}`);
    return e.exitCode;
  }
  say(`jiuzhu: internal error: ${(e as Error)?.message ?? String(e)}`);
  say(debug ? String((e as Error)?.stack ?? e) : 'This is a bug in jiuzhu. Run again with --debug and report the output.');
  return 4;
}

/** What Ctrl-C or kill should tidy on the terminal before the exit (a progress line left standing). */
const tidy = new Set<() => void>();
/** `fn` runs if the process is interrupted; the function returned takes it back. */
export function atInterrupt(fn: () => void): () => void {
  tidy.add(fn);
  return () => void tidy.delete(fn);
}
/** Runs what atInterrupt was given (the signal handler's first step). */
export function tidyOnInterrupt(): void {
  for (const fn of tidy) fn();
}

/** Ends the process at once, as a signal does (the TUI left while its file was still read, which would go on). */
export function leaveNow(code: number): never {
  tidyOnInterrupt();
  removeTemporaryFiles();
  releaseFifos();
  process.exit(code);
}

/**
 * Standard output that cannot be written (a full disk under `> file`, an I/O error): said, and the run ends there with
 * exit 2, its temporary files removed, as an --out on that disk does (it threw from the stream's error event: a stack
 * trace and exit 1 — a QA trial's `simulate … > /dev/full`).
 */
function cannotWrite(err: NodeJS.ErrnoException, what: string): never {
  const e = fileError(err, 'write', what);
  try {
    process.stderr.write(`jiuzhu: ${e instanceof UsageError ? e.message : `cannot write ${what}: ${err.message}`}\n`);
  } catch {
    // (stderr on the same full disk)
  }
  return leaveNow(2);
}

/**
 * Said as Ctrl-C or kill stops a run that was writing an output: which, and that a file it replaces is as it was (a
 * data engineer's Ctrl-C during an import ended with exit 130 and nothing said).
 */
function stoppedWhileWriting(signal: string): void {
  const outputs = outputsBeingWritten();
  if (!outputs.length) return;
  const said = outputs.map((o) => `${o.path}${o.replaces ? ' (the file there is as it was)' : ''}`);
  try {
    sayStopped.write(`jiuzhu: stopped by ${signal}: not written: ${said.join(', ')}\n`);
  } catch {
    // (stderr gone with the terminal: SIGHUP)
  }
}

let signalsGuarded = false;
/** Where a stop is said: the run's stderr (in 中文 where the reader's is: it was English under --lang zh). */
let sayStopped: Pick<Out, 'write'> = process.stderr;
/** Ctrl-C or kill while an output is being written: the temporary file goes, and the exit code says which signal. */
export function guardSignals(stderr: Pick<Out, 'write'>): void {
  sayStopped = stderr;
  if (signalsGuarded) return;
  signalsGuarded = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    // the terminal closed, or Ctrl-\ (quit): a temporary file was left behind (a QA trial; relaunch.ts passes them on)
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
  ] as const) {
    process.on(signal, () => {
      stoppedWhileWriting(signal);
      leaveNow(code);
    });
  }
}

/**
 * What io/ is given of the process: its notes' way to stderr (unless --quiet: a FIFO waiting for its writer), and this
 * process's id for temporary files (io/atomic-file.ts): a later write beside one whose process is gone (a SIGKILL or
 * an out-of-memory kill left it) removes it, and says so.
 */
export function givesIo(ctx: Ctx, argv: readonly string[]): void {
  const quiet = argv.includes('-q') || argv.includes('--quiet');
  const note = (t: string) => (quiet ? undefined : ctx.stderr.write(t));
  givesNotes(note);
  ownsTemporaryFiles({ pid: process.pid, alive: processAlive, note });
  // `--households -` (or any input `-`): standard input, created when read, not before; a terminal there is said, as a
  // FIFO awaited is (a QA trial's run waited without a word)
  let told = false;
  givesStdin(() => {
    if (process.stdin.isTTY && !told && (told = true))
      note(
        'note: reading standard input, which is this terminal: paste or type the CSV and end it with Ctrl-D (or give the file by name)\n',
      );
    return process.stdin;
  });
}

/** Whether a process is running (signal 0 tests without sending; EPERM: it runs, as another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let guarded = false;
/** `jiuzhu … | head` closes the pipe early: that is not an error. */
export function guardPipe(): void {
  if (guarded) return;
  guarded = true;
  // Each worker thread listens for its output's errors too: from 10 workers (JIUZHU_THREADS=10) Node warned of a leak on
  // stderr, under --quiet too (a fuzzing trial). One each, and these.
  for (const s of [process.stdout, process.stderr]) s.setMaxListeners(Math.max(s.getMaxListeners(), MAX_THREADS + 2));
  // Standard output closed early: what is left to print there is dropped, and the run goes on to its end — its files
  // written, its exit code its verdict's. (It exited 0 there and then: `--per-household rows.csv | true` left a
  // temporary file and no rows.csv, and `check … | true` passed a failed check: a terminal QA trial.)
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') return cannotWrite(err, 'standard output');
    process.stdout.write = (() => true) as typeof process.stdout.write;
  });
  // stderr closed early (`2>&1 | head`, or --per-household /dev/stderr | head): nothing more can be said there
  process.stderr.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') leaveNow(2); // (a full disk: nowhere left to say so)
  });
}
