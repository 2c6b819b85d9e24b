// The error vocabulary. Each user-facing error carries its exit code; anything else is a bug (exit 4).
export interface Where {
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
}

export interface Problem {
  readonly where?: Where;
  /** e.g. "column age", "household H7", "parameter dibao.standard.urban" */
  readonly subject?: string;
  readonly message: string;
}

export function formatWhere(w: Where): string {
  return w.line === undefined ? w.file : w.col === undefined ? `${w.file}:${w.line}` : `${w.file}:${w.line}:${w.col}`;
}

export function formatProblem(p: Problem): string {
  const at = p.where ? `${formatWhere(p.where)}: ` : '';
  return `${at}${p.subject ? `${p.subject}: ` : ''}${p.message.replace(LONG_QUOTED, shortQuoted)}`;
}

/** A quoted value of hundreds of characters is cut (a value of a million put a megabyte on stderr: a fuzzing trial). */
const LONG_QUOTED = /"([^"\n]{200,})"/g;
const shortQuoted = (_: string, v: string) => `"${v.slice(0, 80)}…" (${v.length.toLocaleString('en')} characters)`;

/** Exit 3: a policy, scenario or household file is invalid. Lists every problem found. */
export class InputError extends Error {
  readonly exitCode = 3;
  constructor(
    readonly problems: readonly Problem[],
    readonly hint?: string,
  ) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

/** Exit 2: the command line is wrong (unknown option, bad value, missing file argument). */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Exit 2: a date before a policy has a value for every parameter (a date the user chose, not a fault of the policy:
 * its file's lines are not listed, one line says from when it has them).
 */
export class DateBeforePolicyError extends UsageError {
  constructor(
    readonly policyFile: string,
    readonly date: string,
    /** The first date every required parameter has a value. */
    readonly from: string,
    /** The parameters without a value at `date`. */
    readonly missing: readonly string[],
  ) {
    const shown = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
    const year = Number(from.slice(0, 4)) + (from.endsWith('-01-01') ? 0 : 1);
    super(
      `${policyFile} has no value at ${date} for ${missing.length} parameter${missing.length > 1 ? 's' : ''} (${shown}): its values are complete from ${from}`,
      `give --date ${from} or later (budget years: --year ${year} or --years ${year}-${year + 2}, or later)`,
    );
    this.name = 'DateBeforePolicyError';
  }
}

/** Exit 1: the run worked and a check failed. */
export class CheckFailedError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailedError';
  }
}

/**
 * Exit 0: the reader of an output written straight through (/dev/stdout, a pipe) closed it early (`… | head`), as a
 * closed standard output is. Nothing more is written; a note on stderr says so (the command's --out is not written).
 */
export class ClosedPipe extends Error {
  readonly exitCode = 0;
  constructor(readonly path: string) {
    super(`the reader of ${path} closed it`);
    this.name = 'ClosedPipe';
  }
}

/** The person stopped the run (Ctrl-C in the TUI, where the terminal's raw mode makes it a key, not a signal): 130. */
export class Interrupted extends Error {
  readonly exitCode = 130;
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** An error as a worker thread sends it (structured-cloned): the typed ones keep what the exit code and message need. */
export interface SentError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly problems?: readonly Problem[];
  readonly hint?: string;
}

/** What a worker thread sends of an error it threw. */
export function sendError(e: unknown): SentError {
  const stack = e instanceof Error ? e.stack : undefined;
  if (e instanceof InputError) return { name: 'InputError', message: e.message, problems: e.problems, hint: e.hint, stack };
  if (e instanceof UsageError) return { name: 'UsageError', message: e.message, hint: e.hint, stack };
  return { name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e), stack };
}

/**
 * The error a worker thread sent, as the main thread throws it: an invalid input or a usage error as itself (its exit
 * code, problems and hint: a file that could not be read in a worker was exit 4 with a stack trace, where the main
 * thread says "cannot read …", exit 2 — a code review); anything else a bug, its stack kept for --debug.
 */
export function receivedError(s: SentError): Error {
  const e =
    s.name === 'InputError'
      ? new InputError(s.problems ?? [], s.hint)
      : s.name === 'UsageError'
        ? new UsageError(s.message, s.hint)
        : new Error(`a worker thread failed: ${s.message}`);
  if (s.stack) e.stack = `${s.stack}\n    (in a worker thread)`;
  return e;
}
