// Where an Arrow population file came from, as `jiuzhu import` recorded it (its schema's `jiuzhu.source`).
import { open, stat } from 'node:fs/promises';
import { arrowLib } from './arrow-lib.js';
import { readArrowLayout } from './arrow-file.js';
import { batchReader, decode } from './arrow.js';
import { endsRecorded, weightMillionths, type FileEnds } from './households-kind.js';

const { RecordBatchReader } = arrowLib;

/**
 * The file `jiuzhu import` read to make this one (its `jiuzhu.source` as given then), when it is still there and was
 * changed after: a nightly job read last week's roll from a stale Arrow file, exit 0, not a word (a data engineer's
 * trial). Compared by modification time (reading the source again would cost what import saves); null when all is well
 * or nothing can be told (another tool's file, a source moved away).
 */
export async function staleSource(file: string): Promise<string | null> {
  try {
    // The file's own layout first (bounds checked): apache-arrow, given a damaged footer, allocated until the heap ran
    // out, deaf to Ctrl-C (a fuzzing trial's --stream run, whose note comes before the read that tells the damage).
    readArrowLayout(file);
    const handle = await open(file, 'r');
    let source: string | undefined;
    try {
      const r = await RecordBatchReader.from(handle);
      await r.open();
      source = r.schema.metadata.get('jiuzhu.source');
    } finally {
      await handle.close();
    }
    if (!source || source === '/dev/stdin') return null;
    const [made, from] = await Promise.all([stat(file), stat(source)]);
    return from.isFile() && from.mtimeMs > made.mtimeMs ? source : null;
  } catch {
    return null;
  }
}

/**
 * An Arrow population file's first and last household ids and first weight: as `jiuzhu import` recorded them, where its
 * batches are as import wrote them (arrow-file.ts asImported); else from its first and last batches, decoded.
 */
export async function arrowFileEnds(file: string): Promise<FileEnds | null> {
  try {
    const layout = readArrowLayout(file);
    const recorded = layout.asImported ? endsRecorded(layout.metadata?.get('jiuzhu.ends')) : null;
    if (recorded) return recorded;
    const reader = await batchReader(file);
    try {
      if (!reader.batchCount) return null;
      const first = decode(reader, 0);
      const last = reader.batchCount > 1 ? decode(reader, reader.batchCount - 1) : first;
      const firstId: unknown = first.getChild('household_id')?.get(0);
      const lastId: unknown = last.getChild('household_id')?.get(last.numRows - 1);
      const weight: unknown = first.getChild('weight_millionths')?.get(0);
      if (typeof firstId !== 'string' || typeof lastId !== 'string') return null;
      return { firstId, lastId, firstWeight: weightMillionths(weight) };
    } finally {
      reader.close();
    }
  } catch {
    return null;
  }
}
