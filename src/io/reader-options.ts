// What the fast reader (fast-csv.ts) is told: the header of a worker's range, the bytes to come, where progress,
// windows of households and streamed chunks go.
import type { Population } from '../core/population.js';
import type { ParsedPart } from './assemble.js';
import type { WindowSink } from './part.js';

/**
 * Streaming: households are handed over in chunks of about `households` as soon as they are complete, and
 * nothing is kept. Rows must come grouped by household_id in sorted order (plain or natural, so H2 before
 * H10 is fine), which makes a household complete when the next id starts; person_id uniqueness is then checked
 * within each chunk only.
 */
export interface StreamOptions {
  readonly households: number;
  readonly onChunk: (chunk: Population) => Promise<void>;
}

export interface ReaderOptions {
  /** The header's names, when the bytes start after the header (a worker's range); else the first record is the header. */
  readonly header?: readonly string[];
  /**
   * The bytes to come, when known: the columns start with room for the rows of the first MB (at 16 bytes a row), then
   * are sized once from the rows it held (PartWriter.expect).
   */
  readonly expectedBytes?: number;
  /** Called every 4096 rows. */
  readonly onRows?: (rows: number) => void;
  /** The evaluated columns in shared memory (PartWriter). */
  readonly shared?: boolean;
  /** Where windows of households go once it is ready, instead of staying in the part (PartWriter). */
  readonly sink?: WindowSink;
  /** Cut the part at household boundaries every `households` households (streaming); see StreamOptions. */
  readonly cut?: { readonly households: number; readonly onPart: (p: ParsedPart) => void };
}
