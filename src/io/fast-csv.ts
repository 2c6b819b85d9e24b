// The fast household reader: a byte-level CSV tokenizer that turns fields straight into fen, codes and flags
// (no string per cell, no object per row, ids kept as bytes) and writes rows into a Part (part.ts); assemble.ts
// makes the Population. It accepts what the csv-parse reference reader accepts — BOM, CRLF, quoted fields (also
// spanning lines, with "" escapes), surrounding spaces, extra and reordered columns, empty lines — and reports
// the same problems with the same words; test/io/fast-csv.test.ts holds them to that. One FastReader reads the
// whole file (here) or one byte range of it (a worker, parallel-read.ts).
import { equalBytes } from '../core/ids.js';
import type { Problem } from '../errors.js';
import type { ParsedPart } from './assemble.js';
import { COL as C, columnLabel, COLUMNS, type Column } from '../core/columns.js';
import { parseCell } from '../core/cells.js';
import {
  COMMA,
  compileScanner,
  convert,
  CR,
  DEFAULTS,
  fieldKinds,
  LEADING,
  LF,
  QUOTE,
  trimmedEnd,
  unquote,
  spoiltId,
  type ScanRecord,
} from './fast-fields.js';
import { colNumber, invalidMessage, MAX_PROBLEMS, readHeader } from './household-messages.js';
import { clearEmpties, countMask, emptyCell, noEmptyCells } from './empty-cells.js';
import { naturalLess } from './natural-order.js';
import { PartWriter } from './part.js';
import type { ReaderOptions } from './reader-options.js';
export type { ReaderOptions, StreamOptions } from './reader-options.js';
import { afterQuoteMessage, formatProblem, recordLengthMessage, strayQuoteMessage, tooLongMessage, UNCLOSED_QUOTE } from './intake.js';
import { firstTextProblem } from './text-checks.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** The bytes whose rows size the columns (ReaderOptions.expectedBytes). */
const FIRST_MB = 1 << 20;

export class FastReader {
  readonly problems: Problem[] = [];
  fatal: ParsedPart['fatal'] = null;
  /** A fatal problem, or enough problems: read no further. */
  stop = false;
  rows = 0;
  /** The header's names (the file's own, or the ones given). */
  names: readonly string[] | null = null;
  private writer: PartWriter;
  /** colOf[fieldIndex] = column number, or -1 for an extra column. */
  private colOf: Int32Array | null = null;
  private fieldCount = 0;
  private readonly at = new Int32Array(COLUMNS.length).fill(-1); // column → field index
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private quoted = new Uint8Array(64);
  private readonly values = new Float64Array(COLUMNS.length);
  private valueColumns = new Int32Array(0);
  /** Each field's kind (once the header is known); the ids' bounds the fast path found. */
  private kinds: Uint8Array | null = null;
  /** The fast path for this header's records (fast-fields.ts compileScanner). */
  private scan: ScanRecord | null = null;
  private readonly ids = new Int32Array(5);
  /** Empty cells per column in the rows kept since the last take() (each took its column's default). */
  private readonly empties = noEmptyCells();
  /** The line the next record starts on, from the first line of the bytes read (1). */
  private line = 1;
  // Streaming: the last household id, whether the ids so far are in plain / natural order.
  private lastId: Uint8Array | null = null;
  /** Bytes read until the rows are guessed again (expectedBytes); then -1. */
  private seen = 0;
  private plainOrder = true;
  private naturalOrder = true;

  constructor(
    private readonly file: string,
    private readonly opts: ReaderOptions = {},
  ) {
    this.writer = new PartWriter(
      opts.expectedBytes ? Math.ceil(Math.min(opts.expectedBytes, FIRST_MB) / 16) : 1024,
      opts.shared,
      opts.sink,
    );
    if (opts.header) this.useHeader(opts.header, 1);
  }

  /** The file's column number (1-based) of a column, or undefined when the file has no such column. */
  readonly columnOf = (column: string): number | undefined => colNumber(this.at[C[column as Column]]);

