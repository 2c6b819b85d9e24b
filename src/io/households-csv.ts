// The reference household reader, on csv-parse: the CSV of DOMAIN "The household data" → a columnar Population,
// streamed (the file is parsed as it is read, never read whole first). Rows of a household need not be adjacent.
// Every bad value is an InputError naming file, line, column, the value and what was expected; mismatched
// household-level values name the household, the column and both rows. BOM, CRLF, quotes, extra and reordered
// columns work. The fast reader (fast-csv.ts) is tested against this one.
import type { Readable } from 'node:stream';
import { columnLabel, COLUMNS, HOUSEHOLD_COLS, PERSON_COLS, type Column } from '../core/columns.js';
import { parseCell } from '../core/cells.js';
import { PopulationBuilder, type Population } from '../core/population.js';
import type { ReadProgress } from '../core/progress.js';
import { InputError, type Problem } from '../errors.js';
import { once } from 'node:events';
import { ReferenceLines } from './reference-lines.js';
import { afterQuoteMessage, Intake, recordLengthMessage, strayQuoteMessage, UNCLOSED_QUOTE } from './intake.js';
import type { SourceOptions } from './foreign.js';
import {
  colNumber,
  conflictMessage,
  duplicateMessage,
  EMPTY_FILE,
  householdsError,
  invalidMessage,
  MAX_PROBLEMS,
  readHeader,
} from './household-messages.js';
import { emptyCell, noteEmptyCells, noEmptyCells, refuseSomeWeightsEmpty } from './empty-cells.js';
import { ApartRows, noteApart } from './apart-rows.js';
import { noteUnreadColumns } from './unread-columns.js';

export interface ReadOptions {
  readonly onProgress?: (p: ReadProgress) => void;
  /** How the file is held (encoding, a column mapping, a workbook's sheet: io/foreign.ts). */
  readonly source?: SourceOptions;
  /**
   * A note about the file, for stderr: what it holds that moves the figures (columns unread, empty cells), or (`how`)
   * only what was done to read it ("read as GB18030", a workbook's sheet), which the outputs' notes leave out.
   */
  readonly onNote?: (note: string, how?: 'how') => void;
}

