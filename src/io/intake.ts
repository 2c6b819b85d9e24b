// What stands between a households file's bytes and a reader: the file must be a text CSV (not a workbook, UTF-16 text
// or a binary file), in UTF-8, with records of a sensible length (a record past MAX_RECORD bytes means a quote never
// closed, or no CSV at all — and reading on would hold the rest of the file in memory). Both readers apply these checks
// to whole records, with the same words and the same lines: the fast reader in feed() and FastReader.records(), the
// reference reader through an Intake, which also hands csv-parse whole records only.
import { CR, LF, lineBreaks, QUOTE } from './fast-fields.js';
import { firstTextProblem, sniffFormat } from './text-checks.js';

export const MAX_RECORD = 1 << 20;
/** How many of a file's first bytes are looked at to tell whether it is a text CSV. */
export const HEAD = 4096;

/** A problem found at the intake, located by line (and column, for a byte that is not UTF-8). */
export interface IntakeProblem {
  readonly line: number;
  readonly col?: number;
  readonly message: string;
}

/** The words for a record past MAX_RECORD bytes (line: a number, or the fast reader's "{line}" placeholder). */
export function tooLongMessage(line: number | string): string {
  return `CSV: a record longer than 1 MiB (${MAX_RECORD} bytes) starts on line ${line}: a households file has one short line per person (is a quote never closed, or is this not a CSV?)`;
}

/**
 * The words for a row of another number of fields than the header, which ends the reading (both readers). It was
 * csv-parse's "Invalid Record Length: expect 8, got 7 on line 7", with no word of the likely cause, nor that no
 * problem after it was looked for (a researcher fixed six, and met six more).
 */
export function recordLengthMessage(expected: number, got: number): string {
  const cause =
    got < expected
      ? 'a value missing (an empty one is still a comma)'
      : 'a comma inside a value that is not in quotes ("1,000" or 1000, not 1,000), or a comma too many';
  return `CSV: ${got} fields where the header has ${expected}: ${cause}? Reading stopped at this row: fix it, and run again for any problem after it`;
}

/**
 * The words for a quote inside a field that does not start with one, which ends the reading (both readers). It was
 * csv-parse's "a quote is found on field 1", counted from 0 and with no column (a QA trial).
 */
export function strayQuoteMessage(value: string): string {
  return `CSV: a quote inside the field ${JSON.stringify(value)}, which does not start with one: a field with a quote in it is written in quotes, its own quotes doubled ("a""b" for a"b); reading stopped at this row`;
}

/**
 * The words for a quote never closed (both readers; told at the line of the record it opens in, and its field). It was
 * csv-parse's "the parsing is finished with an opening quote at line 1698", the file's last line, where the quote had
 * opened on line 8 (a data engineer's trial).
 */
export const UNCLOSED_QUOTE =
  'CSV: a quote opens this field and is never closed: every line after it was read into the field, to the end of the file; a field with a quote in it is written in quotes, its own quotes doubled ("a""b" for a"b)';

/** The words for a character after the quote that closes a field, ending the reading (both readers). */
export function afterQuoteMessage(what: string): string {
  return `CSV: ${what} after the quote that closes this field: a field in quotes ends at its quote, then a comma or the line's end (write the whole value inside the quotes, its own quotes doubled: "a""b" for a"b); reading stopped at this row`;
}

/** The words for a file that is plainly not a text CSV, or null. */
export function formatProblem(head: Uint8Array): string | null {
  const format = sniffFormat(head);
  return format && `the file is ${format}`;
}

/**
 * Cuts a byte stream into runs of whole records in linear time, however small the chunks: each byte is looked at
 * once (for quotes and line ends), and an unfinished record's chunks are joined once, when it ends.
 */
export class RecordCutter {
  private parts: Buffer[] = [];
  /** The bytes of the unfinished record held. */
  pending = 0;
  private inQuotes = false;