  private useHeader(names: readonly string[], line: number): void {
    const index = readHeader([...names], this.file, line);
    this.names = names;
    this.fieldCount = names.length;
    this.colOf = new Int32Array(names.length).fill(-1);
    for (const [c, i] of index) {
      this.colOf[i] = C[c];
      this.at[C[c]] = i;
    }
    this.kinds = fieldKinds(this.colOf);
    this.scan = compileScanner(this.kinds, this.colOf);
    // The value columns the file has (each row converts these); the others keep their default in every row.
    this.valueColumns = Int32Array.from(
      COLUMNS.flatMap((_, c) => (c === C.household_id || c === C.person_id || this.at[c]! < 0 ? [] : [c])),
    );
    COLUMNS.forEach((_, c) => {
      if (this.at[c]! < 0) this.values[c] = DEFAULTS[c]!;
    });
  }

  private problem(line: number, col: number | undefined, subject: string | undefined, message: string): void {
    this.problems.push({ where: { file: this.file, line, col }, subject, message });
    if (this.problems.length >= MAX_PROBLEMS) this.stop = true;
  }

  /** Parses the complete records in b[0, end). */
  records(b: Buffer, whole: number): void {
    // Bytes that are not UTF-8, or a NUL, end the reading on their line (the lines before it are read).
    let end = whole;
    const bad = this.stop ? null : firstTextProblem(b, 0, whole, this.line);
    const notText = bad?.problem ?? null;
    if (bad) end = b.lastIndexOf(LF, bad.at) + 1;
    this.recordsOf(b, end);
    const expected = this.opts.expectedBytes;
    if (expected && this.seen >= 0) {
      this.seen += end;
      if (this.seen >= Math.min(expected, FIRST_MB)) {
        this.writer.expect(this.seen / expected);
        this.seen = -1;
      }
    }
    if (notText && !this.stop) {
      this.fatal = notText;
      this.stop = true;
    }
  }

  /** The file's first bytes: a file that is plainly not a text CSV ends the reading at once. */
  start(head: Uint8Array): void {
    const format = formatProblem(head);
    if (format) {
      this.fatal = { line: 1, message: format };
      this.stop = true;
    }
  }

  private recordsOf(b: Buffer, end: number): void {
    let p = 0;
    while (p < end && !this.stop) {
      const recordLine = this.line;
      // Skip empty lines (spaces, tabs and form feeds only, as the reference skips them).
      let q = p;
      while (LEADING[b[q]!] && q < end) q++;
      if (q < end && (b[q] === LF || b[q] === CR)) {
        p = b[q] === CR && b[q + 1] === LF ? q + 2 : q + 1;
        this.line++;
        continue;
      }
      if (this.kinds) {
        const next = this.scan!(b, p, this.values, this.ids);
        if (next >= 0) {
          p = next;
          this.line++;
          this.rows++;
          if (this.opts.onRows && (this.rows & 0xfff) === 0) this.opts.onRows(this.rows);
          const { ids } = this;
          if (ids[4] !== 0) countMask(this.empties, ids[4]!, recordLine);
          this.keep(b, ids[0]!, ids[1]!, ids[2]!, ids[3]!, recordLine);
          continue;
        }
      }
      let n = 0;
      let newlines = 0;
      let { starts, ends, quoted } = this;
      for (;;) {
        while (LEADING[b[p]!] && p < end) p++;
        if (n === starts.length) {
          this.growFields();
          ({ starts, ends, quoted } = this);
        }
        if (b[p] === QUOTE) {
          const s = p;
          p++;
          for (;;) {
            if (p >= end) {
              // The input ends inside the quotes (only at the end of the file: feed() hands over whole records): told
              // at the record's line and the field the quote opens.
              return this.quoteFault(recordLine, n + 1, UNCLOSED_QUOTE);
            }
            if (b[p] === QUOTE) {
              if (b[p + 1] === QUOTE) {
                p += 2;
                continue;
              }
              break;
            }
            if (b[p] === LF || (b[p] === CR && b[p + 1] !== LF)) newlines++;
            p++;
          }
          p++; // closing quote
          starts[n] = s;
          ends[n] = p;
          quoted[n] = 1;
          const after = p;
          while (LEADING[b[p]!] && p < end) p++;
          if (!(b[p] === COMMA || b[p] === LF || b[p] === CR || p >= end)) {
            // what follows a closing quote but a delimiter: told at the quote's line, as the reference tells it
            return this.quoteFault(
              recordLine + newlines,
              n + 1,
              afterQuoteMessage(p === after ? `"${String.fromCharCode(b[p]!)}"` : 'a character after spaces'),
            );
          }
        } else {
          const s = p;
          while (p < end) {
            const x = b[p];
            if (x === COMMA || x === LF || x === CR) break;
            if (x === QUOTE) {
              return this.quoteFault(recordLine + newlines, n + 1, strayQuoteMessage(b.toString('utf8', s, p)));
            }
            p++;
          }
          const e = trimmedEnd(b, s, p);
          starts[n] = s;
          ends[n] = e;
          quoted[n] = 0;
        }
        n++;
        if (b[p] === COMMA) {
          p++;
          continue;
        }
        if (b[p] === CR && b[p + 1] === LF) p++;
        p++; // the line end, or past the end
        break;
      }
      this.line += newlines + 1;
      if (this.colOf === null) {
        this.useHeader(
          Array.from({ length: n }, (_, i) => this.text(b, i)),
          recordLine,
        );
        continue;
      }
      if (n !== this.fieldCount) {
        // Located where the record ends, as the reference locates it.
        this.fatal = {
          line: recordLine + newlines,
          message: recordLengthMessage(this.fieldCount, n),
        };
        this.stop = true;
        return;
      }
      // A row of only commas (a spreadsheet's empty row, saved as CSV) holds nothing: skipped as an empty line is, and
      // as the reference skips it; one of another length is a problem, as above.
      if (this.allEmpty(n)) continue;
      this.rows++;
      if (this.opts.onRows && (this.rows & 0xfff) === 0) this.opts.onRows(this.rows);
      this.record(b, recordLine);
    }
  }

