// Households files as bureaus hold them (issue 16): an Excel roll (.xlsx, streamed), a CSV saved by Excel on a Chinese
// Windows machine (GB18030), or any export with its own headers and words under a column mapping (--columns). Each is
// turned into the canonical UTF-8 CSV the readers read — one record per line, the fields in the file's order, so a
// problem's line and field are the file's own — and a problem found there is told in the file's terms (a workbook's
// sheet, column letter and row). A plain UTF-8 CSV is not touched here: the readers read it as always (中文 headers
// and values included, core/columns.ts), at full speed.
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { InputError, UsageError, type Problem } from '../errors.js';
import type { CheckFound, CheckRange } from './arrow-checks.js';
import type { ColumnMapping } from './column-mapping.js';
import { fileError, inputFile } from './files.js';
import { decodeGb18030, decodes, hasUtf8Bom, isUtf8File, readWhole, turned, withoutUtf8Bom } from './text-decoding.js';
import type { Population } from '../core/population.js';
import { gb18030, HEAD, householdsKind, type HouseholdsKind } from './households-kind.js';
import { firstInvalidUtf8, utf8Problem } from './text-checks.js';
import { rowWords, toCsv, whole, type Converted } from './converted.js';
import { fromWorkbook } from './workbook.js';

export type { Converted } from './converted.js';

export interface SourceOptions {
  /** Force an encoding; by default UTF-8, or GB18030 when the file's start is not UTF-8 and reads as GB18030. */
  readonly encoding?: 'utf-8' | 'gb18030';
  readonly columns?: ColumnMapping;
  /** A workbook's sheet (default: the first). */
  readonly sheet?: string;
}

/** Checks an Arrow file's value columns a range of households at a time on other threads (arrow-checks.ts). */
export type ArrowChecks = (all: CheckRange) => Promise<readonly CheckFound[]>;

/** A file turned into canonical CSV — or, an Arrow file (`jiuzhu import`), its population, read and checked. */
export type Prepared = Converted | { readonly population: Population; readonly notes: readonly string[] };

/** How the file is read (io/households-kind.ts), from its name and first bytes, without reading it: 'csv' for a pipe. */
export async function kindOfHouseholds(path: string, o: SourceOptions = {}): Promise<HouseholdsKind> {
  const file = await inputFile(path, 'households file');
  return file.seekable ? householdsKind(path, await readHead(path), o) : 'csv';
}

/** The file as canonical CSV, or null when it is a UTF-8 CSV to be read as it is. */
export async function prepareHouseholds(path: string, o: SourceOptions = {}, arrowChecks?: ArrowChecks): Promise<Prepared | null> {
  const file = await inputFile(path, 'households file');
  if (o.sheet !== undefined && !file.seekable) refuseSheet(path);
  // A pipe is read as it comes: only what the command line asks for turns it (sniffing would consume it).
  if (!file.seekable && o.encoding !== 'gb18030' && !o.columns) return null;
  const head = file.seekable ? await readHead(path) : Buffer.alloc(0);
  const kind = householdsKind(path, head, o);
  if (o.sheet !== undefined && kind !== 'workbook' && kind !== 'arrow') refuseSheet(path);
  if (kind === 'arrow') {
    refuseArrowOptions(path, o);
    // apache-arrow is loaded only when an Arrow file is read (it costs ~0.1 s)
    const arrow = await import('./arrow.js');
    return { population: await arrow.populationFromArrow(path, arrowChecks), notes: [] };
  }
  // (a workbook's and a Parquet file's text is Unicode as they hold it: --encoding was taken and did nothing, a QA trial)
  if (o.encoding !== undefined && (kind === 'workbook' || kind === 'parquet'))
    throw new UsageError(
      `${path} is ${kind === 'workbook' ? 'a workbook (.xlsx)' : 'a Parquet file'}, whose text is Unicode as it holds it: --encoding would do nothing to it`,
      'leave --encoding out',
    );
  if (kind === 'workbook') return fromWorkbook(path, o);
  if (kind === 'parquet') return fromParquet(path, o);
  if (kind === 'csv') return null;
  // A file is turned as it is read (a data engineer's 400,000 households took 1.15 GB read whole, ~6 bytes a byte of
  // file, --stream or not): its encoding known from its start, or from a pass over it that keeps nothing. A pipe, or a
  // file whose start is UTF-8 and the rest not, is read whole as before.
  const gbHead = gb18030(head, o.encoding);
  if (file.seekable && (gbHead || o.encoding === 'utf-8' || (await isUtf8File(path)))) {
    const notes = gbHead ? [gbNote(path, head)] : [];
    const open = () => Readable.from(turned(path, gbHead, o));
    // The header as the readers will see it (its unread columns are named before the file is read): the head turned.
    const firstLine = head.subarray(0, head.indexOf(0x0a) + 1 || head.length);
    let headText = '';
    try {
      headText = new TextDecoder(gbHead ? 'gb18030' : 'utf-8')
        .decode(gbHead ? withoutUtf8Bom(firstLine) : firstLine)
        .replace(/^\uFEFF/, '');
    } catch {
      // (told where the file is read)
    }
    const t = o.columns?.turner(path);
    const turnedHead = t ? t.push(headText.endsWith('\n') ? headText : `${headText}\n`) : headText;
    return { open, head: Buffer.from(turnedHead, 'utf8'), size: file.size, notes, where: (w) => w, text: o.columns?.words };
  }
  const raw = await readWhole(path);
  // (a pipe's start is seen only now; a file's start may be UTF-8 where the rest is not: never decoded lossily)
  const bad = o.encoding === 'gb18030' ? -1 : firstInvalidUtf8(raw, 0, raw.length);
  const gb = gb18030(head, o.encoding) || (o.encoding === undefined && bad >= 0 && decodes(raw));
  if (!gb && bad >= 0) {
    const p = utf8Problem(raw, 0, bad, 1);
    throw new InputError([{ where: { file: path, line: p.line, col: p.col }, message: p.message }]);
  }
  const text = gb ? decodeGb18030(raw, path, o.encoding === 'gb18030') : raw.toString('utf8').replace(/^\uFEFF/, '');
  const notes = gb ? [gbNote(path, raw)] : [];
  // The text goes to the reader as written (turned to UTF-8, and the mapping's headers, words and constants): one pass,
  // and the reader's own checks and messages, at the file's lines.
  return { ...whole(Buffer.from(o.columns ? o.columns.applyText(text, path) : text, 'utf8'), notes, (w) => w), text: o.columns?.words };
}

