// Reading and writing the snapshot file of `jiuzhu check` (core/snapshot.ts makes and checks its contents).
import { stat } from 'node:fs/promises';
import { readInputText } from './files.js';
import { snapshotFrom, type TotalsSnapshot } from '../core/snapshot.js';
import { InputError } from '../errors.js';
import { AtomicFile } from './atomic-file.js';

/** The snapshot, or null when the file does not exist. */
export async function readSnapshot(path: string): Promise<TotalsSnapshot | null> {
  if (!(await stat(path).catch(() => null))) return null;
  const text = await readInputText(path, 'snapshot');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // (a merge's conflict markers are the likeliest cause in a repository: said so)
    const conflict = /^(<{7}|={7}|>{7})( |$)/m.exec(text);
    const at = conflict?.index ?? Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? NaN);
    const where = Number.isNaN(at) ? { file: path } : { file: path, ...lineCol(text, at) };
    throw new InputError(
      [
        {
          where,
          message: conflict ? 'a merge conflict marker: the snapshot was merged by hand' : `not valid JSON: ${(e as Error).message}`,
        },
      ],
      'recreate it with jiuzhu check … --update',
    );
  }
  const s = snapshotFrom(json, path);
  if (Array.isArray(s)) throw new InputError(s, 'recreate it with jiuzhu check … --update');
  return s;
}

export async function writeSnapshot(path: string, s: TotalsSnapshot): Promise<void> {
  const out = await AtomicFile.open(path);
  await out.write(JSON.stringify(s, null, 2) + '\n');
  await out.commit();
}

/** The 1-based line and column of a character offset. */
function lineCol(text: string, at: number): { line: number; col: number } {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, col: at - before.lastIndexOf('\n') };
}
