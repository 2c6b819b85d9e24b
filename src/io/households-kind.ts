// What a households file is, from its name and its first bytes: the one decision of how it is read, made by
// io/foreign.ts for every command, and by cli/prestart.ts to start reading a plain CSV before the CLI has loaded.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { ARROW_MAGIC, firstInvalidUtf8, sniffFormat } from './text-checks.js';

/** The bytes a file is sniffed by. */
export const HEAD = 1 << 16;

/** How a file is read: a population file, a workbook or Parquet file, a CSV turned first, or a UTF-8 CSV as it is. */
export type HouseholdsKind = 'arrow' | 'workbook' | 'parquet' | 'turned' | 'csv';

/** `head`: the file's first HEAD bytes (fewer when it is shorter). */
export function householdsKind(
  path: string,
  head: Uint8Array,
  o: { readonly encoding?: string; readonly columns?: unknown },
): HouseholdsKind {
  const name = path.toLowerCase();
  if (name.endsWith('.arrow') || Buffer.from(head.subarray(0, 6)).toString('latin1') === ARROW_MAGIC) return 'arrow';
  if (name.endsWith('.xlsx') || sniffFormat(head)?.startsWith('a ZIP archive')) return 'workbook';
  if (name.endsWith('.parquet') || sniffFormat(head)?.startsWith('a Parquet file')) return 'parquet';
  // A compressed file or other text than UTF-8/GB18030 (UTF-16) is read as a CSV, whose reader names what it is.
  if (sniffFormat(head)) return 'csv';
  return gb18030(head, o.encoding) || o.columns ? 'turned' : 'csv';
}

/**
 * Read as GB18030: asked for, or not UTF-8 at its start (what Excel on Chinese Windows writes; a file that is neither
 * gets a located error at the first byte).
 */
export function gb18030(head: Uint8Array, encoding: string | undefined): boolean {
  return encoding === 'gb18030' || (encoding === undefined && startsNotUtf8(head));
}

function startsNotUtf8(head: Uint8Array): boolean {
  const end = head.length < HEAD ? head.length : head.lastIndexOf(0x0a) + 1;
  return firstInvalidUtf8(head, 0, end) >= 0;
}

/**
 * The household_id of a CSV or Arrow file's first row, from its first bytes (a regular file only; null for anything else or
 * where it cannot tell): to see whether a file is one `jiuzhu generate` wrote (core/ids.ts GENERATED_ID). Never a pipe
 * or a FIFO: opening one again would wait for a writer, or take bytes its reader needs.
 */
export async function firstHouseholdId(path: string): Promise<string | null> {
  let fd: number | null = null;
  try {
    if (!statSync(path).isFile()) return null;
    fd = openSync(path, 'r');
    const head = Buffer.alloc(8192);
    const n = readSync(fd, head, 0, head.length, 0);
    // (an Arrow file jiuzhu import made of a generated CSV is that population too: its notes were lost — a trial)
    if (head.toString('latin1', 0, 6) === ARROW_MAGIC) return (await import('./arrow-source.js')).firstArrowHouseholdId(path);
    const [header, first] = head
      .toString('utf8', 0, n)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    const at = header?.split(',').indexOf('household_id') ?? -1;
    return at >= 0 && first !== undefined ? (first.split(',')[at] ?? null) : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
