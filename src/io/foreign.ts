// Households files as bureaus hold them (issue 16): an Excel roll (.xlsx, streamed), a CSV saved by Excel on a Chinese
// Windows machine (GB18030), or any export with its own headers and words under a column mapping (--columns). Each is
// turned into the canonical UTF-8 CSV the readers read — one record per line, the fields in the file's order, so a
// problem's line and field are the file's own — and a problem found there is told in the file's terms (a workbook's
// sheet, column letter and row). A plain UTF-8 CSV is not touched here: the readers read it as always (中文 headers
// and values included, core/columns.ts), at full speed.
import type ExcelJS from 'exceljs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { COLUMN_BY_ALIAS, COLUMN_BY_NAME, REQUIRED } from '../core/columns.js';
import { resembles } from './household-messages.js';
import { InputError, UsageError, type Problem, type Where } from '../errors.js';
import type { CheckFound, CheckRange } from './arrow-checks.js';
import type { ColumnMapping } from './column-mapping.js';
import { fileError, inputFile } from './files.js';
import { decodeGb18030, decodes, hasUtf8Bom, isUtf8File, readWhole, turned, withoutUtf8Bom } from './text-decoding.js';
import type { Population } from '../core/population.js';
import { gb18030, HEAD, householdsKind, type HouseholdsKind } from './households-kind.js';
import { firstInvalidUtf8, utf8Problem } from './text-checks.js';
import { entryText, zipEntries } from './zip-entries.js';
import { columnLetter, withCellRefs } from './sheet-refs.js';

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

export interface Converted {
  /** The canonical UTF-8 CSV, as a stream (a GB18030 or mapped file is turned as it is read: memory bounded). */
  open(): Readable;
  /** Its first bytes (its header among them), and the file's size (the progress's measure: approximate). */
  readonly head: Uint8Array;
  readonly size: number;
  /** What was done, for stderr ("read as GB18030"). */
  readonly notes: readonly string[];
  /** A problem's place in the canonical CSV → its place in the file. */
  readonly where: (w: Where) => Where;
  /** A problem's words with the CSV's lines they name (a row's household disagreeing with another's) as the file's. */
  readonly text?: (message: string) => string;
}

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
    return { open, head: Buffer.from(turnedHead, 'utf8'), size: file.size, notes, where: (w) => w };
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
  return whole(Buffer.from(o.columns ? o.columns.applyText(text, path) : text, 'utf8'), notes, (w) => w);
}

/** What reading a file as GB18030 is said as: and a UTF-8 BOM at its start, left out. */
const gbNote = (path: string, start: Uint8Array) =>
  `note: ${path} read as GB18030 (not UTF-8; force one with --encoding utf-8|gb18030)${hasUtf8Bom(start) ? `; the UTF-8 byte order mark at its start, which its GB18030 text does not follow, left out` : ''}`;

/** Canonical CSV made whole (a workbook's, a Parquet file's, a pipe's), as a Converted. */
function whole(bytes: Buffer, notes: readonly string[], where: (w: Where) => Where): Converted {
  return { open: () => Readable.from([bytes]), head: bytes.subarray(0, HEAD), size: bytes.length, notes, where };
}

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

/** The head's whole lines are not UTF-8 (a multi-byte character cut at the head's end does not count). */

/** Records as CSV text, one per line, quoted where a field needs it. */
export function toCsv(records: readonly (readonly string[])[]): Buffer {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return Buffer.from(records.map((r) => r.map(field).join(',')).join('\n') + '\n', 'utf8');
}

type CellValue = ExcelJS.CellValue;

/** A cell as the text a CSV would hold: numbers as written, TRUE/FALSE as words, a date its day, a formula's result, rich text's text. */
function cellText(v: CellValue): string | { problem: string } {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'; // (a yes/no word: a flag's 1 or 0, not a number of years or yuan)
  // a date as its day (a birth date in a column jiuzhu does not read passes; in one it reads, the value is told)
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('result' in v) return cellText((v as { result?: CellValue }).result ?? null);
  if ('text' in v) return String((v as { text: unknown }).text).trim();
  if ('error' in v) return { problem: `the cell holds an error (${String((v as { error: unknown }).error)})` };
  if ('formula' in v || 'sharedFormula' in v)
    return {
      problem:
        'a formula with no saved value (the program that wrote the workbook did not compute it): open it in Excel or WPS and save it, or paste the values',
    };
  return { problem: 'a value of a kind jiuzhu does not read' };
}

