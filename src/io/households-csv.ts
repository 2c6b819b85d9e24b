// The reference household reader, on csv-parse: the CSV of DOMAIN "The household data" → a columnar Population,
// streamed (the file is parsed as it is read, never read whole first). Rows of a household need not be adjacent.
// Every bad value is an InputError naming file, line, column, the value and what was expected; mismatched
// household-level values name the household, the column and both rows. BOM, CRLF, quotes, extra and reordered
// columns work. The fast reader (fast-csv.ts) is tested against this one.
import type { Readable } from 'node:stream';
import { COLUMNS, HOUSEHOLD_COLS, parseCell, PERSON_COLS, type Column } from '../core/columns.js';
import { PopulationBuilder, type Population } from '../core/population.js';
import type { ReadProgress } from '../core/progress.js';
import { InputError, type Problem } from '../errors.js';
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

export interface ReadOptions {
  readonly onProgress?: (p: ReadProgress) => void;
}

/** The reference reader: the fast reader (fast-csv.ts) is tested against it. */
export async function parseHouseholds(input: Readable, file: string, totalBytes = 0, opts: ReadOptions = {}): Promise<Population> {
  const problems: Problem[] = [];
  const builder = new PopulationBuilder();
  let index: Map<Column, number> | null = null;
  let bytes = 0;
  let rows = 0;
  const problem = (line: number, col: number | undefined, subject: string | undefined, message: string) => {
    problems.push({ where: { file, line, col }, subject, message });
  };
  const values = new Float64Array(COLUMNS.length);

  // Each record is taken as csv-parse makes it (on_record), so every record before a CSV error (a misplaced quote,
  // a record of the wrong length) is checked before the error stops the reading: the fast reader does the same.
  const STOP = new Error('enough problems');
  const { CsvError, parse } = await import('csv-parse'); // loaded only by the reference reader
  const take = (record: string[], info: { lines: number }): void => {
    // info.lines is where the record ends; a quoted field may span lines, so count back to its start.
    let newlines = 0;
    for (const f of record) if (f.includes('\n')) newlines += f.split('\n').length - 1;
    const line = info.lines - newlines;
    if (index === null) {
      index = readHeader(record, file, line);
      return;
    }
    rows++;
    if (opts.onProgress && (rows & 0xfff) === 0) opts.onProgress({ bytes, totalBytes, rows });
    const pid = record[index.get('person_id')!]!;
    let rowOk = true;
    COLUMNS.forEach((def, c) => {
      const at = index!.get(def.name);
      const raw = at === undefined ? '' : record[at]!;
      const parsed = parseCell(def, raw);
      if (parsed.ok) values[c] = parsed.value;
      else {
        rowOk = false;
        problem(line, colNumber(at), `column ${def.name}`, invalidMessage(raw, parsed.expected, pid));
      }
    });
    if (rowOk) {
      const hid = record[index.get('household_id')!]!;
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
    on_record: (r: unknown) => {
      const { record, info } = r as { record: string[]; info: { lines: number } }; // with info: true, csv-parse hands both
      take(record, info);
      return null;
    },
  });
  input.on('data', (chunk: Buffer | string) => {
    bytes += chunk.length;
  });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);

  try {
    for await (const _ of parser) void _; // records are taken above; nothing comes out
  } catch (e) {
    const err = e as { code?: string; message: string; lines?: number };
    if (err instanceof InputError) throw err;
    if (e instanceof CsvError)
      problems.push({ where: { file, line: err.lines }, message: `CSV: ${err.message}` }); // any of csv-parse's (its codes do not all start with CSV_)
    else if (e !== STOP) throw e; // STOP: the first MAX_PROBLEMS are reported
  } finally {
    input.destroy();
  }
  if (index === null && problems.length === 0) {
    problems.push({ where: { file, line: 1 }, message: EMPTY_FILE });
  }
  if (problems.length) throw householdsError(problems);
  opts.onProgress?.({ bytes, totalBytes, rows });
  return builder.build();
}