  /** Whether the record's n fields are all empty (a quoted one is `""`). */
  private allEmpty(n: number): boolean {
    const { starts, ends, quoted } = this;
    for (let i = 0; i < n; i++) if (ends[i]! - starts[i]! !== (quoted[i] ? 2 : 0)) return false;
    return true;
  }

  /** The record being read has passed MAX_RECORD bytes (feed() tells): the reading ends there. */
  tooLong(): void {
    this.fatal = { line: this.line, message: tooLongMessage('{line}') };
    this.stop = true;
  }

  /** A misplaced quote ends the reading (csv-parse stops there too). */
  private quoteFault(line: number, col: number, message: string): void {
    this.fatal = col ? { line, col, message } : { line, message };
    this.stop = true;
  }

  private growFields(): void {
    const doubled = <T extends Int32Array | Uint8Array>(a: T, x: T) => (x.set(a), x);
    this.starts = doubled(this.starts, new Int32Array(this.starts.length * 2));
    this.ends = doubled(this.ends, new Int32Array(this.ends.length * 2));
    this.quoted = doubled(this.quoted, new Uint8Array(this.quoted.length * 2));
  }

  private text(b: Buffer, i: number): string {
    return this.quoted[i] ? unquote(b, this.starts[i]!, this.ends[i]!) : b.toString('utf8', this.starts[i]!, this.ends[i]!);
  }