/** exceljs's stream reader's own steps, each given one part of the workbook (zip-entries.ts reads them by name). */
interface ReaderSteps {
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseRels(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
  model?: { sheets?: Array<{ name: string; rId: string }> };
  workbookRels?: Array<{ Id: string; Target: string }>;
}

/** The first sheet (or --sheet) of a workbook, its XML read row by row as it is unzipped, as canonical CSV (the rows kept as text). */
async function fromWorkbook(path: string, o: SourceOptions): Promise<Converted> {
  // exceljs is loaded for a workbook only (a third of a second)
  const mod = await import('exceljs');
  const Excel = (mod as unknown as { default?: typeof ExcelJS }).default ?? mod; // loaded for a workbook only
  // (styles: a date cell is a date, not its serial number)
  const reader = new Excel.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
  });
  const steps = reader as unknown as ReaderSteps;
  const unreadable = (e: unknown) =>
    new InputError([{ where: { file: path }, message: `not a readable .xlsx workbook (${(e as Error).message})` }]);
  const records: string[][] = [];
  const rows: number[] = [];
  let sheetName: string | null = null;
  const problems: Problem[] = [];
  let names: string[];
  try {
    // Its parts by name (not in the order they lie in the file): the sheets' names and parts, the shared strings
    // and styles, then the one sheet read.
    const entries = await zipEntries(path);
    const part = async (name: string) => {
      const e = entries.get(name);
      return e ? entryText(path, e) : null;
    };
    const book = await part('xl/workbook.xml');
    if (!book) {
      // a zip of CSVs (as a data portal sends them) is not a workbook: say what it holds
      const held = [...entries.keys()].filter((n) => !n.endsWith('/'));
      const shown = held.slice(0, 3).join(', ') + (held.length > 3 ? `, … (${held.length} files)` : '');
      throw new Error(`a ZIP archive with no xl/workbook.xml${held.length ? `; it holds ${shown}: extract the CSV and give it` : ''}`);
    }
    await steps._parseWorkbook(book);
    const rels = await part('xl/_rels/workbook.xml.rels');
    if (rels) await steps._parseRels(rels);
    const strings = await part('xl/sharedStrings.xml');
    if (strings) for await (const _ of steps._parseSharedStrings(strings));
    const styles = await part('xl/styles.xml');
    if (styles) await steps._parseStyles(styles);
    // A sheet's part as its relation names it: relative to xl/, or (openpyxl, pandas) from the root (/xl/…).
    const sheets = (steps.model?.sheets ?? []).map((sh) => {
      const target = steps.workbookRels?.find((r) => r.Id === sh.rId)?.Target ?? '';
      return { name: sh.name, part: target.startsWith('/') ? target.slice(1) : `xl/${target}` };
    });
    names = sheets.map((sh) => sh.name);
    const chosen = o.sheet !== undefined ? sheets.find((sh) => sh.name === o.sheet) : sheets[0];
    const sheet = chosen && (await part(chosen.part));
    if (chosen && !sheet) throw new Error(`its sheet ${chosen.name} has no part ${chosen.part}`);
    if (chosen && sheet) {
      sheetName = chosen.name;
      const [{ value: worksheet }] = [
        ...steps._parseWorksheet(Readable.from(withCellRefs(sheet)), /(\d+)\.xml$/.exec(chosen.part)?.[1] ?? '1'),
      ];
      for await (const row of worksheet) {
        const values = row.values as CellValue[];
        const record: string[] = [];
        for (let c = 1; c < values.length; c++) {
          const t = cellText(values[c] ?? null);
          if (typeof t === 'string') record[c - 1] = t;
          else {
            problems.push({ where: { file: `${path}:${chosen.name}!${columnLetter(c)}${row.number}` }, message: t.problem });
            record[c - 1] = '';
          }
        }
        for (let c = 0; c < record.length; c++) record[c] ??= '';
        if (!record.some((x) => x !== '')) continue; // an empty row
        records.push(record);
        rows.push(row.number);
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw unreadable(e);
  }
  if (sheetName === null)
    throw new UsageError(
      o.sheet !== undefined ? `${path} has no sheet "${o.sheet}" (its sheets: ${names.join(', ')})` : `${path} has no sheet`,
    );
  // A cell (D17), or a whole row (17:17) where a problem has no column.
  const at = (line: number, col?: number) => {
    const row = rows[line - 1] ?? line;
    return `${path}:${sheetName}!${col !== undefined ? `${columnLetter(col)}${row}` : `${row}:${row}`}`;
  };
  // The header: every column with values needs a header of its own (a merged header cell leaves the others empty).
  const header = records[0] ?? [];
  // (a loop: spread into Math.max, 120,000 rows overflowed the stack — a determinism audit's 125,000-row workbook)
  let width = 0;
  for (const r of records) width = Math.max(width, r.length);
  // A row whose last cells are blank holds fewer cells than the header (a remark left empty): blank, as in the middle
  for (const r of records) while (r.length < width) r.push('');
  for (let c = 0; c < width; c++)
    if (header[c] === undefined || header[c] === '')
      if (records.some((r, i) => i > 0 && (r[c] ?? '') !== ''))
        problems.push({
          where: { file: at(1, c + 1) },
          message: 'the header cell is empty but the column has values (a merged header cell?): give every column its own header',
        });
  if (problems.length) throw new InputError(problems, 'fix the workbook, or save the sheet as "CSV UTF-8"');
  // The first sheet, read by default, with none of the columns a households file must have where the workbook has
  // others (an import trial's 说明 sheet before its 低保名册 was told "missing required columns" alone): which to name
  // (not where a header names or resembles a column: that sheet is the households', its names told one by one — a
  // review's sheet of Household_ID, Age was sent to the 说明 after it)
  const column = (h: string) => COLUMN_BY_NAME.has(h.trim()) || COLUMN_BY_ALIAS.has(h.trim()) || resembles(h.trim()) !== undefined;
  if (o.sheet === undefined && !o.columns && names.length > 1 && !header.some(column))
    throw new InputError(
      [
        {
          where: { file: at(1) },
          message: `its first sheet, "${sheetName}", has none of the columns a households file must have (${REQUIRED.join(', ')}); the workbook's sheets: ${names.join(', ')}`,
        },
      ],
      `name the households' sheet with --sheet (--sheet ${quotedSheet(names.find((n) => n !== sheetName)!)}, if it is that one)`,
    );
  return {
    ...whole(toCsv(o.columns ? o.columns.apply(records, path) : records), [], (w) => w),
    // (its other sheets named: a register in two sheets, 城区 and 乡镇, was read as the first's alone, said only by this note
    // — a clerk's trial)
    notes: [`note: ${path} read from sheet "${sheetName}"${o.sheet === undefined ? otherSheets(names, sheetName) : ''}`],
    where: (w) => (w.file === path && w.line !== undefined ? { file: at(w.line, w.col) } : w),
    // ("area is rural on line 4 but urban on line 2" of a sheet whose blank rows were skipped: the sheet's rows — a review)
    text: rowWords((line) => rows[line - 1] ?? line),
  };
}

/** A workbook's sheets not read, said after the one read: another goes with --sheet, and a register in several is one. */
function otherSheets(names: readonly string[], read: string): string {
  const others = names.filter((n) => n !== read);
  if (!others.length) return '';
  return `, not its other sheet${others.length > 1 ? 's' : ''} (${others.map((n) => `"${n}"`).join(', ')}): --sheet NAME reads another; households in several sheets are read as one file only once put in one sheet`;
}

/** A problem's words with the canonical CSV's lines ("on line 4") as the file's rows. */
const rowWords =
  (rowOf: (line: number) => number) =>
  (message: string): string =>
    message.replace(/\bline (\d+)\b/g, (_, l: string) => `row ${rowOf(Number(l))}`);

/** A sheet's name as a command line takes it (quoted where it holds a space or a quote: 低保 名册). */
const quotedSheet = (name: string) => (/^[^\s'"\\$`]+$/.test(name) ? name : `'${name.replace(/'/g, "'\\''")}'`);

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
    text: rowWords((line) => line - 1),
  };
}
