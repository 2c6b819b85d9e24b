// The outputs a command names on its command line, checked before any work: not one of its inputs, not another output's
// file, not a folder's name, in a folder that is there, named for the kind of file it gets. The one rule: jiuzhu never
// writes over a file it reads (compared by device and inode, so another spelling or a link to it counts).
import { fstatSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { lstat, open, readlink, realpath, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { outputToCome } from './atomic-file.js';

/** An output named on the command line (flag: e.g. "--per-household"), and the inputs of the same command. */
export interface Output {
  readonly flag: string;
  readonly path: string;
  /** What is written (the --format, or the output's one kind): a name ending in another kind's extension is refused. */
  readonly format?: string;
  /** The format is the command's --format (the hint may offer another). */
  readonly chosen?: boolean;
  /** The command's own output to standard output (commandStdout): how to send it elsewhere, for the hint. */
  readonly instead?: string;
}

/** The extensions of each kind of output a command writes. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  table: ['.txt'],
  json: ['.json'],
  csv: ['.csv'],
  markdown: ['.md', '.markdown'],
  xlsx: ['.xlsx'],
  html: ['.html', '.htm'],
  arrow: ['.arrow'],
  xml: ['.xml'],
  // (jiuzhu's own policies, scenarios, cases and profiles: a QA trial's --per-household fuliang.yaml wrote a CSV over
  // the policy; only init writes YAML)
  yaml: ['.yaml', '.yml'],
};
const KIND_OF = new Map<string, string>(Object.entries(EXTENSIONS).flatMap(([kind, exts]) => exts.map((e) => [e, kind] as const)));
// Kinds jiuzhu never writes, which an output may still be named for (a trial's report --out r.pdf got HTML)
for (const e of ['.pdf', '.doc', '.docx', '.xls', '.ods', '.odt', '.png', '.jpg', '.svg', '.parquet']) KIND_OF.set(e, 'other');

const KIND_WORDS: Readonly<Record<string, string>> = {
  table: 'a text table',
  json: 'JSON',
  csv: 'CSV',
  markdown: 'Markdown',
  xlsx: 'an Excel workbook',
  html: 'HTML',
  arrow: 'an Arrow file',
  xml: 'XML',
  yaml: 'YAML',
};

/**
 * A path that names a folder, not a file — ending in / (or /.), or . or .. last — refused as an output's: the system
 * refuses it as a file, but path.resolve drops the slash, and h.csv/ had written over the households file h.csv,
 * past the check that it is not an input (a QA trial).
 */
export function refuseFolderName(flag: string, path: string): void {
  if (!/\/$|(^|\/)\.\.?$/.test(path)) return;
  throw new UsageError(`${flag} ${path} names a folder, not a file`, "a file's name has no / at its end, nor a last . or ..");
}

/**
 * Refuses an output whose folder is not there, before any work (an author's trial: `test --junit out/j.xml` ran every
 * case, then said only that out/j.xml could not be written, the cases' problems lost and the exit code changed).
 */
async function refuseNoFolder(out: Output): Promise<void> {
  const there = await lstat(out.path).catch(() => null);
  // (there and not a file — a link, a device, a FIFO — opened as it is; a file is replaced by one written beside it)
  if (there && !there.isFile()) return;
  const dir = dirname(out.path);
  const s = await stat(dir).catch((e: NodeJS.ErrnoException) => e.code ?? 'unknown');
  if (typeof s !== 'string' && s.isDirectory()) return refuseUnwritable(out, dir);
  const why =
    s === 'ENOENT'
      ? `its folder ${dir} does not exist`
      : typeof s !== 'string'
        ? `${dir} is a file, not a folder`
        : s === 'ENOTDIR'
          ? `${dir} is not a folder (a part of its path is a file)`
          : `its folder ${dir} cannot be looked in (${s})`;
  throw new UsageError(
    `${out.flag} ${out.path}: ${why}`,
    s === 'ENOENT' ? `make the folder first (mkdir -p ${dir}), or give ${out.flag} another path` : `give ${out.flag} another path`,
  );
}

/**
 * Refuses an output whose folder cannot be written in, before any work (a budget officer's trial: a read-only folder
 * was told after 10 s of computing, a missing one at once): a file made there and removed at once, as the output's own
 * temporary file will be made beside it.
 */
async function refuseUnwritable(out: Output, dir: string): Promise<void> {
  const probe = join(dir, `.jiuzhu-probe-${randomBytes(6).toString('hex')}`);
  const made = await open(probe, 'wx').catch((e: NodeJS.ErrnoException) => e.code ?? 'unknown');
  if (typeof made !== 'string') {
    await made.close();
    await unlink(probe).catch(() => undefined);
    return;
  }
  const why =
    { EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'a read-only file system', ENOSPC: 'no space left' }[made] ?? made;
  throw new UsageError(
    `${out.flag} ${out.path}: its folder ${dir} cannot be written in (${why})`,
    `give ${out.flag} a path in a folder you can write in`,
  );
}

/** Refuses an output named for another kind of file than it gets (`--format xlsx --out b.csv`: a workbook named .csv). */
function refuseOtherKind(out: Output): void {
  if (!out.format) return;
  const ext = extname(out.path).toLowerCase();
  const named = KIND_OF.get(ext);
  if (named === undefined || named === out.format || !(out.format in EXTENSIONS)) return;
  const name = `${out.path.slice(0, out.path.length - ext.length)}${EXTENSIONS[out.format]![0]}`;
  throw new UsageError(
    `${out.flag} ${out.path} ends in ${extname(out.path)}, but it gets ${KIND_WORDS[out.format]}`,
    `name it ${name}${out.chosen && !['arrow', 'xml', 'yaml', 'other'].includes(named) ? `, or give --format ${named}` : ''}${
      ext === '.pdf' && out.format === 'html' ? ' (a browser prints it to PDF)' : ''
    }`,
  );
}
export interface Input {
  readonly what: string;
  readonly path: string;
}

/** A command's inputs, from its options. */
export function inputsOf(o: {
  policy?: string | readonly string[];
  households?: string;
  scenario?: readonly string[];
  profile?: string;
  projection?: string;
}): Input[] {
  const many = (x: string | readonly string[] | undefined) => (x === undefined ? [] : typeof x === 'string' ? [x] : x);
  return [
    ...many(o.policy).map((path) => ({ what: 'policy file', path })),
    ...many(o.households).map((path) => ({ what: 'households file', path })),
    ...many(o.scenario).map((path) => ({ what: 'scenario file', path })),
    ...many(o.profile).map((path) => ({ what: 'profile', path })),
    ...many(o.projection).map((path) => ({ what: 'projection file', path })),
  ];
}

/** Inputs a run reads besides its command's own (the global --columns mapping): said once per run (cli/main.ts). */
let alsoRead: readonly Input[] = [];
export function readsAlso(inputs: readonly Input[]): void {
  alsoRead = inputs;
}

/**
 * Refuses (exit 2) an output that is one of the inputs (or of readsAlso's), or a file another output names too (one would replace the
 * other: `--out t.csv --per-household t.csv` kept only the totals), before anything is read or written.
 */
export async function refuseOverwrite(outputs: readonly (Output | null | undefined)[], inputs: readonly Input[]): Promise<void> {
  for (const out of outputs) if (out && !toStdout(out.path)) refuseFolderName(out.flag, out.path);
  for (const out of outputs) if (out && !toStdout(out.path)) await refuseNoFolder(out);
  const id = async (path: string) => {
    const s = await stat(path).catch(() => null);
    return s && s.isFile() ? `${s.dev}:${s.ino}` : null;
  };
  // A file to be: its directory's real path and its name (a device such as /dev/stdout may take several outputs); a link
  // to a file not there yet, the file it will make (a trial's o2link.csv → o2.csv took the per-household rows' place).
  const target = async (path: string, links = 0): Promise<string | null> => {
    const existing = await id(path);
    if (existing) return existing;
    if (await stat(path).catch(() => null)) return null;
    const link = links < 40 ? await readlink(path).catch(() => null) : null;
    if (link !== null) return target(resolve(dirname(path), link), links + 1);
    // (the folder as the system reads it: lnk/.. is the folder above the link's target, not the one above lnk)
    const dir = await realpath(dirname(path)).catch(() => null);
    return dir === null ? null : join(dir, basename(path));
  };
  for (const out of outputs) {
    if (!out) continue;
    const o = await id(out.path);
    if (o === null) continue;
    for (const input of [...inputs, ...alsoRead]) {
      if ((await id(input.path)) === o)
        throw new UsageError(
          `${out.flag} ${out.path} is the ${input.what} ${input.path}: jiuzhu never writes over a file it reads`,
          `choose another name for ${out.flag}`,
        );
    }
  }
  const named = new Map<string, Output>();
  for (const out of outputs) {
    if (!out) continue;
    refuseOtherKind(out);
    const t = toStdout(out.path) ? STDOUT : await target(out.path);
    const other = t === null ? undefined : named.get(t);
    if (other && t === STDOUT) {
      // (the command's own output is one of them when it has no --out; the stream is not named: `-` is read as
      // /dev/stdout, and a refusal of `--per-household -` named a path the user had not typed)
      const [mine, theirs] = other.flag === STDOUT ? [out, other] : [other, out];
      const instead = theirs.instead;
      throw new UsageError(
        theirs.flag === STDOUT
          ? `${mine.flag} and the command's own output both go to standard output: their lines would mix`
          : `${out.flag} and ${other.flag} both go to standard output: their lines would mix`,
        `give ${mine.flag} a file${instead ? `, or ${instead}` : ''}`,
      );
    }
    if (other)
      throw new UsageError(
        `${out.flag} ${out.path} and ${other.flag} ${other.path} are the same file: one would replace the other`,
        `give ${out.flag} another name`,
      );
    if (t !== null) named.set(t, out);
  }
  for (const out of outputs)
    if (out && out.flag !== STDOUT && !toStdout(out.path))
      outputToCome(out.path, (await stat(out.path).catch(() => null))?.isFile() ?? false);
  // Standard output sent to a file (> f, >> f): not an input, nor a file an output replaces (a QA trial's
  // `--per-household m.csv > m.csv` lost the totals to the file replaced; `>> h.csv` appended them to the households)
  const out1 = stdoutFile();
  if (out1 === null) return;
  for (const input of [...inputs, ...alsoRead])
    if ((await id(input.path)) === out1)
      throw new UsageError(
        `standard output goes to the ${input.what} ${input.path}: jiuzhu never writes over a file it reads`,
        'send standard output to another file',
      );
  for (const out of outputs)
    if (out && out.flag !== STDOUT && !toStdout(out.path) && (await id(out.path)) === out1)
      throw new UsageError(
        `${out.flag} ${out.path} is the file standard output goes to: one would replace the other`,
        `send standard output to another file, or give ${out.flag} another name`,
      );
}

/** The file standard output goes to (device and inode), when it is a regular file. */
function stdoutFile(): string | null {
  try {
    const s = fstatSync(1);
    return s.isFile() ? `${s.dev}:${s.ino}` : null;
  } catch {
    return null;
  }
}

/** An output to standard output: `-` or its device's name. */
export const toStdout = (path: string) => ['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1'].includes(path);
const STDOUT = '\0stdout';

/**
 * The command's own output when it goes to standard output (no --out): an output refuseOverwrite weighs with the
 * others; `instead`: how to send it elsewhere, for the hint.
 */
export const commandStdout = (instead?: string): Output => ({ flag: STDOUT, path: '-', instead });