  private record(b: Buffer, recordLine: number): void {
    const { at, starts, ends, quoted, values, valueColumns } = this;
    // The ids first (problems come in column order, as the reference reports them). As bytes: b itself, or (a
    // quoted id, rare) their unquoted text encoded.
    const hAt = at[C.household_id]!;
    const pidAt = at[C.person_id]!;
    let ids: Uint8Array = b;
    let hs = starts[hAt]!,
      he = ends[hAt]!,
      ps = starts[pidAt]!,
      pe = ends[pidAt]!;
    if (quoted[hAt] || quoted[pidAt]) {
      const h = encoder.encode(this.text(b, hAt));
      const p = encoder.encode(this.text(b, pidAt));
      ids = new Uint8Array(h.length + p.length);
      ids.set(h);
      ids.set(p, h.length);
      hs = 0;
      he = ps = h.length;
      pe = ids.length;
    }
    let ok = hs < he && ps < pe;
    // an empty id, or one with spaces trim() takes off: inside quotes, or a Unicode one before it (parseCell says which)
    if (!ok || quoted[hAt] || quoted[pidAt] || spoiltId(ids, hs, he) || spoiltId(ids, ps, pe)) {
      const [pid, hid] = [this.text(b, pidAt), this.text(b, hAt)];
      for (const [c, i, t] of [[C.household_id, hAt, hid] as const, [C.person_id, pidAt, pid] as const]) {
        const parsed = parseCell(COLUMNS[c], t);
        if (parsed.ok) continue;
        ok = false;
        this.problem(recordLine, i + 1, columnLabel(COLUMNS[c], this.names?.[i]), invalidMessage(t, parsed.expected, pid, hid));
      }
    }
    for (let j = 0; j < valueColumns.length; j++) {
      const c = valueColumns[j]!;
      const i = at[c]!;
      let v: number;
      if (ends[i] === starts[i]! + (quoted[i] ? 2 : 0)) emptyCell(this.empties, c, recordLine);
      if (quoted[i]) {
        const parsed = parseCell(COLUMNS[c]!, unquote(b, starts[i]!, ends[i]!));
        v = parsed.ok ? parsed.value : -1;
      } else v = convert(c, b, starts[i]!, ends[i]!);
      if (!(v >= 0)) {
        // -1, or NaN
        ok = false;
        const raw = this.text(b, i);
        const parsed = parseCell(COLUMNS[c]!, raw);
        this.problem(
          recordLine,
          i + 1,
          columnLabel(COLUMNS[c]!, this.names?.[i]),
          invalidMessage(raw, parsed.ok ? 'a valid value' : parsed.expected, this.text(b, pidAt), this.text(b, hAt)),
        );
      }
      values[c] = v;
    }
    if (ok) this.keep(ids, hs, he, ps, pe, recordLine);
  }

  /** A good row (its values in this.values, its ids in b): into the part. */
  private keep(b: Uint8Array, hs: number, he: number, ps: number, pe: number, recordLine: number): void {
    const { values } = this;
    if (
      this.opts.cut &&
      !(this.lastId?.length === he - hs && equalBytes(this.lastId, 0, b, hs, he - hs)) &&
      !this.newHousehold(b, hs, he, recordLine)
    )
      return;
    this.writer.add(b, hs, he, ps, pe, values, recordLine);
  }

  /** Streaming: a household starts. Checks the order, and hands over a part at a household boundary. */
  private newHousehold(ids: Uint8Array, hs: number, he: number, recordLine: number): boolean {
    const hid = decoder.decode(ids.subarray(hs, he));
    if (this.lastId !== null) {
      const last = decoder.decode(this.lastId);
      this.plainOrder &&= last < hid;
      this.naturalOrder &&= naturalLess(last, hid);
      if (!this.plainOrder && !this.naturalOrder) {
        this.problem(
          recordLine,
          this.at[C.household_id]! + 1,
          `household ${hid}`,
          `comes after household ${last}: --stream needs the rows grouped by household_id in sorted order (sort the file, or run without --stream)`,
        );
        this.stop = true;
        return false;
      }
    }
    this.lastId = ids.slice(hs, he);
    if (this.writer.segments >= this.opts.cut!.households) this.opts.cut!.onPart(this.take());
    return true;
  }

  /** The records from here on are the file's byte range `index` (io/part.ts PartWriter.beginRange). */
  beginRange = (index: number): void => this.writer.beginRange(index);
  /** At a range's end: whether the part may go on with another range (io/part.ts PartWriter.continues). */
  continues = (): boolean => !this.stop && this.writer.continues();

  /** The rows read so far as a part (with the problems found on them), and a fresh writer for the rest. */
  take(): ParsedPart {
    const part = this.writer.done();
    this.writer = new PartWriter(this.opts.cut ? part.rows : 1024, this.opts.shared);
    const empties = this.empties.slice();
    clearEmpties(this.empties);
    return { part, problems: this.problems.splice(0), fatal: this.fatal, lines: this.line - 1, empties };
  }
}
