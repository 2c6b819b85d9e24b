// Line numbers for the reference reader. jiuzhu counts a line end as LF, CR LF or CR alone, once each, inside quotes
// or not (as the fast reader counts, and as editors show). csv-parse counts the same, but a CR LF inside quotes as
// two lines; so the reference reader takes its records' places from csv-parse's byte offsets, and translates the
// line numbers in csv-parse's own errors. Fed the bytes handed to csv-parse, in order; keeps only the bytes not yet
// passed by a complete record.
import { CR, LF, QUOTE } from './fast-fields.js';

const FF = 0x0c;
const blank = (x: number | undefined) => x === 0x20 || x === 0x09 || x === FF || x === CR || x === LF;

interface Pass {
  readonly start: number;
  readonly b: Buffer;
  /** Where the pass starts: jiuzhu's line, csv-parse's line, and whether inside quotes. */
  readonly line: number;
  readonly csvLine: number;
  readonly inQuotes: boolean;
}

export class ReferenceLines {
  private passes: Pass[] = [];
  private end = 0;
  private line = 1;
  private csvLine = 1;
  private inQuotes = false;
  /** A place passed by the records so far, and its line. */
  private at = 0;
  private atLine = 1;

  /** The next bytes handed to csv-parse. */
  add(b: Buffer): void {
    this.passes.push({ start: this.end, b, line: this.line, csvLine: this.csvLine, inQuotes: this.inQuotes });
    let { line, csvLine, inQuotes } = this;
    for (let i = 0; i < b.length; i++) {
      const x = b[i];
      if (x === QUOTE) inQuotes = !inQuotes;
      else if (x === LF) {
        line++;
        csvLine++;
      } else if (x === CR) {
        if (b[i + 1] !== LF) line++;
        if (b[i + 1] !== LF || inQuotes) csvLine++;
      }
    }
    Object.assign(this, { line, csvLine, inQuotes });
    this.end += b.length;
  }

  /** The line of the record after the one that ends at `offset` (csv-parse's info.bytes; 0 for the first). */
  recordLine(offset: number): number {
    this.advance(offset);
    for (;;) {
      const x = this.byteAt(this.at);
      if (!blank(x)) return this.atLine;
      this.step();
    }
  }

  /** csv-parse's line number `n` (in an error), as jiuzhu counts lines. */
  fromCsvParse(n: number): number {
    for (let k = this.passes.length - 1; k >= 0; k--) {
      const pass = this.passes[k]!;
      if (pass.csvLine > n) continue;
      let { line, csvLine, inQuotes } = pass;
      const { b } = pass;
      for (let i = 0; i < b.length && csvLine < n; i++) {
        const x = b[i];
        if (x === QUOTE) inQuotes = !inQuotes;
        else if (x === LF) {
          line++;
          csvLine++;
        } else if (x === CR) {
          if (b[i + 1] !== LF) line++;
          if (b[i + 1] !== LF || inQuotes) csvLine++;
        }
      }
      return line;
    }
    return n;
  }

  private byteAt(offset: number): number | undefined {
    const pass = this.passes[0];
    if (!pass) return undefined;
    return offset - pass.start < pass.b.length ? pass.b[offset - pass.start] : this.passes[1]?.b[offset - this.passes[1].start];
  }

  /** Moves one byte on, counting a line end passed. */
  private step(): void {
    const x = this.byteAt(this.at);
    if (x === undefined) return;
    if (x === LF || (x === CR && this.byteAt(this.at + 1) !== LF)) this.atLine++;
    this.at++;
    const first = this.passes[0]!;
    if (this.at >= first.start + first.b.length && this.passes.length > 1) this.passes.shift();
  }

  private advance(offset: number): void {
    while (this.at < offset && this.at < this.end) this.step();
  }
}
