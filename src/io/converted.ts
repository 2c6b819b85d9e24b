// Canonical CSV made from a households file that is not one (io/foreign.ts, io/workbook.ts): its stream, its head and
// where a problem found in it lies in the file.
import { Readable } from 'node:stream';
import type { Where } from '../errors.js';
import { HEAD } from './households-kind.js';

/** A file turned into canonical CSV. */
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

/** Canonical CSV made whole (a workbook's, a Parquet file's, a pipe's), as a Converted. */
export function whole(bytes: Buffer, notes: readonly string[], where: (w: Where) => Where): Converted {
  return { open: () => Readable.from([bytes]), head: bytes.subarray(0, HEAD), size: bytes.length, notes, where };
}

/** Records as CSV text, one per line, quoted where a field needs it. */
export function toCsv(records: readonly (readonly string[])[]): Buffer {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return Buffer.from(records.map((r) => r.map(field).join(',')).join('\n') + '\n', 'utf8');
}

/** A problem's words with the canonical CSV's lines ("on line 4") as the file's rows. */
export const rowWords =
  (rowOf: (line: number) => number) =>
  (message: string): string =>
    message.replace(/\bline (\d+)\b/g, (_, l: string) => `row ${rowOf(Number(l))}`);
