// What a households file must be before its records are read: text, in UTF-8. A file of another format (a workbook,
// UTF-16 text, a compressed or binary file) is named as such; bytes that are not UTF-8 are found and located (never
// decoded lossily: two GB18030 ids would both print as "��" and be taken for one). Both readers use these, so they say
// the same thing in the same words. And a value shown in a message is shown safely: control bytes escaped, long text cut.
import { isUtf8 } from 'node:buffer';
import { CR, LF } from './fast-fields.js';
import { shownId } from '../core/invisible.js';

/** Names the format of a file by its first bytes when it is plainly not a text CSV, else null. */
export function sniffFormat(head: Uint8Array): string | null {
  const starts = (...bytes: number[]) => bytes.every((x, i) => head[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a ZIP archive — an Excel workbook (.xlsx) is one: save the sheet as "CSV UTF-8"';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old Excel workbook (.xls): save the sheet as "CSV UTF-8"';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'UTF-16 text: save it as UTF-8';
  if (starts(0x1f, 0x8b)) return 'a gzip-compressed file: decompress it first (gunzip -k FILE, or zcat FILE | jiuzhu … --households -)';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00))
    return 'an xz-compressed file: decompress it first (unxz -k FILE, or xzcat FILE | jiuzhu … --households -)';
  if (starts(0x42, 0x5a, 0x68)) return 'a bzip2-compressed file: decompress it first (bunzip2 -k FILE)';
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'a zstd-compressed file: decompress it first (unzstd FILE)';
  if (starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return 'a 7z archive: extract the CSV from it first';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF document, not a CSV';
  if (starts(0x50, 0x41, 0x52, 0x31)) return 'a Parquet file, not a CSV';
  // Binary: NUL bytes on the first line or many in the first 4 KB. A text file with a stray NUL is told at its line and
  // column (firstTextProblem): it was said to be binary at line 1, and one past the first 4 KB was taken in silence.
  const n = Math.min(head.length, 4096);
  let nuls = 0;
  let firstLine = true;
  for (let i = 0; i < n; i++) {
    if (head[i] === LF) firstLine = false;
    else if (head[i] === 0 && (firstLine || ++nuls >= 8)) return 'binary (it holds NUL bytes), not a text CSV';
  }
  return null;
}

/**
 * The first byte of b[from, to) that a text CSV cannot hold — one that is not UTF-8, or a NUL (0x00: binary data, or a
 * file cut or written over) — told at its line and column (`line` is the line b[from] is on); null if there is none.
 */
export function firstTextProblem(
  b: Uint8Array,
  from: number,
  to: number,
  line: number,
): { at: number; problem: { line: number; col: number; message: string } } | null {
  const bad = firstInvalidUtf8(b, from, to);
  const found = b.subarray(from, to).indexOf(0); // (a Buffer's indexOf: memchr, ~6 ms for 120 MB)
  const nul = found < 0 ? -1 : from + found;
  if (nul >= 0 && (bad < 0 || nul < bad)) {
    const { line: l, col } = locate(b, from, nul, line);
    return {
      at: nul,
      problem: { line: l, col, message: 'a NUL byte (0x00), which a text CSV never holds: binary data, or a file cut or written over?' },
    };
  }
  return bad < 0 ? null : { at: bad, problem: utf8Problem(b, from, bad, line) };
}

/** The line and column (the field, counting commas) of byte `at`, and where its line starts. */
function locate(b: Uint8Array, from: number, at: number, line: number): { line: number; col: number; lineStart: number } {
  let lineStart = from;
  for (let i = from; i < at; i++) {
    if (b[i] === LF || (b[i] === CR && b[i + 1] !== LF)) {
      line++;
      lineStart = i + 1;
    }
  }
  let col = 1;
  for (let i = lineStart; i < at; i++) if (b[i] === 0x2c) col++;
  return { line, col, lineStart };
}

/** The first byte of b[from, to) that does not belong to a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array, from: number, to: number): number {
  if (isUtf8(b.subarray(from, to))) return -1;
  for (let i = from; i < to;) {
    const x = b[i]!;
    const len = x < 0x80 ? 1 : x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > to) return i;
    if (len > 1 && !isUtf8(b.subarray(i, i + len))) return i;
    i += len;
  }
  return -1;
}

const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * The problem with bytes b[from, to) that are not UTF-8, found at byte `bad`: its line (`line` is the line b[from]
 * is on) and column (the field, counting commas from the line's start), and which encoding the line reads as.
 */
export function utf8Problem(
  b: Uint8Array,
  from: number,
  bad: number,
  line: number,
  /** A households CSV (Excel's advice), or a text file such as a policy (a text editor's). */
  kind: 'csv' | 'text' = 'csv',
): { line: number; col: number; message: string } {
  const where = locate(b, from, bad, line);
  const { col, lineStart } = where;
  line = where.line;
  let lineEnd = bad;
  while (lineEnd < b.length && b[lineEnd] !== LF && b[lineEnd] !== CR) lineEnd++;
  let reads: string;
  try {
    const text = gb18030.decode(b.subarray(lineStart, lineEnd));
    reads = `; the line reads as GB18030 (GBK${kind === 'csv' ? ', as Excel on Chinese Windows saves CSV' : ''}): "${showText(text, 60)}"`;
  } catch {
    reads = '';
  }
  return {
    line,
    col,
    message: `the file is not UTF-8: byte 0x${b[bad]!.toString(16).toUpperCase().padStart(2, '0')} cannot be read as UTF-8${reads}. Save the file as UTF-8 (${kind === 'csv' ? '"CSV UTF-8" in Excel' : 'in a text editor: Save As, encoding UTF-8'})${reads && kind === 'csv' ? ', or read it as it is with --encoding gb18030' : ''}`,
  };
}

/** Text for a message: control characters shown as escapes, at most `max` characters (the rest counted). */
export function showText(s: string, max = 80): string {
  const safe = shownId(s.length > max ? s.slice(0, max) : s);
  return s.length > max ? `${safe}… (${s.length} characters)` : safe;
}

/** The first bytes of an Arrow IPC file (io/arrow.ts reads it). */
export const ARROW_MAGIC = 'ARROW1';