/** What reading a file as GB18030 is said as: and a UTF-8 BOM at its start, left out. */
const gbNote = (path: string, start: Uint8Array) =>
  `note: ${path} read as GB18030 (not UTF-8; force one with --encoding utf-8|gb18030)${hasUtf8Bom(start) ? `; the UTF-8 byte order mark at its start, which its GB18030 text does not follow, left out` : ''}`;

/** --sheet names a workbook's sheet: given with a CSV or Parquet file it would do nothing (a researcher's trial). */
function refuseSheet(path: string): never {
  throw new UsageError(`${path} is not a workbook (.xlsx): --sheet would do nothing to it`, 'leave --sheet out');
}

/** An Arrow population file is read as `jiuzhu import` wrote it: the options that turn a file would do nothing to it. */
export function refuseArrowOptions(path: string, o: SourceOptions): void {
  const given = (['columns', 'encoding', 'sheet'] as const).filter((k) => o[k] !== undefined);
  if (given.length)
    throw new UsageError(
      `${path} is an Arrow population file, read as jiuzhu import wrote it: ${given.map((k) => `--${k}`).join(', ')} would do nothing to it`,
      `give ${given.length > 1 ? 'them' : 'it'} to jiuzhu import, with the file it reads`,
    );
}

async function readHead(path: string): Promise<Buffer> {
  try {
    const f = await open(path, 'r');
    try {
      const b = Buffer.alloc(HEAD);
      const { bytesRead } = await f.read(b, 0, HEAD, 0);
      return b.subarray(0, bytesRead);
    } finally {
      await f.close();
    }
  } catch (e) {
    throw fileError(e, 'read', path);
  }
}

/** A cell of a Parquet column as CSV text: numbers as written, booleans 1/0, text as it is. */
function parquetText(v: unknown): string | { problem: string } {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof Date) return { problem: `a date (${v.toISOString().slice(0, 10)}), not a value jiuzhu reads` };
  return { problem: 'a value of a kind jiuzhu does not read (a list or a structure)' };
}

/** A Parquet file (a researcher's extract: CHIP, CFPS…) as canonical CSV: its columns by name, one record per row. */
async function fromParquet(path: string, o: SourceOptions): Promise<Converted> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } = await import('hyparquet');
  let rows: Array<Record<string, unknown>>;
  let header: string[];
  try {
    const file = await asyncBufferFromFile(path);
    const metadata = await parquetMetadataAsync(file);
    header = parquetSchema(metadata).children.map((c) => c.element.name);
    rows = await parquetReadObjects({ file, metadata });
  } catch (e) {
    throw new InputError([{ where: { file: path }, message: `not a readable Parquet file (${(e as Error).message})` }]);
  }
  const at = (row: number, column?: string) => `${path}: row ${row}${column !== undefined ? `, column ${column}` : ''}`;
  const problems: Problem[] = [];
  const records: string[][] = [header];
  rows.forEach((r, i) => {
    records.push(
      header.map((h) => {
        const t = parquetText(r[h]);
        if (typeof t === 'string') return t;
        if (problems.length < 20) problems.push({ where: { file: at(i + 1, h) }, message: t.problem });
        return '';
      }),
    );
  });
  if (problems.length) throw new InputError(problems, 'fix the file, or export it as CSV');
  return {
    ...whole(toCsv(o.columns ? o.columns.apply(records, path) : records), [], (w) => w),
    notes: [],
    // line 1 is the header; line n + 1 is row n; a field is the column of that name
    where: (w) =>
      w.file === path && w.line !== undefined && w.line > 1
        ? { file: at(w.line - 1, w.col !== undefined ? header[w.col - 1] : undefined) }
        : w,
    text: (message) => rowWords((line) => line - 1)(o.columns ? o.columns.words(message) : message),
  };
}
