// What a households file is, from its name and its first bytes: the one decision of how it is read, made by
// io/foreign.ts for every command, and by cli/prestart.ts to start reading a plain CSV before the CLI has loaded.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Population } from '../core/population.js';
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

/** What a population file shows of itself at its two ends (io/generated.ts tells from them where it was drawn). */
export interface FileEnds {
  /** The household_id of its first row and of its last. */
  readonly firstId: string;
  readonly lastId: string;
  /** Its first row's weight in millionths (as `jiuzhu generate` writes it, six decimals), or null if not one. */
  readonly firstWeight: bigint | null;
}

/**
 * A population's ends as `jiuzhu import` records them in an Arrow file's metadata (`jiuzhu.ends`): read back by
 * endsRecorded, so that telling where a file was drawn need not read two of its batches (~50 ms at 1M households).
 */
export function endsOf(pop: Population): string {
  const n = pop.householdCount;
  if (n === 0) return '';
  return JSON.stringify({
    first_household_id: pop.householdIds.at(0),
    last_household_id: pop.householdIds.at(n - 1),
    first_weight_millionths: pop.weight[0],
  });
}

/** A weight in millionths as a file holds it (a number), or null where it is not a whole one. */
export const weightMillionths = (v: unknown): bigint | null => (typeof v === 'number' && Number.isSafeInteger(v) ? BigInt(v) : null);

/** The ends endsOf recorded; null when there are none or they are not as it writes them. */
export function endsRecorded(text: string | undefined): FileEnds | null {
  try {
    const e = JSON.parse(text ?? '') as Record<string, unknown>;
    const [firstId, lastId, weight] = [e.first_household_id, e.last_household_id, e.first_weight_millionths];
    if (typeof firstId !== 'string' || typeof lastId !== 'string') return null;
    return { firstId, lastId, firstWeight: weightMillionths(weight) };
  } catch {
    return null;
  }
}

/**
 * A CSV or Arrow file's first and last household ids and its first weight, from its first and last bytes (a regular
 * file only; null for anything else or where it cannot tell). Never a pipe or a FIFO: opening one again would wait for a
 * writer, or take bytes its reader needs.
 */
export async function fileEnds(path: string): Promise<FileEnds | null> {
  let fd: number | null = null;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    const size = stat.size;
    fd = openSync(path, 'r');
    const head = Buffer.alloc(8192);
    const n = readSync(fd, head, 0, head.length, 0);
    // (an Arrow file jiuzhu import made of a generated CSV is that population too: its notes were lost — a trial)
    if (head.toString('latin1', 0, 6) === ARROW_MAGIC) return (await import('./arrow-source.js')).arrowFileEnds(path);
    const [header, first] = head
      .toString('utf8', 0, n)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    const names = header?.split(',') ?? [];
    const at = names.indexOf('household_id');
    if (at < 0 || first === undefined) return null;
    const tail = Buffer.alloc(Math.min(8192, size));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const lines = tail
      .toString('utf8')
      .split(/\r?\n/)
      .filter((l) => l !== '');
    const firstId = first.split(',')[at];
    const lastId = lines.length > 1 ? lines.at(-1)!.split(',')[at] : undefined;
    if (firstId === undefined || lastId === undefined) return null;
    return { firstId, lastId, firstWeight: millionths(first.split(',')[names.indexOf('weight')]) };
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** A weight written with six decimals (41.761639), in millionths; null for any other text. */
export function millionths(text: string | undefined): bigint | null {
  const m = /^(\d+)\.(\d{6})$/.exec(text ?? '');
  return m ? BigInt(m[1]! + m[2]!) : null;
}