  /** The whole records completed by the chunk (with any unfinished record before it), or null. */
  push(chunk: Buffer): Buffer | null {
    // A record ends at an LF, or at a CR not followed by one (a CR that ends the chunk waits for the next: it may be a
    // CR LF's — the records before it are whole; holding the whole chunk for it, an old-Mac file read in chunks that
    // ended on a CR held more and more, and from 1 MiB was "a record longer than 1 MiB": a QA trial's 20 MB file).
    let end = -1;
    if (!this.inQuotes && chunk.indexOf(QUOTE) < 0) {
      end = chunk.lastIndexOf(LF);
      let cr = chunk.lastIndexOf(CR);
      if (cr === chunk.length - 1) cr = cr > 0 ? chunk.lastIndexOf(CR, cr - 1) : -1;
      if (cr > end) end = cr;
    } else {
      let q = this.inQuotes;
      for (let i = 0; i < chunk.length; i++) {
        const x = chunk[i];
        if (x === QUOTE) q = !q;
        else if (!q && (x === LF || (x === CR && i + 1 < chunk.length && chunk[i + 1] !== LF))) end = i;
      }
      this.inQuotes = q;
    }
    if (end < 0) {
      this.parts.push(chunk);
      this.pending += chunk.length;
      return null;
    }
    const whole = this.parts.length ? Buffer.concat([...this.parts, chunk.subarray(0, end + 1)]) : chunk.subarray(0, end + 1);
    // What follows the last line end is kept as a copy (the chunk's memory may be reused).
    this.parts = end + 1 < chunk.length ? [Buffer.from(chunk.subarray(end + 1))] : [];
    this.pending = chunk.length - end - 1;
    return whole;
  }

  /** At the end of the input: the unfinished last record, or null. */
  rest(): Buffer | null {
    const rest = this.parts.length ? Buffer.concat(this.parts) : null;
    this.parts = [];
    this.pending = 0;
    return rest;
  }
}

/** For the reference reader: takes the raw chunks, passes on whole records only, and stops at the first problem. */
export class Intake {
  private cutter = new RecordCutter();
  /** The file's first bytes, until HEAD of them are in (or the input ends). */
  private head: Buffer | null = Buffer.alloc(0);
  /** The line the pending bytes start on. */
  private line = 1;
  problem: IntakeProblem | null = null;

  /** The next chunk: the bytes to parse now (whole records), or null. After a problem, nothing more. */
  take(chunk: Buffer): Buffer | null {
    if (this.problem) return null;
    if (this.head) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < HEAD) return null;
      chunk = this.head;
      this.head = null;
      if (this.sniff(chunk)) return null;
    }
    const b = this.cutter.push(chunk);
    const whole = b && this.checked(b, b.length);
    if (!this.problem && this.cutter.pending > MAX_RECORD) this.problem = { line: this.line, message: tooLongMessage(this.line) };
    return whole;
  }

  /** At the end of the input: the rest (an unfinished last record), checked likewise. */
  flush(): Buffer | null {
    if (this.head) {
      const head = this.head;
      this.head = null;
      if (!head.length || this.sniff(head)) return null;
      const whole = this.cutter.push(head);
      const rest = this.cutter.rest();
      const b = whole && rest ? Buffer.concat([whole, rest]) : (whole ?? rest);
      return b && this.checked(b, b.length);
    }
    const b = this.problem ? null : this.cutter.rest();
    return b && this.checked(b, b.length);
  }

  /** Whether the file's first bytes say it is not a text CSV (then that is the problem). */
  private sniff(head: Buffer): boolean {
    const format = formatProblem(head);
    if (format) this.problem = { line: 1, message: format };
    return format !== null;
  }

  /** b[0, end) if it is UTF-8; else the lines before the first bad byte, and the problem. Counts the lines passed on. */
  private checked(b: Buffer, end: number): Buffer {
    const bad = firstTextProblem(b, 0, end, this.line);
    let pass = end;
    if (bad) {
      this.problem = bad.problem;
      pass = b.lastIndexOf(LF, bad.at) + 1;
    }
    this.line += lineBreaks(b, 0, pass);
    return b.subarray(0, pass);
  }
}