/** The reference reader: the fast reader (fast-csv.ts) is tested against it. */
export async function parseHouseholds(input: Readable, file: string, totalBytes = 0, opts: ReadOptions = {}): Promise<Population> {
  const problems: Problem[] = [];
  const builder = new PopulationBuilder();
  let index: Map<Column, number> | null = null;
  let header: readonly string[] = [];
  let bytes = 0;
  let rows = 0;
  const problem = (line: number, col: number | undefined, subject: string | undefined, message: string) => {
    problems.push({ where: { file, line, col }, subject, message });
  };
  const values = new Float64Array(COLUMNS.length);
  const empties = noEmptyCells();
  const apart = new ApartRows();

  // Each record is taken as csv-parse makes it (on_record), so every record before a CSV error (a misplaced quote,
  // a record of the wrong length) is checked before the error stops the reading: the fast reader does the same.
  const STOP = new Error('enough problems');
  const { CsvError, parse } = await import('csv-parse'); // loaded only by the reference reader
  const lines = new ReferenceLines();
  let recordStart = 0; // where the record after the last one starts looking (csv-parse's byte offset)
  const take = (record: string[], info: { bytes: number }): void => {
    const line = lines.recordLine(recordStart);
    recordStart = info.bytes;
    if (index === null) {
      index = readHeader(record, file, line);
      header = record;
      return;
    }
    if (record.every((f) => f === '')) return; // a row of only commas (a spreadsheet's empty row): as an empty line
    rows++;
    if (opts.onProgress && (rows & 0xfff) === 0) opts.onProgress({ bytes, totalBytes, rows });
    const pid = record[index.get('person_id')!]!;
    const hid = record[index.get('household_id')!]!;
    apart.row(hid, line);
    let rowOk = true;
    COLUMNS.forEach((def, c) => {
      const at = index!.get(def.name);
      const raw = at === undefined ? '' : record[at]!;
      if (at !== undefined && raw === '') emptyCell(empties, c, line);
      const parsed = parseCell(def, raw);
      if (parsed.ok) values[c] = parsed.value;
      else {
        rowOk = false;
        problem(
          line,
          colNumber(at),
          columnLabel(def, at === undefined ? undefined : header[at]),
          invalidMessage(raw, parsed.expected, pid, hid),
        );
      }
    });
    if (rowOk) {
      const added = builder.add(
        hid,
        pid,
        PERSON_COLS.map((c) => values[c]!),
        HOUSEHOLD_COLS.map((c) => values[c]!),
        line,
      );
      if ('duplicateOfRow' in added) {
        problem(line, colNumber(index.get('person_id')), 'column person_id', duplicateMessage(pid, added.duplicateOfRow));
      } else if ('conflicts' in added) {
        for (const c of added.conflicts)
          problem(line, colNumber(index.get(c.column as Column)), `household ${hid}`, conflictMessage(c, line));
      }
    }
    if (problems.length >= MAX_PROBLEMS) throw STOP;
  };
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    trim: true,
    // A line ends with LF, CR LF or CR alone (told, so that it is not guessed from the first line end seen).
    record_delimiter: ['\r\n', '\n', '\r'],
    on_record: (r: unknown) => {
      const { record, info } = r as { record: string[]; info: { bytes: number } }; // with info: true, csv-parse hands both
      take(record, info);
      return null;
    },
  });
  // The parser gets whole records only, and only what passed the intake's checks (a text CSV, UTF-8, records of a
  // sensible length); after a problem there, the records before it are still taken, as the fast reader takes them.
  const intake = new Intake();
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  parsed.catch(() => undefined); // awaited below
  parser.resume(); // records are taken in on_record; nothing comes out
  try {
    for await (const piece of input as AsyncIterable<Buffer | string>) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
      bytes += chunk.length;
      const pass = intake.take(chunk);
      if (pass?.length) lines.add(pass);
      if (pass?.length && !parser.write(pass)) await Promise.race([once(parser, 'drain'), parsed]);
      if (intake.problem || parser.destroyed) break;
    }
    const rest = intake.flush();
    if (rest?.length && !parser.destroyed) {
      lines.add(rest);
      parser.write(rest);
    }
    parser.end();
    await parsed;
  } catch (e) {
    const err = e as { code?: string; message: string; lines?: number };
    if (err instanceof InputError) throw err;
    if (e instanceof CsvError) {
      // Any of csv-parse's (its codes do not all start with CSV_). It comes before any intake problem (the parser
      // never sees the bytes after one), and ends the reading as that would.
      // (a quote never closed: told at the line of the record it opens in, not the file's end; each told at its field)
      const unclosed = err.code === 'CSV_QUOTE_NOT_CLOSED';
      const afterQuote = err.code === 'CSV_INVALID_CLOSING_QUOTE' || err.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE';
      const closing = afterQuote ? /got (".") at line/.exec(err.message) : null;
      const line = unclosed ? lines.recordLine(recordStart) : lines.fromCsvParse(err.lines!);
      const length = err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? /expect (\d+), got (\d+)/.exec(err.message) : null;
      // (a quote inside an unquoted field: csv-parse counts fields from 0 — "field 1" was the second column, a QA trial)
      const quote = err.code === 'INVALID_OPENING_QUOTE' ? /field (\d+) .*value is (".*")$/.exec(err.message) : null;
      const message = length
        ? recordLengthMessage(Number(length[1]), Number(length[2]))
        : quote
          ? strayQuoteMessage(JSON.parse(quote[2]!) as string)
          : unclosed
            ? UNCLOSED_QUOTE
            : afterQuote
              ? afterQuoteMessage(closing ? closing[1]! : 'a character after spaces')
              : `CSV: ${err.message.replace(/\b(at|on) line \d+/, `$1 line ${line}`)}`;
      const col = quote ? Number(quote[1]) + 1 : unclosed || afterQuote ? (err as { index?: number }).index! + 1 : 0;
      problems.push({ where: { file, line, ...(col ? { col } : {}) }, message });
      intake.problem = null;
    } else if (e !== STOP) throw e; // STOP: the first MAX_PROBLEMS are reported
  } finally {
    input.destroy();
  }
  if (intake.problem && problems.length < MAX_PROBLEMS) {
    const { line, col, message } = intake.problem;
    problems.push({ where: { file, line, col }, message });
  }
  if (index === null && problems.length === 0) {
    problems.push({ where: { file, line: 1 }, message: EMPTY_FILE });
  }
  if (totalBytes === 0 && index !== null) noteUnreadColumns(header, file, opts);
  if (problems.length) throw householdsError(problems);
  refuseSomeWeightsEmpty(empties, rows, file);
  noteEmptyCells(empties, file, opts);
  noteApart(apart.result(), file, opts);
  opts.onProgress?.({ bytes, totalBytes, rows });
  return builder.build();
}
