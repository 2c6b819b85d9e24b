// The CLI's world, injected: streams, environment and TTY flags. The real one wraps `process`; tests
// pass fakes. No code under src/ writes to process.stdout directly except through a Ctx.
export interface Out {
  write(s: string): unknown;
  readonly isTTY?: boolean;
  /** A terminal's width (a line wider than it wraps, and `\r` redraws only its last part). */
  readonly columns?: number;
}

export interface Ctx {
  readonly stdout: Out;
  readonly stderr: Out;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
  /** --debug: stack traces, and what the run is set up with on stderr. */
  readonly debug?: boolean;
  /** The command line as given (for the outputs that say how they were made). */
  readonly argv?: readonly string[];
  readonly version?: string;
  /** How the households file is held: --encoding, --columns, --sheet (set once the command line is read). */
  readonly households?: HouseholdsFlags;
  /** Notes said on stderr once the command has done its work (none when it fails: its error stands alone). */
  readonly atEnd?: string[];
  /**
   * The households file's notes (columns unread, empty cells, a sheet…) as they were heard: said on stderr then, and
   * carried by the outputs' notes too (JSON, the workbook's About sheet, the HTML page), even with --quiet.
   */
  readonly heard?: string[];
}

/** A command, then the notes kept for its end (ctx.atEnd: none when it fails, its error standing alone). */
export async function endingWell(ctx: Ctx, run: (c: Ctx) => Promise<unknown>): Promise<void> {
  const atEnd: string[] = [];
  await run({ ...ctx, atEnd, heard: [] });
  for (const n of atEnd) ctx.stderr.write(`${n}\n`);
}

/** A note said when the command ends well (ctx.atEnd), or now where none collects them (a command called directly). */
export function noteAtEnd(ctx: Ctx, note: string): void {
  if (ctx.atEnd) ctx.atEnd.push(note);
  else ctx.stderr.write(`${note}\n`);
}

export interface HouseholdsFlags {
  encoding?: 'utf-8' | 'gb18030';
  columns?: string;
  sheet?: string;
}

export function processContext(): Ctx {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => new Date() };
}
